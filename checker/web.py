"""The browser's only entry point: one JSON string in, one JSON string out.

The page keeps the visitor's answers in memory and sends them all with every step:

    {"answers": {"audience": "therapist", "risk_now": "no", "requester": "defence"}}

The reply is one of:

    {"status": "question", "question": "<fact>", "options": [...], "kind": "choice" | "date",
     "path": [...], "dates": {...}}
    {"status": "outcome", "outcome": "<id>", "regime": "<id>" | null, "flags": [...],
     "citations": [...], "law_as_at": "YYYY-MM-DD", "notes": [...], "path": [...], "dates": {...}}
    {"status": "error", "fact": "<fact>", "message": "<what is wrong, for the visitor>"}

`dates` holds each date answer on the path as the page shows it ("12 January 2026").
`path` is the answers still in use, in the order asked, starting with the audience; the page
drops any answer not on it (for example after the visitor changed an earlier answer), so no
rule is ever repeated in JavaScript. `notes` names the notes the page shows with the outcome
(docs/includes/flags/<note>.md), `citations` the sources it lists.
"""

from __future__ import annotations

import json
from datetime import date

from .engine import decide
from .flow import AUDIENCE, FLOWS
from .meta import long_date
from .model import FactError

# `letters` and `docx` are imported when first used, not here: the page waits for this
# module before its first answer, and most visitors never draft a letter.


def step(request_json: str, today: str | None = None) -> str:
    return json.dumps(step_dict(json.loads(request_json), today=today))


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
        shown["notes"] = list(result.notes)
    return shown


def _own_facts(answers: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The audience, and the answers that belong to its flow."""
    audience = str(answers.get(AUDIENCE.fact))
    if audience not in FLOWS:
        raise FactError(AUDIENCE.fact, f"{audience!r} is not one of {', '.join(AUDIENCE.options)}")
    return audience, {fact: value for fact, value in answers.items() if fact in FLOWS[audience].facts}


def _error(fact: str, message: str) -> dict[str, object]:
    return {"status": "error", "fact": fact, "message": message}


def letter(request_json: str, today: str | None = None) -> str:
    """{"answers": {...}, "details": {...}} -> {"status": "letter", "outcome", "subject", "text"}."""
    request = json.loads(request_json)
    answers = request.get("answers") or {}
    details = request.get("details") or {}
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


def docx(text: str) -> bytes:
    """The (edited) letter as a Word document, made on the visitor's device."""
    from .docx import docx_bytes

    return docx_bytes(text)
