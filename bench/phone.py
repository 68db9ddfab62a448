"""The checker on a slow phone (a measurement, not a test).

Lighthouse's mobile profile by CDP: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the
page's processor 4x slower (Chromium throttles the page, not its workers), a 390x844 screen,
cold cache, the site's pre-compressed files served as a host would. For the checker page it
records, from navigation: the first question painted; every answer's wait at human pace
(2 s a question), from the click to the frame after the next step is shown; when Python was
ready; whether "cannot run" ever showed; bytes transferred by file. The bare Pyodide page
(bench/run.py's yardstick: loadPyodide() as Pyodide ships it) is measured in the same run.

    .venv/bin/python -m bench.phone [--site DIR] [--before DIR] [--runs 3]   (make bench runs it too)

`--before` measures an earlier build of the site in the same run, for before/after figures.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from tests.support.checker_page import fill_date
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
        name = re.sub(r"-\d+(\.\d+)+-py3", "-*-py3", name)  # the wheel, whatever its version
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
                fill_date(question, value)
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


def report(pages: dict[str, list[dict[str, object]]], bare: list[dict[str, object]]) -> str:
    """One column per checker page measured (the page before a change, if given, then now),
    and the bare Pyodide page."""
    median = statistics.median
    runs = len(bare)

    def ms(value: float) -> str:
        return "-" if value != value else f"{value:,.0f} ms"  # NaN: never happened

    rows: list[list[str]] = [["", *pages, "bare Pyodide page"]]
    def row(name: str, cells: list[str], bare_cell: str = "") -> None:
        rows.append([name, *cells, bare_cell])

    def waits(page_runs: list[dict[str, object]]) -> list[float]:
        return [w for run in page_runs for w in run["waits"]]  # type: ignore[attr-defined]

    row("First question painted (FCP)", [ms(median(r["first_question"] for r in p)) for p in pages.values()])  # type: ignore[misc]
    row("Answers shown", [f"{len(waits(p))} of {len(JOURNEY) * runs}" for p in pages.values()])
    nan = float("nan")
    row("Answer to next step, median", [ms(median(waits(p)) if waits(p) else nan) for p in pages.values()])
    row("Answer to next step, max", [ms(max(waits(p), default=nan)) for p in pages.values()])
    row("Python ready", [ms(median(r["ready"] or nan for r in p)) for p in pages.values()],  # type: ignore[misc]
        ms(median(r["ready"] for r in bare)))  # type: ignore[misc]
    row("Failure shown", [", ".join(str(r["failed"]) for r in p if r["failed"]) or "never"
                          for p in pages.values()])
    transferred = [*(p[0]["bytes"] for p in pages.values()), bare[0]["bytes"]]  # first run of each
    names = sorted({n for files in transferred for n in files},  # type: ignore[attr-defined]
                   key=lambda n: -max(files.get(n, 0) for files in transferred))  # type: ignore[attr-defined]
    for name in names:
        rows.append([f"KB: {name}", *(f"{files.get(name, 0) / 1024:,.0f}" for files in transferred)])  # type: ignore[attr-defined]
    rows.append(["KB: total, cold", *(f"{sum(files.values()) / 1024:,.0f}" for files in transferred)])  # type: ignore[attr-defined]

    from bench.run import table
    heading = (f"Phone profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, page CPU 4x slower, cold, "
               f"pre-compressed), median of {runs} run(s), one answer every {PACE_MS / 1000:.0f} s "
               f"along a {len(JOURNEY)}-answer journey:")
    each = [f"  answer waits, run 1, {label} (ms, in order): "
            + " ".join(f"{w:.0f}" for w in page_runs[0]["waits"])  # type: ignore[attr-defined]
            for label, page_runs in pages.items()]
    return "\n".join([heading, "", table(rows), "", *each])


def measure(site: Path, bare_dir: Path, runs: int, before: Path | None = None) -> str:
    """The checker page of `site` (and of `before`, if given) against the bare Pyodide page,
    taking turns in each run so that all meet the same machine."""
    from playwright.sync_api import sync_playwright

    from tests.support.host import CHROMIUM, CHROMIUM_ARGS

    sites = {**({"before": before} if before else {}), "now": site}
    servers = {label: serve_like_a_host(path, precompressed=True) for label, path in sites.items()}
    bare_server, bare_base = serve_like_a_host(bare_dir, headers=False, precompressed=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages: dict[str, list[dict[str, object]]] = {label: [] for label in sites}
            bare: list[dict[str, object]] = []
            for _ in range(runs):
                for label, (_, base) in servers.items():
                    pages[label].append(checker_run(browser, base))
                bare.append(bare_run(browser, bare_base))
            browser.close()
    finally:
        for server, _ in servers.values():
            server.shutdown()
        bare_server.shutdown()
    return report(pages, bare)


def main() -> None:
    from bench.run import make_bare_site

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="use this built site instead of building")
    parser.add_argument("--before", type=Path, help="also measure this built site (an earlier version)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-phone-"))
    site = args.site or build_site(work / "site")
    bare_dir, _ = make_bare_site(site, work / "bare")
    print(measure(site, bare_dir, args.runs, args.before))


if __name__ == "__main__":
    main()
