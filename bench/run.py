"""Performance figures for the site (not a test: it prints numbers, it does not pass or fail).

    make bench                      # or: .venv/bin/python -m bench.run [--runs 5] [--no-lighthouse]

1. Builds the site with `mkdocs build --strict` (timed).
2. Serves it as a static host would (the `_headers` file applied), twice: plain files, and
   with the pre-compressed `.br` / `.gz` variants chosen by Accept-Encoding.
3. In headless Chromium, for each server: cold loads (a fresh browser context each time, the
   HTTP cache disabled) and warm loads (the same context again; the server asks the browser
   to revalidate, as Netlify does), measuring
   - first question painted: first-contentful-paint of the checker page (the first question
     is plain HTML, shown before any script runs);
   - checker ready: from navigation until Python is ready to answer (the page's
     `checker-ready` mark), after clicking "therapist" and "no" as soon as the page has
     loaded. Those answers come from the step table at once; readiness includes the whole
     Pyodide boot;
   - bare Pyodide boot: a tiny page whose worker only runs loadPyodide() from the same files
     (and, separately, loadPyodide plus our wheel), as the yardstick for "checker ready";
   - time per answer: click to next question or outcome, over a full run once Python is ready;
   - bytes transferred (encoded) by a guidance page and by the checker page with Pyodide.
4. The phone profile (bench/phone.py): the checker page against the bare Pyodide page on a
   throttled, slow phone, answering at human pace.
5. Lighthouse 13 (default mobile config: emulated phone, simulated slow 4G and 4x CPU) on a
   guidance page and the checker page, offline against /usr/bin/chromium.

Raw figures go to bench/results/ (git-ignored). All timings are medians; the machine is named
in the output because they depend on it.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import brotli

from bench import phone
from sitebuild.paths import PYODIDE_DIR
from tests.support.checker_page import fill_date
from tests.support.host import CHROMIUM, CHROMIUM_ARGS, build_site, serve_like_a_host
from tests.support.journeys import THERAPIST_TO
from tests.support.paths import ROOT

RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHECKER = "/checker/"
READY_TIMEOUT = 120_000
FULL_RUN = THERAPIST_TO["share-with-consent"]

# In the page, before any of its scripts: the time from each answer click to the next question
# or outcome being shown.
MARKS = """
window.__marks = {steps: []};
let clicked = null;
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest("[data-answer]")) clicked = performance.now();
}, true);
new MutationObserver((records) => {
  const now = performance.now();
  for (const record of records) {
    const el = record.target;
    if (record.attributeName !== "hidden" || el.hidden || !el.dataset) continue;
    if (!(el.dataset.question || el.dataset.outcome)) continue;
    if (clicked !== null) { window.__marks.steps.push(now - clicked); clicked = null; }
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
"""

BARE_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Bare Pyodide</title>
<script src="bare.js"></script></html>"""
BARE_SCRIPT = """
const worker = new Worker("worker.js", {type: "module"});
performance.mark("checker-worker-started");
worker.onmessage = ({data}) => {
  performance.mark("checker-ready", {detail: data});
  window.__ready = performance.now();
};
const wheel = new URLSearchParams(location.search).get("wheel");
worker.postMessage({indexURL: new URL("pyodide/", location).href,
                    wheel: wheel ? new URL(wheel, location).href : null});
"""
BARE_WORKER = """
self.onmessage = async ({data}) => {
  const started = performance.now();  // since the worker's creation
  const {loadPyodide} = await import(`${data.indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({indexURL: data.indexURL, packages: data.wheel ? [data.wheel] : []});
  const loaded = performance.now();
  if (data.wheel) pyodide.pyimport("checker.web");
  self.postMessage({worker: started, pyodide: loaded - started, rules: performance.now() - loaded});
};
"""

# Where the time to "ready" went, from the User Timing marks checker.js (and the bare page)
# leave: when the worker was created, then the worker's own timings.
PHASES = """() => {
  const started = performance.getEntriesByName("checker-worker-started")[0];
  const ready = performance.getEntriesByName("checker-ready")[0];
  return started && ready
    ? {worker_started: started.startTime, ready_mark: ready.startTime, ...ready.detail} : null;
}"""


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = next((line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "unknown")
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(len(os.sched_getaffinity(0))), "cpu": cpu,
        "memory": f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory[0].isdigit() else memory,
        "chromium": chromium, "python": platform.python_version(),
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# --------------------------------------------------------------------------- browser runs


class Browser:
    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    def context(self, cache: bool):  # type: ignore[no-untyped-def]
        context = self.browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(MARKS)
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": not cache})
        transferred: list[int] = []

        def finished(request) -> None:  # type: ignore[no-untyped-def]
            sizes = request.sizes()
            transferred.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

        context.on("requestfinished", finished)
        return context, page, transferred

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()


def paint(page) -> float:  # type: ignore[no-untyped-def]
    return float(page.evaluate("""() => (performance.getEntriesByName('first-contentful-paint')[0]
        || {startTime: NaN}).startTime"""))


def checker_ready(page, base: str) -> float:  # type: ignore[no-untyped-def]
    page.goto(base + CHECKER, wait_until="load")
    page.locator('[data-question="audience"] [data-answer="therapist"]').click()
    page.locator('[data-question="risk_now"] [data-answer="no"]').click()
    page.locator('[data-question="requester"]').wait_for(state="visible", timeout=READY_TIMEOUT)
    page.locator('[data-checker][data-runtime="ready"]').wait_for(state="attached", timeout=READY_TIMEOUT)
    return float(page.evaluate("performance.getEntriesByName('checker-ready')[0].startTime"))


def full_run(page) -> list[float]:  # type: ignore[no-untyped-def]
    page.locator('[data-control="restart"]').click()
    page.evaluate("window.__marks.steps = []")
    for fact, value in FULL_RUN:
        question = page.locator(f'[data-question="{fact}"]')
        question.wait_for(state="visible", timeout=READY_TIMEOUT)
        if fact == "request_date":
            fill_date(question, value)
            question.locator('[data-answer="continue"]').click()
        else:
            question.locator(f'[data-answer="{value}"]').click()
    page.locator("[data-outcome]:not([hidden])").wait_for(state="visible", timeout=READY_TIMEOUT)
    page.wait_for_timeout(50)
    return [float(x) for x in page.evaluate("window.__marks.steps")]


def settle(page, transferred: list[int]) -> int:  # type: ignore[no-untyped-def]
    """Bytes so far, once no request has finished for half a second."""
    count = -1
    while count != len(transferred):
        count = len(transferred)
        page.wait_for_timeout(500)
    return sum(transferred)


def bare_boot(browser: Browser, base: str, wheel: str | None,
              cache: bool = False) -> tuple[float, dict[str, float]]:
    context, page, _ = browser.context(cache)
    try:
        page.goto(base + "/index.html" + (f"?wheel={wheel}" if wheel else ""))
        for _ in range(READY_TIMEOUT // 50):
            ready = page.evaluate("window.__ready")
            if ready:
                return float(ready), page.evaluate(PHASES)
            page.wait_for_timeout(50)
        raise TimeoutError("bare Pyodide did not boot")
    finally:
        context.close()


def make_bare_site(site: Path, where: Path) -> tuple[Path, str]:
    """A page + worker that only boots Pyodide, from copies of the site's own files (with their
    compressed variants) and the checker wheel."""
    pyodide = next((site / "assets" / "pyodide").iterdir())
    shutil.copytree(pyodide, where / "pyodide")
    # The site serves a trimmed standard library and no package lock; Pyodide as it ships
    # loads both, so they come from its package, compressed as the site's files are.
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        data = (PYODIDE_DIR / name).read_bytes()
        (where / "pyodide" / name).write_bytes(data)
        (where / "pyodide" / f"{name}.br").write_bytes(brotli.compress(data, quality=11))
        (where / "pyodide" / f"{name}.gz").write_bytes(gzip.compress(data, 9, mtime=0))
    wheel = next((site / "assets" / "checker").rglob("*.whl"))
    for path in wheel.parent.glob(wheel.name + "*"):
        shutil.copy(path, where / path.name)
    (where / "index.html").write_text(BARE_PAGE)
    (where / "bare.js").write_text(BARE_SCRIPT)
    (where / "worker.js").write_text(BARE_WORKER)
    return where, wheel.name


def measure_server(browser: Browser, base: str, bare_base: str, wheel: str, guidance: str,
                   runs: int) -> dict[str, object]:
    figures: dict[str, list[float]] = {k: [] for k in (
        "fcp_cold", "ready_cold", "ready_warm", "fcp_warm", "bare_cold", "bare_wheel_cold",
        "bare_warm", "steps", "bytes_guidance", "bytes_checker", "bytes_guidance_warm")}
    phases: dict[str, list[dict[str, float]]] = {"checker": [], "bare": []}
    for run in range(runs):
        # The checker, cold, then warm in the same context.
        context, page, transferred = browser.context(cache=False)
        try:
            figures["ready_cold"].append(checker_ready(page, base))
            phases["checker"].append({**page.evaluate(PHASES), "ready": figures["ready_cold"][-1]})
            figures["fcp_cold"].append(paint(page))
            figures["bytes_checker"].append(settle(page, transferred))
            if run == 0:
                figures["steps"] += full_run(page)
        finally:
            context.close()
        context, page, transferred = browser.context(cache=True)
        try:
            checker_ready(page, base)
            figures["ready_warm"].append(checker_ready(page, base))
            figures["fcp_warm"].append(paint(page))
        finally:
            context.close()
        # A guidance page, cold then warm.
        context, page, transferred = browser.context(cache=False)
        try:
            page.goto(base + guidance, wait_until="load")
            figures["bytes_guidance"].append(settle(page, transferred))
        finally:
            context.close()
        context, page, transferred = browser.context(cache=True)
        try:
            page.goto(base + guidance, wait_until="load")
            settle(page, transferred)
            transferred.clear()
            page.goto(base + guidance, wait_until="load")
            figures["bytes_guidance_warm"].append(settle(page, transferred))
        finally:
            context.close()
        # The yardstick.
        ready, bare_phases = bare_boot(browser, bare_base, None)
        figures["bare_cold"].append(ready)
        phases["bare"].append({**bare_phases, "ready": ready})
        figures["bare_wheel_cold"].append(bare_boot(browser, bare_base, wheel)[0])
        context, page, _ = browser.context(cache=True)
        try:
            for attempt in range(2):
                page.goto(bare_base + "/index.html")
                for _ in range(READY_TIMEOUT // 50):
                    if page.evaluate("window.__ready"):
                        break
                    page.wait_for_timeout(50)
            figures["bare_warm"].append(float(page.evaluate("window.__ready")))
        finally:
            context.close()
        print(f"    run {run + 1}/{runs}: checker ready {figures['ready_cold'][-1]:.0f} ms, "
              f"bare boot {figures['bare_cold'][-1]:.0f} ms", flush=True)
    return {**figures, "phases": phases}


def breakdown(phases: dict[str, list[dict[str, float]]]) -> dict[str, str]:
    """Where the cold "ready" time went, ours / bare (medians, ms), and the ratio with the
    loadPyodide() time itself held equal: that part is the same work on both pages and is where
    nearly all of this machine's run-to-run noise is."""
    def m(which: str, f) -> float:  # type: ignore[no-untyped-def]
        return median([f(p) for p in phases[which]])

    def pair(f) -> str:  # type: ignore[no-untyped-def]
        return f"{m('checker', f):,.0f} / {m('bare', f):,.0f}"

    rest = lambda p: p["ready"] - p["pyodide"]  # noqa: E731 — everything but loadPyodide()
    bare_ready = m("bare", lambda p: p["ready"])
    held_equal = (bare_ready + m("checker", rest) - m("bare", rest)) / bare_ready
    return {
        "Worker created, ms after navigation (ours / bare)": pair(lambda p: p["worker_started"]),
        "loadPyodide() in the worker (ours / bare)": pair(lambda p: p["pyodide"]),
        "Worker script loaded, until its first message (ours / bare)": pair(lambda p: p["worker"]),
        "Rules written + imported (ours)": f"{m('checker', lambda p: p['wheel']):,.0f} + "
                                           f"{m('checker', lambda p: p['rules']):,.0f}",
        "Ready until the next question shows (ours)":
            f"{m('checker', lambda p: p['ready'] - p['ready_mark']):,.0f}",
        "Everything except loadPyodide() (ours / bare)": pair(rest),
        "Checker ready / bare boot, loadPyodide() held equal": f"{held_equal:.2f}",
    }


# --------------------------------------------------------------------------- Lighthouse


def lighthouse(url: str, out: Path) -> dict[str, float]:
    flags = " ".join(f'"{a}"' if " " in a else a for a in CHROMIUM_ARGS)
    flags = flags.replace('"--host-resolver-rules=', '--host-resolver-rules="')
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility,best-practices,seo",
               f"--chrome-flags={flags}"]
    for _attempt in range(3):  # Lighthouse sometimes loses the trace (NO_NAVSTART): retry
        out.unlink(missing_ok=True)
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM},
                              capture_output=True, text=True, timeout=600)
        if done.returncode == 0 and out.exists():
            break
    else:
        raise RuntimeError(f"lighthouse failed: {done.stderr[-2000:]}")
    report = json.loads(out.read_text())
    scores = {name: round(100 * (category["score"] or 0)) for name, category in report["categories"].items()}
    audits = report["audits"]
    scores["TBT ms"] = round(audits["total-blocking-time"]["numericValue"])
    scores["LCP ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    scores["FCP ms"] = round(audits["first-contentful-paint"]["numericValue"])
    failing = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']}")
    scores["failing"] = failing  # type: ignore[assignment]
    return scores


# --------------------------------------------------------------------------- output


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(ours: list[float], yardstick: list[float]) -> str:
    """Median over median, then the spread of the runs' own ratios (each run measures both, one
    after the other, so the pairs share the machine's load at that moment)."""
    pairs = sorted(a / b for a, b in zip(ours, yardstick))
    spread = f" (runs {pairs[0]:.2f}–{pairs[-1]:.2f}, median {median(pairs):.2f})" if len(pairs) > 1 else ""
    return f"{median(ours) / median(yardstick):.2f}{spread}"


def kb(values: list[float]) -> str:
    return f"{median(values) / 1024:,.0f} KB"


def ms(values: list[float]) -> str:
    return f"{median(values):,.0f} ms"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold and warm loads per server")
    parser.add_argument("--guidance", default="/therapists/replying/", help="the guidance page")
    parser.add_argument("--site", type=Path, help="use this built site instead of building")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--phone-runs", type=int, default=3, help="phone profile runs (bench/phone.py)")
    parser.add_argument("--before", type=Path,
                        help="an earlier build of the site, also measured on the phone profile")
    args = parser.parse_args()

    info = machine()
    print("Benchmark of the site — " + info["date"])
    for key, value in info.items():
        if key != "date":
            print(f"  {key}: {value}")
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict[str, object] = {"machine": info, "runs": args.runs}
    try:
        if args.site:
            site, build_seconds = args.site, float("nan")
        else:
            cache = Path(tempfile.gettempdir()) / "site-compress-cache"
            results["compress_cache_warm"] = cache.exists() and any(cache.iterdir())
            started = time.perf_counter()
            site = build_site(work / "site")
            build_seconds = time.perf_counter() - started
        results["build_seconds"] = build_seconds
        print(f"\nBuild (mkdocs build --strict, with hooks): {build_seconds:.1f} s"
              + ("" if args.site else
                 f" (compression cache {'warm' if results['compress_cache_warm'] else 'cold'})"))
        bare_dir, wheel = make_bare_site(site, work / "bare")

        browser = Browser()
        servers: dict[str, dict[str, object]] = {}
        try:
            for label, precompressed in (("plain files", False), ("pre-compressed br/gz", True)):
                print(f"\n  Serving {label}…", flush=True)
                server, base = serve_like_a_host(site, precompressed=precompressed)
                bare_server, bare_base = serve_like_a_host(bare_dir, headers=False,
                                                           precompressed=precompressed)
                try:
                    servers[label] = measure_server(browser, base, bare_base, wheel, args.guidance, args.runs)
                finally:
                    server.shutdown()
                    bare_server.shutdown()
        finally:
            browser.close()
        results["servers"] = servers

        rows = [["", *servers]]
        def row(name: str, key: str, fmt) -> None:  # type: ignore[no-untyped-def]
            rows.append([name, *(fmt(figures[key]) for figures in servers.values())])
        row("First question painted, cold (FCP)", "fcp_cold", ms)
        row("First question painted, warm (FCP)", "fcp_warm", ms)
        row("Checker ready, cold", "ready_cold", ms)
        row("Checker ready, warm", "ready_warm", ms)
        row("Bare Pyodide boot, cold", "bare_cold", ms)
        row("Bare Pyodide boot + our wheel, cold", "bare_wheel_cold", ms)
        row("Bare Pyodide boot, warm", "bare_warm", ms)
        def ratio_row(name: str, ours: str, yardstick: str) -> None:
            rows.append([name, *(ratio(f[ours], f[yardstick]) for f in servers.values())])
        ratio_row("Checker ready / bare boot, cold", "ready_cold", "bare_cold")
        ratio_row("Checker ready / (bare + wheel), cold", "ready_cold", "bare_wheel_cold")
        ratio_row("Checker ready / bare boot, warm", "ready_warm", "bare_warm")
        parts = {label: breakdown(f["phases"]) for label, f in servers.items()}  # type: ignore[arg-type]
        for name in next(iter(parts.values())):
            rows.append([name, *(part[name] for part in parts.values())])
        row(f"Time per answer, Python ready (median of a {len(FULL_RUN)}-answer run)", "steps", ms)
        row(f"Transferred: guidance page {args.guidance}, cold", "bytes_guidance", kb)
        row(f"Transferred: guidance page {args.guidance}, warm", "bytes_guidance_warm", kb)
        row("Transferred: checker page incl. Pyodide, cold", "bytes_checker", kb)
        print(f"\nMedians over {args.runs} runs (loopback, headless Chromium, 1280x800; "
              "cold = fresh context, HTTP cache off; warm = same context, revalidated):\n")
        print(table(rows))

        if args.phone_runs:
            print("\n" + phone.measure(site, bare_dir, args.phone_runs, args.before))

        if not args.no_lighthouse:
            RESULTS.mkdir(exist_ok=True)
            server, base = serve_like_a_host(site, precompressed=True)
            notes: list[str] = []
            lighthouse_rows = [["Lighthouse 13, mobile", "performance", "accessibility",
                                "best-practices", "seo", "TBT ms", "LCP ms", "FCP ms"]]
            results["lighthouse"] = {}
            try:
                for name, path in (("guidance", args.guidance), ("checker", CHECKER)):
                    runs = [lighthouse(base + path, RESULTS / f"lighthouse-{name}-{n + 1}.json")
                            for n in range(args.lighthouse_runs)]
                    results["lighthouse"][name] = runs  # type: ignore[index]
                    cells = []
                    for key in lighthouse_rows[0][1:]:
                        values = [run[key] for run in runs]
                        spread = f" ({min(values)}–{max(values)})" if len(set(values)) > 1 else ""
                        cells.append(f"{statistics.median(values):.0f}{spread}")
                    lighthouse_rows.append([f"{name} {path}", *cells])
                    failing = sorted({audit for run in runs for audit in run["failing"]})
                    if failing:
                        notes.append(f"  {name}: audits below full marks in some run: {', '.join(failing)}")
            finally:
                server.shutdown()
            print(f"\nLighthouse: median of {args.lighthouse_runs} runs (min–max), pre-compressed server\n")
            print(table(lighthouse_rows))
            print("\n".join(notes))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"\nRaw figures: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
