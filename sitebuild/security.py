"""The site's Content-Security-Policy and security headers, from one policy table.

overrides/hooks/security.py calls this for every page (`policy_for`, `add_meta`,
`drop_next_link`) and, after the build, for `_headers` (Netlify / Cloudflare Pages format) and
`_nginx.conf` (docs-dev/deploying.md), so the headers' script hashes always match the pages'.

Why each directive (measured in headless Chromium with the tests in tests/test_security.py):

  default-src 'none'        nothing is allowed unless listed below (no frames, objects, media).
  script-src 'self' hashes  our own files plus Material's three small inline scripts, by hash.
                            `extra.scope: /` in mkdocs.yml makes those scripts identical on
                            every page, so the hashes are the same site-wide. No 'unsafe-inline',
                            no 'unsafe-eval'. The theme's `__config` JSON block is data, not
                            script, and needs no hash.
  'wasm-unsafe-eval'        only where Pyodide runs. A worker takes its policy from its own
                            response, not from the page's meta tag, so with the meta tag alone it
                            is a declaration; with `_headers` the worker script carries it.
  worker-src 'self'         the checker's Pyodide worker and Material's search worker.
  style-src 'self'          Material and our stylesheets are files. The theme sets styles only
                            through the CSSOM (element.style), which CSP does not restrict, and
                            no page has a style attribute or <style> element, so
                            'unsafe-inline' is not needed (a test fails if one appears).
  img-src 'self' data:      the favicon, and the theme's icons, which are data: SVGs in its CSS.
  font-src 'self'           `theme.font: false`: system fonts only; kept to 'self' for any
                            future self-hosted font.
  connect-src 'self'        search index, Pyodide runtime files and the checker wheel.
  (no manifest-src)         the site has no web app manifest, and default-src 'none' already
                            blocks one. WebKit logs an error for every page whose policy names
                            manifest-src (it does not know the directive), so it is left out.
  form-action 'self'        the search form never submits anywhere else.
  base-uri 'none'           no <base> element can redirect relative URLs.
  frame-ancestors 'none'    only in `_headers`: browsers ignore it in a meta tag.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from collections import Counter

PYODIDE_TEMPLATES = frozenset({"checker.html"})
JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_NEXT_LINK = re.compile(r'\s*<link rel="next" href="[^"]*">')
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")

BASE_POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("form-action", ("'self'",)),
    ("base-uri", ("'none'",)),
)

# A worker's policy comes from the worker script's own response (not the page's meta tag).
# Pyodide in a worker: its module files, fetches of the runtime and wheel, WebAssembly.
PYODIDE_WORKER_POLICY = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; "
                         "connect-src 'self'")
# Material's search worker: its own script and the search index.
SEARCH_WORKER_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'"

HEADERS_FOR_EVERY_FILE = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in (
        # Features Chromium knows (an unknown one logs a console warning); interest-cohort is
        # the retired FLoC opt-out, still accepted silently and honoured by older browsers.
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone",
        "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    ))),
)

def script_hashes(html: str) -> list[str]:
    """'sha256-…' sources for every inline script the browser would run, in page order."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs = {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
                 for m in _ATTR.finditer(match.group(1))}
        if "src" in attrs or attrs.get("type", "").strip().lower() not in JS_TYPES:
            continue
        body = match.group(2).replace("\r\n", "\n")
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str, runs_pyodide: bool, serving: bool = False) -> str:
    """The meta policy for a finished page. `mkdocs serve` injects an inline live-reload script
    whose text changes on every request, so no hash can allow it: while serving, script-src
    allows inline scripts instead of hashes. Built sites (and every test) get the strict policy."""
    directives = []
    for name, sources in BASE_POLICY:
        if name == "script-src":
            sources = sources + (("'unsafe-inline'",) if serving else tuple(script_hashes(html)))
            if runs_pyodide:
                sources += ("'wasm-unsafe-eval'",)
        directives.append(" ".join((name, *sources)))
    return "; ".join(directives)


def add_meta(html: str, policy: str) -> str:
    head = _HEAD.search(html)
    if not head:
        raise ValueError("page has no <head>")
    tags = (f'\n    <meta http-equiv="Content-Security-Policy" content="{policy}">'
            '\n    <meta name="referrer" content="no-referrer">')
    return html[:head.end()] + tags + html[head.end():]


