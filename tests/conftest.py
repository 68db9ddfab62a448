"""Shared fixtures: a real strict build of the site, local static servers, headless Chromium.

The helpers themselves are in tests/support/ (the benchmark uses them too); the names other
test modules import from here are re-exported below.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.checker_page import RecordedPage
from tests.support.host import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_site,
    headers_for,
    html_pages,
    page_paths,
    read_headers_file,
    rule_matches,
    serve,
    serve_like_a_host,
)
from tests.support.paths import ROOT

__all__ = ["ROOT", "RecordedPage", "headers_for", "html_pages", "page_paths", "read_headers_file",
           "rule_matches", "serve_like_a_host", "CSP_RECORDER", "SCHEMES"]

# The device's colour setting (Playwright's color_scheme) -> the theme's scheme on <body>.
SCHEMES = {"light": "default", "dark": "slate"}

# Records CSP violations (and the checker's wipe event) in the page, from before any page script.
CSP_RECORDER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`), true);
"""



@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def host_site_url(built_site: Path) -> Iterator[str]:
    """The built site with its `_headers` applied and pre-compressed files served."""
    server, url = serve_like_a_host(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian chromium is required: apt-get install chromium"
    with sync_playwright() as playwright:
        # Real browsers keep pages in a back/forward cache; Playwright turns it off by default.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              ignore_default_args=["--disable-back-forward-cache"])
        yield launched
        launched.close()


@pytest.fixture
def recorded(browser: object, site_url: str) -> Iterator[RecordedPage]:
    recording = RecordedPage(browser, site_url)
    yield recording
    recording.context.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Show every page's readability score (recorded by test_content_readability) in the output."""
    rows = []
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "flesch_reading_ease":
                    page = report.nodeid.split("[", 1)[-1].rstrip("]")
                    rows.append(f"  {value:6.1f}  {page}  ({outcome})")
    if rows:
        terminalreporter.write_sep("-", "Flesch reading ease by page")
        for row in sorted(rows, key=lambda r: r.split()[1]):
            terminalreporter.write_line(row)
