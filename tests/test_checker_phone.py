"""The checker answers at once, whether Python has started, is still starting or cannot start.

Until Python is ready the page steps from the table the build made from the rules
(checker/table.py); with WebAssembly switched off, or a runtime that fails, the visitor still
reaches the outcome and can read the reply letter. Not timing tests: Python's start is held
back or prevented, and the page must carry on without it.
"""

from __future__ import annotations

import json
import time

import docx
import pytest

from checker.web import letter
from tests.support.checker_page import (
    READY,
    RecordedPage,
    answer,
    assert_nothing_left_behind,
    open_checker,
    outcome,
    visible_sections,
    walk,
)
from tests.support.journeys import THERAPIST_TO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TO_SHARE = THERAPIST_TO["share-with-consent"]


def runtime(recorded: RecordedPage) -> str:
    return str(recorded.page.locator("[data-checker]").get_attribute("data-runtime"))


# The page gives up on a download that has brought nothing for a long while; here one is held
# back on purpose for as long as the test needs, so the page is told to wait for it.
PATIENT = """
new MutationObserver((_, observer) => {
  const script = document.getElementById("checker-script");
  if (script) { script.dataset.stallTimeout = "600000"; observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def hold_the_rules(recorded: RecordedPage) -> list[object]:
    """Holds back the rules' wheel, so Python cannot finish starting until `release`."""
    held: list[object] = []
    recorded.page.add_init_script(PATIENT)
    recorded.page.route("**/*.whl", lambda route: held.append(route))
    return held


def release(recorded: RecordedPage, held: list[object]) -> None:
    """Lets the held wheel through, once the page has asked for it."""
    deadline = time.time() + 60
    while not held and time.time() < deadline:
        recorded.page.wait_for_timeout(100)  # Playwright hands over the request while it waits
    held[0].continue_()  # type: ignore[attr-defined]


def test_answers_come_from_the_table_then_from_python_mid_journey(recorded: RecordedPage) -> None:
    held = hold_the_rules(recorded)
    open_checker(recorded)
    through_date = TO_SHARE.index(("request_date", "2026-02-10")) + 1
    walk(recorded, TO_SHARE[:through_date])  # up to and including the request date
    recorded.page.locator(f'[data-question="{TO_SHARE[through_date][0]}"]').wait_for(state="visible")
    assert runtime(recorded) == "starting"
    assert recorded.page.locator(".checker-waiting").is_hidden()
    summary = recorded.page.locator(".checker-summary").inner_text()
    assert "10 February 2026" in summary and summary.count("Change") == through_date
    release(recorded, held)
    recorded.page.locator('[data-checker]:not([data-runtime="starting"])').wait_for(state="attached",
                                                                                   timeout=READY)
    assert runtime(recorded) == "ready", recorded.page.locator(".checker-failed").get_attribute("data-reason")
    walk(recorded, TO_SHARE[through_date:])  # now answered by Python
    outcome(recorded, "share-with-consent")
    panel = recorded.page.locator('[data-outcome="share-with-consent"]')
    panel.locator('[data-detail="sender_name"]').fill("Alex Example")
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    assert "Alex Example" in panel.locator("textarea").input_value()
    assert recorded.page.locator(".checker-failed").is_hidden()
    assert_nothing_left_behind(recorded)


def test_a_letter_drafted_before_python_downloads_with_its_subject_as_title(recorded: RecordedPage,
                                                                             tmp_path) -> None:  # type: ignore[no-untyped-def]
    held = hold_the_rules(recorded)
    open_checker(recorded)
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    assert runtime(recorded) == "starting"
    panel = recorded.page.locator('[data-outcome="share-with-consent"]')
    panel.locator('[data-letter-action="draft"]').click()  # from the table: no Python yet
    panel.locator(".checker-letter-output").wait_for(state="visible")
    drafted = json.loads(letter(json.dumps({"answers": dict(TO_SHARE), "details": {}})))
    assert panel.locator("textarea").input_value() == drafted["text"]
    with recorded.page.expect_download(timeout=READY) as got:
        panel.locator('[data-letter-action="docx"]').click()  # waits for Python, then makes it
        release(recorded, held)
    saved = tmp_path / "reply.docx"
    got.value.save_as(saved)
    document = docx.Document(str(saved))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [drafted["subject"]]
    assert_nothing_left_behind(recorded)


@pytest.mark.parametrize("cause", ["WebAssembly switched off", "the runtime fails"])
def test_without_python_the_visitor_reaches_the_outcome_and_the_letter(recorded: RecordedPage,
                                                                        cause: str) -> None:
    if cause == "WebAssembly switched off":
        recorded.page.add_init_script("delete window.WebAssembly;")
    else:
        recorded.page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    open_checker(recorded)
    walk(recorded, TO_SHARE)
    outcome(recorded, "share-with-consent")
    notice = recorded.page.locator(".checker-failed")
    notice.wait_for(state="visible", timeout=READY)
    reason = "no-webassembly" if cause == "WebAssembly switched off" else "other"
    shown = notice.locator("[data-failed-reason]:not([hidden])")
    assert shown.count() == 1 and shown.get_attribute("data-failed-reason") == reason
    assert recorded.page.locator(".checker-waiting").is_hidden()
    panel = recorded.page.locator('[data-outcome="share-with-consent"]')
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible")
    # The letter Python drafts with no details given: gaps to fill in, the request's date in.
    python = json.loads(letter(json.dumps({"answers": dict(TO_SHARE), "details": {}})))
    assert panel.locator("textarea").input_value() == python["text"]
    assert "10 February 2026" in python["text"] and "[" in python["text"]
    assert panel.locator('[data-letter-action="docx"]').is_hidden()
    assert panel.locator('[data-letter-action="copy"]').is_visible()
    # Starting again and changing answers still works, from the table alone.
    recorded.page.locator('[data-control="restart"]').click()
    answer(recorded, "audience", "therapist")
    answer(recorded, "risk_now", "no")
    answer(recorded, "requester", "defence")
    outcome(recorded, "defence-no-power")
    assert visible_sections(recorded) == ["defence-no-power"]
    assert_nothing_left_behind(recorded)
