"""Waiting for a condition in a page without handing the page a string to evaluate.

Playwright's wait_for_function turns its predicate into code inside the page with eval()
each time it polls; the site's policy has no 'unsafe-eval', so when the first try is false
(on a busy machine) the next ones are blocked and the wait fails. Here the test polls from
outside instead, through calls the policy does not govern (page.evaluate, locators, WebDriver).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

TIMEOUT = 30.0  # seconds: generous for a busy 2-core machine; a pass returns at once
INTERVAL = 0.05


def wait_until(check: Callable[[], T], timeout: float = TIMEOUT, what: str = "condition") -> T:
    """Calls `check` until it returns something truthy, and returns that."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(INTERVAL)
