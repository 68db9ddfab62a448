"""A record of the decision, for the therapist's own file, made on the visitor's device.

The page sends what it showed: each question with the answer given, in its own words; the
outcome's id, title and source ids; and the reply letter, if one was drafted. The record adds
the date it was made, the date the law is stated as at, and each source's title, status and
address from the registry, then leaves headed space for the therapist's reasoning, the advice
they took and what happened next.

Its fixed words are in docs/includes/checker/record.toml, read from where the letters' texts
are (docs/includes/ in a checkout, checker/texts/ inside the wheel), so the same code runs in
the browser.
Every input is bounded, and anything that could break a line or the document is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from string import Template

from . import LAW_STATED_AS_AT
from .docx import document_bytes
from .flow import OUTCOMES, THERAPIST
from .model import FactError
from .sources import SOURCES
from .texts import words

#: The most question-and-answer pairs a record takes (the longest path asks about 15).
MAX_ANSWERS = 60
#: The longest question, answer or outcome title, in characters.
MAX_LINE = 1000
#: The longest reply letter, in characters (the longest drafted letter is under 3,000).
MAX_LETTER = 20_000
#: Blank lines left under each heading the therapist fills in.
BLANK_LINES = 8


WORDS: dict[str, object] = words("record")  # type: ignore[assignment]
_HEADINGS: Mapping[str, str] = WORDS["headings"]  # type: ignore[assignment]
_WORD: Mapping[str, str] = WORDS["words"]  # type: ignore[assignment]
_PROMPTS: Mapping[str, str] = WORDS["prompts"]  # type: ignore[assignment]

# One line of text: line breaks and other controls become a space; half a character (a lone
# surrogate) becomes U+FFFD, the replacement character.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# The letter keeps its line feeds and tabs; other controls go.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
_LINE_ENDS = re.compile("\r\n?|[\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# How the plain text marks a bullet and a quoted letter line.
_TEXT_PREFIX = {"ListBullet": "- ", "Quote": "    "}


def _fill(template: str, **values: str) -> str:
    return Template(template).safe_substitute(values)


def _one_line(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise FactError(field, "must be text")
    if len(value) > MAX_LINE:
        raise FactError(field, f"longer than {MAX_LINE} characters")
    return _SURROGATE.sub("\ufffd", _NOT_ONE_LINE.sub(" ", value)).strip()


def _letter(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FactError("letter", "must be text")
    if len(value) > MAX_LETTER:
        raise FactError("letter", f"longer than {MAX_LETTER:,} characters")
    text = _CONTROLS.sub("", _LINE_ENDS.sub("\n", value))
    return _SURROGATE.sub("\ufffd", text).strip()


def _answers(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        raise FactError("answers", "must be a list of {question, answer} objects")
    if len(value) > MAX_ANSWERS:
        raise FactError("answers", f"more than {MAX_ANSWERS} answers")
    pairs = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise FactError("answers", f"answer {number} is not a {{question, answer}} object")
        pairs.append((_one_line(item.get("question"), f"answers[{number}].question"),
                      _one_line(item.get("answer"), f"answers[{number}].answer")))
    return pairs


def _citations(value: object) -> list[str]:
    """The result's sources, as the page's step reply listed them (they depend on the path:
    a request made before 12 January 2026 cites no Chapter 3A section)."""
    if not isinstance(value, list) or not value or len(value) > len(SOURCES):
        raise FactError("citations", "must be the result's list of source ids")
    unknown = [source for source in value if not isinstance(source, str) or source not in SOURCES]
    if unknown:
        raise FactError("citations", f"{unknown[0]!r} is not a source id")
    return list(dict.fromkeys(value))


@dataclass(frozen=True)
class Record:
    outcome: str
    paragraphs: tuple[tuple[str, str], ...]  # (style, text), as checker.docx writes them

    @property
    def text(self) -> str:
        """Plain text: headings underlined, bullets as "- "."""
        lines = []
        for style, text in self.paragraphs:
            if style in ("Title", "Heading1"):
                lines += [text, ("=" if style == "Title" else "-") * len(text)]
            else:
                lines.append(_TEXT_PREFIX.get(style, "") + text if text else "")
        return "\n".join(lines) + "\n"

    def docx(self) -> bytes:
        return document_bytes(self.paragraphs)


def make(request: Mapping[str, object], made: date) -> Record:
    """The record for what the page sent (raises FactError naming the field at fault)."""
    outcome = request.get("outcome")
    if not (isinstance(outcome, str) and outcome in OUTCOMES and THERAPIST in OUTCOMES[outcome].audiences):
        raise FactError("outcome", "must be the id of a therapist's outcome")
    title = _one_line(request.get("title"), "title")
    if not title:
        raise FactError("title", "must be the outcome's title as the page shows it")
    answers = _answers(request.get("answers", []))
    citations = _citations(request.get("citations"))
    letter = _letter(request.get("letter"))

    blank = ("Normal", "")
    paragraphs: list[tuple[str, str]] = [
        ("Title", str(WORDS["title"])),
        ("Label", str(WORDS["confidential"])),
        blank,
        ("Normal", _fill(str(WORDS["made"]), made=_long_date(made))),
        blank,
        ("Normal", _fill(str(WORDS["law"]), law_date=_long_date(LAW_STATED_AS_AT))),
        blank,
        ("Heading1", _HEADINGS["answers"]),
    ]
    for question, answer in answers:
        paragraphs += [("Label", question), ("Normal", answer), blank]
    if not answers:
        paragraphs.append(blank)
    paragraphs += [
        ("Heading1", _HEADINGS["outcome"]),
        ("Label", title),
        ("Normal", _fill(_WORD["outcome_reference"], outcome=outcome)),
        blank,
        ("Heading1", _HEADINGS["sources"]),
    ]
    for source in map(SOURCES.__getitem__, citations):
        line = _WORD["source_link"] if source.url else _WORD["source"]
        paragraphs.append(("ListBullet", _fill(line, title=source.title, pinpoint=source.pinpoint,
                                               status=source.status, url=source.url or "")))
    paragraphs += [blank, ("Heading1", _HEADINGS["letter"])]
    if letter:
        paragraphs += [("Quote", line) for line in letter.split("\n")]
    else:
        paragraphs.append(("Normal", _WORD["no_letter"]))
    for part in ("reasoning", "advice", "next"):
        paragraphs += [blank, ("Heading1", _HEADINGS[part]), ("Hint", _PROMPTS[part])]
        paragraphs += [blank] * BLANK_LINES
    return Record(outcome, tuple(paragraphs))


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"
