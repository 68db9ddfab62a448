"""Markers in Markdown that name their renderer: `<!-- sitebuild:checker-app -->` is
replaced by `sitebuild.pages.checker_app(env)`. An unknown marker fails the build."""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import Environment

from . import pages

MARKER = re.compile(r"<!--\s*sitebuild:([a-z-]+)\s*-->")
RENDERERS: dict[str, Callable[[Environment], str]] = {
    "checker-app": pages.checker_app,
    "checker-outcomes": pages.checker_outcomes,
    "checker-decision-table": pages.checker_decision_table,
    "checker-sources": pages.checker_sources,
    "site-published-anchors": pages.site_published_anchors,
}


def expand_markers(markdown: str, where: str, env: Environment) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise ValueError(f"{where}: unknown marker <!-- sitebuild:{name} -->")
        return RENDERERS[name](env)

    return MARKER.sub(replace, markdown)
