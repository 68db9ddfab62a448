"""MkDocs hook: pre-compressed copies (`.br`, `.gz`) of the site's heavy files.

A server that honours Accept-Encoding can send `x.wasm.br` for `x.wasm` without compressing on
every request (nginx `brotli_static` / `gzip_static`, Caddy `precompressed`, bench/run.py).
Hosts that compress by themselves (Netlify, Cloudflare Pages, GitHub Pages) simply ignore them.

Compressed: every file under the self-hosted Pyodide runtime and the checker wheel, and text
files (.js .mjs .css .json .html .svg .xml .txt) of at least MIN_SIZE bytes. A variant is kept
only when it is clearly smaller than the original. Brotli at quality 11 is slow on the 8 MB
WebAssembly file, so results are cached by content hash outside the site directory.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import tempfile
from pathlib import Path

MIN_SIZE = 1024
TEXT_SUFFIXES = frozenset({".js", ".mjs", ".css", ".json", ".html", ".svg", ".xml", ".txt"})
ALWAYS_UNDER = ("assets/pyodide/", "assets/checker/")
KEEP_RATIO = 0.95  # drop a variant that saves less than 5 %
CACHE = Path(tempfile.gettempdir()) / "site-compress-cache"
SLOW_SIZE = 4_000_000  # Pyodide's WebAssembly file: the one that takes a while
log = logging.getLogger("mkdocs.hooks.compress")


def wanted(relative: str, size: int) -> bool:
    if relative.endswith((".br", ".gz")) or relative == "_headers":
        return False
    if relative.startswith(ALWAYS_UNDER):
        return True
    return Path(relative).suffix in TEXT_SUFFIXES and size >= MIN_SIZE


def _brotli(data: bytes) -> bytes:
    import brotli  # pinned in requirements.txt

    return bytes(brotli.compress(data, quality=11))


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressed(data: bytes, encoding: str) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    cached = CACHE / f"{digest}.{encoding}"
    if cached.exists():
        return cached.read_bytes()
    if encoding == "br" and len(data) > SLOW_SIZE:
        log.info("Compressing a %.0f MB file at Brotli quality 11: a minute or so, then cached",
                 len(data) / 1e6)
    out = _brotli(data) if encoding == "br" else _gzip(data)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{encoding}.partial")
    partial.write_bytes(out)
    partial.replace(cached)
    return out


def compress_site(site: Path) -> dict[str, int]:
    """Writes the variants next to the originals; returns {'br': n, 'gz': n} files written."""
    written = {"br": 0, "gz": 0}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if not wanted(relative, len(data)):
            continue
        for encoding in ("br", "gz"):
            out = compressed(data, encoding)
            if len(out) <= len(data) * KEEP_RATIO:
                path.with_name(f"{path.name}.{encoding}").write_bytes(out)
                written[encoding] += 1
    return written


_serving = False


def on_startup(command, dirty):  # type: ignore[no-untyped-def]
    global _serving
    _serving = command == "serve"  # the development server never uses the variants


def on_post_build(config):  # type: ignore[no-untyped-def]
    if not _serving:
        compress_site(Path(config["site_dir"]))
