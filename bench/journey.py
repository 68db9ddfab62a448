"""Times the checker as a visitor meets it (a measurement, not a test).

For each of N cold loads (a fresh browser context, nothing cached) it prints:
  - first question visible: navigation start -> the audience question is on screen;
  - checker ready: navigation start -> Pyodide and the rules have booted in the worker;
  - per answer: click -> the next question or outcome is on screen, over a full therapist run;
  - first outcome: navigation start -> the first outcome is on screen, answering at once.

Usage: .venv/bin/python -m bench.journey [SITE_DIR] [--runs 5]   (builds the site if no dir)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.support.host import CHROMIUM, CHROMIUM_ARGS, build_site, serve
from tests.support.journeys import THERAPIST_TO

RUN = THERAPIST_TO["decline-and-preserve"]


def shown(page, node: str, timeout: float = 120_000) -> None:  # type: ignore[no-untyped-def]
    """Waits until the question or outcome `node` is on screen (no eval: the CSP forbids it)."""
    page.locator(f'[data-question="{node}"], [data-outcome="{node}"]').wait_for(
        state="visible", timeout=timeout)


def one_load(browser, url: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/checker/", wait_until="commit")
    shown(page, "audience")
    first_question = page.evaluate("performance.now()")
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=120_000)
    ready = page.evaluate("performance.now()")
    steps = []
    targets = [fact for fact, _ in RUN[1:]] + ["decline-and-preserve"]
    for (fact, value), target in zip(RUN, targets):
        section = page.locator(f'[data-question="{fact}"]')
        started = time.perf_counter()
        if fact == "request_date":
            section.locator("input").fill(value)
            started = time.perf_counter()
            section.locator('[data-answer="continue"]').click()
        else:
            section.locator(f'[data-answer="{value}"]').click()
        shown(page, target)
        steps.append((time.perf_counter() - started) * 1000)
    context.close()

    context = browser.new_context()  # cold again: answer as soon as the page's script is live
    page = context.new_page()
    page.goto(f"{url}/checker/", wait_until="domcontentloaded")
    for (fact, value), target in zip(RUN[:3], ["risk_now", "requester", "received"]):
        page.locator(f'[data-question="{fact}"] [data-answer="{value}"]').click(timeout=120_000)
    page.locator('[data-question="received"] [data-answer="pace-order-or-warrant"]').click(timeout=120_000)
    shown(page, "pace-excluded-material")
    first_outcome = page.evaluate("performance.now()")
    context.close()
    return {"first_question": first_question, "ready": ready, "steps": steps,
            "first_outcome": first_outcome}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = args.site or build_site(Path(tempfile.mkdtemp()) / "site")
    server, url = serve(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        loads = [one_load(browser, url) for _ in range(args.runs)]
        browser.close()
    server.shutdown()
    median = statistics.median
    print(f"{args.runs} cold loads, headless Chromium, loopback ({time.strftime('%Y-%m-%d')})")
    print(f"{'load':>4} {'first question':>15} {'checker ready':>14} {'median answer':>14} "
          f"{'first outcome':>14}   (ms)")
    for number, load in enumerate(loads, 1):
        print(f"{number:>4} {load['first_question']:>15.0f} {load['ready']:>14.0f} "
              f"{median(load['steps']):>14.0f} {load['first_outcome']:>14.0f}")
    every_step = [s for load in loads for s in load["steps"]]
    print(f"median {median(load['first_question'] for load in loads):>13.0f} "
          f"{median(load['ready'] for load in loads):>14.0f} {median(every_step):>14.0f} "
          f"{median(load['first_outcome'] for load in loads):>14.0f}")
    print(f"answer -> next step over {len(every_step)} answers: median {median(every_step):.0f} ms, "
          f"max {max(every_step):.0f} ms")


if __name__ == "__main__":
    main()
