"""The checker wheel the browser installs, and the Pyodide files served beside it.

The wheel is built with the standard library's zipfile, byte-for-byte reproducible, with
bytecode compiled by Pyodide's own Python so the browser imports the rules without
compiling them. Its files are stored, not deflated: the page's worker reads them as they
are (checker-worker.js), and the server's br/gz copy of the wheel is smaller than deflating.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import posixpath
import subprocess
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import brotli

import checker

from .paths import INCLUDES, PYODIDE_DIR, ROOT

log = logging.getLogger("mkdocs.sitebuild")

BYTECODE_CACHE = Path(tempfile.gettempdir()) / "site-bytecode-cache"
# The standard library is served trimmed (`trimmed_stdlib`), and no package lock: the page
# gives loadPyodide the lock's `info` and no packages (`lock_info`).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@contextmanager
def timed(what: str) -> Iterator[None]:
    """Logs one line with the time a long build step took."""
    started = time.perf_counter()
    yield
    log.info("%s in %.1f s", what, time.perf_counter() - started)


def project() -> dict[str, str]:
    """Name, version and required Python of the rules package, as pyproject.toml gives them."""
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": table["name"], "version": checker.__version__,
            "requires_python": table["requires-python"]}


def wheel_name() -> str:
    meta = project()
    return f"{meta['name'].replace('-', '_')}-{meta['version']}-py3-none-any.whl"


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.exists():
        raise FileNotFoundError(
            "node_modules/pyodide is missing: run `npm ci` (make build does it for you)")
    return str(json.loads(package.read_text())["version"])


def compiled_bytecode(sources: dict[str, str]) -> dict[str, bytes]:
    """{"checker/engine.py": source} -> {"checker/__pycache__/engine.cpython-314.pyc": bytecode},
    compiled by Pyodide's Python under Node and cached in the system temp directory, keyed by
    the sources and the Pyodide version."""
    key = hashlib.sha256(json.dumps([pyodide_version(), sources], sort_keys=True).encode()).hexdigest()
    result = _run_node_cached("compile_bytecode.mjs", lambda: sources, BYTECODE_CACHE / f"{key}.json",
                              "compiled the rules to Pyodide bytecode")
    return {
        posixpath.join(posixpath.dirname(path), "__pycache__",
                       f"{posixpath.basename(path)[:-3]}.{result['cache_tag']}.pyc"): base64.b64decode(code)
        for path, code in result["bytecode"].items()
    }


def package_files(package_dir: Path) -> list[tuple[str, bytes]]:
    """The package's Python and text files, as (name in the wheel, bytes)."""
    return [
        (f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in sorted(package_dir.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".txt")
    ]


def letter_texts() -> list[tuple[str, bytes]]:
    """The letters, the words they fill in and the record's words, under checker/texts/ as
    under docs/includes/ (checker/letters.py and checker/record.py read them from either
    place)."""
    paths = sorted(INCLUDES.glob("outcomes/*/letter.txt")) + sorted(INCLUDES.glob("checker/*.toml"))
    return [(f"checker/texts/{path.relative_to(INCLUDES).as_posix()}", path.read_bytes()) for path in paths]


def build_wheel(package_dir: Path = ROOT / "checker") -> bytes:
    """A pure-Python wheel of the checker package and its letters, with its bytecode for
    Pyodide's Python, byte-for-byte reproducible."""
    meta = project()
    dist_info = f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    entries = package_files(package_dir) + letter_texts()
    entries += sorted(compiled_bytecode(
        {name: data.decode("utf-8") for name, data in entries if name.endswith(".py")}).items())
    entries.append((f"{dist_info}/METADATA", (
        f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n"
        f"Requires-Python: {meta['requires_python']}\n").encode()))
    entries.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: sitebuild\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    ).encode()))
    record = "".join(
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},"
        f"{len(data)}\n" for name, data in entries
    ) + f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as wheel:
            for name, data in entries:
                wheel.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_STORED)
        buffer.seek(0)
        return buffer.read()


def trimmed_stdlib(wheel: bytes) -> dict[str, object]:
    """Pyodide's standard library cut to the modules the checker's start-up, steps, letters
    and Word documents import, docstrings removed (sitebuild/trim_stdlib.mjs):
    {"zip": bytes, "kept": [name, ...], "dropped": [name, ...]}. Cached in the system temp
    directory, keyed by the Pyodide version, the wheel and the script."""
    from checker import FLOWS, all_paths
    from checker.letters import offered

    script = Path(__file__).with_name("trim_stdlib.mjs")
    key = hashlib.sha256(pyodide_version().encode() + wheel + script.read_bytes()).hexdigest()

    def request() -> dict[str, object]:
        paths = [({"audience": audience, **{fact: str(result.answers[fact]) for fact in result.path}},
                  offered(result)) for audience in FLOWS for result in all_paths(audience)]
        with zipfile.ZipFile(io.BytesIO(wheel)) as unpacked:
            files = {name: base64.b64encode(unpacked.read(name)).decode() for name in unpacked.namelist()}
        return {"files": files, "steps": [answers for answers, _ in paths] + [{"audience": "?"}],
                "letters": [answers for answers, has_letter in paths if has_letter]}

    result = _run_node_cached(script.name, request, BYTECODE_CACHE / f"stdlib-{key}.json",
                              "trimmed Pyodide's standard library")
    return {**result, "zip": base64.b64decode(result["zip"])}


def _run_node_cached(script: str, request: Callable[[], object], cached: Path,
                     what: str) -> dict[str, object]:
    """The JSON a Node script beside this module prints for request() on its input, from the
    cache file when there is one."""
    if not cached.exists():
        log.info("First build: %s under Node, about a minute, then cached", script)
        with timed(what):
            done = subprocess.run(["node", str(Path(__file__).with_name(script))],
                                  input=json.dumps(request()), capture_output=True, text=True, cwd=ROOT,
                                  timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"{script} failed:\n{done.stderr[-3000:]}")
        BYTECODE_CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.write_text(done.stdout)
        partial.replace(cached)
    return dict(json.loads(cached.read_text()))


def lock_info() -> dict[str, object]:
    """The `info` of Pyodide's package lock: with it and no packages, loadPyodide fetches no lock."""
    return dict(json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text())["info"])


def transfer_size(path: Path) -> int:
    """About what a file costs to download compressed, for the page's "MB left" (a quick
    brotli: the served copy is a little smaller), cached by the file's hash."""
    data = path.read_bytes()
    cached = BYTECODE_CACHE / f"brotli-size-{hashlib.sha256(data).hexdigest()}"
    if not cached.exists():
        BYTECODE_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(str(len(brotli.compress(data, quality=5))))
    return int(cached.read_text())
