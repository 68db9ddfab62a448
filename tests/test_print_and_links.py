"""Pages on paper and on a phone: every page prints its title, its whole text, the "law stated
as at" line, its address and the date printed, without the site around it; "Read the law" boxes
print open, with or without JavaScript; links print their address. On a touch screen each
heading's link shows without hover, large enough to tap, and the home page shows the survivor
entry on the first screen. A dark-mode device with JavaScript off gets the dark scheme.

What prints is decided by assets/stylesheets/site.css (@media print); the footer's words are in
overrides/partials/print-footer.html and assets/javascripts/print.js fills in the address and
the date."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import RecordedPage, page_paths
from tests.support.checker_page import PHONE
from tests.support.printing import LAW_DATE, printed_today

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The site around a page, and the checker's controls: none of it prints.
NOT_PRINTED = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
               ".md-footer", "[data-quick-exit]", ".checker-options", ".checker-controls")
#: Paragraphs that belong to the checker's controls (its letter tool, print and save warnings).
CONTROLS = ".checker-warning, .checker-outcome-actions, .checker-letter, .checker-record, .checker-controls"
#: Every paragraph of the page's text, found on screen (closed "Read the law" boxes included).
PARAGRAPHS = f"""() => Array.from(document.querySelectorAll("article.md-content__inner p"))
    .filter((p) => !p.closest("[hidden], .print-footer, {CONTROLS}"))"""
SHOWN = """(element) => element.checkVisibility({contentVisibilityAuto: true, opacityProperty: true,
    visibilityProperty: true}) && element.getClientRects().length > 0"""


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def content_pages(built_site: Path) -> list[str]:
    return [path for path in page_paths(built_site) if path != "/404.html"]


def open_on_screen(page: object, url: str) -> None:
    """Opens the page on screen and marks every paragraph of its text (data-print-check)."""
    page.emulate_media(media="screen")  # type: ignore[attr-defined]
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
        f"() => ({PARAGRAPHS})().forEach((p, i) => p.dataset.printCheck = i)")


def print_problems(page: object) -> list[str]:
    """What is wrong with the open page in print media (empty if nothing)."""
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    return page.evaluate(  # type: ignore[attr-defined]
        f"""(notPrinted) => {{
        const shown = {SHOWN};
        const problems = [];
        const title = document.querySelector("article h1");
        if (!title || !shown(title)) problems.push("the title does not print");
        const lawDate = document.querySelector(".law-date");
        if (!lawDate || !shown(lawDate)) problems.push("the law date does not print");
        const footer = document.querySelector(".print-footer");
        if (!footer || !shown(footer)) problems.push("the print footer does not print");
        document.querySelectorAll("[data-print-check]").forEach((p) => {{
            if (!shown(p)) problems.push("a paragraph does not print: " + p.textContent.trim().slice(0, 80));
        }});
        notPrinted.forEach((selector) => document.querySelectorAll(selector).forEach((element) => {{
            if (shown(element)) problems.push(selector + " prints");
        }}));
        return problems;
    }}""", list(NOT_PRINTED))


def test_every_page_prints_its_title_text_law_date_address_and_the_date(
        recorded: RecordedPage, built_site: Path) -> None:
    problems = {}
    for path in content_pages(built_site):
        # A tab for each page, so that no page (the checker starts Python) outlives its check.
        page = recorded.context.new_page()
        page.on("pageerror", lambda error: recorded.errors.append(str(error)))
        try:
            before = date.today() - timedelta(days=1)
            url = recorded.site_url + path
            open_on_screen(page, url)
            found = print_problems(page)
            footer = page.locator(".print-footer").inner_text()
            if url not in footer or not printed_today(footer, before):
                found.append(f"the footer does not give the address and today's date: {footer!r}")
        finally:
            page.close()
        if found:
            problems[path] = found[:5]
    assert problems == {}
    assert recorded.errors == []


def test_the_print_check_would_catch_a_hidden_paragraph(recorded: RecordedPage) -> None:
    """The check above finds paragraphs that stop printing (as every paragraph directly in a
    page once did), a title or date that stops printing, and site chrome that starts."""
    page = recorded.page
    open_on_screen(page, recorded.site_url + "/therapists/")
    assert print_problems(page) == []
    page.evaluate("""() => {  // the site's CSP allows no <style>; a constructed sheet is allowed
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`@media print {
            .md-content__inner > h1, .md-content__inner > p, .law-date { display: none; }
            .md-footer { display: block !important; } }`);
        document.adoptedStyleSheets = [sheet];
    }""")
    problems = print_problems(page)
    assert "the title does not print" in problems and "the law date does not print" in problems
    assert ".md-footer prints" in problems
    assert sum(problem.startswith("a paragraph does not print") for problem in problems) > 3


def test_read_the_law_boxes_print_open_without_javascript(browser: object, site_url: str) -> None:
    recorded = RecordedPage(browser, site_url, java_script_enabled=False)
    page = recorded.page
    try:
        page.goto(site_url + "/law/chapter-3a/")
        closed = page.locator("details:not([open]) p")
        assert closed.count() > 5 and not closed.first.is_visible()
        page.emulate_media(media="print")
        # Print media reaches the page's style within a frame or two, not always before the
        # next script: wait for it, as a print preview does, rather than read at once.
        hidden = f"""() => Array.from(document.querySelectorAll("details p"))
            .filter((p) => !({SHOWN})(p)).length"""
        page.wait_for_function(f"() => ({hidden})() === 0", timeout=15_000)
        # Without a script the footer gives the page's permanent address and no date.
        footer = page.locator(".print-footer")
        assert footer.is_visible() and "/law/chapter-3a/" in footer.inner_text()
        assert page.locator("[data-print-when]").is_hidden()
    finally:
        recorded.context.close()


def test_a_read_the_law_box_is_opened_for_print_and_closed_after(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/law/chapter-3a/")
    page.wait_for_load_state("load")
    assert page.evaluate("""() => {
        const closed = document.querySelectorAll("details:not([open])").length;
        dispatchEvent(new Event("beforeprint"));
        const during = document.querySelectorAll("details:not([open])").length;
        dispatchEvent(new Event("afterprint"));
        return [closed > 0, during, document.querySelectorAll("details:not([open])").length === closed];
    }""") == [True, 0, True]


def test_links_print_their_address_and_links_within_the_page_do_not(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/checker/outcomes/")
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
        const pick = (selector) => {
            const link = document.querySelector(selector);
            return [link.href, getComputedStyle(link, "::after").content];
        };
        return {
            other: pick('.md-typeset a[href^="https://"]'),
            site: pick('.md-typeset a[href^="../"]:not([href*="#"])'),
            within: pick('.md-typeset p a[href^="#"]'),
        };
    }""")
    assert after["other"][0] in after["other"][1]
    assert after["site"][0].startswith(recorded.site_url) and after["site"][0] in after["site"][1]
    assert after["within"][1] == "none"


