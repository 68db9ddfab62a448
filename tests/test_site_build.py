"""The real strict build: the wheel and Pyodide are in the site, nothing comes from another host."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from checker import FLOWS, LAW_STATED_AS_AT, OUTCOMES, SOURCES
from sitebuild import html as html_passes
from sitebuild import markers, pages, wheel
from tests.conftest import html_pages

pytestmark = pytest.mark.slow



class Resources(HTMLParser):
    """Collects every URL a page would load by itself (not ordinary links a person follows)."""

    LOADING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"),
               ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
               ("object", "data"), ("track", "src"), ("input", "src"), ("video", "poster")}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.data: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        self.data.append({"tag": tag, **values})
        for name, value in values.items():
            if (tag, name) in self.LOADING:
                self.urls.append(value)
            if name in ("srcset", "imagesrcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if name == "style":
                self.urls += re.findall(r"url\(['\"]?([^'\")]+)", value)
        if tag == "link" and values.get("rel") not in (None, "canonical", "alternate"):
            self.urls.append(values.get("href", ""))


def parse(path: Path) -> Resources:
    parser = Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_foreign(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme not in ("", "data", "blob")


def test_every_page_loads_nothing_from_another_host(built_site: Path) -> None:
    offenders = {}
    for page in html_pages(built_site):
        foreign = [url for url in parse(page).urls if is_foreign(url)]
        if foreign:
            offenders[str(page.relative_to(built_site))] = foreign
    for css in built_site.rglob("*.css"):
        foreign = [u for u in re.findall(r"(?:url\(|@import\s+)['\"]?([^'\")\s;]+)", css.read_text())
                   if is_foreign(u)]
        if foreign:
            offenders[str(css.relative_to(built_site))] = foreign
    assert not offenders


def test_the_resource_check_would_catch_a_foreign_script(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text('<script src="https://cdn.example/x.js"></script><link rel="stylesheet" '
                    'href="//fonts.example/a.css"><img srcset="https://img.example/a.png 2x">')
    assert [is_foreign(u) for u in parse(page).urls] == [True, True, True]


def test_every_page_states_the_law_date(built_site: Path) -> None:
    expected = f'datetime="{LAW_STATED_AS_AT.isoformat()}"'
    missing = [str(p.relative_to(built_site)) for p in html_pages(built_site)
               if p.name == "index.html" and p.parent.name != "site" and "404" not in str(p)
               and expected not in p.read_text(encoding="utf-8")]
    assert not missing


def test_the_checker_page_carries_every_question_and_outcome(built_site: Path) -> None:
    page = parse(built_site / "checker" / "index.html")
    questions = {d["data-question"] for d in page.data if "data-question" in d}
    outcomes = {d["data-outcome"] for d in page.data if "data-outcome" in d}
    assert questions == {"audience"} | {f for flow in FLOWS.values() for f in flow.facts}
    assert outcomes == set(OUTCOMES)
    visible = [d["data-question"] for d in page.data if "data-question" in d and "hidden" not in d]
    assert visible == ["audience"], "only the first question shows before the script runs"
    answers = [d for d in page.data if d.get("data-question") is None and "data-answer" in d]
    assert {a.get("data-next") for a in answers[:2]} == {"risk_now", "where"}
    script = next(d for d in page.data if d.get("id") == "checker-script")
    served = built_site / "checker" / script["data-wheel"]
    assert served.name.endswith("-py3-none-any.whl") and served.exists()
    with zipfile.ZipFile(served) as archive:
        names = archive.namelist()
        # checker-worker.js reads only stored files, each with its size in its local header.
        assert all(info.compress_type == zipfile.ZIP_STORED and not info.flag_bits & 0x8
                   for info in archive.infolist())
    assert "checker/web.py" in names and any(n.endswith("dist-info/RECORD") for n in names)
    pyodide = (built_site / "checker" / script["data-pyodide"]).resolve()
    assert all((pyodide / name).exists() for name in wheel.PYODIDE_FILES)


def test_an_outcome_text_that_would_end_its_data_block_fails_the_build() -> None:
    panels = html_passes.inert_outcome_panels
    assert panels('<section data-outcome="a"><p>fine</p></section>') == \
        '<section data-outcome="a"><script type="text/html"><p>fine</p></script></section>'
    with pytest.raises(ValueError, match="</script"):
        panels('<section data-outcome="a"><p>see </SCRIPT> here</p></section>')


def test_the_checker_page_lays_out_only_what_is_on_show(built_site: Path) -> None:
    """Outcome panels hold their content as text in a data block, and the (hidden) table of
    contents is empty, so the page does not build, list or lay out 25 outcomes at load."""
    text = (built_site / "checker" / "index.html").read_text(encoding="utf-8")
    panels = re.findall(r'<section [^>]*data-outcome="([^"]+)"[^>]*>(.*?)</section>', text, re.S)
    assert {outcome for outcome, _ in panels} == set(OUTCOMES)
    block = re.compile(r'<script type="text/html">(.*?)</script>', re.S)
    for outcome, content in panels:
        whole = block.fullmatch(content)
        assert whole and f'id="o-{outcome}"' in whole.group(1), outcome
    on_show = block.sub("", text)
    assert 'href="#o-' not in on_show and 'class="md-nav__link" href="#q-' not in on_show, \
        "the page's (hidden) contents list is empty"


def is_theme_bundle(tag: dict[str, str]) -> bool:
    """The theme's own JavaScript: `assets/javascripts/bundle.<hash>.min.js`."""
    return tag["tag"] == "script" and "/bundle." in tag.get("src", "")


