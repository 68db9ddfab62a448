"""The checker in a real browser (headless Chromium): Python rules running in Pyodide, in a
Web Worker, served by the site itself. Every request must go to the local server only."""

from __future__ import annotations

import pytest

from tests.support.checker_page import (
    PHONE,
    READY,
    RecordedPage,
    answer,
    answer_date,
    assert_nothing_left_behind,
    open_checker,
    outcome,
    visible_sections,
)
from tests.support.polling import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_therapist_asked_by_the_defence(recorded: RecordedPage) -> None:
    open_checker(recorded)
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert visible_sections(recorded) == ["defence-no-power"]
    text = recorded.page.locator('[data-outcome="defence-no-power"]').inner_text()
    assert "Sources" in text and "44E" in text
    assert_nothing_left_behind(recorded)


def test_therapist_full_police_request_path(recorded: RecordedPage) -> None:
    open_checker(recorded)
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "yes")
    answer(recorded, "requester", "police-england-wales")
    answer(recorded, "received", "request")
    answer(recorded, "court_threatened", "yes")
    answer_date(recorded, "request_date", "2026-03-02")
    for fact, value in [("in_writing", "yes"), ("client_role", "unsure"), ("counselling_service", "unsure"),
                        ("what_specified", "yes"), ("why_given", "omitted-with-ground"),
                        ("handling_given", "yes"), ("counselling_test_shown", "no")]:
        answer(recorded, fact, value)
    outcome(recorded, "ask-about-counselling-test")
    assert recorded.page.locator('[data-flag="safeguarding"]').is_visible()
    assert recorded.page.locator('[data-flag="court-order-threat"]').is_visible()
    summary = recorded.page.locator(".checker-summary").inner_text()
    assert "Change" in summary and summary.count("Change") == 13
    assert_nothing_left_behind(recorded)


def test_survivor_asked_to_consent_after_12_january_2026(recorded: RecordedPage) -> None:
    open_checker(recorded)
    answer(recorded, "audience", "survivor")
    answer(recorded, "where", "england-wales")
    answer(recorded, "situation", "asked-to-consent")
    answer_date(recorded, "asked_date", "2026-01-12")
    answer(recorded, "under_18", "yes")
    outcome(recorded, "survivor-consent-choice")
    assert recorded.page.locator('[data-flag="under-18"]').is_visible()
    assert_nothing_left_behind(recorded)


def test_a_future_date_is_refused_with_a_message(recorded: RecordedPage) -> None:
    open_checker(recorded)
    answer(recorded, "audience", "survivor")
    answer(recorded, "where", "england-wales")
    answer(recorded, "situation", "counsellor-told-me")
    answer_date(recorded, "asked_date", "2099-01-01")
    error = recorded.page.locator("#e-asked_date")
    error.wait_for(state="visible", timeout=READY)
    assert "future" in error.inner_text()
    assert visible_sections(recorded) == ["asked_date"]


def test_the_checker_page_leaves_the_processor_to_python(recorded: RecordedPage) -> None:
    """No site search on the checker page (its index would be built while Python boots), and
    no key the theme binds to search does anything there; every other page keeps search."""
    page = recorded.page
    page.goto(f"{recorded.site_url}/therapists/")
    page.locator(".md-search__input").click()
    page.keyboard.type("summons")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    assert any(url.endswith("/search/search_index.json") for url in recorded.requests)

    recorded.requests.clear()
    open_checker(recorded)
    assert page.locator('label.md-header__button[for="__search"]').is_hidden()
    assert page.locator(".md-search").is_hidden() and page.locator(".md-search__input").is_hidden()
    for key in ("s", "/", "f"):
        page.keyboard.press(key)
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert page.locator(".md-search").is_hidden()
    assert not any("search" in url for url in recorded.requests), recorded.requests
    assert recorded.errors == []


