"""The structural checks run at import really catch a broken decision model, and the
browser entry point answers bad requests with a named error instead of a crash."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from checker import engine, web
from checker.flow import FLOWS, OUTCOMES, THERAPIST_FLOW
from checker.model import Outcome, Question


def broken(monkeypatch: pytest.MonkeyPatch, *questions: Question, outcomes=None) -> None:  # type: ignore[no-untyped-def]
    flow = replace(THERAPIST_FLOW, questions={**THERAPIST_FLOW.questions,
                                              **{q.fact: q for q in questions}})
    monkeypatch.setattr(engine, "FLOWS", {**FLOWS, "therapist": flow})
    if outcomes is not None:
        monkeypatch.setattr(engine, "OUTCOMES", outcomes)


def test_the_real_model_passes() -> None:
    engine.check_structure()


def test_a_question_nothing_leads_to_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    broken(monkeypatch, Question("orphan", ("yes",), lambda f: "defence-no-power"))
    with pytest.raises(RuntimeError, match="questions never asked: \\['orphan'\\]"):
        engine.check_structure()


def test_a_cycle_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    broken(monkeypatch, Question("requester", ("defence",), lambda f: "received"),
           Question("received", ("request",), lambda f: "requester"))
    with pytest.raises(RuntimeError, match="asked twice"):
        engine.check_structure()


def test_a_route_to_nowhere_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    broken(monkeypatch, Question("requester", ("court",), lambda f: "no-such-outcome"))
    with pytest.raises(RuntimeError, match="unknown node 'no-such-outcome'"):
        engine.check_structure()


def test_an_outcome_nothing_reaches_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = Outcome("never-reached", frozenset({"therapist"}), ("pcsc-s44e",))
    broken(monkeypatch, outcomes={**OUTCOMES, extra.id: extra})
    with pytest.raises(RuntimeError, match="outcomes never reached: \\['never-reached'\\]"):
        engine.check_structure()


def test_a_citation_missing_from_the_registry_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = replace(OUTCOMES["defence-no-power"], cites=("no-such-source",))
    broken(monkeypatch, outcomes={**OUTCOMES, "defence-no-power": changed})
    with pytest.raises(RuntimeError, match="not in the sources registry: \\['no-such-source'\\]"):
        engine.check_structure()


def test_an_outcome_citing_nothing_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = replace(OUTCOMES["defence-no-power"], cites=())
    broken(monkeypatch, outcomes={**OUTCOMES, "defence-no-power": changed})
    with pytest.raises(RuntimeError, match="citing nothing"):
        engine.check_structure()


@pytest.mark.parametrize(("request_body", "fact"), [
    ({}, "answers"),
    ({"answers": {"audience": "judge"}}, "audience"),
    ({"answers": {"audience": "therapist", "requester": "aliens"}}, "requester"),
    ({"answers": {"audience": "survivor", "asked_date": "2026-13-01"}}, "asked_date"),
])
def test_the_page_gets_a_named_error_for_bad_answers(request_body: dict, fact: str) -> None:  # type: ignore[type-arg]
    shown = json.loads(web.step(json.dumps(request_body)))
    assert shown["status"] == "error" and shown["fact"] == fact and shown["message"]


def test_answers_of_the_other_audience_are_dropped_when_the_audience_changes() -> None:
    shown = web.step_dict({"answers": {"audience": "survivor", "requester": "defence",
                                       "where": "scotland"}})
    assert shown["outcome"] == "out-of-scope-scotland" and shown["path"] == ["audience", "where"]


def test_a_letter_for_bad_answers_is_a_named_error() -> None:
    bad = json.loads(web.letter(json.dumps({"answers": {"audience": "therapist", "requester": "x"}})))
    assert bad["status"] == "error" and bad["fact"] == "requester"
    none = json.loads(web.letter(json.dumps({"answers": {}})))
    assert none["status"] == "error" and none["fact"] == "audience"
