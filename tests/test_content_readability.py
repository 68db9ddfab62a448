"""Reading ease of every page's text (Flesch reading ease, textstat 0.7.8).

Each built page's Markdown source is measured with its includes expanded
(`{!path!}` lines, resolved against docs/includes/ exactly as markdown-include does),
after stripping what a reader never reads as prose: front matter, HTML tags and
comments, link and image URLs, heading ids and other attribute lists, code, the
pipes of tables, abbreviation definitions and Markdown markup characters.

Thresholds (CONTRIBUTING.md):

- docs/index.md and every page under docs/survivors/: 60 or more (reading age about 9);
- every page under docs/therapists/ and docs/law/: 45 or more;
- the handouts for clients and survivors (docs/handouts/client-leaflet.md and
  survivor-card.md): 60 or more; the other handouts: 45 or more.

Other pages are measured and reported, with no threshold.

Each page is its own test, so a failure names the page. Every test prints its score,
and the last test prints the whole table, so the figures show in the test report
(`pytest -rA`) without `-s`.

Run one file by hand: `.venv/bin/python -m tests.test_content_readability docs/x.md`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.markdown import expand_includes, reader_text

textstat = pytest.importorskip("textstat")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDES = DOCS / "includes"

#: Minimum Flesch reading ease by page (first matching prefix wins).
THRESHOLDS: list[tuple[str, float]] = [
    ("index.md", 60.0),
    ("survivors/", 60.0),
    ("therapists/", 45.0),
    ("law/", 45.0),
    ("handouts/client-leaflet.md", 60.0),
    ("handouts/survivor-card.md", 60.0),
    ("handouts/", 45.0),
]

def page_sources() -> list[Path]:
    """Every Markdown page the site builds (docs/includes/ is excluded from the build)."""
    return sorted(
        p for p in DOCS.rglob("*.md") if INCLUDES not in p.parents
    )


def rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def threshold_for(relpath: str) -> float | None:
    for prefix, minimum in THRESHOLDS:
        if relpath == prefix or (prefix.endswith("/") and relpath.startswith(prefix)):
            return minimum
    return None


def score(path: Path) -> float:
    text = reader_text(expand_includes(path.read_text(encoding="utf-8")))
    if not text:
        return float("nan")
    return float(textstat.flesch_reading_ease(text))


PAGES = page_sources()
_SCORES: dict[str, tuple[float, float | None]] = {}


@pytest.mark.parametrize("page", PAGES, ids=[rel(p) for p in PAGES])
def test_page_reading_ease(page: Path, record_property: pytest.RecordProperty) -> None:
    name = rel(page)
    value = score(page)
    minimum = threshold_for(name)
    if value != value:  # NaN: no prose in the source (a page generated at build time)
        if minimum is None:
            pytest.skip(f"{name}: no prose in the source to measure")
        pytest.fail(f"{name}: no readable text found")
    _SCORES[name] = (value, minimum)
    record_property("flesch_reading_ease", value)
    wanted = f">= {minimum:g}" if minimum is not None else "(no threshold)"
    print(f"Flesch reading ease {value:6.1f}  {wanted:>15}  {name}")
    if minimum is not None:
        assert value >= minimum, (
            f"{name}: Flesch reading ease {value:.1f} is below {minimum:g}. "
            "Use shorter sentences and everyday words."
        )


def test_reading_ease_table() -> None:
    """Print every page's score in one table (runs after the per-page tests)."""
    rows = dict(_SCORES)
    for page in PAGES:  # pages measured here too if run alone (-k table)
        name = rel(page)
        if name not in rows:
            value = score(page)
            if value == value:
                rows[name] = (value, threshold_for(name))
    lines = [f"{'page':<45} {'score':>6} {'minimum':>8}  result"]
    for name in sorted(rows):
        value, minimum = rows[name]
        if minimum is None:
            result = "-"
        else:
            result = "ok" if value >= minimum else "TOO LOW"
        shown_min = f"{minimum:g}" if minimum is not None else ""
        lines.append(f"{name:<45} {value:6.1f} {shown_min:>8}  {result}")
    print("\n".join(lines))


if __name__ == "__main__":  # pragma: no cover - manual use while writing
    for arg in sys.argv[1:] or [str(p) for p in PAGES]:
        p = Path(arg).resolve()
        name = rel(p) if DOCS in p.parents else arg
        print(f"{score(p):6.1f}  {name}")
