"""MkDocs hook: puts the rules package into the site (the work is done by `sitebuild`).

- on_config: builds the checker wheel and Pyodide's standard library trimmed to what it
  uses, walks every step for the page's step table (checker/table.py), and records where
  the wheel, the standard library and the self-hosted Pyodide runtime are served, what they
  weigh, and the law-stated-as-at date, for the templates.
- on_files: adds the wheel, the standard library and Pyodide's core files to the site; MkDocs
  copies them after on_env, and the first on_page_context logs how long that took.
- on_page_markdown: replaces `<!-- sitebuild:... -->` markers with content generated from
  the rules the browser runs, and adds the glossary to every page.
- on_page_content: the checker's outcome panels become inert data blocks; glossary terms
  take keyboard focus; a hidden table of contents keeps only the page title.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from pathlib import Path

from mkdocs.structure.files import File

import checker
from checker.table import step_table
from sitebuild import html, markers, wheel
from sitebuild.paths import INCLUDES, PYODIDE_DIR

# The page gives up on Python only when its download has stalled this long (no byte arrived).
STALL_TIMEOUT_MS = 30000
_served: dict[str, object] = {}


def on_config(config):  # type: ignore[no-untyped-def]
    with wheel.timed("built the checker wheel"):
        built = wheel.build_wheel()
    digest = hashlib.sha256(built).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"checker-wheel-{digest}" / wheel.wheel_name()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(built)
    stdlib = wheel.trimmed_stdlib(built)["zip"]
    stdlib_digest = hashlib.sha256(stdlib).hexdigest()[:12]
    stdlib_path = Path(tempfile.gettempdir()) / f"checker-stdlib-{stdlib_digest}" / "python_stdlib.zip"
    stdlib_path.parent.mkdir(parents=True, exist_ok=True)
    stdlib_path.write_bytes(stdlib)
    version = wheel.pyodide_version()
    _served.update(path=path, uri=f"assets/checker/{digest}/{path.name}",
                   stdlib_path=stdlib_path, stdlib=f"assets/checker/{stdlib_digest}/python_stdlib.zip",
                   pyodide=f"assets/pyodide/{version}/")
    with wheel.timed("walked every step for the page's table"):
        # In a JSON data block: "</" escaped, so no string can end the block.
        table = json.dumps(step_table(), separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    downloads = [PYODIDE_DIR / "pyodide.asm.wasm", stdlib_path, path]  # what the worker fetches
    config.extra["checker"] = {
        "bytes": sum(file.stat().st_size for file in downloads),
        "transfer_bytes": sum(wheel.transfer_size(file) for file in downloads),
        "wheel": _served["uri"], "pyodide": _served["pyodide"], "pyodide_version": version,
        "stdlib": _served["stdlib"], "lock_info": json.dumps(wheel.lock_info()), "table": table,
        "version": checker.__version__, "stall_timeout_ms": STALL_TIMEOUT_MS,
    }
    config.extra["law_stated_as_at"] = checker.long_date(checker.LAW_STATED_AS_AT)
    config.extra["law_stated_as_at_iso"] = checker.LAW_STATED_AS_AT.isoformat()
    config.extra["next_review"] = checker.long_date(checker.NEXT_REVIEW)
    return config


def on_files(files, config):  # type: ignore[no-untyped-def]
    files.append(File.generated(config, str(_served["uri"]), abs_src_path=str(_served["path"])))
    files.append(File.generated(config, str(_served["stdlib"]), abs_src_path=str(_served["stdlib_path"])))
    for name in wheel.PYODIDE_FILES:
        files.append(File.generated(config, f"{_served['pyodide']}{name}",
                                    abs_src_path=str(PYODIDE_DIR / name)))
    return files


def on_env(env, config, files):  # type: ignore[no-untyped-def]
    _served["copy_started"] = time.perf_counter()
    return env


def on_page_context(context, page, config, nav):  # type: ignore[no-untyped-def]
    started = _served.pop("copy_started", None)
    if started is not None:
        wheel.log.info("copied the static files and Pyodide in %.1f s", time.perf_counter() - started)
    return context


def on_page_markdown(markdown, page, config, files):  # type: ignore[no-untyped-def]
    markdown = markers.expand_markers(markdown, page.file.src_uri, config.theme.get_env())
    if (INCLUDES / "glossary.md").exists():
        markdown += "\n\n{!glossary.md!}\n"
    return markdown


def on_page_content(html_text, page, config, files):  # type: ignore[no-untyped-def]
    html_text = html.keyboard_abbr(html_text)
    if "data-checker" in html_text:
        html_text = html.inert_outcome_panels(html_text)
    html.trim_toc(page)
    return html_text
