"""The checker as people use it: change an answer, start again, answer before the runtime is
ready, draft and download a letter, and still find every outcome when things fail."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import docx
import pytest

from checker import OUTCOMES, web
from sitebuild.wheel import wheel_name
from tests.support.checker_page import (
    READY,
    RecordedPage,
    answer,
    answer_date,
    assert_nothing_left_behind,
    open_checker,
    outcome,
    visible_sections,
    walk,
)
from tests.support.journeys import THERAPIST_TO, from_golden

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TO_SHARE = THERAPIST_TO["share-with-consent"]


def test_changing_an_early_answer_leads_to_a_different_outcome(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    recorded.page.locator('.checker-summary [data-change="request_date"]').click()
    assert visible_sections(recorded) == ["request_date"]
    boxes = recorded.page.locator('[data-question="request_date"] [data-date-part]')
    assert boxes.evaluate_all("boxes => boxes.map(box => box.value)") == ["10", "2", "2026"]
    answer_date(recorded, "request_date", "2025-11-03")  # before Chapter 3A
    # The contents questions no longer apply; the client questions still do.
    outcome(recorded, "share-with-consent")
    summary = recorded.page.locator(".checker-summary").inner_text()
    assert summary.count("Change") == 10 and "higher test" not in summary
    assert recorded.page.locator('[data-flag="before-chapter-3a"]').is_visible()
    recorded.page.locator('.checker-summary [data-change="requester"]').click()
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert recorded.page.locator(".checker-summary").inner_text().count("Change") == 3
    assert_nothing_left_behind(recorded)


def test_back_shows_the_previous_question_with_the_answer_kept(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, [("audience", "survivor"), ("where", "england-wales")])
    recorded.page.locator('[data-question="situation"]').wait_for(state="visible", timeout=READY)
    recorded.page.locator('[data-control="back"]').click()
    recorded.page.locator('[data-question="where"]').wait_for(state="visible")
    assert visible_sections(recorded) == ["where"]
    pressed = recorded.page.locator('[data-question="where"] [aria-pressed="true"]')
    assert pressed.get_attribute("data-answer") == "england-wales"


def test_a_result_after_a_change_says_it_follows_the_changed_answer(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    page = recorded.page
    cue = page.locator(".checker-updated")
    assert cue.is_hidden()
    page.locator('.checker-summary [data-change="client_wishes"]').click()
    assert cue.is_hidden()  # nothing is updated yet
    answer(recorded, "client_wishes", "consents")  # the same answer: the same outcome, updated
    outcome(recorded, "share-with-consent")
    assert cue.is_visible() and "You changed an answer" in cue.inner_text()
    page.locator('[data-control="back"]').click()
    assert cue.is_hidden()
    page.locator('[data-control="restart"]').click()
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    assert cue.is_hidden()


def test_start_again_leaves_nothing_behind(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    panel = recorded.page.locator('[data-outcome="share-with-consent"]')
    panel.locator('[data-detail="sender_name"]').fill("Alex Example")
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    assert "Alex Example" in panel.locator("textarea").input_value()
    recorded.page.locator('[data-control="restart"]').click()
    assert visible_sections(recorded) == ["audience"]
    assert recorded.page.locator(".checker-summary").is_hidden()
    html = recorded.page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-checker] input, [data-checker] textarea')).map(e => e.value).join('')""")
    assert html == "" and "Alex Example" not in recorded.page.content()
    assert recorded.page.locator('[aria-pressed="true"]').count() == 0
    assert_nothing_left_behind(recorded)


def test_a_letter_is_drafted_with_the_details_and_downloads(recorded: RecordedPage, tmp_path: Path) -> None:
    open_checker(recorded)
    walk(recorded, [*TO_SHARE[:TO_SHARE.index(("handling_given", "yes"))], ("handling_given", "no")])
    outcome(recorded, "ask-for-missing-contents")
    block = recorded.page.locator('[data-letter="ask-for-missing-contents"]')
    block.locator('[data-detail="sender_name"]').fill("Sam Carter")
    block.locator('[data-detail="recipient_name"]').fill("DC Jones")
    block.locator('[data-detail="reference"]').fill("OP-4471")
    block.locator('[data-letter-action="draft"]').click()
    text = block.locator("textarea")
    block.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    letter = text.input_value()
    assert "Dear DC Jones" in letter and "Sam Carter" in letter and "OP-4471" in letter
    assert "10 February 2026" in letter and "section 44C(1)(c)" in letter
    assert "44C(1)(a)" not in letter  # what was asked for was specified
    text.fill(letter.replace("Yours sincerely", "Kind regards"))
    with recorded.page.expect_download() as got:
        block.locator('[data-letter-action="txt"]').click()
    saved = tmp_path / "letter.txt"
    got.value.save_as(saved)
    assert got.value.suggested_filename == "reply-ask-for-missing-contents.txt"
    assert "Kind regards" in saved.read_text() and "DC Jones" in saved.read_text()
    with recorded.page.expect_download() as got:
        block.locator('[data-letter-action="docx"]').click()
    assert got.value.suggested_filename.endswith(".docx")
    word = tmp_path / "letter.docx"
    got.value.save_as(word)
    document = docx.Document(io.BytesIO(word.read_bytes()))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Dear DC Jones," in paragraphs and "Kind regards," in paragraphs
    assert any("section 44C(1)(c)" in p for p in paragraphs)
    # The subject stands out as the letter's title, as in a letter drafted on the command line.
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    answers = dict([*TO_SHARE[:TO_SHARE.index(("handling_given", "yes"))], ("handling_given", "no")])
    drafted = web.letter(json.dumps({"answers": answers, "details": {"reference": "OP-4471"}}))
    assert titles == [json.loads(drafted)["subject"]]
    assert recorded.foreign_requests() == []


