"""Quick exit ("Exit this page"): the link in every page's header, Shift pressed 3 times,
the blank overlay, the wipe of the checker's answers, and location.replace.

The browser cannot reach the destinations (--host-resolver-rules), so the tests catch the
navigation request: aborting it ("aborted", as when a user stops a load) leaves this page in
place, so its state after the exit can be read; fulfilling it shows where the browser went
and what Back does.
"""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import RecordedPage, page_paths
from tests.support.checker_page import outcome, walk
from tests.support.journeys import THERAPIST_TO

READY = 90_000
GUIDANCE = "/therapists/"
CHECKER = "/checker/"
# Neutral, everyday pages that show nothing personal to a signed-in visitor.
NEUTRAL = {"https://www.bbc.co.uk/weather", "https://www.metoffice.gov.uk/", "https://www.gov.uk/",
           "https://www.bbc.co.uk/food"}

# Recorded from before any page script: each wipe (and whether the page was already hidden),
# and every message the page posts to a worker (the checker's steps carry its answers).
# When the page was last shown (its load, or its return from the back/forward cache).
SHOWN = """
window.addEventListener("pageshow", () => { window.__shownAt = performance.timeOrigin + performance.now(); });
"""
RECORDER = SHOWN + """
window.__wipes = [];
document.addEventListener("checker:wipe", () => window.__wipes.push(
  document.body.classList.contains("quick-exit-active")));
window.__posted = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  try { window.__posted.push(JSON.stringify(message)); } catch (e) { /* not JSON-able */ }
  return post.call(this, message, ...rest);
};
"""


