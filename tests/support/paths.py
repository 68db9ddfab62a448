"""The repository's root, and the places tests read from it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
INCLUDES = DOCS / "includes"
GOLDEN = ROOT / "tests" / "golden" / "paths.json"
