"""The browser's only entry point: one JSON string in, one JSON string out.

The page keeps the visitor's answers in memory and sends them all with every step:

    {"answers": {"audience": "therapist", "risk_now": "no", "requester": "defence"}}

The reply is the next question or the outcome, plus `path`: the answers still in use, in
the order asked. The page drops any answer not on the path (for example after the visitor
changed an earlier answer), so no rule is ever repeated in JavaScript.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from . import FLOWS, FactError, decide
from .inputs import parse_object

if TYPE_CHECKING:
    from .record import Record

# `letters`, `record` and `docx` are imported when first used, not here: the page waits for
# this module before its first answer, and most visitors never draft a letter.

AUDIENCE = "audience"


def step(request_json: str, today: str | None = None) -> str:
    try:
        request = parse_object(request_json, "answers")
    except FactError as error:
        return json.dumps(_error(error.fact, str(error)))
    return json.dumps(step_dict(request, today=today))


def step_dict(request: dict[str, object], today: str | None = None) -> dict[str, object]:
    answers = request.get("answers")
    if not isinstance(answers, dict):
        return _error("answers", "the page sent no answers object")
    audience = answers.get(AUDIENCE)
    if audience is None:
        return {"status": "question", "question": AUDIENCE, "options": list(FLOWS), "path": []}
    if not isinstance(audience, str) or audience not in FLOWS:
        return _error(AUDIENCE, f"{audience!r} is not one of {', '.join(FLOWS)}")
    own_facts = set(FLOWS[str(audience)].facts)
    facts = {fact: value for fact, value in answers.items() if fact in own_facts}
    try:
        result = decide(str(audience), facts, ask_side_questions=True,
                        today=date.fromisoformat(today) if today else None)
    except FactError as error:
        return _error(error.fact, str(error))
    shown = result.to_json()
    shown["path"] = [AUDIENCE, *result.path]
    shown["kind"] = "date" if result.is_date else "choice"
    return shown


def _error(fact: str, message: str) -> dict[str, object]:
    return {"status": "error", "fact": fact, "message": message}


def letter(request_json: str, today: str | None = None) -> str:
    """{"answers": {...}, "details": {...}} -> {"status": "letter", "outcome", "subject", "text"}."""
    try:
        request = parse_object(request_json, "answers")
    except FactError as error:
        return json.dumps(_error(error.fact, str(error)))
    answers = request.get("answers") or {}
    details = request.get("details") or {}
    if not isinstance(answers, dict):
        return json.dumps(_error("answers", "the page sent no answers object"))
    if not isinstance(details, dict):
        return json.dumps(_error("details", "the page sent no details object"))
    audience = str(answers.get(AUDIENCE))
    if audience not in FLOWS:
        return json.dumps(_error(AUDIENCE, "choose an audience first"))
    facts = {fact: value for fact, value in answers.items() if fact in FLOWS[audience].facts}
    from .letters import draft

    try:
        drafted = draft(audience, facts, details, today=date.fromisoformat(today) if today else None)
    except FactError as error:
        return json.dumps(_error(error.fact, str(error)))
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
        return json.dumps(_error(error.fact, str(error)))
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
