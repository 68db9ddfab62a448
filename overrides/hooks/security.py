"""MkDocs hook: a Content-Security-Policy on every page, and security headers for static hosts.
The policies and the files are made by sitebuild/security.py, which says why each directive.

- on_post_page / on_post_template: puts `<meta http-equiv="Content-Security-Policy">` as the
  first element of <head> (a meta policy only covers what comes after it), followed by
  `<meta name="referrer" content="no-referrer">`. The policy is computed from the finished
  page: the sha256 hash of every inline script on it, and 'wasm-unsafe-eval' only on a page
  that runs Pyodide (template checker.html).
  Chromium's preload scanner stops at a CSP meta tag, so scripts at the end of a page are
  fetched only when the parser reaches them. Preload hints placed before the tag were tried
  (22 Nov 2026): on loopback the checker's worker started ~25 ms sooner, but the scripts then
  shared a slow connection with the stylesheets, and Lighthouse's first paint came ~180 ms
  later on guidance pages (6 runs each). Dropped: the first paint matters more. The site's
  own scripts are `defer` instead (mkdocs.yml), so at least they no longer hold up the parser
  one after the other.
  The same event drops the theme's `<link rel="next">` from <head>: Firefox prefetches the
  page it names, a request the visitor never made that puts a page they did not open into
  the browser's cache, and `default-src 'none'` blocks it with a logged violation on every
  page. Allowing it would need `default-src 'self'` (CSP has no prefetch directive any more),
  which would also allow frames, objects and media; dropping the hint costs nothing, as the
  footer's "Next" link stays.
- on_post_build: writes `_headers` (Netlify / Cloudflare Pages format) at the site root with the
  same policies as response headers, plus the headers a meta tag cannot carry, and
  `_nginx.conf`, the same table as nginx directives (docs-dev/deploying.md says how to use
  it). Both are written with the pages, so their script hashes always match the pages'.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from sitebuild.security import (
    NGINX_FILE,
    PYODIDE_TEMPLATES,
    add_meta,
    drop_next_link,
    headers_file,
    nginx_config,
    policy_for,
    worker_paths,
)

# Filled during a build: site path ("/", "/checker/", "/404.html") -> meta policy, and the
# scripts pages start as workers.
_policies: dict[str, str] = {}
_workers: set[str] = set()
_serving = False  # `mkdocs serve`: see sitebuild.security.policy_for


def on_startup(command, dirty):  # type: ignore[no-untyped-def]
    global _serving
    _serving = command == "serve"


def on_pre_build(config):  # type: ignore[no-untyped-def]
    _policies.clear()
    _workers.clear()


def on_post_page(output, page, config):  # type: ignore[no-untyped-def]
    runs_pyodide = page.meta.get("template") in PYODIDE_TEMPLATES
    policy = policy_for(output, runs_pyodide, _serving)
    _policies["/" + page.url] = policy
    if runs_pyodide:
        page_dir = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        _workers.update(worker_paths(output, page_dir))
    return add_meta(drop_next_link(output), policy)


def on_post_template(output_content, template_name, config):  # type: ignore[no-untyped-def]
    if not template_name.endswith(".html"):
        return output_content
    policy = policy_for(output_content, False, _serving)
    _policies["/" + template_name] = policy
    return add_meta(output_content, policy)


def on_post_build(config):  # type: ignore[no-untyped-def]
    site = Path(config["site_dir"])
    search = any((site / "assets" / "javascripts" / "workers").glob("*.js"))
    (site / "_headers").write_text(headers_file(_policies, _workers, search), encoding="utf-8")
    (site / NGINX_FILE).write_text(nginx_config(_policies, _workers, search), encoding="utf-8")