def drop_next_link(html: str) -> str:
    """The page without `<link rel="next">` in its <head> (see overrides/hooks/security.py)."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return _NEXT_LINK.sub("", html[:head_end]) + html[head_end:]


def worker_paths(html: str, page_url: str) -> set[str]:
    """Site paths of the scripts a page starts as workers (data-worker on the checker)."""
    found = set()
    for value in re.findall(r'data-worker="([^"]+)"', html):
        found.add(posixpath.normpath(posixpath.join("/" + page_url, value)))
    return found


def headers_file(policies: dict[str, str], workers: set[str], search_workers: bool) -> str:
    """The `_headers` text. No two rules that set Content-Security-Policy overlap: hosts differ
    on overlapping rules (Cloudflare Pages joins the values with a comma, which makes the
    browser enforce both policies; others let the last rule win), so every path gets exactly one.
    """
    lines = [
        "# Security headers for static hosts that read `_headers` (Netlify, Cloudflare Pages).",
        "# Generated by sitebuild/security.py at build time; do not edit by hand.",
        "# Every page also carries the same Content-Security-Policy in a <meta> tag; the header",
        "# adds frame-ancestors (ignored in a meta tag) and covers the workers.",
        "",
        "/*",
        *(f"  {name}: {value}" for name, value in HEADERS_FOR_EVERY_FILE),
    ]
    sections: dict[str, dict[str, str]] = {}
    for path, policy in sorted(policies.items()):
        top = path.strip("/").split("/")[0] if path.count("/") > 1 else ""
        sections.setdefault(top, {})[path] = policy
    for top, pages in sorted(sections.items()):
        uniform = len(set(pages.values())) == 1
        rules = ({f"/{top}/*": next(iter(pages.values()))} if top and uniform else pages)
        for path, policy in rules.items():
            lines += ["", path, f"  Content-Security-Policy: {policy}; frame-ancestors 'none'"]
    for worker in sorted(workers):
        lines += ["", worker, f"  Content-Security-Policy: {PYODIDE_WORKER_POLICY}"]
    if search_workers:
        lines += ["", "/assets/javascripts/workers/*",
                  f"  Content-Security-Policy: {SEARCH_WORKER_POLICY}"]
    return "\n".join(lines) + "\n"


NGINX_FILE = "_nginx.conf"
NGINX_HIDDEN = ("/_headers", "/" + NGINX_FILE)


def _nginx_location(match: str, policy: str) -> list[str]:
    """A location block with every common header and its own policy. nginx drops inherited
    add_header lines in any block that has its own, so each block repeats all of them."""
    headers = (*HEADERS_FOR_EVERY_FILE, ("Content-Security-Policy", policy))
    return ["", f"location {match} {{",
            *(f'    add_header {name} "{value}" always;' for name, value in headers), "}"]


def nginx_config(policies: dict[str, str], workers: set[str], search_workers: bool) -> str:
    """Server-level nginx directives with the same policies as `_headers`, one per page.

    Every page gets only its own policy: the policy most pages share is the default
    (`location /`), and each page with another one gets exact-match locations for both its
    address and the file nginx serves for it (`/checker/` is answered by an internal redirect
    to `/checker/index.html`, which a location for `/checker/` alone would not cover).
    """
    common = Counter(policies.values()).most_common(1)[0][0] if policies else ""
    lines = [
        "# nginx: security headers, MIME types and pre-compressed files for this site.",
        "# Generated by sitebuild/security.py with the pages; do not edit by hand. The",
        "# policies name the theme's inline scripts by hash, so use the copy from each build.",
        "# Include it in your server block, after `root` (docs-dev/deploying.md):",
        "#     root /srv/therapy-notes/site;",
        f"#     include /srv/therapy-notes/site/{NGINX_FILE};",
        "# brotli_static needs the ngx_brotli static module (Debian:",
        "# libnginx-mod-http-brotli-static); without it, delete that line.",
        "",
        "# nginx's own types, plus .mjs (Pyodide's modules), which its list lacks.",
        "include mime.types;",
        "types {",
        "    text/javascript mjs;",
        "}",
        "index index.html;",
        "error_page 404 /404.html;",
        "# Send foo.br / foo.gz, written by the build, to browsers that accept them.",
        "gzip_static on;",
        "brotli_static on;",
        "gzip_vary on;",
    ]
    for hidden in NGINX_HIDDEN:
        lines += ["", f"location = {hidden} {{", "    return 404;", "}"]
    lines += _nginx_location("/", f"{common}; frame-ancestors 'none'")
    for path, policy in sorted(policies.items()):
        if policy == common:
            continue
        served = [path, path + "index.html"] if path.endswith("/") else [path]
        for address in served:
            lines += _nginx_location(f"= {address}", f"{policy}; frame-ancestors 'none'")
    for worker in sorted(workers):
        lines += _nginx_location(f"= {worker}", PYODIDE_WORKER_POLICY)
    if search_workers:
        lines += _nginx_location("^~ /assets/javascripts/workers/", SEARCH_WORKER_POLICY)
    return "\n".join(lines) + "\n"
