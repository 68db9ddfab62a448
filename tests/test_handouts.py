"""The handouts (docs/handouts/): each prints on one sheet of A4 with the law's date, the date
printed and the site's address; each is built from the guidance's own fragments; each is linked
from the home page and from the pages it serves. Their reading ease is scored with every other
page's in tests/test_content_readability.py."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import RecordedPage
from tests.support.printing import LAW_DATE, printed_today

ROOT = Path(__file__).resolve().parents[1]
HANDOUTS = {
    "therapist-card": ["index.html", "therapists/index.html"],
    "client-leaflet": ["index.html", "therapists/index.html", "therapists/before-a-request/index.html"],
    "survivor-card": ["index.html", "survivors/index.html", "survivors/police-ask/index.html"],
}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("handout", HANDOUTS)
def test_a_handout_prints_on_one_a4_page_with_its_dates_and_address(
        recorded: RecordedPage, tmp_path: Path, handout: str) -> None:
    from pypdf import PdfReader

    page = recorded.page
    before = date.today() - timedelta(days=1)
    url = f"{recorded.site_url}/handouts/{handout}/"
    page.goto(url)
    page.wait_for_load_state("load")
    pdf = tmp_path / f"{handout}.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    width, height = (round(float(side) * 25.4 / 72) for side in reader.pages[0].mediabox[2:])
    assert (width, height) == (210, 297)  # mm
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    assert LAW_DATE in text and printed_today(text, before)
    assert url in text.replace(" ", "")
    assert page.locator("article h1").first.inner_text().rstrip("¶").strip() in text


@pytest.mark.parametrize("handout", HANDOUTS)
def test_a_handout_states_the_law_only_through_the_guidances_fragments(handout: str) -> None:
    """Every sourced statement comes from docs/includes/fragments/, so a handout never holds a
    second copy of a legal statement that could fall out of step with the guidance."""
    source = (ROOT / "docs" / "handouts" / f"{handout}.md").read_text(encoding="utf-8")
    assert re.search(r"\{!fragments/[\w-]+\.md!\}", source)
    own_words = re.sub(r"\{!.*?!\}", "", source)
    assert not re.search(r"\bSources?:|legislation\.gov\.uk|\bsection \d", own_words)


@pytest.mark.slow
def test_each_handout_is_in_the_nav_and_linked_from_the_pages_it_serves(built_site: Path) -> None:
    for handout, pages in HANDOUTS.items():
        assert (built_site / "handouts" / handout / "index.html").exists()
        for linking in [*pages, "handouts/index.html"]:
            html = (built_site / linking).read_text(encoding="utf-8")
            assert re.search(rf'<a [^>]*href="[./]*handouts/{handout}/"', html) or \
                re.search(rf'<a [^>]*href="{handout}/"', html), (handout, linking)
        nav = (built_site / "therapists" / "index.html").read_text(encoding="utf-8")
        assert f'href="../handouts/{handout}/"' in nav, handout


@pytest.mark.slow
def test_the_client_agreement_wording_is_under_its_published_anchor(built_site: Path) -> None:
    anchors = (ROOT / "docs" / "includes" / "published-anchors.txt").read_text(encoding="utf-8").split()
    assert "therapists/before-a-request/#client-agreement-wording" in anchors
    html = (built_site / "therapists" / "before-a-request" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="client-agreement-wording"', 1)[1]
    wording = section.split('<div class="wording">', 1)[1].split("</div>", 1)[0]
    assert "a request is not an order" in wording and "pre-trial therapy" in wording
    assert 'href="https://cps.gov.uk/legal-guidance/pre-trial-therapy"' in wording
    assert 'href="../../handouts/client-leaflet/"' in wording
