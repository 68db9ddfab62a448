"""The browser's only entry point: one JSON string in, one JSON string out.

The page keeps the visitor's answers in memory and sends them all with every step:

    {"answers": {"audience": "therapist", "risk_now": "no", "requester": "defence"}}

The reply is one of:

    {"status": "question", "question": "<fact>", "options": [...], "kind": "choice" | "date",
     "path": [...], "dates": {...}}
    {"status": "outcome", "outcome": "<id>", "regime": "<id>" | null, "flags": [...],
     "citations": [...], "law_as_at": "YYYY-MM-DD", "notes": [...], "path": [...], "dates": {...}}
    {"status": "error", "fact": "<fact>", "message": "<what is wrong, for the visitor>"}

`letter`, `docx`, `record` and `record_docx` make the reply letter and the record of the
decision on the visitor's device (their docstrings give their shapes). Every request is read
with a bound on its size and nesting (checker.inputs); bad input is an error reply, never an
exception.

`dates` holds each date answer on the path as the page shows it ("12 January 2026").
`path` is the answers still in use, in the order asked, starting with the audience; the page
drops any answer not on it (for example after the visitor changed an earlier answer), so no
rule is ever repeated in JavaScript. `notes` names the notes the page shows with the outcome
(docs/includes/flags/<note>.md), `citations` the sources it lists.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from .engine import decide
from .flow import AUDIENCE, FLOWS
from .inputs import parse_object
from .meta import long_date
from .model import FactError

if TYPE_CHECKING:
    from .record import Record

# `letters`, `record` and `docx` are imported when first used, not here: the page waits for
# this module before its first answer, and most visitors never draft a letter.


def step(request_json: str, today: str | None = None) -> str:
    try:
        request = parse_object(request_json, "answers")
    except FactError as error:
        return json.dumps(_error(error.fact, error.message))
    return json.dumps(step_dict(request, today=today))


def step_dict(request: dict[str, object], today: str | None = None) -> dict[str, object]:
    answers = request.get("answers")
    if not isinstance(answers, dict):
        return _error("answers", "the page sent no answers object")
    audience = answers.get(AUDIENCE.fact)
    if audience is None:
        return {"status": "question", "question": AUDIENCE.fact, "options": list(AUDIENCE.options),
                "path": []}
    try:
        audience, facts = _own_facts(answers)
        result = decide(audience, facts, ask_side_questions=True,
                        today=date.fromisoformat(today) if today else None)
    except FactError as error:
        return _error(error.fact, error.message)
    shown = result.to_json()
    shown["path"] = [AUDIENCE.fact, *result.path]
    shown["dates"] = {fact: long_date(value) for fact, value in result.answers.items()
                      if isinstance(value, date) and fact in result.path}
    if result.outcome is None:
        shown["kind"] = "date" if result.is_date else "choice"
    else:
        from .letters import offered

        shown["notes"] = list(result.notes)
        shown["letter"] = offered(result)
    return shown


def _own_facts(answers: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The audience, and the answers that belong to its flow."""
    audience = answers.get(AUDIENCE.fact)
    if not isinstance(audience, str) or audience not in FLOWS:
        raise FactError(AUDIENCE.fact, f"{audience!r} is not one of {', '.join(AUDIENCE.options)}")
    return audience, {fact: value for fact, value in answers.items() if fact in FLOWS[audience].facts}


def _error(fact: str, message: str) -> dict[str, object]:
    return {"status": "error", "fact": fact, "message": message}


def letter(request_json: str, today: str | None = None) -> str:
    """{"answers": {...}, "details": {...}} -> {"status": "letter", "outcome", "subject", "text"}."""
    try:
        request = parse_object(request_json, "answers")
    except FactError as error:
        return json.dumps(_error(error.fact, error.message))
    answers = request.get("answers") or {}
    details = request.get("details") or {}
    if not isinstance(answers, dict):
        return json.dumps(_error("answers", "the page sent no answers object"))
    if not isinstance(details, dict):
        return json.dumps(_error("details", "the page sent no details object"))
    from .letters import draft

    try:
        audience, facts = _own_facts(answers)
        drafted = draft(audience, facts, details, today=date.fromisoformat(today) if today else None)
    except FactError as error:
        return json.dumps(_error(error.fact, error.message))
    except LookupError as error:
        return json.dumps(_error("outcome", str(error)))
    return json.dumps({"status": "letter", "outcome": drafted.outcome,
                       "subject": drafted.subject, "text": drafted.text})


def docx(text: str, title: str | None = None) -> bytes:
    """The (edited) letter as a Word document, made on the visitor's device. `title` is the
    letter's subject as drafted: the line that reads exactly so is set in the Title style."""
    from .docx import docx_bytes

    return docx_bytes(text, title)


def record(request_json: str, today: str | None = None) -> str:
    """A record of the decision for the therapist's file, as text.

    {"outcome": "<id>", "title": "<the outcome's title as shown>",
     "answers": [{"question": "<as shown>", "answer": "<as shown>"}, ...],
     "citations": ["<source id>", ...] (the step reply's), "letter": "<text>" (optional)}
    -> {"status": "record", "outcome", "text"}, or an error reply naming the field at fault.
    `today` is the day it is made (YYYY-MM-DD), the device's date when not given."""
    try:
        made = _record(request_json, today)
    except FactError as error:
        return json.dumps(_error(error.fact, error.message))
    return json.dumps({"status": "record", "outcome": made.outcome, "text": made.text})


def record_docx(request_json: str, today: str | None = None) -> bytes:
    """The same record as a Word document; no bytes at all for a request record() refuses."""
    try:
        return _record(request_json, today).docx()
    except FactError:
        return b""


def _record(request_json: str, today: str | None) -> Record:
    from .record import make

    return make(parse_object(request_json, "record"), _day(today))


def _day(today: str | None) -> date:
    if today is None:
        return date.today()
    try:
        return date.fromisoformat(today)
    except (TypeError, ValueError):
        raise FactError("today", f"{today!r} is not a date in the form YYYY-MM-DD") from None
