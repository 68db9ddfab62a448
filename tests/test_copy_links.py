"""Links a campaigner can copy: the "Copy link" button of each outcome on the every-outcome page,
and the "Links you can cite" page, which shows each published link with its section's title."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from checker import OUTCOMES
from tests.conftest import RecordedPage
from tests.support.checker_page import PHONE
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

ANCHORS = (ROOT / "docs" / "includes" / "published-anchors.txt").read_text(encoding="utf-8").split()
OUTCOMES_PAGE = "/checker/outcomes/"


def outcome(recorded: RecordedPage, outcome_id: str):  # type: ignore[no-untyped-def]
    """The outcome's heading and the button and status after it."""
    heading = recorded.page.locator(f"h3#{outcome_id}")
    block = heading.locator("xpath=following-sibling::div[1]")
    return heading, block.get_by_role("button", name="Copy link"), block.get_by_role("status")


@pytest.mark.browser
def test_copy_link_copies_the_outcomes_address_and_says_so(browser: object, site_url: str) -> None:
    recorded = RecordedPage(browser, site_url, permissions=["clipboard-read", "clipboard-write"])
    try:
        recorded.page.goto(site_url + OUTCOMES_PAGE)
        buttons = recorded.page.get_by_role("button", name="Copy link")
        buttons.first.wait_for(state="visible")
        assert buttons.count() == len(OUTCOMES)
        for outcome_id in ("ask-to-narrow", "survivor-court"):
            _, button, status = outcome(recorded, outcome_id)
            button.click()
            status.get_by_text("Link copied.", exact=True).wait_for()
            copied = recorded.page.evaluate("navigator.clipboard.readText()")
            assert copied == f"{site_url}{OUTCOMES_PAGE}#{outcome_id}"
        assert not recorded.errors and not recorded.foreign_requests()
    finally:
        recorded.context.close()


@pytest.mark.browser
def test_where_there_is_no_clipboard_the_address_is_shown(browser: object, site_url: str) -> None:
    recorded = RecordedPage(browser, site_url)
    recorded.page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    try:
        recorded.page.goto(site_url + OUTCOMES_PAGE)
        _, button, status = outcome(recorded, "get-advice-first")
        button.click()
        status.get_by_text(f"{site_url}{OUTCOMES_PAGE}#get-advice-first").wait_for()
        assert "Link copied." not in status.inner_text()
    finally:
        recorded.context.close()


@pytest.mark.browser
def test_without_javascript_no_button_shows_and_the_heading_link_is_there(browser: object,
                                                                         site_url: str) -> None:
    recorded = RecordedPage(browser, site_url, java_script_enabled=False, **PHONE)
    try:
        recorded.page.goto(site_url + OUTCOMES_PAGE)
        assert recorded.page.get_by_role("button", name="Copy link").count() == 0
        assert recorded.page.locator("[data-copy-link]").count() == len(OUTCOMES)
        heading, _, _ = outcome(recorded, "ask-to-narrow")
        link = heading.locator("a.headerlink")
        assert link.get_attribute("href") == "#ask-to-narrow"
        assert link.is_visible()
    finally:
        recorded.context.close()


def text_of(element: lxml.html.HtmlElement) -> str:
    """What a reader sees of a heading or link: its text without the heading's ¶ link."""
    for headerlink in element.xpath(".//a[contains(@class, 'headerlink')]"):
        headerlink.drop_tree()
    return " ".join(element.text_content().split())


def heading_titles(built_site: Path, page: str) -> tuple[str, dict[str, str]]:
    """A built page's title and the text of each heading with an id."""
    tree = lxml.html.parse(str(built_site / page / "index.html")).getroot()
    article = tree.xpath("//article")[0]
    headings = article.xpath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6")
    return text_of(headings[0]), {h.get("id"): text_of(h) for h in headings if h.get("id")}


def test_the_links_page_shows_every_published_link_with_its_title_grouped_outcomes_first(
        built_site: Path) -> None:
    tree = lxml.html.parse(str(built_site / "campaigners" / "links" / "index.html")).getroot()
    article = tree.xpath("//article")[0]
    # Each link in the list, in the order shown, with the nearest heading above it.
    shown: list[tuple[str, str, str]] = []  # (group heading, address, link text)
    group = ""
    for element in article.iter("h2", "h3", "li"):
        if element.tag in ("h2", "h3"):
            group = text_of(element)
            continue
        link, address = element.find("a"), element.find("code")
        if link is not None and address is not None:
            shown.append((group, address.text_content(), text_of(link)))
    addresses = [address for _, address, _ in shown]

    outcome_links = [f"/checker/outcomes/#{outcome_id}" for outcome_id in OUTCOMES]
    assert sorted(addresses[:len(OUTCOMES)]) == sorted(outcome_links), "the checker's outcomes come first"
    page_anchors = [f"/{anchor}" for anchor in ANCHORS if not anchor.startswith("checker/outcomes/")]
    assert sorted(addresses[len(OUTCOMES):]) == sorted(page_anchors)

    built_titles = {}
    for group_heading, address, title in shown:
        page, _, fragment = address.strip("/").partition("#")
        page = page.strip("/")
        if page not in built_titles:
            built_titles[page] = heading_titles(built_site, page)
        page_title, headings = built_titles[page]
        assert title == headings[fragment], f"{address}: shown as {title!r}, not {headings[fragment]!r}"
        if page != "checker/outcomes":
            assert group_heading == page_title, f"{address} is under {group_heading!r}, not {page_title!r}"
    # One group per page: each page's links sit together.
    groups = [group_heading for group_heading, address, _ in shown[len(OUTCOMES):]]
    assert len(set(groups)) == len({a.partition("#")[0] for a in page_anchors})
    assert groups == sorted(groups, key=groups.index)
