"""Reads the Markdown texts under docs/includes/: questions, outcomes and flags."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .paths import INCLUDES

_OPTION = re.compile(r"^- `([a-z0-9-]+)`: (.+)$")
_HEADING = re.compile(r"^(#{1,5}) (.+?)\s*$")


def read_include(kind: str, name: str) -> str:
    path = INCLUDES / kind / f"{name}.md"
    if not path.exists():
        raise FileNotFoundError(f"missing text: docs/includes/{kind}/{name}.md")
    return path.read_text(encoding="utf-8")


def split_title(text: str, where: str) -> tuple[str, str]:
    """A text's `# Title` line and the Markdown after it."""
    first, _, rest = text.strip().partition("\n")
    if not first.startswith("# "):
        raise ValueError(f"{where}: must start with a '# Title' line")
    return first[2:].strip(), rest.strip()


@dataclass(frozen=True)
class QuestionText:
    title: str
    help: str  # Markdown
    labels: dict[str, str]  # option value -> label


def question_text(fact: str) -> QuestionText:
    """docs/includes/questions/<fact>.md: a title, help text, then `` - `value`: label `` lines."""
    title, body = split_title(read_include("questions", fact), f"questions/{fact}.md")
    labels: dict[str, str] = {}
    help_lines = []
    for line in body.splitlines():
        match = _OPTION.match(line)
        if match:
            labels[match.group(1)] = match.group(2).strip()
        else:
            help_lines.append(line)
    return QuestionText(title, "\n".join(help_lines).strip(), labels)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def demote(markdown: str, prefix: str, levels: int = 1) -> str:
    """Pushes headings down `levels` and gives each a stable id `<prefix>-<slug>`."""
    out = []
    for line in markdown.splitlines():
        match = _HEADING.match(line)
        if match:
            hashes = "#" * (len(match.group(1)) + levels)
            line = f"{hashes} {match.group(2)} {{#{prefix}-{slug(match.group(2))}}}"
        out.append(line)
    return "\n".join(out)


def outcome_text(outcome_id: str) -> tuple[str, str]:
    """(title, body Markdown) of an outcome."""
    return split_title(read_include("outcomes", outcome_id), f"outcomes/{outcome_id}.md")


def flag_text(name: str) -> tuple[str, str]:
    """(title, body Markdown) of a flag's note."""
    return split_title(read_include("flags", name), f"flags/{name}.md")
