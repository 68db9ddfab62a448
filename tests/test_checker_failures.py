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
