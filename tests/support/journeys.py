"""Named journeys through the checker, as (fact, value) answers in the order asked.

THERAPIST_TO is the one therapist journey through a written police request under Chapter 3A
with every content given: the last answer (`client_wishes`) picks the outcome. `from_golden`
picks any path from the golden list by its outcome.
"""

from __future__ import annotations

import json

from .paths import GOLDEN

_THERAPIST_REQUEST = [
    ("audience", "therapist"), ("risk_now", "no"), ("requester", "police-england-wales"),
    ("received", "request"), ("court_threatened", "no"), ("request_date", "2026-02-10"),
    ("in_writing", "yes"), ("client_role", "victim-or-at-risk"), ("counselling_service", "yes"),
    ("what_specified", "yes"), ("why_given", "yes"),
    ("handling_given", "yes"), ("counselling_test_shown", "yes"),
    ("client_child_or_lacks_capacity", "no"), ("client_knows", "yes"),
]
THERAPIST_TO = {
    "share-with-consent": [*_THERAPIST_REQUEST, ("client_wishes", "consents")],
    "decline-and-preserve": [*_THERAPIST_REQUEST, ("client_wishes", "refuses")],
    "do-not-disclose-yet": [*_THERAPIST_REQUEST, ("client_wishes", "cannot-ask")],
}


def from_golden(outcome: str, **answers: str) -> list[tuple[str, str]]:
    """The first golden path that reaches `outcome` with these answers among its own."""
    for row in json.loads(GOLDEN.read_text(encoding="utf-8")):
        if row["outcome"] == outcome and all(row["answers"].get(k) == v for k, v in answers.items()):
            return list(row["answers"].items())
    raise LookupError(f"no golden path reaches {outcome} with {answers}")
