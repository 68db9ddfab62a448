"""The built site served as a host serves it (the `_headers` file applied, see tests.conftest),
with recorder.js in front of every page and an address that collects what it reports.

The recorder's <script> goes straight after <head>, before the page's policy meta tag (which
covers only what follows it); the `_headers` policy allows it, as it comes from the site
itself. Any file the server cannot find is recorded too.

The checker gives up on a runtime that takes longer than its boot timeout (30 s) and shows its
fallback; the tests of that fallback are in test_checker_journeys.py. Here the engines are
on trial, not the machine's load: on a busy 2-core machine a cold boot in WebKit can take
longer, so the server raises the page's timeout (its data-boot-timeout attribute) to BOOT_MS.
"""

from __future__ import annotations

import io
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

from tests.support.host import HostLikeHandler, headers_for, read_headers_file, serve

HERE = Path(__file__).resolve().parent
RECORDER = "/__journey/recorder.js"
PROBLEM = "/__journey/problem"
TAG = f'<script src="{RECORDER}"></script>'.encode()
BOOT_MS = 180_000
BOOT_TIMEOUT = re.compile(rb'data-boot-timeout="\d+"')


class Problems:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[str] = []

    def add(self, text: str) -> None:
        with self.lock:
            self.items.append(text)

    def take(self) -> list[str]:
        with self.lock:
            found, self.items = self.items, []
        return found


class JourneyHandler(HostLikeHandler):
    problems: Problems

    def send_head(self):  # type: ignore[no-untyped-def]
        url_path = urlparse(self.path).path
        if url_path == RECORDER:
            return self.send_bytes((HERE / "recorder.js").read_bytes(), "text/javascript")
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if url_path.endswith("/") else path
        if page.suffix == ".html" and page.is_file():
            html = BOOT_TIMEOUT.sub(b'data-boot-timeout="%d"' % BOOT_MS, page.read_bytes())
            start = html.index(b">", html.index(b"<head")) + 1
            return self.send_bytes(html[:start] + TAG + html[start:], "text/html; charset=utf-8", url_path)
        return super().send_head()

    def send_bytes(self, body: bytes, content_type: str, url_path: str = "") -> io.BytesIO:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers_for(self.rules, url_path) if url_path else {}).items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if urlparse(self.path).path != "/favicon.ico":  # asked for by the browser, not a page
            self.problems.add(f"HTTP {code} for {self.path}")
        super().send_error(code, message, explain)

    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if urlparse(self.path).path == PROBLEM:
            self.problems.add(body.decode("utf-8", "replace"))
        self.send_response(204)
        self.end_headers()


def serve_journeys(site: Path) -> tuple[object, str, Problems]:
    problems = Problems()
    handler = type("Handler", (JourneyHandler,), {
        "rules": read_headers_file(site / "_headers"), "precompressed": True, "problems": problems})
    server, url = serve(site, handler)
    return server, url, problems