def test_a_young_client_asking_for_their_notes_gets_no_letter(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, [("audience", "therapist"), ("risk_now", "no"), ("requester", "client"),
                    ("client_child_or_lacks_capacity", "yes")])
    outcome(recorded, "get-advice-first")
    panel = recorded.page.locator('[data-outcome="get-advice-first"]')
    assert panel.locator("[data-letter]").is_hidden()
    assert "Dear" not in panel.inner_text()  # neither the sample letter nor the reply tool
    assert "came from your client, not from the police" in panel.locator("[data-no-letter]").inner_text()
    # The same outcome after a police request offers its holding reply.
    recorded.page.locator('[data-control="restart"]').click()
    walk(recorded, from_golden("get-advice-first", requester="police-england-wales"))
    outcome(recorded, "get-advice-first")
    assert panel.locator("[data-letter]").is_visible()
    assert "Dear [the officer" in panel.locator("[data-letter-sample] blockquote").inner_text()
    assert panel.locator("[data-no-letter]").is_hidden()


def test_blocked_webassembly_shows_the_fallback(recorded: RecordedPage) -> None:
    recorded.page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    open_checker(recorded)
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    fallback = recorded.page.locator(".checker-failed")
    fallback.wait_for(state="visible", timeout=40_000)
    links = fallback.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert any(h.endswith("outcomes/") for h in hrefs) and any("decision-table" in h for h in hrefs)
    assert recorded.page.locator(".checker-waiting").is_hidden()


@pytest.mark.parametrize("arrives", ["missing", "a host's error page", "cut short"])
def test_a_missing_or_broken_wheel_shows_the_fallback(recorded: RecordedPage, arrives: str) -> None:
    """The worker reads the rules' wheel itself: whatever arrives instead of it, the visitor
    gets the fallback with its links at once. Python never loads here, so the reason can only
    come from the wheel, long before the page would give up on a stalled download."""
    def serve(route) -> None:  # type: ignore[no-untyped-def]
        if arrives == "missing":
            route.fulfill(status=404, body="Not found")
        elif arrives == "a host's error page":
            route.fulfill(status=200, body="<!doctype html><title>Moved</title>")
        else:
            route.fulfill(status=200, body=route.fetch().body()[:2000])

    recorded.page.route("**/*.whl", serve)
    recorded.page.route("**/pyodide.asm.wasm", lambda route: None)  # hangs for ever
    open_checker(recorded)
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    fallback = recorded.page.locator(".checker-failed")
    fallback.wait_for(state="visible", timeout=25_000)
    assert fallback.get_attribute("data-reason") == {
        "missing": f"{wheel_name()}: HTTP 404", "a host's error page": "wheel: not a zip file",
        "cut short": "wheel: unreadable entry"}[arrives]
    assert fallback.locator("a[href$='outcomes/']").count() >= 1


def test_a_runtime_that_never_answers_times_out_to_the_fallback(recorded: RecordedPage) -> None:
    recorded.page.route("**/pyodide.asm.wasm", lambda route: None)  # hangs for ever
    started = time.time()
    open_checker(recorded)
    recorded.page.locator(".checker-failed").wait_for(state="visible", timeout=45_000)
    assert time.time() - started < 40


