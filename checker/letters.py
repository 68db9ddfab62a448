"""Reply letters drafted from an outcome, the visitor's answers and optional details.

The wording lives in checker/letters/<outcome-id>.txt: `$name` placeholders, and lines that
start with `?condition ` are kept only when that condition holds for these answers. Above
the subject, every letter has the sender's details it signs with and the day it is drafted.
Every legal point in a letter names its provision. Nothing is ever sent: the page shows the draft
for the visitor to edit, copy or download.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from string import Template

from .engine import decide

#: The details a visitor may type; each shows as a [bracketed] gap when left empty.
DETAILS = {
    "sender_name": "your name",
    "sender_organisation": "your service or organisation",
    "recipient_name": "the officer's or recipient's name",
    "reference": "their reference",
}
LETTERS = tuple(sorted(
    path.name.removesuffix(".txt")
    for path in resources.files(__package__).joinpath("letters").iterdir()
    if path.name.endswith(".txt")
))
_CONDITION = re.compile(r"^\?([a-z_0-9]+) ?(.*)$")
# Each detail fills part of one line (the reference is in the subject line): line breaks and
# other control characters typed or pasted into it become one space.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class Letter:
    outcome: str
    subject: str
    body: str
    heading: str = ""  # the sender block and the date line, above the subject

    @property
    def text(self) -> str:
        heading = f"{self.heading}\n\n" if self.heading else ""
        return f"{heading}{self.subject}\n\n{self.body}\n"


def _long_date(day: object) -> str | None:
    if isinstance(day, date):
        return f"{day.day} {day.strftime('%B %Y')}"
    return None


def draft(audience: str, facts: Mapping[str, object], details: Mapping[str, str],
          today: date | None = None) -> Letter:
    """The letter for the outcome these facts reach (raises LookupError if it has none)."""
    result = decide(audience, facts, today=today)
    if result.outcome not in LETTERS:
        raise LookupError(f"no letter for {result.outcome or 'an unfinished path'}")
    answers = result.answers
    chapter_3a = result.regime == "chapter-3a"
    conditions = {
        "what_missing": answers.get("what_specified") == "no",
        "what_too_broad": answers.get("what_specified") == "all-records",
        "why_missing": answers.get("why_given") == "no",
        "handling_missing": answers.get("handling_given") == "no",
        "counselling": answers.get("counselling_service") in ("yes", "unsure"),
        "chapter_3a": chapter_3a,
        "counsellor_told": answers.get("situation") == "counsellor-told-me",
        "someone_else_told": answers.get("situation") == "someone-else-told-me",
    }
    given = {key: _NOT_ONE_LINE.sub(" ", str(details.get(key, ""))).strip() for key in DETAILS}
    values = {key: given[key] or f"[{label}]" for key, label in DETAILS.items()}
    request_day = answers.get("request_date") or answers.get("asked_date")
    values["request_date"] = _long_date(request_day) or "[the date of the request]"
    values["reference_line"] = f" (your reference {given['reference']})" if given["reference"] else ""
    values["notice_question"] = (
        ", and whether written notice of the request has been given to them under section 44B "
        "of the Police, Crime, Sentencing and Courts Act 2022" if chapter_3a else "")

    template_file = resources.files(__package__).joinpath(f"letters/{result.outcome}.txt")
    template = template_file.read_text(encoding="utf-8")
    # At the top: the sender details the letter signs with, then the day it is drafted.
    sender = [values[key] for key in ("sender_name", "sender_organisation") if f"${key}" in template]
    heading = "\n".join([*sender, "", _long_date(today or date.today()) or ""])
    kept = []
    for line in template.splitlines():
        match = _CONDITION.match(line)
        if match:
            if not conditions[match.group(1)]:
                continue
            line = match.group(2)
        kept.append(line)
    text = Template("\n".join(kept)).substitute(values)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    text = re.sub(r"^(- .*);$(?=\n\n|\Z)", r"\1.", text, flags=re.MULTILINE)  # last item ends a list
    subject, _, body = text.partition("\n\n")
    return Letter(str(result.outcome), subject.removeprefix("Subject: "), body, heading)
