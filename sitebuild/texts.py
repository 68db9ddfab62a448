"""Reads the Markdown texts under docs/includes/: questions, outcomes and flags."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker import letters

from .paths import INCLUDES

_OPTION = re.compile(r"^- `([a-z0-9-]+)`: (.+)$")
LETTER_MARKER = "<!-- letter -->"
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


@dataclass(frozen=True)
class OutcomeText:
    title: str
    summary: str  # one line, from the front matter
    before: str  # Markdown up to the `<!-- letter -->` marker (all of it, if there is none)
    sample: str = ""  # the letter, quoted, that takes the marker's place
    after: str = ""  # Markdown after the marker

    @property
    def body(self) -> str:
        """The whole text, with the letter in place of its marker."""
        return "".join((self.before, self.sample, self.after))


def front_matter(text: str, where: str) -> tuple[dict[str, str], str]:
    """`key: "value"` lines between `---` lines at the top, and the text after them."""
    if not text.startswith("---\n"):
        raise ValueError(f"{where}: must start with front matter (---)")
    head, _, rest = text[4:].partition("\n---\n")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip().removeprefix('"').removesuffix('"').replace('\\"', '"')
    return fields, rest


def quoted(text: str) -> str:
    """Plain text as a Markdown blockquote that keeps its line breaks."""
    lines = text.splitlines()
    out = []
    for line, following in zip(lines, lines[1:] + [""]):
        breaks = line and following and not following.startswith("- ") and not line.startswith("- ")
        out.append(f"> {line}  " if breaks else f"> {line}".rstrip())
    return "\n".join(out)


def outcome_text(outcome_id: str) -> OutcomeText:
    """docs/includes/outcomes/<id>/outcome.md, with its letter (letter.txt) quoted in place."""
    where = f"outcomes/{outcome_id}/outcome.md"
    path = INCLUDES / "outcomes" / outcome_id / "outcome.md"
    if not path.exists():
        raise FileNotFoundError(f"missing text: docs/includes/{where}")
    fields, text = front_matter(path.read_text(encoding="utf-8"), where)
    title, body = split_title(text, where)
    has_letter = outcome_id in letters.LETTERS
    if has_letter != (LETTER_MARKER in body):
        raise ValueError(f"{where}: a {LETTER_MARKER} marker goes with a letter.txt, and only then")
    if not has_letter:
        return OutcomeText(title, fields["summary"], body)
    before, _, after = body.partition(LETTER_MARKER)
    return OutcomeText(title, fields["summary"], before, quoted(letters.sample(outcome_id)), after)


def flag_text(name: str) -> tuple[str, str]:
    """(title, body Markdown) of a flag's note."""
    return split_title(read_include("flags", name), f"flags/{name}.md")