def test_the_checker_page_is_a_single_task_page(built_site: Path) -> None:
    """No site navigation beside the checker on a wide screen and none of the theme's
    JavaScript on its page, as on GOV.UK's question pages; every other page keeps both."""
    checker = built_site / "checker" / "index.html"
    for page in html_pages(built_site):
        tags = parse(page).data
        loads_bundle = any(is_theme_bundle(t) for t in tags)
        navs = [t for t in tags if t["tag"] == "div" and t.get("class") == "md-sidebar md-sidebar--primary"]
        if page == checker:
            assert not loads_bundle
            assert len(navs) == 1 and "hidden" in navs[0]  # hidden beside, still in a phone's menu
            assert any(t["tag"] == "nav" and "md-nav--primary" in t.get("class", "") for t in tags)
        else:
            assert loads_bundle, page
            assert not any("hidden" in nav for nav in navs), page


def test_the_sites_own_scripts_never_hold_up_the_parser(built_site: Path) -> None:
    """Every script of the site's own is `defer`: fetched together and run once the page is
    parsed. A CSP meta tag stops Chromium fetching ahead, so a plain script at the end of the
    body was only requested when the parser reached it, and the page (and on the checker
    page, Python's start) waited for each in turn. Only the theme's bundle is plain."""
    for page in html_pages(built_site):
        for tag in parse(page).data:
            if tag["tag"] == "script" and tag.get("src") and not is_theme_bundle(tag):
                assert "defer" in tag, (page, tag["src"])


def test_the_wheel_is_reproducible_and_installable(tmp_path: Path) -> None:
    assert wheel.build_wheel() == wheel.build_wheel()
    built = tmp_path / wheel.wheel_name()
    built.write_bytes(wheel.build_wheel())
    import subprocess
    import sys
    target = tmp_path / "installed"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-index", "--target", str(target), str(built)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    run = subprocess.run([sys.executable, "-c", "import checker.web, sys; print(checker.web.__file__)"],
                         cwd=tmp_path, env={"PYTHONPATH": str(target)}, capture_output=True, text=True)
    assert str(target) in run.stdout


def test_outcomes_page_has_a_permanent_anchor_per_outcome(built_site: Path) -> None:
    page = parse(built_site / "checker" / "outcomes" / "index.html")
    assert set(OUTCOMES) <= page.ids
    assert {"for-therapists", "for-survivors", "outside-england-and-wales"} <= page.ids


def test_the_outcomes_page_shows_no_markup_as_text(built_site: Path) -> None:
    """Headings and the contents list show words, not the Markdown that gave them ids."""
    text = re.sub(r"<[^>]+>", "", (built_site / "checker" / "outcomes" / "index.html").read_text())
    for raw in ("{#", "{!", "!!!", "[^", "*["):
        assert raw not in text, raw


def test_build_scripts_are_not_published(built_site: Path) -> None:
    assert not (built_site / "hooks").exists()
    assert [p for p in built_site.rglob("*.mjs*") if "pyodide" not in p.parts] == []


def test_sources_page_lists_the_registry(built_site: Path) -> None:
    page = parse(built_site / "about" / "sources" / "index.html")
    assert set(SOURCES) <= page.ids


def test_decision_table_links_every_outcome(built_site: Path) -> None:
    html = (built_site / "checker" / "decision-table" / "index.html").read_text()
    for outcome in OUTCOMES:
        assert f"../outcomes/#{outcome}" in html, outcome


def test_no_page_gives_two_elements_the_same_id(built_site: Path) -> None:
    """A link to a repeated id goes to the first: each anchor must name one place."""
    repeated = {}
    for page in html_pages(built_site):
        ids = [element["id"] for element in parse(page).data if "id" in element]
        if twice := sorted({i for i in ids if ids.count(i) > 1}):
            repeated[str(page.relative_to(built_site))] = twice
    assert repeated == {}


def test_an_unknown_marker_fails_the_build() -> None:
    with pytest.raises(ValueError, match="unknown marker"):
        markers.expand_markers("<!-- sitebuild:nonsense -->", "page.md", env=None)  # type: ignore[arg-type]


def test_question_texts_must_match_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="options"):
        pages.question("requester", ("police-england-wales", "aliens"), first=False)


def test_internal_links_resolve(built_site: Path) -> None:
    broken = []
    for page in html_pages(built_site):
        parser = parse(page)
        for element in parser.data:
            href = element.get("href", "") if element["tag"] == "a" else ""
            if not href or is_foreign(href) or href.startswith(("mailto:", "#", "javascript:")):
                continue
            if href.startswith("/"):  # the 404 page links from the site root
                path = built_site / urlparse(href).path.lstrip("/")
            else:
                path = Path(urlparse(urljoin(f"file://{page}", href)).path)
            if path.is_dir() or not path.suffix:
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert not broken