def test_the_site_menu_on_the_checker_page(browser: object, site_url: str) -> None:
    """On a wide screen the checker has the page to itself; on a phone the menu still opens
    (by the theme's CSS alone: the theme's JavaScript is not on this page) and leads on."""
    wide = RecordedPage(browser, site_url, viewport={"width": 1280, "height": 800})
    try:
        open_checker(wide)
        assert wide.page.locator(".md-sidebar--primary").is_hidden()
        assert wide.page.locator(".md-sidebar--primary").count() == 1
    finally:
        wide.context.close()
    phone = RecordedPage(browser, site_url, viewport={"width": 390, "height": 844}, has_touch=True)
    try:
        page = phone.page
        open_checker(phone)
        outcomes_link = page.locator('.md-nav--primary a[href="outcomes/"]')
        on_screen = ("e => { const box = e.getBoundingClientRect(); "
                     "return box.right > 0 && box.left < innerWidth; }")
        assert not outcomes_link.evaluate(on_screen)  # the menu starts closed, off the screen
        page.locator('label.md-header__button[for="__drawer"]').click()
        wait_until(lambda: outcomes_link.evaluate(on_screen), what="the menu to slide in")
        outcomes_link.click()
        page.wait_for_url(f"{site_url}/checker/outcomes/")
        assert phone.errors == []
    finally:
        phone.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_touch_screen_no_answer_looks_chosen_before_it_is_tapped(browser: object, site_url: str,
                                                                      scheme: str) -> None:
    """A tap leaves the pointer "hovering" where it was, where the next question's first answer
    then appears: on a screen without hover, a hovered answer looks like any other."""
    phone = RecordedPage(browser, site_url, color_scheme=scheme, **PHONE)
    try:
        page = phone.page
        open_checker(phone)
        assert page.evaluate("matchMedia('(hover: none)').matches")
        page.locator('[data-answer="therapist"]').tap()
        question = page.locator('[data-question="risk_now"]')
        question.wait_for(state="visible")
        first, other = question.locator("[data-answer]").nth(0), question.locator("[data-answer]").nth(1)
        looks = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
        untouched = other.evaluate(looks)

        def look_while_hovered() -> list[str] | None:
            # The page may still be scrolling the question into view: hover() waits for the
            # answer to stand still, and the look is read only while the pointer is over it.
            first.hover()
            return first.evaluate(f"e => e.matches(':hover') ? ({looks})(e) : null")

        assert wait_until(look_while_hovered, what="the pointer over the answer") == untouched
        assert phone.errors == []
    finally:
        phone.context.close()


def test_on_a_phone_each_next_question_fills_the_screen_with_its_answers(browser: object,
                                                                        site_url: str) -> None:
    """After the first answer, a question's heading and every answer are on the screen, clear
    of the site's header: not pushed below the page's title and introduction again."""
    phone = RecordedPage(browser, site_url, **PHONE)
    try:
        page = phone.page
        open_checker(phone)
        for fact, value, following in (("audience", "survivor", "where"),
                                       ("where", "england-wales", "situation")):
            page.locator(f'[data-question="{fact}"] [data-answer="{value}"]').tap()
            question = page.locator(f'[data-question="{following}"]')
            question.wait_for(state="visible", timeout=READY)
            header = page.locator(".md-header").bounding_box()
            heading = question.locator("h2").bounding_box()
            assert header and heading and heading["y"] >= header["height"]  # not under the header
            answers = question.locator("[data-answer]:visible")
            assert answers.count() >= 2
            for index in range(answers.count()):
                box = answers.nth(index).bounding_box()
                assert box and box["y"] + box["height"] <= PHONE["viewport"]["height"], (following, index)
        assert phone.errors == []
    finally:
        phone.context.close()


def test_python_starts_once_the_page_itself_is_ready(recorded: RecordedPage) -> None:
    """The worker (and with it the Pyodide download and compile) starts after the page has
    been parsed, so they do not compete with the page's own start-up for the processor
    (docs-dev/decisions/0002)."""
    page = recorded.page
    open_checker(recorded)
    page.wait_for_load_state("load")
    times = page.evaluate("""() => ({
        parsed: performance.getEntriesByType("navigation")[0].domInteractive,
        worker: performance.getEntriesByName("checker-worker-started")[0].startTime})""")
    assert times["parsed"] <= times["worker"], times


def test_an_outcome_is_laid_out_only_when_reached(recorded: RecordedPage) -> None:
    page = recorded.page
    open_checker(recorded)
    panel = page.locator('[data-outcome="defence-no-power"]')
    assert panel.evaluate("p => p.children.length === 1 && p.firstElementChild.type") == "text/html"
    assert page.locator("#o-defence-no-power").count() == 0
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert panel.locator("script").count() == 0
    assert page.evaluate("document.activeElement.id") == "o-defence-no-power"
    # Reached again after starting over: shown once, not copied twice.
    page.locator('[data-control="restart"]').click()
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert page.locator("#o-defence-no-power").count() == 1
