"""Rules for what to do when police, or anyone else, ask for counselling or therapy notes.

England and Wales. Pure Python, standard library only: the same package runs on the
command line, at site build time and in the visitor's browser (Pyodide).
"""

from __future__ import annotations

import sys
from datetime import date

__version__ = "1.0.0"

#: The one setting for the date the law is stated as at (shown on every page and outcome).
LAW_STATED_AS_AT = date(2026, 12, 1)
#: When the law and sources are next due to be checked again.
NEXT_REVIEW = date(2027, 3, 1)

from .engine import Result, all_paths, check_structure, decide  # noqa: E402
from .flow import FLOWS, OUTCOMES, REGIMES  # noqa: E402
from .model import FactError  # noqa: E402
from .sources import SOURCES  # noqa: E402

# The structural checks run whenever the rules are imported on a host (the command line, the
# site build that makes the wheel, the tests). In the visitor's browser (Pyodide) they would
# repeat the build's own check on the same code at every page load, so they are skipped there;
# tests/pyodide_parity.mjs runs them inside Pyodide explicitly.
if sys.platform != "emscripten":
    check_structure()

__all__ = [
    "FLOWS", "LAW_STATED_AS_AT", "NEXT_REVIEW", "OUTCOMES", "REGIMES", "SOURCES",
    "FactError", "Result", "all_paths", "decide", "__version__",
]
