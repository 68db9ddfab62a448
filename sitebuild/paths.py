"""Where the build finds things: one ROOT for the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INCLUDES = DOCS / "includes"
TEMPLATES = ROOT / "overrides"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
