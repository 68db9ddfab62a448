"""A record of the decision for the therapist's file: made on the device from what the page
shows, downloaded as Word or text, and holding each answer, the outcome and its sources."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from checker import SOURCES
from tests.support.checker_page import READY, RecordedPage, open_checker, outcome, walk
from tests.support.journeys import THERAPIST_TO

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("kind", ["record_docx", "record"])
def test_a_therapist_downloads_a_record_of_the_decision(recorded: RecordedPage, tmp_path: Path,
                                                        kind: str) -> None:
    page = recorded.page
    open_checker(recorded)
    walk(recorded, THERAPIST_TO["decline-and-preserve"])
    outcome(recorded, "decline-and-preserve")
    panel = page.locator('[data-outcome="decline-and-preserve"]')
    panel.locator('[data-detail="sender_name"]').fill("Sam Carter")
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    block = panel.locator("[data-record]")
    with page.expect_download(timeout=READY) as download:
        block.locator(f'[data-record-action="{kind}"]').click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    if kind == "record_docx":
        assert saved.name == "decision-record.docx"
        text = "\n".join(paragraph.text for paragraph in docx.Document(str(saved)).paragraphs)
    else:
        assert saved.name == "decision-record.txt"
        text = saved.read_text(encoding="utf-8")
    summary = page.locator(".checker-summary dd")
    answers = [summary.nth(i).evaluate("dd => dd.firstChild.textContent") for i in range(summary.count())]
    assert answers and all(answer in text for answer in answers), "every answer, as the page words it"
    assert panel.locator("h2").evaluate("h => h.firstChild.textContent.trim()") in text
    cited = panel.locator("[data-source]:visible")
    for i in range(cited.count()):
        assert SOURCES[cited.nth(i).get_attribute("data-source")].title in text
    assert "Sam Carter" in text, "the letter drafted goes in the record"
    assert block.locator(".checker-record-status").inner_text() != ""
