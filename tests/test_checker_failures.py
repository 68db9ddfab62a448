"""When Python fails in the visitor's browser after it has started, the visitor is not left
waiting: each step comes from the page's step table instead, and a letter Python could not
draft comes from the table too, with no stale word beside it."""

from __future__ import annotations

import pytest

from tests.support.checker_page import READY, RecordedPage, open_checker, outcome, walk
from tests.support.journeys import THERAPIST_TO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# From before any page script: every step and letter request the page posts to its worker is
# answered with an error, as a Python exception would be, once window.__fail is set.
FAILING_WORKER = """
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (window.__fail && message && (message.type === "step" || message.type === "letter")) {
    setTimeout(() => this.onmessage({ data: { id: message.id, error: "Python failed" } }));
    return undefined;
  }
  return post.call(this, message, ...rest);
};
"""


def test_a_failing_python_still_leads_to_the_outcome_and_its_letter(recorded: RecordedPage) -> None:
    page = recorded.page
    recorded.context.add_init_script(FAILING_WORKER)
    open_checker(recorded)
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=READY)
    page.evaluate("window.__fail = true")
    walk(recorded, THERAPIST_TO["decline-and-preserve"])
    outcome(recorded, "decline-and-preserve")
    assert page.locator(".checker-error:visible").count() == 0
    panel = page.locator('[data-outcome="decline-and-preserve"]')
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    letter = panel.locator("[data-letter-text]").input_value()
    assert "10 February 2026" in letter and "[your name]" in letter
    assert recorded.errors == []


def test_after_python_fails_to_load_try_again_starts_it_and_keeps_the_answers(recorded: RecordedPage) -> None:
    """A dropped connection: the download fails, the page says so and offers "Try again",
    which starts Python without losing the answers; then the Word letter, which only Python
    makes, downloads."""
    page = recorded.page
    page.route("**/pyodide.asm.wasm", lambda route: route.abort("connectionreset"))
    open_checker(recorded)
    walk(recorded, THERAPIST_TO["decline-and-preserve"])  # from the step table meanwhile
    outcome(recorded, "decline-and-preserve")
    notice = page.locator(".checker-failed")
    notice.wait_for(state="visible", timeout=READY)
    panel = page.locator('[data-outcome="decline-and-preserve"]')
    assert panel.locator('[data-letter-action="docx"]').is_hidden()
    page.unroute("**/pyodide.asm.wasm")
    notice.locator('[data-control="retry"]').click()
    assert notice.is_hidden() and panel.is_visible()
    assert page.evaluate("document.activeElement.id") == "o-decline-and-preserve"
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=READY)
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    with page.expect_download(timeout=READY) as got:
        panel.locator('[data-letter-action="docx"]').click()
    assert got.value.suggested_filename == "reply-decline-and-preserve.docx"
    assert "Your answers" in page.locator(".checker-summary").inner_text()