class HeaderStart(HTMLParser):
    """The first element inside <header>, and the quick-exit link's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.in_header = False
        self.first_in_header: dict[str, str] | None = None
        self.link: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "header":
            self.in_header = True
        elif self.in_header and self.first_in_header is None:
            self.first_in_header = {"tag": tag, **values}
        if tag == "a" and "quick-exit__button" in values.get("class", "") and self.in_header:
            self.link = values

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self.in_header = False


class Exits:
    """Catches navigations to other hosts: records them, then aborts or fulfils them."""

    def __init__(self, recorded: RecordedPage, fulfil: bool = False) -> None:
        self.urls: list[str] = []
        self.fulfil = fulfil
        recorded.context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), self.handle)

    def handle(self, route) -> None:  # type: ignore[no-untyped-def]
        assert route.request.is_navigation_request()
        self.urls.append(route.request.url)
        if self.fulfil:
            route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Sunny")
        else:
            route.abort("aborted")


def open_page(recorded: RecordedPage, path: str) -> None:
    recorded.context.add_init_script(RECORDER)
    recorded.page.goto(recorded.site_url + path)


def exited(recorded: RecordedPage, exits: Exits) -> bool:
    recorded.page.wait_for_timeout(300)
    hidden = recorded.page.evaluate("document.body.classList.contains('quick-exit-active')")
    assert hidden == bool(exits.urls), "the page is hidden exactly when it leaves"
    return bool(exits.urls)


def press_shift(recorded: RecordedPage, times: int) -> None:
    for _ in range(times):
        recorded.page.keyboard.press("Shift")


def travel(recorded: RecordedPage, direction: str) -> None:
    """Back or Forward as a person presses it: to another page, or to another step of the
    checker (the same page, another history entry). Done when the entry is shown: a step
    within the page has changed the history state; another page (loaded, or back from the
    back/forward cache, which fires no load event) has fired its pageshow since the press.
    Polled from here: the site's CSP forbids Playwright's eval-based waits."""
    page = recorded.page
    marker, state = page.evaluate("[window.__travel = Math.random(), JSON.stringify(history.state)]")
    pressed = time.time() * 1000 - 50  # ms since the epoch, as the page's clock gives them
    try:
        (page.go_back if direction == "back" else page.go_forward)(wait_until="commit")
    except PlaywrightError:  # Playwright lost track of a step within the page: the poll decides
        pass
    for _ in range(200):
        try:
            ready, now_marker, now_state, shown_at = page.evaluate(
                "[document.readyState, window.__travel, JSON.stringify(history.state),"
                " window.__shownAt || 0]")
            if ready == "complete" and (now_state != state if now_marker == marker else shown_at >= pressed):
                return
        except PlaywrightError:  # the old document went away while it was asked
            pass
        page.wait_for_timeout(50)
    raise AssertionError(f"{direction}: no page was shown")


def status(recorded: RecordedPage) -> str:
    return recorded.page.locator(".quick-exit__status").inner_text()


# --------------------------------------------------------------------------- built pages


def test_every_page_has_the_exit_link_first_in_its_header(built_site: Path) -> None:
    wrong = {}
    for path, page in zip(page_paths(built_site), sorted(built_site.rglob("*.html"))):
        parser = HeaderStart()
        parser.feed(page.read_text(encoding="utf-8"))
        link, first = parser.link, parser.first_in_header
        destinations = (link or {}).get("data-destinations", "").split()
        if not (first and first.get("class") == "quick-exit" and link
                and link["href"] == destinations[0] and set(destinations) <= NEUTRAL
                and len(destinations) >= 3 and "noreferrer" in link.get("rel", "")):
            wrong[path] = (first, link)
    assert not wrong


# --------------------------------------------------------------------------- the link


@pytest.mark.browser
def test_the_link_hides_the_page_and_leaves(recorded: RecordedPage) -> None:
    exits = Exits(recorded)
    open_page(recorded, GUIDANCE)
    recorded.page.locator(".quick-exit__button").click()
    assert exited(recorded, exits)
    assert exits.urls[0].rstrip("/") in {d.rstrip("/") for d in NEUTRAL}
    page = recorded.page
    assert page.locator(".quick-exit-overlay").is_visible()
    assert page.locator(".quick-exit-overlay").get_attribute("role") == "alert"
    assert not page.locator("main").is_visible() and not page.locator("header").is_visible()
    assert page.title() == "Loading"
    assert page.evaluate("window.__wipes") == [True]


@pytest.mark.browser
def test_the_exit_uses_replace_so_back_does_not_return(recorded: RecordedPage) -> None:
    exits = Exits(recorded, fulfil=True)
    open_page(recorded, "/")
    recorded.page.goto(recorded.site_url + GUIDANCE)
    entries = recorded.page.evaluate("history.length")
    recorded.page.locator(".quick-exit__button").click()
    recorded.page.wait_for_url(re.compile(r"^https://"))
    assert urlparse(recorded.page.url).hostname in {urlparse(d).hostname for d in NEUTRAL}
    assert recorded.page.evaluate("history.length") == entries, "the exited page was replaced"
    travel(recorded, "back")
    assert recorded.page.url == recorded.site_url + "/", "Back skips the page that was exited"
    assert exits.urls


@pytest.mark.browser
@pytest.mark.parametrize("random, expected", [(0.0, 0), (0.999, -1)])
def test_the_destination_is_picked_from_the_list(recorded: RecordedPage, random: float,
                                                 expected: int) -> None:
    exits = Exits(recorded)
    recorded.context.add_init_script(f"Math.random = () => {random};")
    open_page(recorded, GUIDANCE)
    listed = recorded.page.locator(".quick-exit__button").get_attribute("data-destinations").split()
    recorded.page.locator(".quick-exit__button").click()
    assert exited(recorded, exits)
    assert exits.urls == [listed[expected]]


@pytest.mark.browser
def test_without_javascript_the_link_still_leaves(browser: object, site_url: str) -> None:
    recorded = RecordedPage(browser, site_url, java_script_enabled=False)
    try:
        exits = Exits(recorded)
        recorded.page.goto(site_url + GUIDANCE)
        recorded.page.locator(".quick-exit__button").click()
        recorded.page.wait_for_timeout(300)
        assert exits.urls == ["https://www.bbc.co.uk/weather"]
    finally:
        recorded.context.close()


@pytest.mark.browser
def test_pageshow_removes_the_overlay(recorded: RecordedPage) -> None:
    """If the browser restores the page from its back-forward cache, it is usable again."""
    exits = Exits(recorded)
    open_page(recorded, GUIDANCE)
    title = recorded.page.title()
    recorded.page.locator(".quick-exit__button").click()
    assert exited(recorded, exits)
    recorded.page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert recorded.page.locator(".quick-exit-overlay").count() == 0
    assert recorded.page.locator("main").is_visible()
    assert recorded.page.title() == title


# --------------------------------------------------------------------------- Shift x 3


@pytest.mark.browser
def test_shift_three_times_leaves(recorded: RecordedPage) -> None:
    exits = Exits(recorded)
    open_page(recorded, GUIDANCE)
    press_shift(recorded, 1)
    assert status(recorded) == "Shift, press 2 more times to exit."
    press_shift(recorded, 1)
    assert status(recorded) == "Shift, press 1 more time to exit."
    assert recorded.page.locator(".quick-exit").get_attribute("data-presses") == "2"
    assert not exited(recorded, exits)
    press_shift(recorded, 1)
    assert exited(recorded, exits)


@pytest.mark.browser
def test_shift_as_a_modifier_does_not_count(recorded: RecordedPage) -> None:
    exits = Exits(recorded)
    open_page(recorded, GUIDANCE)
    for _ in range(3):
        recorded.page.keyboard.press("Shift+KeyA")
    assert not exited(recorded, exits)
    # Shift, Shift+A, Shift, Shift: the modified press neither counts nor leaves a count behind.
    press_shift(recorded, 1)
    recorded.page.keyboard.press("Shift+KeyA")
    press_shift(recorded, 2)
    assert not exited(recorded, exits)
    press_shift(recorded, 1)
    assert exited(recorded, exits)


@pytest.mark.browser
def test_any_other_key_starts_the_count_again(recorded: RecordedPage) -> None:
    exits = Exits(recorded)
    open_page(recorded, GUIDANCE)
    press_shift(recorded, 2)
    recorded.page.keyboard.press("KeyB")
    assert status(recorded) == "Exit this page expired."
    press_shift(recorded, 2)
    assert not exited(recorded, exits)
    press_shift(recorded, 1)
    assert exited(recorded, exits)


@pytest.mark.browser
def test_each_press_must_come_within_5_seconds(recorded: RecordedPage) -> None:
    exits = Exits(recorded)
    recorded.page.clock.install()
    open_page(recorded, GUIDANCE)
    press_shift(recorded, 2)
    recorded.page.clock.run_for(4_000)  # the page clock also runs in real time meanwhile
    press_shift(recorded, 1)  # about 4 s after the last press: still counts, and leaves
    assert exited(recorded, exits)

    exits.urls.clear()
    recorded.page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow'))")
    press_shift(recorded, 2)
    recorded.page.clock.run_for(5_100)
    assert status(recorded) == "Exit this page expired."
    press_shift(recorded, 1)
    assert not exited(recorded, exits)


# --------------------------------------------------------------------------- the checker


def step_answers(recorded: RecordedPage) -> list[dict[str, str]]:
    """The answers in each step message the checker posted to its worker."""
    found = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("answers"), dict):
                found.append(value["answers"])
            for item in value.values():
                walk(item)

    for message in recorded.page.evaluate("window.__posted"):
        walk(json.loads(message))
    return found


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("how", ["link", "shift"])
def test_the_exit_wipes_the_checker_answers(recorded: RecordedPage, how: str) -> None:
    exits = Exits(recorded)
    open_page(recorded, CHECKER)
    page = recorded.page
    # Until Python is ready the page steps from its table and posts nothing to the worker.
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=READY)
    page.locator('[data-question="audience"] [data-answer="therapist"]').click()
    page.locator('[data-question="risk_now"] [data-answer="no"]').click()
    page.locator('[data-question="requester"]').wait_for(state="visible", timeout=READY)
    assert step_answers(recorded)[-1] == {"audience": "therapist", "risk_now": "no"}

    if how == "link":
        page.locator(".quick-exit__button").click()
    else:
        page.locator('[data-question="requester"] h2').click()  # focus in the page, not a button
        press_shift(recorded, 3)
    assert exited(recorded, exits)
    assert page.evaluate("window.__wipes") == [True], "wiped once, after the page was hidden"

    # The page is still here (the navigation was stopped). Shown again from the back/forward
    # cache, it is back at the first question, and the next step carries only new answers.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator('[data-question="audience"]').is_visible()
    assert not page.locator('[data-question="requester"]').is_visible()
    page.locator('[data-question="audience"] [data-answer="survivor"]').click()
    for _ in range(100):  # polled from here: the page's CSP forbids Playwright's eval-based waits
        if "survivor" in json.dumps(step_answers(recorded)[-1:]):
            break
        page.wait_for_timeout(50)
    assert step_answers(recorded)[-1] == {"audience": "survivor"}


# --------------------------------------------------------------------------- Back after leaving
# With the browser's back/forward cache on (as in every real browser), a page left by any
# route is kept frozen and shown again by Back. Nothing answered may come back with it.

RESTORES = SHOWN + """
window.__restored = false;
window.addEventListener("pageshow", (event) => { window.__restored = event.persisted; });
"""
THERAPIST_TO_OUTCOME = (("audience", "therapist"), ("risk_now", "no"), ("requester", "defence"))
OUTCOME = "defence-no-power"


def reach_outcome(recorded: RecordedPage) -> None:
    page = recorded.page
    page.goto(recorded.site_url + "/")
    page.goto(recorded.site_url + CHECKER)
    for fact, value in THERAPIST_TO_OUTCOME:
        page.locator(f'[data-question="{fact}"] [data-answer="{value}"]').click(timeout=READY)
    page.locator(f'[data-outcome="{OUTCOME}"]').wait_for(state="visible", timeout=READY)
    assert page.locator(".checker-summary").is_visible()
    # Python is ready, as for a visitor who has read the outcome: leaving ends it then.
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=READY)


def shows_no_answer(recorded: RecordedPage) -> None:
    """What a person looking at the checker page would see of the earlier journey: nothing."""
    page = recorded.page
    assert page.locator('[data-question="audience"]').is_visible()
    assert page.locator("[data-outcome]:visible, [data-question]:visible").count() == 1
    assert not page.locator(".checker-summary").is_visible()
    text = page.locator("main").inner_text()
    assert "Do not send notes to the defence" not in text and "defence" not in text.lower()


def leave_by(recorded: RecordedPage, how: str) -> None:
    page = recorded.page
    if how == "link":
        page.locator(".quick-exit__button").click()
    else:
        page.locator("main h1, main h2").first.click()
        press_shift(recorded, 3)
    page.wait_for_url(re.compile(r"^https://"))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("how", ["link", "shift"])
@pytest.mark.parametrize("where", ["checker", "page-reached-from-checker"])
def test_back_after_exit_shows_no_answer(recorded: RecordedPage, where: str, how: str) -> None:
    Exits(recorded, fulfil=True)
    recorded.context.add_init_script(RESTORES)
    reach_outcome(recorded)
    page = recorded.page
    if where == "page-reached-from-checker":
        page.locator('article a[href="../about/"]').first.click()  # "Information, not legal advice"
        page.wait_for_url(re.compile(r"/about/"))
    leave_by(recorded, how)
    page.wait_for_timeout(500)  # as a person would, Back comes a moment after the exit

    travel(recorded, "back")
    if where == "page-reached-from-checker":
        # One press of Back: the checker, restored from the cache, at its first question.
        assert page.url == recorded.site_url + CHECKER
        assert page.evaluate("window.__restored"), "Back restored the frozen page"
    # Each further press goes one step back through the checker (no answer on any), then to
    # the page before it, which shows no answer either.
    for _ in range(len(THERAPIST_TO_OUTCOME) + 2):
        if page.url != recorded.site_url + CHECKER:
            break
        shows_no_answer(recorded)
        travel(recorded, "back")
    assert page.url == recorded.site_url + "/"
    travel(recorded, "forward")
    assert page.url == recorded.site_url + CHECKER
    shows_no_answer(recorded)


@pytest.mark.browser
@pytest.mark.slow
def test_leaving_ends_python_and_back_starts_it_again(recorded: RecordedPage) -> None:
    """Python holds nothing of a journey once the page is left; the page Back brings back
    starts it again, and what only Python makes (a Word letter) works as before."""
    recorded.context.add_init_script(RESTORES + """
window.addEventListener("pageshow", (event) => { if (event.persisted) {
  window.__runtimeWhenRestored = document.querySelector("[data-checker]").dataset.runtime; } });
""")
    reach_outcome(recorded)
    page = recorded.page
    page.locator('article a[href="../about/"]').first.click()  # "Information, not legal advice"
    page.wait_for_url(re.compile(r"/about/"))
    travel(recorded, "back")
    assert page.evaluate("[window.__restored, window.__runtimeWhenRestored]") == [True, "starting"]
    walk(recorded, THERAPIST_TO["decline-and-preserve"])
    outcome(recorded, "decline-and-preserve")
    panel = page.locator('[data-outcome="decline-and-preserve"]')
    panel.locator('[data-letter-action="draft"]').click()
    panel.locator(".checker-letter-output").wait_for(state="visible", timeout=READY)
    with page.expect_download(timeout=READY) as got:
        panel.locator('[data-letter-action="docx"]').click()
    assert got.value.suggested_filename == "reply-decline-and-preserve.docx"
    assert page.locator('[data-checker][data-runtime="ready"]').count() == 1
