"""Published anchors: the section links campaigners cite must never stop working.

docs/includes/published-anchors.txt lists every section that may be linked to, one per line,
as `<page path>/#<id>` (for example `survivors/police-ask/#your-choices`; a section of the
home page is `#<id>`). These tests check, against a real `mkdocs build --strict`:

1. every listed anchor resolves: the built page exists and has an element with that id;
2. every explicit heading id written in a page (`## Heading {#id}`, includes expanded) is
   listed, so a new section is published deliberately and an old one is never dropped
   silently;
3. the list itself is well formed: one anchor per line, no duplicates.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDES = DOCS / "includes"
ANCHORS_FILE = INCLUDES / "published-anchors.txt"

LINE_RE = re.compile(r"^(?P<page>(?:[a-z0-9][a-z0-9-]*/)*)#(?P<id>[A-Za-z][A-Za-z0-9_-]*)$")
INCLUDE_RE = re.compile(r"\{!\s*(.+?)\s*!\}")
FENCE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE)
INLINE_CODE_RE = re.compile(r"`[^`\n]*`")
# An attribute list holding an id: {#id}, { #id }, {: #id .class }, {.class #id}
ATTR_ID_RE = re.compile(r"\{:?[^{}!\n]*?(?<![\w/])#([A-Za-z][A-Za-z0-9_-]*)[^{}\n]*\}")


def published_lines() -> list[str]:
    return [
        line.strip()
        for line in ANCHORS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def expand_includes(text: str, seen: tuple[Path, ...] = ()) -> str:
    def replace(match: re.Match[str]) -> str:
        path = (INCLUDES / match.group(1)).resolve()
        if path in seen or not path.is_file():
            return ""  # a missing include is the build's failure to report, not this test's
        return expand_includes(path.read_text(encoding="utf-8"), seen + (path,))

    return INCLUDE_RE.sub(replace, text)


def page_url(source: Path) -> str:
    """docs/a/b.md -> 'a/b/', docs/a/index.md -> 'a/', docs/index.md -> ''."""
    parts = list(source.relative_to(DOCS).with_suffix("").parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def explicit_ids(source: Path) -> list[str]:
    text = expand_includes(source.read_text(encoding="utf-8"))
    text = FENCE_RE.sub("", text)
    text = INLINE_CODE_RE.sub("", text)
    return ATTR_ID_RE.findall(text)


def page_sources() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if INCLUDES not in p.parents)


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)

    handle_startendtag = handle_starttag


_ID_CACHE: dict[Path, set[str]] = {}


def ids_in(html_file: Path) -> set[str]:
    if html_file not in _ID_CACHE:
        collector = _IdCollector()
        collector.feed(html_file.read_text(encoding="utf-8"))
        _ID_CACHE[html_file] = collector.ids
    return _ID_CACHE[html_file]


def test_published_anchor_list_is_well_formed() -> None:
    lines = published_lines()
    assert lines, "docs/includes/published-anchors.txt is empty"
    bad = [line for line in lines if not LINE_RE.match(line)]
    assert not bad, f"lines not of the form 'path/#id': {bad}"
    duplicates = sorted({line for line in lines if lines.count(line) > 1})
    assert not duplicates, f"listed more than once: {duplicates}"


@pytest.mark.parametrize("anchor", published_lines())
def test_published_anchor_resolves(anchor: str, built_site: Path) -> None:
    match = LINE_RE.match(anchor)
    assert match, f"not of the form 'path/#id': {anchor!r}"
    page = built_site / match["page"] / "index.html"
    assert page.is_file(), f"{anchor}: the page /{match['page']} is not in the built site"
    assert match["id"] in ids_in(page), (
        f"{anchor}: /{match['page']} has no element with id {match['id']!r}. "
        "A published anchor must never disappear: restore the heading id, or keep the old "
        "id on the section that replaced it."
    )


def test_every_explicit_heading_id_is_published() -> None:
    published = set(published_lines())
    missing = [
        f"{page_url(source)}#{anchor}  (in {source.relative_to(ROOT).as_posix()})"
        for source in page_sources()
        for anchor in explicit_ids(source)
        if f"{page_url(source)}#{anchor}" not in published
    ]
    assert not missing, (
        "explicit ids not listed in docs/includes/published-anchors.txt "
        "(add each line, or remove the explicit id):\n" + "\n".join(missing)
    )
