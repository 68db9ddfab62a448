"""Rules for what to do when police, or anyone else, ask for counselling or therapy notes.

England and Wales. Pure Python, standard library only: the same package runs on the
command line, at site build time and in the visitor's browser (Pyodide).
"""

from __future__ import annotations

import sys

from .engine import EARLIEST_DATE, Result, all_paths, check_structure, citations_for, decide
from .flow import CHAPTER_3A, FLOWS, OUTCOMES, REGIMES
from .meta import LAW_STATED_AS_AT, NEXT_REVIEW, __version__, long_date
from .model import FactError
from .sources import SOURCES

# The structural checks run whenever the rules are imported on a host (the command line, the
# site build that makes the wheel, the tests). In the visitor's browser (Pyodide) they would
# repeat the build's own check on the same code at every page load, so they are skipped there;
# tests/pyodide_parity.mjs runs them inside Pyodide explicitly.
if sys.platform != "emscripten":
    check_structure()

__all__ = [
    "CHAPTER_3A", "EARLIEST_DATE", "FLOWS", "LAW_STATED_AS_AT", "NEXT_REVIEW", "OUTCOMES", "REGIMES",
    "SOURCES", "FactError", "Result", "all_paths", "citations_for", "decide", "long_date", "__version__",
]
