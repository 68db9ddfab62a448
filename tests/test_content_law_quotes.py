"""The "Read the law" fragments quote the law exactly.

Checks:

1. Every fragment in docs/includes/law/ names its source file (first line, an HTML comment
   ``<!-- source: <file> -->``) and that file exists in docs/includes/legislation/.
2. The fragment's words and punctuation, once Markdown syntax is removed, appear in that
   source file as contiguous sequences, in the same order. A line holding only ``[…]`` marks
   words left out: the text either side is checked as separate sequences.
3. Every file in docs/includes/legislation/ is byte-identical to the research copy kept in
   tests/legislation/ (verbatim extracts under the Open Government Licence; its README says
   where each came from), so a published extract cannot drift from what was checked.
4. Every ``{!law/...!}`` include on a page sits inside a ``<details class="quote"`` box that has
   a "Read the law" summary and an Open Government Licence attribution, and every law
   fragment is used on at least one page.

Normalisation (applied to fragment and source alike): HTML comments, footnote markers
(``[^f00001]``) and Markdown link targets are removed (link text kept); ``*`` emphasis is
removed; quote (``>``), list (``-``) and heading (``#``) markers at the start of a line are
removed. What is left is split into tokens: runs of word characters, and single punctuation
characters. Whitespace is ignored, so a stray space before a full stop in the source does
not matter, but any changed, added or dropped word or punctuation mark does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LAW = DOCS / "includes" / "law"
LEGISLATION = DOCS / "includes" / "legislation"
RESEARCH_LEGISLATION = ROOT / "tests" / "legislation"

OMISSION = "[…]"
SOURCE_COMMENT = re.compile(r"^<!--\s*source:\s*(\S+)\s*-->\s*$")
INCLUDE = re.compile(r"\{!\s*law/([^!\s]+?)\s*!\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
COMMENT = re.compile(r"<!--.*?-->", re.S)
LINE_MARKERS = re.compile(r"^\s*(?:>\s*)*(?:#+\s+)?(?:[-*+]\s+)?")
TOKEN = re.compile(r"\w+|[^\w\s]")


def law_fragments() -> list[Path]:
    return sorted(LAW.glob("*.md"))


def pages() -> list[Path]:
    """Every Markdown file that may include a law fragment (pages and non-law includes)."""
    skip = {LAW, LEGISLATION}
    return sorted(
        p for p in DOCS.rglob("*.md") if not any(s in p.parents for s in skip)
    )


def tokens(text: str) -> list[str]:
    text = COMMENT.sub(" ", text)
    text = FOOTNOTE_REF.sub(" ", text)
    text = LINK.sub(r"\1", text)
    out: list[str] = []
    for line in text.splitlines():
        line = LINE_MARKERS.sub("", line)
        line = line.replace("*", " ")
        out.extend(TOKEN.findall(line))
    return out


def segments(fragment_text: str) -> list[list[str]]:
    """Split a fragment on lines holding only […]; return the token list of each part."""
    parts: list[list[str]] = [[]]
    buf: list[str] = []
    for line in fragment_text.splitlines():
        if line.strip() == OMISSION:
            parts[-1] = tokens("\n".join(buf))
            parts.append([])
            buf = []
        else:
            buf.append(line)
    parts[-1] = tokens("\n".join(buf))
    return [p for p in parts if p]


def find_all(haystack: list[str], needle: list[str], start: int = 0) -> list[int]:
    hits = []
    n = len(needle)
    first = needle[0]
    for i in range(start, len(haystack) - n + 1):
        if haystack[i] == first and haystack[i : i + n] == needle:
            hits.append(i)
    return hits


def in_order(source: list[str], parts: list[list[str]], start: int = 0) -> bool:
    """True if the parts occur in the source, each contiguous, in order, not overlapping."""
    if not parts:
        return True
    for hit in find_all(source, parts[0], start):
        if in_order(source, parts[1:], hit + len(parts[0])):
            return True
    return False


def first_missing(source: list[str], part: list[str]) -> str:
    """For error messages: the longest prefix of part found in source, and where it breaks."""
    for cut in range(len(part), 0, -1):
        if find_all(source, part[:cut]):
            if cut == len(part):
                return "whole segment found, but not in order with the other segments"
            return (
                f"matches up to {' '.join(part[max(0, cut - 8):cut])!r}, "
                f"then differs at {' '.join(part[cut:cut + 8])!r}"
            )
    return f"first words not found: {' '.join(part[:8])!r}"


# --- 1 and 2: fragments match their sources -------------------------------------------------


def test_there_are_law_fragments():
    assert law_fragments(), "no fragments in docs/includes/law/"


@pytest.mark.parametrize("fragment", law_fragments(), ids=lambda p: p.name)
def test_fragment_names_an_existing_source(fragment: Path):
    first = fragment.read_text(encoding="utf-8").splitlines()[0]
    m = SOURCE_COMMENT.match(first)
    assert m, f"{fragment.name}: first line must be <!-- source: <file in legislation/> -->"
    assert (LEGISLATION / m.group(1)).is_file(), f"{fragment.name}: no such source {m.group(1)}"


@pytest.mark.parametrize("fragment", law_fragments(), ids=lambda p: p.name)
def test_fragment_words_are_verbatim(fragment: Path):
    text = fragment.read_text(encoding="utf-8")
    m = SOURCE_COMMENT.match(text.splitlines()[0])
    assert m, f"{fragment.name}: missing source comment"
    source = tokens((LEGISLATION / m.group(1)).read_text(encoding="utf-8"))
    body = "\n".join(text.splitlines()[1:])
    parts = segments(body)
    assert parts, f"{fragment.name}: no law text"
    for part in parts:
        assert find_all(source, part), f"{fragment.name}: {first_missing(source, part)}"
    assert in_order(source, parts), f"{fragment.name}: segments are not in source order"


def test_omission_marker_is_on_its_own_line():
    for fragment in law_fragments():
        for n, line in enumerate(fragment.read_text(encoding="utf-8").splitlines(), 1):
            if OMISSION in line:
                assert line.strip() == OMISSION, f"{fragment.name}:{n}: […] must be alone on its line"


# Self-checks: the comparison really fails on a changed, added, dropped or moved word.
SAMPLE_SOURCE = ("> (1) A victim information request must be made in accordance with this [Chapter](#p1).\n"
                 "> (2) Notice must be *in writing*.")


@pytest.mark.parametrize(
    "fragment, ok",
    [
        ("(1) A victim information request must be made in accordance with this Chapter.", True),
        ("A victim information request must be made\n\n[…]\n\n(2) Notice must be in writing.", True),
        ("(1) A victim information request may be made in accordance with this Chapter.", False),
        ("(1) A victim information request must be made in full accordance with this Chapter.", False),
        ("(1) A victim information request must be made in accordance with Chapter.", False),
        ("(2) Notice must be in writing.\n\n[…]\n\n(1) A victim information request", False),
        ("(1) A victim information request must be made, in accordance with this Chapter.", False),
    ],
)
def test_comparison_can_fail(fragment: str, ok: bool):
    source = tokens(SAMPLE_SOURCE)
    parts = segments(fragment)
    result = all(find_all(source, p) for p in parts) and in_order(source, parts)
    assert result is ok


# --- 3: the legislation copies are exact ----------------------------------------------------


def test_legislation_copies_are_byte_identical_to_research_copies():
    ours = {p.name: p for p in LEGISLATION.iterdir() if p.is_file()}
    theirs = {p.name: p for p in RESEARCH_LEGISLATION.iterdir() if p.is_file()}
    assert ours, "docs/includes/legislation/ is empty"
    extra = sorted(set(ours) - set(theirs))
    missing = sorted(set(theirs) - set(ours))
    assert not extra, f"files in docs/includes/legislation/ with no research copy: {extra}"
    assert not missing, f"research copies not copied into docs/includes/legislation/: {missing}"
    differ = sorted(n for n in ours if ours[n].read_bytes() != theirs[n].read_bytes())
    assert not differ, f"not byte-identical to tests/legislation/: {differ}"


# --- 4: how the fragments are used ------------------------------------------------------------


def quote_box_violations(text: str) -> list[str]:
    """Problems with {!law/…!} includes in one Markdown text (empty list if none)."""
    problems = []
    lines = text.splitlines()
    box_start = None  # line index of the open <details class="quote"
    box_lines: list[str] = []
    for i, line in enumerate(lines):
        if re.search(r'<details\s+class="quote"', line):
            if box_start is not None:
                problems.append(f"line {i + 1}: quote box opened inside another")
            box_start, box_lines = i, [line]
            continue
        if box_start is not None:
            box_lines.append(line)
        if "</details>" in line and box_start is not None:
            box = "\n".join(box_lines)
            if INCLUDE.search(box):
                if not re.search(r"<summary>\s*Read the law", box):
                    problems.append(f"line {box_start + 1}: quote box has no 'Read the law' summary")
                if "Open Government Licence" not in box:
                    problems.append(
                        f"line {box_start + 1}: quote box has no Open Government Licence attribution")
            box_start, box_lines = None, []
            continue
        if box_start is None and INCLUDE.search(line):
            problems.append(f"line {i + 1}: law include outside a <details class=\"quote\"> box")
    if box_start is not None:
        problems.append(f"line {box_start + 1}: quote box never closed")
    return problems


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_law_includes_sit_in_quote_boxes(page: Path):
    text = page.read_text(encoding="utf-8")
    problems = quote_box_violations(text)
    assert not problems, f"{page.relative_to(DOCS)}: " + "; ".join(problems)
    for name in INCLUDE.findall(text):
        assert (LAW / name).is_file(), f"{page.relative_to(DOCS)}: includes missing law/{name}"


def test_quote_box_check_can_fail():
    bad = "Text\n\n{!law/pcsc-2022-s44c.md!}\n"
    assert quote_box_violations(bad)
    good = (
        '<details class="quote" markdown>\n<summary>Read the law: x</summary>\n\n'
        "{!law/pcsc-2022-s44c.md!}\n\nSource: Open Government Licence v3.0.\n\n</details>\n"
    )
    assert not quote_box_violations(good)


def test_every_law_fragment_is_used():
    used: set[str] = set()
    for page in pages():
        used.update(INCLUDE.findall(page.read_text(encoding="utf-8")))
    unused = sorted(p.name for p in law_fragments() if p.name not in used)
    assert not unused, f"law fragments not used on any page: {unused}"
