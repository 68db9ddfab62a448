"""Passes over a page's rendered HTML."""

from __future__ import annotations

import re

_OUTCOME_PANEL = re.compile(r'(<section [^>]*\bdata-outcome=[^>]*>)(.*?)(</section>)', re.S)


def keyboard_abbr(html_text: str) -> str:
    """Glossary terms can be reached by keyboard, so their meaning shows on focus too."""
    return html_text.replace("<abbr title=", '<abbr tabindex="0" title=')


def inert_outcome_panels(html_text: str) -> str:
    """Each outcome's content goes in a data block, `<script type="text/html">`, which the
    browser neither runs nor parses into elements: it only scans the text for its end tag.
    checker.js turns the text into the panel's content when the visitor reaches that outcome,
    so the page does not lay out every outcome at load (docs-dev/decisions/0003)."""

    def inert(match: re.Match[str]) -> str:
        opening, content, closing = match.groups()
        if "</script" in content.lower():
            raise ValueError(f"an outcome's text contains </script: {opening}")
        return f'{opening}<script type="text/html">{content}</script>{closing}'

    return _OUTCOME_PANEL.sub(inert, html_text)


def trim_toc(page) -> None:  # type: ignore[no-untyped-def]
    """On a page whose table of contents is hidden, keep only its title. The theme renders a
    hidden table of contents anyway and puts it in the phone menu; on the checker it would
    list every hidden question and outcome heading. The title stays: the theme's "Skip to
    content" link points at it."""
    if "toc" in (page.meta.get("hide") or []) and page.toc.items:
        page.toc.items[0].children = []
        del page.toc.items[1:]
