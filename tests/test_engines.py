"""The journeys that matter, in every engine a visitor may hold: Chromium, Firefox ESR and WebKit
(the engine of every iPhone browser). A therapist reaches `decline-and-preserve` and drafts,
copies and downloads the reply letter; a survivor reaches her outcome; the Exit link leaves
and Back does not return to the page that was left. Every journey fails on any CSP
violation, uncaught error or console error, and on any file the site asks for and lacks.

The page is driven only through the checker's contract (`data-question`, `data-answer`,
`data-outcome`, `data-letter`), as a visitor would: by clicking and typing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.engines import Chromium, Engine, Firefox, WebKit
from tests.engines.server import Problems, serve_journeys
from tests.support.journeys import THERAPIST_TO
from tests.support.polling import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]

READY = 200.0  # seconds: longer than the boot timeout the journey server gives the page
ENGINES = ["chromium", "firefox", "webkit"]

THERAPIST = THERAPIST_TO["decline-and-preserve"]
SURVIVOR = [("audience", "survivor"), ("where", "england-wales"), ("situation", "counsellor-told-me"),
            ("asked_date", "2026-03-01"), ("written_notice", "no"), ("under_18", "no")]

SHOWN = """(selector) => { const e = document.querySelector(selector);
  return !!e && !e.closest("[hidden]") && e.getClientRects().length > 0; }"""
VALUE = "(selector) => document.querySelector(selector).value"
TEXT = "(selector) => document.querySelector(selector).textContent.trim()"
DATE_PARTS = """(selector) => Array.from(document.querySelectorAll(selector + " [data-date-part]"))
  .map((e) => e.dataset.datePart)"""
# A native date picker is drawn differently by each engine and typing into one depends on the
# locale, so a single date box is given its value as the picker would, with its events.
PICK_DATE = """(selector, value) => { const input = document.querySelector(selector);
  input.value = value;
  for (const kind of ["input", "change"]) input.dispatchEvent(new Event(kind, {bubbles: true}));
  return input.value; }"""


# --------------------------------------------------------------------------- engines and server


@pytest.fixture(scope="module")
def journey_site(built_site: Path) -> Iterator[tuple[str, Problems]]:
    server, url, problems = serve_journeys(built_site)
    yield url, problems
    server.shutdown()  # type: ignore[attr-defined]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    downloads = tmp_path_factory.mktemp(f"downloads-{request.param}")
    if request.param == "chromium":
        started: Engine = Chromium(downloads, request.getfixturevalue("browser"))
    elif request.param == "firefox":
        started = Firefox(downloads)
    else:
        started = WebKit(downloads, tmp_path_factory.mktemp("webkit"))
    yield started
    started.close()


@pytest.fixture
def browsing(engine: Engine, journey_site: tuple[str, Problems]) -> Iterator[tuple[Engine, str]]:
    """A fresh private context; afterwards, nothing may have gone wrong on any page."""
    url, problems = journey_site
    engine.fresh()
    for old in engine.downloads.iterdir():
        old.unlink()
    problems.take()
    yield engine, url
    assert problems.take() + engine.console_errors() == []


# --------------------------------------------------------------------------- a visitor's steps


def shown(engine: Engine, selector: str) -> bool:
    return engine.evaluate(SHOWN, selector)


FAILED = """() => { const e = document.querySelector(".checker-failed");
  return e && !e.hidden ? e.dataset.reason || "no reason given" : null; }"""


def wait_shown(engine: Engine, selector: str, timeout: float = READY) -> None:
    def ready() -> bool:
        failed = engine.evaluate(FAILED)
        assert failed is None, f"{engine.name}: the checker fell back ({failed}), not to {selector}"
        return shown(engine, selector)

    wait_until(ready, timeout, what=f"{selector} in {engine.name}")


def answer(engine: Engine, fact: str, value: str) -> None:
    question = f'[data-question="{fact}"]'
    wait_shown(engine, question)
    if "-" in value and value[:4].isdigit():
        answer_date(engine, question, date.fromisoformat(value))
    else:
        engine.click(f'{question} [data-answer="{value}"]')


def answer_date(engine: Engine, question: str, day: date) -> None:
    """Three boxes marked data-date-part (day, month, year) are typed into; a single date box
    is given the date."""
    parts = engine.evaluate(DATE_PARTS, question)
    if parts:
        typed = {"day": str(day.day), "month": str(day.month), "year": str(day.year)}
        for part in parts:
            engine.type(f'{question} [data-date-part="{part}"]', typed[part])
    else:
        picked = engine.evaluate(PICK_DATE, f'{question} input[type="date"]', day.isoformat())
        assert picked == day.isoformat()
    engine.click(f'{question} [data-answer="continue"]')


def walk(engine: Engine, base: str, steps: list[tuple[str, str]], outcome: str) -> None:
    engine.goto(f"{base}/checker/")
    for fact, value in steps:
        answer(engine, fact, value)
    wait_shown(engine, f'[data-outcome="{outcome}"]')


# --------------------------------------------------------------------------- the journeys


def test_a_therapist_declines_and_drafts_copies_and_saves_the_reply(browsing: tuple[Engine, str]) -> None:
    engine, base = browsing
    walk(engine, base, THERAPIST, "decline-and-preserve")
    block = '[data-letter="decline-and-preserve"]'
    for detail, text in (("sender_name", "Sam Carter"), ("recipient_name", "DC Jones"),
                         ("reference", "OP-4471")):
        engine.type(f'{block} [data-detail="{detail}"]', text)
    engine.click(f'{block} [data-letter-action="draft"]')
    wait_shown(engine, f"{block} .checker-letter-output")
    letter = engine.evaluate(VALUE, f"{block} [data-letter-text]")
    assert "DC Jones" in letter and "Sam Carter" in letter and "OP-4471" in letter
    status = f"{block} .checker-letter-status"
    engine.click(f'{block} [data-letter-action="copy"]')
    wait_until(lambda: engine.evaluate(TEXT, status) == "Copied.", what="Copied.")
    engine.click(f'{block} [data-letter-action="txt"]')
    saved = engine.downloads / "reply-decline-and-preserve.txt"
    wait_until(lambda: saved.is_file() and saved.read_text(encoding="utf-8") == letter,
               what=f"{saved.name} saved by {engine.name}")
    assert engine.evaluate(TEXT, status) == "Saved as a text file on this device."


def test_a_survivor_reaches_her_outcome(browsing: tuple[Engine, str]) -> None:
    engine, base = browsing
    walk(engine, base, SURVIVOR, "survivor-no-notice")
    assert shown(engine, '[data-outcome="survivor-no-notice"] h2')
    assert "1 March 2026" in engine.evaluate(TEXT, ".checker-summary")


# The theme fetches its search index on every page; a person reads a page for longer than
# that takes. A page left while the fetch is still open comes back from WebKit's page cache
# with the read failed (the theme's NotReadableError), so a test must not leave sooner.
INDEX_LOADED = """() => performance.getEntriesByType("resource")
  .some((entry) => entry.name.endsWith("/search_index.json") && entry.responseEnd > 0)"""


def read(engine: Engine, url: str) -> None:
    engine.goto(url)
    wait_until(lambda: engine.evaluate(INDEX_LOADED), what=f"the search index on {url}")


def test_exit_leaves_and_back_skips_the_page_left(browsing: tuple[Engine, str]) -> None:
    engine, base = browsing
    read(engine, f"{base}/")
    read(engine, f"{base}/therapists/")
    entries = engine.evaluate("() => history.length")
    engine.click(".quick-exit__button")
    wait_until(lambda: urlparse(engine.url()).netloc != urlparse(base).netloc, what="the exit")
    # The destinations cannot load in a closed network, so the engine shows its error page
    # for them; the page that was left has been replaced, not added to.
    assert engine.evaluate("() => history.length") == entries
    if engine.name == "firefox":
        return  # Firefox ESR does not go Back from its network error page under WebDriver BiDi
    engine.back()
    wait_until(lambda: engine.url() == f"{base}/", what="Back to the page before")
    assert shown(engine, "main") and not shown(engine, ".quick-exit-overlay")


def test_the_recorder_sees_a_violation(engine: Engine, journey_site: tuple[str, Problems]) -> None:
    """Control: an inline script added to a page is blocked and reported in this engine, so
    the silence of the journeys means something."""
    url, problems = journey_site
    engine.fresh()
    engine.goto(f"{url}/")
    problems.take()
    engine.evaluate("""() => { const s = document.createElement("script");
        s.textContent = "window.__ran = true"; document.body.append(s); }""")
    found = wait_until(problems.take, what=f"a reported violation in {engine.name}")
    assert any("CSP violation: script-src" in problem for problem in found)
    assert engine.evaluate("() => window.__ran === undefined")
    engine.console_errors()
