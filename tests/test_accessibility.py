"""Accessibility: axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) finds nothing on any built
page, in light and dark colours and on a phone-sized screen, nor on the checker in its
question, outcome and error states; the skip link and the quick-exit link come first in the
tab order with a visible focus; the search dialog has a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SCHEMES, RecordedPage, page_paths
from tests.support.checker_page import fill_date

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
READY = 90_000
CHECKER = "/checker/"
PHONE = {"width": 390, "height": 844}


def axe(recorded: RecordedPage, **options: object) -> list[str]:
    """Violations as readable lines: rule, impact, and the first few offending elements.

    axe-core is served as if from the site itself, so the pages' CSP (script-src 'self', no
    inline scripts) stays on while it runs."""
    page = recorded.page
    if not getattr(recorded, "axe_routed", False):
        recorded.context.route("**/__axe__.js", lambda route: route.fulfill(
            path=str(AXE), content_type="text/javascript"))
        recorded.axe_routed = True  # type: ignore[attr-defined]
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(url="/__axe__.js")
    run_only = options.get("rules") or TAGS
    kind = "rule" if options.get("rules") else "tag"
    # Colours are checked as they settle: the theme's buttons fade to their hover and focus
    # colours over 125 ms, and a check in mid-fade reads a colour that is never at rest.
    result = page.evaluate("""async ([kind, values]) => {
        await Promise.all(document.getAnimations()
            .filter((animation) => animation.effect.getComputedTiming().endTime !== Infinity)
            .map((animation) => animation.finished.catch(() => null)));
        return axe.run(document, {runOnly: {type: kind, values}, resultTypes: ['violations']});
    }""", [kind, run_only])
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"][:3]:
            detail = node.get("failureSummary", "").replace("\n", " ")[:200]
            lines.append(f"{violation['id']} ({violation['impact']}): {node['target']} {detail}")
    return lines


def scheme_context(browser: object, site_url: str, scheme: str, **options: object) -> RecordedPage:
    return RecordedPage(browser, site_url, color_scheme=scheme, **options)


def check_scheme(recorded: RecordedPage, scheme: str) -> None:
    shown = recorded.page.evaluate("document.body.dataset.mdColorScheme")
    assert shown == SCHEMES[scheme], "the emulated colour scheme did not apply"


# --------------------------------------------------------------------------- every page


@pytest.mark.slow
@pytest.mark.parametrize("scheme, viewport", [("light", None), ("dark", None), ("light", PHONE)],
                         ids=["light", "dark", "light-phone"])
def test_axe_finds_nothing_on_any_page(browser: object, site_url: str, built_site: Path,
                                       scheme: str, viewport: dict[str, int] | None) -> None:
    options = {"viewport": viewport} if viewport else {}
    recorded = scheme_context(browser, site_url, scheme, **options)
    found = {}
    try:
        for path in page_paths(built_site):
            recorded.page.goto(site_url + path)
            check_scheme(recorded, scheme)
            violations = axe(recorded)
            if violations:
                found[path] = violations
    finally:
        recorded.context.close()
    assert not found


# --------------------------------------------------------------------------- the checker


def start_checker(recorded: RecordedPage) -> None:
    recorded.page.goto(recorded.site_url + CHECKER)
    recorded.page.locator('[data-question="audience"]').wait_for(state="visible")


def click(recorded: RecordedPage, fact: str, value: str) -> None:
    question = recorded.page.locator(f'[data-question="{fact}"]')
    question.wait_for(state="visible", timeout=READY)
    question.locator(f'[data-answer="{value}"]').click()


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_checker_states(browser: object, site_url: str, scheme: str) -> None:
    recorded = scheme_context(browser, site_url, scheme)
    page = recorded.page
    found: dict[str, list[str]] = {}
    try:
        start_checker(recorded)
        check_scheme(recorded, scheme)
        found["first question"] = axe(recorded)
        click(recorded, "audience", "survivor")
        found["second question (before the runtime is ready)"] = axe(recorded)
        click(recorded, "where", "england-wales")
        click(recorded, "situation", "asked-to-consent")
        date = page.locator('[data-question="asked_date"]')
        date.wait_for(state="visible", timeout=READY)
        date.locator('[data-answer="continue"]').click()  # no date: the inline error shows
        page.locator("#e-asked_date").wait_for(state="visible")
        found["date question with its error"] = axe(recorded)
        fill_date(date, "2099-01-01")
        date.locator('[data-answer="continue"]').click()  # a future date: refused by the rules
        page.locator("#e-asked_date", has_text="future").wait_for(timeout=READY)
        found["date refused by the rules"] = axe(recorded)
        fill_date(date, "2026-01-12")
        date.locator('[data-answer="continue"]').click()
        click(recorded, "under_18", "yes")
        page.locator('[data-outcome="survivor-consent-choice"]').wait_for(state="visible", timeout=READY)
        found["outcome, with flags and summary"] = axe(recorded)
    finally:
        recorded.context.close()
    assert not {state: v for state, v in found.items() if v}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_when_the_checker_cannot_start(browser: object, site_url: str,
                                                         scheme: str) -> None:
    """The Pyodide files are refused (as a blocking proxy or a missing file would), so the
    worker's import fails at once and the page shows its notice."""
    recorded = scheme_context(browser, site_url, scheme)
    try:
        recorded.context.route("**/assets/pyodide/**", lambda route: route.abort("blockedbyclient"))
        start_checker(recorded)
        click(recorded, "audience", "therapist")
        click(recorded, "risk_now", "no")
        failed = recorded.page.locator(".checker-failed")
        failed.wait_for(state="visible", timeout=20_000)  # well before the 30 s boot timeout
        assert failed.get_attribute("data-reason") != "stalled"
        # The checker carries on from its step table: the next question has the focus.
        focused = recorded.page.evaluate("document.activeElement.closest('[data-question]').dataset.question")
        assert focused == "requester"
        violations = axe(recorded)
    finally:
        recorded.context.close()
    assert not violations


# --------------------------------------------------------------------------- keyboard


@pytest.mark.parametrize("path", ["/", "/therapists/", CHECKER])
def test_skip_link_then_exit_link_come_first(recorded: RecordedPage, path: str) -> None:
    page = recorded.page
    page.goto(recorded.site_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const a = document.activeElement;
        return {cls: a.className, href: a.getAttribute('href'), text: a.textContent.trim()}; }""")
    assert "md-skip" in skip["cls"].split() and skip["text"] == "Skip to content"
    target = skip["href"].split("#", 1)[1]
    assert page.locator(f"[id='{target}']").count() == 1
    page.keyboard.press("Tab")
    exit_link = page.locator(".quick-exit__button")
    assert exit_link.evaluate("e => e === document.activeElement")
    focused = exit_link.evaluate("e => getComputedStyle(e).backgroundColor")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # follow the skip link
    assert page.evaluate("location.hash") == f"#{target}"
    assert exit_link.evaluate("e => getComputedStyle(e).backgroundColor") != focused, \
        "the exit link looks different when it has focus"
    assert focused == "rgb(255, 221, 0)"


def test_the_search_dialog_has_a_name(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/therapists/")
    assert page.locator('[role="dialog"][data-md-component="search"]').get_attribute("aria-label") == "Search"
    page.locator(".md-search__input").click()
    page.keyboard.type("summons")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert axe(recorded, rules=["aria-dialog-name"]) == []
    assert axe(recorded) == []


def test_axe_finds_nothing_while_shift_is_counted(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/therapists/")
    page.keyboard.press("Shift")
    assert page.locator(".quick-exit__dots").is_visible()
    assert axe(recorded) == []
