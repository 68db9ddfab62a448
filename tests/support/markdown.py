"""The words a reader reads, from the site's Markdown: includes expanded as markdown-include
does, and the markup a reader never reads as prose stripped (used by the readability tests)."""

from __future__ import annotations

import re
from pathlib import Path

from .paths import INCLUDES

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
    # "Read the law" boxes quote legislation word for word (test_content_law_quotes.py keeps
    # them exact), so they cannot be simplified; the plain explanation beside each is scored.
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