def test_a_printed_page_has_its_title_text_and_dates_in_the_pdf(recorded: RecordedPage,
                                                                tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = recorded.page
    for path in ("/therapists/lawful-request/", "/survivors/police-ask/"):
        before = date.today() - timedelta(days=1)
        page.goto(recorded.site_url + path)
        page.wait_for_load_state("load")
        title = page.evaluate("document.querySelector('article h1').firstChild.textContent")
        paragraphs = page.evaluate(f"() => ({PARAGRAPHS})().map((p) => p.innerText)")
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format="A4")
        # NFKC: the PDF's text has the font's ligatures ("ﬁ" for "fi").
        text = " ".join(unicodedata.normalize("NFKC", " ".join(
            p.extract_text() for p in PdfReader(pdf).pages)).split())
        assert title in text and LAW_DATE in text and printed_today(text, before), path
        assert recorded.site_url + path in text.replace(" ", ""), path
        # Each paragraph's opening words (the PDF's text breaks lines and long addresses), with
        # the addresses printed after links taken out.
        words = " ".join(re.sub(r"\(https?://[^)]*\)", " ", text).split())
        missing = [p[:60] for p in paragraphs if " ".join(p.split()[:6]) not in words]
        assert missing == [], path


# --------------------------------------------------------------------------- on a phone