def test_without_javascript_every_outcome_is_still_reachable(browser, site_url) -> None:  # type: ignore[no-untyped-def]
    recorded = RecordedPage(browser, site_url, java_script_enabled=False)
    try:
        page = recorded.page
        page.goto(f"{site_url}/checker/")
        notice = page.locator(".checker-noscript")
        assert notice.is_visible() and "JavaScript" in notice.inner_text()
        assert page.locator("[data-answer]:visible").count() == 0  # no button that does nothing
        page.locator(".checker-noscript a", has_text="every").click()
        page.wait_for_url("**/checker/outcomes/")
        for outcome_id in OUTCOMES:
            assert page.locator(f"#{outcome_id}").count() == 1, outcome_id
        page.goto(f"{site_url}/checker/decision-table/")
        targets = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
        assert {o for o in OUTCOMES if any(t.endswith(f"#{o}") for t in targets)} == set(OUTCOMES)
        assert recorded.foreign_requests() == []
    finally:
        recorded.context.close()


def press_until_focused(recorded: RecordedPage, selector: str) -> None:
    for _ in range(200):
        if recorded.page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        recorded.page.keyboard.press("Tab")
    raise AssertionError(f"keyboard focus never reached {selector}")


def test_keyboard_only_run_with_focus_on_each_new_step(recorded: RecordedPage) -> None:
    open_checker(recorded)
    steps = [("audience", "survivor"), ("where", "england-wales"), ("situation", "court-application"),
             ("under_18", "no")]
    for fact, value in steps:
        recorded.page.locator(f'[data-question="{fact}"]').wait_for(state="visible", timeout=READY)
        if fact != "audience":  # focus has moved to the new question's heading
            assert recorded.page.evaluate("document.activeElement.id") == f"q-{fact}"
        press_until_focused(recorded, f'[data-question="{fact}"] [data-answer="{value}"]')
        recorded.page.keyboard.press("Enter")
    outcome(recorded, "survivor-court")
    assert recorded.page.evaluate("document.activeElement.id") == "o-survivor-court"
    assert_nothing_left_behind(recorded)


def test_printing_shows_the_result_and_answers_not_the_site(recorded: RecordedPage) -> None:
    open_checker(recorded)
    walk(recorded, [("audience", "survivor"), ("where", "england-wales"),
                    ("situation", "counsellor-told-me"), ("asked_date", "2026-03-01"),
                    ("written_notice", "no"), ("under_18", "no")])
    outcome(recorded, "survivor-no-notice")
    page = recorded.page
    assert "1 March 2026" in page.locator(".checker-summary").inner_text()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".checker-controls",
                   '[data-outcome="survivor-no-notice"] .checker-letter'):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator('[data-outcome="survivor-no-notice"] h2').is_visible()
    assert page.locator(".checker-summary").is_visible()
    assert page.locator('[data-outcome="survivor-no-notice"] .checker-law-date').is_visible()


def test_a_drafted_letter_prints_as_edited_in_place_of_the_sample(recorded: RecordedPage,
                                                                   tmp_path: Path) -> None:
    from pypdf import PdfReader

    open_checker(recorded)
    walk(recorded, THERAPIST_TO["decline-and-preserve"])
    outcome(recorded, "decline-and-preserve")
    page = recorded.page
    panel = page.locator('[data-outcome="decline-and-preserve"]')
    printed = panel.locator("[data-letter-printed]")
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    draft = panel.locator("[data-letter-text]")
    draft.fill(draft.input_value().replace("Yours sincerely", "With thanks, Robin Example"))
    assert printed.is_hidden()  # on screen the box is the letter; the copy is for paper
    page.emulate_media(media="print")
    assert printed.is_visible() and panel.locator("[data-letter-sample]").is_hidden()
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Your draft letter" in text and "With thanks, Robin Example" in text
    assert "Yours sincerely" not in text  # the sample letter's sign-off
    page.emulate_media(media="screen")
    page.locator('[data-control="restart"]').click()
    page.emulate_media(media="print")
    assert printed.is_hidden() and printed.locator(".checker-letter-printed__text").text_content() == ""


def test_the_reply_on_the_page_is_the_letter_drafted(recorded: RecordedPage) -> None:
    """The "What to say" words an outcome shows are the words of the letter it drafts."""
    open_checker(recorded)
    walk(recorded, THERAPIST_TO["decline-and-preserve"])
    outcome(recorded, "decline-and-preserve")
    panel = recorded.page.locator('[data-outcome="decline-and-preserve"]')
    shown = panel.locator("blockquote").inner_text()
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    # Above the subject the draft has the sender's details and the day; the page shows the rest.
    letter = panel.locator("[data-letter-text]").input_value().split("\n\n", 2)[2]
    assert "10 February 2026" in letter and "[the date of the request]" in shown
    # The draft puts the subject on its first line without the "Subject:" the page shows.
    assert shown.removeprefix("Subject: ").split() == \
        letter.replace("10 February 2026", "[the date of the request]").split()
