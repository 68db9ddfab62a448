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

Run one file by hand: `.venv/bin/python tests/test_content_readability.py docs/x.md`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

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

#: "Read the law" boxes quote legislation word for word (tests/test_content_law_quotes.py keeps
#: them exact), so their wording cannot be simplified.
# The exact words of the law in "Read the law" boxes are quoted, not written by us, and cannot
# be simplified; the plain explanation beside each box is what is scored.
EXCLUDE_VERBATIM_LAW = True

INCLUDE_RE = re.compile(r"\{!\s*(.+?)\s*!\}")
LAW_BOX_RE = re.compile(r'<details class="quote"[^>]*>.*?</details>', re.DOTALL)
FRONT_MATTER_RE = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
FENCE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE)
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
ABBR_DEF_RE = re.compile(r"^\*\[[^\]]+\]:.*$", re.MULTILINE)
LINK_DEF_RE = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK_RE = re.compile(r"<(?:https?|mailto|tel):[^>]+>")
BARE_URL_RE = re.compile(r"\bhttps?://\S+")
ATTR_LIST_RE = re.compile(r"\{:?\s*[#.][^}]*\}")
INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
ADMONITION_RE = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+"([^"]*)")?\s*$', re.MULTILINE)
TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$", re.MULTILINE)
HEADING_MARK_RE = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
LIST_MARK_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
QUOTE_MARK_RE = re.compile(r"^\s*>\s?", re.MULTILINE)
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
ELISION_LINE_RE = re.compile(r"^\s*\[…\]\s*$", re.MULTILINE)


def expand_includes(text: str, seen: tuple[Path, ...] = ()) -> str:
    """Replace each `{!path!}` with the file it names (relative to docs/includes/)."""

    def replace(match: re.Match[str]) -> str:
        path = (INCLUDES / match.group(1)).resolve()
        if path in seen:
            raise ValueError(f"include loop through {path}")
        if not path.is_file():
            raise FileNotFoundError(f"included file not found: {match.group(1)}")
        return expand_includes(path.read_text(encoding="utf-8"), seen + (path,))

    return INCLUDE_RE.sub(replace, text)


def reader_text(markdown: str) -> str:
    """The words a reader reads, from one page's Markdown (includes already expanded)."""
    text = FRONT_MATTER_RE.sub("", markdown)
    if EXCLUDE_VERBATIM_LAW:
        text = LAW_BOX_RE.sub("", text)
    text = FENCE_RE.sub("", text)
    text = HTML_COMMENT_RE.sub("", text)
    text = ABBR_DEF_RE.sub("", text)
    text = LINK_DEF_RE.sub("", text)
    text = IMAGE_RE.sub(r"\1", text)
    text = AUTOLINK_RE.sub("", text)
    # Links twice: link text may itself hold a link-like bracket.
    text = LINK_RE.sub(r"\1", text)
    text = LINK_RE.sub(r"\1", text)
    text = REF_LINK_RE.sub(r"\1", text)
    text = BARE_URL_RE.sub("", text)
    text = HTML_TAG_RE.sub("", text)
    text = ATTR_LIST_RE.sub("", text)
    text = INLINE_CODE_RE.sub("", text)
    text = ADMONITION_RE.sub(lambda m: m.group(1) or "", text)
    text = TABLE_RULE_RE.sub("", text)
    text = text.replace("|", " ")
    text = ELISION_LINE_RE.sub("", text)
    text = HEADING_MARK_RE.sub("", text)
    text = LIST_MARK_RE.sub("", text)
    text = QUOTE_MARK_RE.sub("", text)
    text = EMPHASIS_RE.sub(r"\2", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip()


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
