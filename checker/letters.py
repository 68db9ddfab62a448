"""Reply letters drafted from an outcome, the visitor's answers and optional details.

Each outcome with a letter has it beside its text: docs/includes/outcomes/<id>/letter.txt,
with `$name` placeholders, and lines starting `?condition ` kept only when that condition
holds for these answers. The words the letters fill in are in docs/includes/checker/letters.toml.
The site's build copies both into the wheel under checker/texts/, with the same layout, so
the same code drafts letters in the browser. Every legal point in a letter names its
provision. Above the subject, every letter has the sender's details it signs with and the
day it is drafted. Nothing is ever sent: the page shows the draft for the visitor to edit, copy or
download.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from string import Template

from .engine import Result, decide
from .flow import CHAPTER_3A, FLOWS, regime_on
from .meta import long_date
from .texts import TEXTS, words

_WORDS = words("letters")
#: The details a visitor may type; each shows as a [bracketed] gap when left empty.
DETAILS: dict[str, str] = dict(_WORDS["details"])
#: What the page says where the answers rule a letter out.
NO_LETTER: str = _WORDS["no_letter"]["message"]
LETTERS = tuple(sorted(
    folder.name for folder in TEXTS.joinpath("outcomes").iterdir()
    if folder.joinpath("letter.txt").is_file()
))
_CONDITION = re.compile(r"^\?([a-z_0-9]+) ?(.*)$")
# Each detail fills part of one line (the reference is in the subject line): line breaks and
# other control characters typed or pasted into it become one space.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_DATE_FACTS = tuple(flow.date_fact for flow in FLOWS.values() if flow.date_fact)


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


def template(outcome_id: str) -> str:
    return TEXTS.joinpath("outcomes", outcome_id, "letter.txt").read_text(encoding="utf-8")


def fill(outcome_id: str, conditions: Mapping[str, bool], values: Mapping[str, str]) -> str:
    """The letter's text: lines whose condition fails left out, placeholders filled."""
    kept = []
    for line in template(outcome_id).splitlines():
        match = _CONDITION.match(line)
        if match:
            if not conditions[match.group(1)]:
                continue
            line = match.group(2)
        kept.append(line)
    text = Template("\n".join(kept)).substitute(values)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return re.sub(r"^(- .*);$(?=\n\n|\Z)", r"\1.", text, flags=re.MULTILINE)  # last item ends a list


def values(details: Mapping[str, str], request_day: object, chapter_3a: bool) -> dict[str, str]:
    given = {key: _NOT_ONE_LINE.sub(" ", str(details.get(key, ""))).strip() for key in DETAILS}
    phrases = _WORDS["phrases"]
    filled = {key: given[key] or f"[{label}]" for key, label in DETAILS.items()}
    filled["request_date"] = (long_date(request_day) if isinstance(request_day, date)
                              else f"[{_WORDS['gaps']['request_date']}]")
    filled["reference_line"] = (Template(phrases["reference_line"]).substitute(reference=given["reference"])
                                if given["reference"] else "")
    filled["notice_question"] = phrases["notice_question"] if chapter_3a else ""
    return filled


def sample(outcome_id: str) -> str:
    """The letter as the outcome's text shows it: every optional line in, every detail a gap."""
    conditions = {match.group(1): True for match in map(_CONDITION.match, template(outcome_id).splitlines())
                  if match}
    return fill(outcome_id, conditions, values({}, None, chapter_3a=True))


def offered(result: Result) -> bool:
    """Whether the page offers a letter for this result: its outcome has one, and no answer
    rules a letter out (letters.toml, [no_letter])."""
    ruled_out = any(result.answers.get(fact) in values
                    for fact, values in _WORDS["no_letter"]["when"].items())
    return result.outcome in LETTERS and not ruled_out


def draft(audience: str, facts: Mapping[str, object], details: Mapping[str, str],
          today: date | None = None) -> Letter:
    """The letter for the outcome these facts reach (raises LookupError if none is offered)."""
    result = decide(audience, facts, today=today)
    if not offered(result):
        raise LookupError(f"no letter for {result.outcome or 'an unfinished path'}")
    answers = result.answers
    chapter_3a = result.regime == regime_on(CHAPTER_3A).id
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
    request_day = next((answers[fact] for fact in _DATE_FACTS if fact in answers), None)
    filled = values(details, request_day, chapter_3a)
    text = fill(str(result.outcome), conditions, filled)
    # At the top: the sender details the letter signs with, then the day it is drafted.
    sender = [filled[key] for key in ("sender_name", "sender_organisation")
              if f"${key}" in template(str(result.outcome))]
    heading = "\n".join([*sender, "", long_date(today or date.today())])
    subject, _, body = text.partition("\n\n")
    return Letter(str(result.outcome), subject.removeprefix("Subject: "), body, heading)
