"""The built site, and a local server that serves it as a static host does."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from .paths import ROOT

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach vendor hosts (updates, safe browsing) from a closed
# network, and a test that counts requests to other hosts would see them.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MIME_TYPES = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
              ".whl": "application/zip", ".json": "application/json", ".css": "text/css"}


def build_site(destination: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stderr[-4000:]}"
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that drops a connection it no longer needs (a cancelled fetch, a page left
    mid-load) is not an error: no traceback for it."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(directory: Path, handler_class: type = _QuietHandler) -> tuple[QuietServer, str]:
    handler = functools.partial(handler_class, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def html_pages(site: Path) -> list[Path]:
    """Every built HTML page, in a stable order."""
    return sorted(site.rglob("*.html"))


def page_paths(site: Path) -> list[str]:
    """The URL path of every built HTML page: "/", "/therapists/", "/404.html"."""
    paths = []
    for page in html_pages(site):
        relative = page.relative_to(site).as_posix()
        paths.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return paths


def read_headers_file(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Rules of a Netlify / Cloudflare Pages `_headers` file: [(path pattern, [(name, value)])]."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def rule_matches(pattern: str, url_path: str) -> bool:
    regex = "^" + re.escape(pattern).replace(r"\*", ".*") + "$"
    return re.match(regex, url_path) is not None


def headers_for(rules: list[tuple[str, list[tuple[str, str]]]], url_path: str) -> dict[str, str]:
    """Every matching rule applies; a header set by two rules gets both values joined with a
    comma, as Cloudflare Pages does (for a CSP that means both policies are enforced)."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if rule_matches(pattern, url_path):
            for name, value in headers:
                found[name] = f"{found[name]}, {value}" if name in found else value
    return found


class HostLikeHandler(_QuietHandler):
    """Static files as a host such as Netlify serves them: the `_headers` file applied,
    pre-compressed `.br` / `.gz` variants sent when the browser accepts them, and
    revalidation (Cache-Control: max-age=0, must-revalidate; 304 on If-Modified-Since)."""

    rules: list[tuple[str, list[tuple[str, str]]]] = []
    precompressed = True

    def send_head(self):  # type: ignore[no-untyped-def]
        url_path = urlparse(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url_path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        if not path.is_file() or path.name == "_headers":
            self.send_error(404)
            return None
        stat = path.stat()
        modified = self.date_time_string(int(stat.st_mtime))
        extra = headers_for(self.rules, url_path)
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            return None
        encoding, body = None, path
        if self.precompressed:
            offered = self.headers.get("Accept-Encoding", "").split(",")
            accepted = {part.split(";")[0].strip() for part in offered}
            for name, suffix in (("br", ".br"), ("gzip", ".gz")):
                variant = path.with_name(path.name + suffix)
                if name in accepted and variant.is_file():
                    encoding, body = name, variant
                    break
        handle = body.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(body.stat().st_size))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", "public, max-age=0, must-revalidate")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        return handle


def serve_like_a_host(directory: Path, *, headers: bool = True, precompressed: bool = True,
                      headers_file: Path | None = None) -> tuple[QuietServer, str]:
    rules = read_headers_file(headers_file or directory / "_headers") if headers else []
    handler_class = type("Handler", (HostLikeHandler,), {"rules": rules, "precompressed": precompressed})
    return serve(directory, handler_class)
