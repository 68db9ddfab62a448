"""A driver for the checker page in a real browser (Playwright), used by the browser tests and
the benchmark: open the page, answer, wait for an outcome, and check nothing was left behind."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

READY = 90_000  # ms: generous for a cold Pyodide boot on a busy 2-core machine
#: A phone as the user test and the phone benchmark have it: its screen, touch, no hover.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class RecordedPage:
    """A fresh browser context and page that records every request it makes."""

    def __init__(self, browser: object, site_url: str, **context_options: object) -> None:
        self.context = browser.new_context(**context_options)  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.site_url = site_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def foreign_requests(self) -> list[str]:
        local = urlparse(self.site_url).netloc
        return [url for url in self.requests
                if urlparse(url).scheme not in ("data", "blob") and urlparse(url).netloc != local]


def open_checker(recorded: RecordedPage) -> None:
    recorded.page.goto(f"{recorded.site_url}/checker/")
    recorded.page.locator('[data-question="audience"]').wait_for(state="visible")
    recorded.history_at_start = recorded.page.evaluate("history.length")  # type: ignore[attr-defined]


def answer(recorded: RecordedPage, fact: str, value: str) -> None:
    question = recorded.page.locator(f'[data-question="{fact}"]')
    question.wait_for(state="visible", timeout=READY)
    question.locator(f'[data-answer="{value}"]').click()


def fill_date(question, day: str) -> None:  # type: ignore[no-untyped-def]
    """Types an ISO date into the question's day, month and year boxes, as a person writes it."""
    year, month, date_of_month = day.split("-")
    for part, value in (("day", date_of_month), ("month", month), ("year", year)):
        question.locator(f'[data-date-part="{part}"]').fill(str(int(value)))


def answer_date(recorded: RecordedPage, fact: str, day: str) -> None:
    question = recorded.page.locator(f'[data-question="{fact}"]')
    question.wait_for(state="visible", timeout=READY)
    fill_date(question, day)
    question.locator('[data-answer="continue"]').click()


def walk(recorded: RecordedPage, steps: Iterable[tuple[str, str]]) -> None:
    """Answers each (fact, value) in turn; an ISO date goes in the date box."""
    for fact, value in steps:
        if _DATE.fullmatch(value):
            answer_date(recorded, fact, value)
        else:
            answer(recorded, fact, value)


def outcome(recorded: RecordedPage, outcome_id: str) -> None:
    recorded.page.locator(f'[data-outcome="{outcome_id}"]').wait_for(state="visible", timeout=READY)


def visible_sections(recorded: RecordedPage) -> list[str]:
    return recorded.page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-question], [data-outcome]')).filter(e => !e.hidden)
        .map(e => e.dataset.question || e.dataset.outcome)""")


def assert_nothing_left_behind(recorded: RecordedPage) -> None:
    page = recorded.page
    assert recorded.foreign_requests() == []
    assert recorded.context.cookies() == []
    stored = page.evaluate("""async () => ({
        local: localStorage.length, session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length })""")
    assert stored == {"local": 0, "session": 0, "idb": 0, "caches": 0}
    assert page.url == f"{recorded.site_url}/checker/"
    # History entries hold only the id of the question or outcome they show, never an answer.
    state = page.evaluate("history.state")
    assert list(state) == ["checker"] and page.locator(
        f'[data-question="{state["checker"]}"], [data-outcome="{state["checker"]}"]').count() == 1
    assert recorded.errors == []
