"""The checker on a slow phone (a measurement, not a test).

Lighthouse's mobile profile by CDP: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the
page's processor 4x slower (Chromium throttles the page, not its workers), a 390x844 screen,
cold cache, the site's pre-compressed files served as a host would. For the checker page it
records, from navigation: the first question painted; every answer's wait at human pace
(2 s a question), from the click to the frame after the next step is shown; when Python was
ready; whether "cannot run" ever showed; bytes transferred by file. The bare Pyodide page
(bench/run.py's yardstick: loadPyodide() as Pyodide ships it) is measured in the same run.

    .venv/bin/python -m bench.phone [--site DIR] [--runs 1]   (make bench runs it too)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from tests.support.host import build_site, serve_like_a_host
from tests.support.journeys import THERAPIST_TO

JOURNEY = THERAPIST_TO["share-with-consent"]
PACE_MS = 2000
TIMEOUT = 300_000
PROFILE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}

# Before the page's scripts: each answer's wait, from the click to the animation frame after
# a question or outcome was revealed.
WAITS = """
window.__waits = [];
let clicked = null;
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("[data-answer]")) clicked = performance.now();
}, true);
new MutationObserver((records) => {
  for (const record of records) {
    const el = record.target;
    if (clicked === null || el.hidden || !el.dataset) continue;
    if (!(el.dataset.question || el.dataset.outcome)) continue;
    const from = clicked;
    clicked = null;
    requestAnimationFrame(() => window.__waits.push(performance.now() - from));
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
"""


def phone_page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=3)
    context.add_init_script(WAITS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", PROFILE)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    by_file: dict[str, int] = {}

    def finished(request) -> None:  # type: ignore[no-untyped-def]
        sizes = request.sizes()
        name = urlparse(request.url).path.rsplit("/", 1)[-1] or "index.html"
        by_file[name] = by_file.get(name, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]

    context.on("requestfinished", finished)
    return context, page, by_file


def checker_run(browser, base: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    context, page, by_file = phone_page(browser)
    try:
        page.goto(base + "/checker/", wait_until="commit", timeout=TIMEOUT)
        page.locator('[data-question="audience"]').wait_for(state="visible", timeout=TIMEOUT)
        first = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
        failed = page.locator(".checker-failed")
        for fact, value in JOURNEY:
            page.wait_for_timeout(PACE_MS)
            question = page.locator(f'[data-question="{fact}"]')
            next_or_failed = f'[data-question="{fact}"]:not([hidden]), .checker-failed:not([hidden])'
            page.locator(next_or_failed).first.wait_for(state="visible", timeout=TIMEOUT)
            if not question.is_visible():
                break  # the page gave up: no next question to answer
            if value[:4].isdigit():
                question.locator('input[type="date"]').fill(value)
                question.locator('[data-answer="continue"]').click()
            else:
                question.locator(f'[data-answer="{value}"]').click()
        settled = page.locator('[data-checker]:not([data-runtime="starting"])')
        settled.wait_for(state="attached", timeout=TIMEOUT)
        ready = page.evaluate("(performance.getEntriesByName('checker-ready')[0] || {}).startTime")
        page.wait_for_timeout(1000)
        return {"first_question": first, "waits": page.evaluate("window.__waits"), "ready": ready,
                "failed": failed.get_attribute("data-reason") if failed.is_visible() else None,
                "bytes": dict(by_file)}
    finally:
        context.close()


def bare_run(browser, bare_base: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    context, page, by_file = phone_page(browser)
    try:
        page.goto(bare_base + "/index.html", wait_until="commit", timeout=TIMEOUT)
        page.wait_for_function("window.__ready", timeout=TIMEOUT, polling=200)
        ready = page.evaluate("window.__ready")
        page.wait_for_timeout(1000)
        return {"ready": ready, "bytes": dict(by_file)}
    finally:
        context.close()


def report(checker: list[dict[str, object]], bare: list[dict[str, object]]) -> str:
    median = statistics.median
    waits = [w for run in checker for w in run["waits"]]  # type: ignore[attr-defined]
    lines = [
        f"Phone profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, page CPU 4x slower, cold, "
        f"pre-compressed), {len(checker)} run(s), answers every {PACE_MS / 1000:.0f} s:",
        f"  first question painted (FCP): {median(r['first_question'] for r in checker):,.0f} ms",  # type: ignore[misc]
        f"  answer -> next step shown, {len(waits)} answers: median {median(waits):,.0f} ms, "
        f"max {max(waits):,.0f} ms",
        "    each (ms, in order): " + " ".join(f"{w:.0f}" for w in checker[0]["waits"]),  # type: ignore[attr-defined]
        f"  Python ready: {median(r['ready'] or float('nan') for r in checker):,.0f} ms "  # type: ignore[misc]
        f"(bare Pyodide page: {median(r['ready'] for r in bare):,.0f} ms)",  # type: ignore[misc]
        f"  answered: {sum(len(r['waits']) for r in checker)} of {len(JOURNEY) * len(checker)}; "  # type: ignore[arg-type]
        f"failure shown: {[r['failed'] for r in checker if r['failed']] or 'never'}",
        "  transferred (KB, first run)  checker page | bare Pyodide page",
    ]
    ours: dict[str, int] = checker[0]["bytes"]  # type: ignore[assignment]
    theirs: dict[str, int] = bare[0]["bytes"]  # type: ignore[assignment]
    def line(name: str, mine: int, yardstick: int) -> str:
        return f"    {name[:44]:<44} {mine / 1024:>8,.0f} | {yardstick / 1024:>8,.0f}"

    for name in sorted(set(ours) | set(theirs), key=lambda n: -max(ours.get(n, 0), theirs.get(n, 0))):
        lines.append(line(name, ours.get(name, 0), theirs.get(name, 0)))
    lines.append(line("total", sum(ours.values()), sum(theirs.values())))
    return "\n".join(lines)


def measure(site: Path, bare_dir: Path, runs: int) -> str:
    from playwright.sync_api import sync_playwright

    from tests.support.host import CHROMIUM, CHROMIUM_ARGS

    server, base = serve_like_a_host(site, precompressed=True)
    bare_server, bare_base = serve_like_a_host(bare_dir, headers=False, precompressed=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            checker, bare = [], []
            for _ in range(runs):
                checker.append(checker_run(browser, base))
                bare.append(bare_run(browser, bare_base))
            browser.close()
    finally:
        server.shutdown()
        bare_server.shutdown()
    return report(checker, bare)


def main() -> None:
    from bench.run import make_bare_site

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="use this built site instead of building")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-phone-"))
    site = args.site or build_site(work / "site")
    bare_dir, _ = make_bare_site(site, work / "bare")
    print(measure(site, bare_dir, args.runs))


if __name__ == "__main__":
    main()
