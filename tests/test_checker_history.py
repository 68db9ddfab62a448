"""The checker as a person on a phone or a computer uses it: the browser's Back and Forward
move between questions, a link to the result is copied rather than followed, a note about
someone's safety comes first, and dates are typed in day, month and year boxes."""

from __future__ import annotations

import pytest

from tests.support.checker_page import (
    READY,
    RecordedPage,
    answer,
    answer_date,
    fill_date,
    open_checker,
    outcome,
    visible_sections,
    walk,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def shown(recorded: RecordedPage, section: str) -> None:
    recorded.page.locator(f'[data-question="{section}"], [data-outcome="{section}"]').wait_for(
        state="visible", timeout=READY)
    assert visible_sections(recorded) == [section]


def test_back_and_forward_move_between_questions(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/survivors/")
    open_checker(recorded)
    walk(recorded, [("audience", "therapist"), ("risk_now", "no"), ("requester", "defence")])
    outcome(recorded, "defence-no-power")

    page.go_back(wait_until="commit")
    shown(recorded, "requester")
    pressed = page.locator('[data-question="requester"] [aria-pressed="true"]')
    assert pressed.get_attribute("data-answer") == "defence", "the answer is still selected"
    assert page.evaluate("document.activeElement.id") == "q-requester", "focus follows"
    page.go_back(wait_until="commit")
    shown(recorded, "risk_now")
    page.go_forward(wait_until="commit")
    shown(recorded, "requester")
    page.go_forward(wait_until="commit")
    shown(recorded, "defence-no-power")
    assert page.url == recorded.site_url + "/checker/", "nothing in the address"

    for _ in range(3):  # requester, risk_now, the first question
        page.go_back(wait_until="commit")
    shown(recorded, "audience")
    page.go_back(wait_until="commit")  # and out of the checker, to the page before it
    for _ in range(100):  # a page from the back/forward cache fires no load event: poll
        if page.url == recorded.site_url + "/survivors/":
            break
        page.wait_for_timeout(50)
    assert page.url == recorded.site_url + "/survivors/"


def test_a_changed_answer_leaves_no_stale_step_in_history(recorded: RecordedPage) -> None:
    page = recorded.page
    open_checker(recorded)
    walk(recorded, [("audience", "survivor"), ("where", "scotland")])
    outcome(recorded, "out-of-scope-scotland")
    page.go_back(wait_until="commit")
    shown(recorded, "where")
    answer(recorded, "where", "england-wales")
    shown(recorded, "situation")
    page.go_forward(wait_until="commit")  # nothing ahead any more: the new answer replaced the old steps
    shown(recorded, "situation")


def test_the_link_to_a_result_is_copied_not_followed(browser: object, site_url: str) -> None:
    recorded = RecordedPage(browser, site_url, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = recorded.page
        open_checker(recorded)
        walk(recorded, [("audience", "therapist"), ("risk_now", "no"), ("requester", "defence")])
        outcome(recorded, "defence-no-power")
        panel = page.locator('[data-outcome="defence-no-power"]')
        assert panel.locator("a", has_text="Permanent link").count() == 0
        panel.locator('[data-control="copy-link"]').click()
        status = panel.locator(".checker-link-status")
        status.filter(has_text="Link copied.").wait_for()
        assert status.get_attribute("role") == "status"  # announced, too
        assert page.evaluate("navigator.clipboard.readText()") == (
            f"{site_url}/checker/outcomes/#defence-no-power")
        assert page.url == f"{site_url}/checker/" and panel.is_visible(), "the journey is still here"
    finally:
        recorded.context.close()


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_note_about_safety_comes_before_the_result(recorded: RecordedPage, media: str) -> None:
    page = recorded.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_checker(recorded)
    walk(recorded, [("audience", "therapist"), ("risk_now", "yes"), ("requester", "client"),
                    ("client_child_or_lacks_capacity", "no")])
    outcome(recorded, "client-asks")
    note = page.locator('[data-flag="safeguarding"]')
    title = page.locator('[data-outcome="client-asks"] h2')
    assert page.evaluate("document.activeElement.dataset.flag") == "safeguarding", "read first"
    page.emulate_media(media=media)
    assert note.is_visible() and "999" in note.inner_text()
    assert note.bounding_box()["y"] + note.bounding_box()["height"] <= title.bounding_box()["y"]


def test_the_date_is_typed_as_people_write_it(browser: object, site_url: str) -> None:
    # A phone set to US order: the boxes are named, so 11 1 2026 is still 11 January.
    recorded = RecordedPage(browser, site_url, locale="en-US")
    try:
        page = recorded.page
        open_checker(recorded)
        walk(recorded, [("audience", "survivor"), ("where", "england-wales"),
                        ("situation", "asked-to-consent")])
        question = page.locator('[data-question="asked_date"]')
        question.wait_for(state="visible", timeout=READY)
        boxes = question.locator("[data-date-part]")
        assert [boxes.nth(i).get_attribute("data-date-part") for i in range(3)] == ["day", "month", "year"]
        for i, label in enumerate(("Day", "Month", "Year")):
            assert boxes.nth(i).get_attribute("inputmode") == "numeric"
            assert question.locator(f'label[for="{boxes.nth(i).get_attribute("id")}"]').inner_text() == label

        question.locator('[data-answer="continue"]').click()
        error = question.locator(".checker-error")
        assert "Enter a day, a month and a year" in error.inner_text()
        fill_date(question, "2026-02-31")
        question.locator('[data-date-part="year"]').press("Enter")  # Enter answers, as Continue does
        error.filter(has_text="31 February 2026 is not a real date").wait_for(timeout=READY)
        assert question.locator('[aria-invalid="true"]').count() == 3

        answer_date(recorded, "asked_date", "2026-01-11")
        answer(recorded, "under_18", "no")
        outcome(recorded, "survivor-asked-before-2026")
        assert "11 January 2026" in page.locator(".checker-summary").inner_text()
    finally:
        recorded.context.close()