HEADER_LINKS = """() => Array.from(document.querySelectorAll("article .headerlink")).map((link) => {
    const box = link.getBoundingClientRect();
    return {opacity: getComputedStyle(link).opacity, width: box.width, height: box.height};
})"""


def test_heading_links_show_without_hover_on_a_touch_screen(browser: object, site_url: str) -> None:
    phone = RecordedPage(browser, site_url, device_scale_factor=2, **PHONE)
    desktop = RecordedPage(browser, site_url)
    try:
        for recorded in (phone, desktop):
            recorded.page.goto(site_url + "/therapists/lawful-request/")
            recorded.page.wait_for_load_state("load")
        assert phone.page.evaluate("matchMedia('(hover: none)').matches")
        links = phone.page.evaluate(HEADER_LINKS)
        assert len(links) > 5
        assert all(link["opacity"] == "1" and link["width"] >= 24 and link["height"] >= 24 for link in links)
        # With a mouse the link still appears on hover, as the theme has it.
        assert not desktop.page.evaluate("matchMedia('(hover: none)').matches")
        assert {link["opacity"] for link in desktop.page.evaluate(HEADER_LINKS)} == {"0"}
    finally:
        phone.context.close()
        desktop.context.close()


def test_on_a_phone_the_home_page_shows_the_survivor_entry_on_its_first_screen(browser: object,
                                                                              site_url: str) -> None:
    phone = RecordedPage(browser, site_url, **PHONE)
    try:
        phone.page.goto(site_url + "/")
        phone.page.wait_for_load_state("load")
        heading = phone.page.locator("#if-you-are-a-survivor").bounding_box()
        assert heading and heading["y"] + heading["height"] <= PHONE["viewport"]["height"]
    finally:
        phone.context.close()


COLOURS = r"""() => {
    const body = getComputedStyle(document.body);
    const link = document.querySelector(".md-typeset p a");
    const names = Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules))
        .flatMap((rule) => rule.cssRules ? Array.from(rule.cssRules) : [rule])
        .filter((rule) => rule.selectorText && rule.selectorText.includes("slate") && rule.style)
        .flatMap((rule) => Array.from(rule.style).filter((name) => name.startsWith("--md-")));
    return {
        background: body.backgroundColor, text: body.color, link: getComputedStyle(link).color,
        scheme: body.colorScheme,
        variables: Object.fromEntries([...new Set(names)].sort()
            .map((name) => [name, body.getPropertyValue(name).trim().replace(/\s+/g, " ")])),
    };
}"""


def page_colours(browser: object, site_url: str, scheme: str, javascript: bool) -> dict[str, object]:
    recorded = RecordedPage(browser, site_url, color_scheme=scheme, java_script_enabled=javascript)
    try:
        recorded.page.goto(site_url + "/survivors/")
        recorded.page.wait_for_load_state("load")
        return recorded.page.evaluate(COLOURS)
    finally:
        recorded.context.close()


def test_a_dark_device_gets_the_dark_scheme_with_javascript_off(browser: object, site_url: str) -> None:
    with_script = page_colours(browser, site_url, "dark", javascript=True)
    without = page_colours(browser, site_url, "dark", javascript=False)
    light_without = page_colours(browser, site_url, "light", javascript=False)
    assert len(with_script["variables"]) > 30  # the theme's and the site's dark values were read
    assert without == with_script
    assert light_without["background"] != with_script["background"]
    assert re.fullmatch(r"rgba?\(255, 255, 255.*\)", light_without["background"])
