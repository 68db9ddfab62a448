"""No page shows leftover Markdown or attribute-list syntax.

Reads the text of every built page: every text node a visitor can be shown at some width or in
some state, so the table of contents and the phone menu, the checker's outcomes (kept as text
in data blocks until reached: overrides/hooks/checker_site.py) and the meanings of glossary
terms (shown on hover) too. Code is left out: it shows syntax on purpose. The search results
are read from the search index, as the search box shows them.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import html_pages

pytestmark = pytest.mark.slow

#: What a reader would see if Markdown, an extension or markdown-include left its syntax behind.
LEFTOVERS: dict[str, re.Pattern[str]] = {
    "attribute list {#id} / {.class}": re.compile(r"\{:?\s*[#.][A-Za-z][^}]*\}"),
    "include {!file!}": re.compile(r"\{!.*?!\}"),
    "admonition !!!": re.compile(r"!!!"),
    "collapsible block ???": re.compile(r"(?:^|\n)\s*\?\?\?\+?\s+\w"),
    "footnote [^…]": re.compile(r"\[\^[^\]]+\]"),
    "abbreviation *[…]:": re.compile(r"\*\[[^\]]+\]:"),
    "link [text](url)": re.compile(r"\]\((?:https?://|\.\.?/|#|[\w-]+\.md)[^)\s]*\)"),
    "heading marks": re.compile(r"(?:^|\n)\s*#{2,6} \S"),
    "bold **text**": re.compile(r"\*\*\S[^*\n]*\S\*\*"),
}

#: Elements whose text a reader is never shown as text.
NOT_SHOWN = {"style", "code", "pre", "kbd", "samp", "template", "svg", "math", "title", "head"}
#: Void elements, which the parser opens and never closes.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class ShownText(HTMLParser):
    """The text of a page, a block per line, and the data blocks (`<script type="text/html">`)
    the page turns into content, read the same way."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "div",
              "section", "aside", "nav", "summary", "details", "label", "button", "a", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.in_script = False
        self.script_is_html = False
        self.script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.in_script, self.script_is_html = True, values.get("type") == "text/html"
            self.script_text = []
            return
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag in NOT_SHOWN:
            self.skipping.append(tag)
        elif tag == "abbr" and values.get("title"):
            self.parts.append(f" {values['title']} ")
        elif tag == "img" and values.get("alt"):
            self.parts.append(f" {values['alt']} ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_script:
            if self.script_is_html:
                self.parts.append("\n" + shown_text("".join(self.script_text)) + "\n")
            self.in_script = False
            return
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text.append(data)
        elif not self.skipping:
            self.parts.append(data)


def shown_text(html_text: str) -> str:
    parser = ShownText()
    parser.feed(html_text)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def leftovers(text: str) -> list[str]:
    """Each piece of leftover syntax in the text, with what it is and a little context."""
    found = []
    for name, pattern in LEFTOVERS.items():
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 40), min(len(text), match.end() + 40)
            found.append(f"{name}: …{text[start:end].strip()}…")
    return found


@pytest.mark.parametrize("sample", [
    "What this means {#decline-and-preserve-what-this-means}",
    "{!fragments/request-not-order.md!}",
    '!!! example "Example wording"',
    "??? note \"Read the law\"",
    "as the code says.[^1]",
    "*[ISVA]: Independent Sexual Violence Adviser",
    "see [the court page](../survivors/court.md)",
    "## What to do now",
    "This is **not** an order",
    "Sources { .sources }",
])
def test_each_kind_of_leftover_is_caught(sample: str) -> None:
    assert leftovers(shown_text(f"<main><p>{sample}</p></main>"))


def test_code_and_real_markup_are_not_leftovers() -> None:
    page = ('<p>Outcome id: <code>{#decline}</code>. A <a href="x/">link</a>, '
            '<strong>bold</strong> and <abbr title="Independent Sexual Violence Adviser">ISVA</abbr>.</p>'
            '<pre>!!! note</pre><script>const x = "{#not-shown}";</script>')
    assert leftovers(shown_text(page)) == []


def test_the_checkers_data_blocks_are_read() -> None:
    page = '<section data-outcome="x"><script type="text/html"><h4>Title {#x-y}</h4></script></section>'
    assert "Title {#x-y}" in shown_text(page)


def test_no_page_shows_leftover_syntax(built_site: Path) -> None:
    problems = {}
    for page in html_pages(built_site):
        found = leftovers(shown_text(page.read_text(encoding="utf-8")))
        if found:
            problems[page.relative_to(built_site).as_posix()] = found[:5] + (
                [f"… and {len(found) - 5} more"] if len(found) > 5 else [])
    assert problems == {}


def test_no_search_result_shows_leftover_syntax(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = [f"{doc['location']}: {found}" for doc in index["docs"]
                for found in leftovers(shown_text(f"<h1>{doc['title']}</h1>{doc['text']}"))]
    assert problems == []
