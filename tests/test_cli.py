"""The command line as checker-contract.md fixes it: JSON out and exit 0, or one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker import FLOWS
from tests.support.paths import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT,
                          capture_output=True, text=True)


def decide(audience: str, facts: object) -> subprocess.CompletedProcess[str]:
    return run("decide", "--audience", audience, "--facts", json.dumps(facts))


REQUESTER_NEXT = {
    "police-england-wales": ("question", "received"),
    "service-police": ("question", "received"),
    "police-scotland": ("outcome", "out-of-scope-scotland"),
    "police-northern-ireland": ("outcome", "out-of-scope-northern-ireland"),
    "prosecutor": ("outcome", "prosecutor-via-investigator"),
    "defence": ("outcome", "defence-no-power"),
    "court": ("question", "received"),
    "client": ("question", "client_child_or_lacks_capacity"),
    "other": ("outcome", "other-requester"),
    "unknown": ("outcome", "verify-requester"),
}


def test_every_requester_answer_is_covered() -> None:
    assert set(REQUESTER_NEXT) == set(FLOWS["therapist"].questions["requester"].options)


@pytest.mark.parametrize("requester", REQUESTER_NEXT)
def test_each_requester_answer_leads_where_the_tree_says(requester: str) -> None:
    done = decide("therapist", {"requester": requester})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    shown = json.loads(done.stdout)
    status, expected = REQUESTER_NEXT[requester]
    assert shown["status"] == status
    if status == "question":
        assert shown["question"] == expected
        assert shown["options"]
    else:
        assert shown == {
            "status": "outcome", "outcome": expected, "regime": None, "flags": [],
            "citations": shown["citations"], "law_as_at": "2026-12-01",
        }
        assert shown["citations"]


def test_no_facts_asks_the_first_question() -> None:
    shown = json.loads(decide("therapist", {}).stdout)
    assert shown["status"] == "question" and shown["question"] == "requester"


def test_facts_from_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"where": "scotland"}))
    done = run("decide", "--audience", "survivor", "--facts", str(facts))
    assert json.loads(done.stdout)["outcome"] == "out-of-scope-scotland"


def test_a_date_question_says_its_format() -> None:
    shown = json.loads(decide("therapist", {"requester": "defence", "received": "request"}).stdout)
    assert shown["outcome"] == "defence-no-power"  # facts the path does not need are ignored
    shown = json.loads(decide("therapist", {"requester": "police-england-wales",
                                            "received": "request"}).stdout)
    assert shown == {"status": "question", "question": "request_date", "options": [],
                     "format": "YYYY-MM-DD"}


POLICE_REQUEST = {"requester": "police-england-wales", "received": "request",
                  "request_date": "2026-03-02", "in_writing": "yes"}
NEW_FACTS = [
    # (facts, status, question or outcome, flags)
    (POLICE_REQUEST, "question", "client_role", []),
    ({**POLICE_REQUEST, "client_role": "suspect"}, "outcome", "not-a-victim-request", []),
    ({**POLICE_REQUEST, "client_role": "other-witness", "court_threatened": "yes"}, "outcome",
     "not-a-victim-request", ["court-order-threat"]),
    ({**POLICE_REQUEST, "client_role": "unsure", "counselling_service": "no",
      "what_specified": "all-records", "why_given": "yes", "handling_given": "yes"}, "outcome",
     "ask-to-narrow", []),
    ({"requester": "client", "client_child_or_lacks_capacity": "yes"}, "outcome",
     "get-advice-first", []),
    ({"requester": "court", "received": "summons-issued", "heard_before_summons": "yes"}, "outcome",
     "comply-with-summons", []),
    ({"requester": "court", "received": "summons-issued", "heard_before_summons": "yes",
      "client_heard_before_summons": "unknown"}, "outcome", "comply-with-summons",
     ["client-can-apply-to-withdraw"]),
]


@pytest.mark.parametrize(("facts", "status", "expected", "flags"), NEW_FACTS)
def test_the_revised_facts_and_side_questions(facts, status, expected, flags) -> None:  # type: ignore[no-untyped-def]
    """The side questions are used when given and never demanded."""
    shown = json.loads(decide("therapist", facts).stdout)
    assert shown["status"] == status
    if status == "question":
        assert (shown["question"], shown["options"]) == (
            expected, ["victim-or-at-risk", "suspect", "other-witness", "unsure"])
    else:
        assert (shown["outcome"], shown["flags"]) == (expected, flags)


def test_someone_else_told_me_asks_the_date_like_counsellor_told_me() -> None:
    shown = json.loads(decide("survivor", {"where": "england-wales",
                                           "situation": "someone-else-told-me"}).stdout)
    assert (shown["status"], shown["question"]) == ("question", "asked_date")


BAD_INPUT = [
    ("therapist", {"requester": "martians"}, "requester", "police-england-wales"),
    ("therapist", {"colour": "blue"}, "colour", "requester"),
    ("therapist", {"where": "scotland"}, "where", "unknown fact"),
    ("therapist", {"requester": 5}, "requester", "not one of"),
    ("therapist", {"request_date": "2026-02-30"}, "request_date", "30 February 2026 is not a real date"),
    ("therapist", {"request_date": "12/01/2026"}, "request_date", "YYYY-MM-DD"),
    ("therapist", {"request_date": "2999-01-01"}, "request_date", "future"),
    ("therapist", {"request_date": "1999-12-31"}, "request_date", "before 1 January 2000"),
    ("therapist", {"requester": "court", "received": "request"}, "requester, received", "court"),
    ("survivor", {"situation": "notified-of-request", "written_notice": "no"},
     "situation, written_notice", "written notice"),
    ("survivor", {"asked_date": 20260112}, "asked_date", "YYYY-MM-DD"),
    ("survivor", {"under_18": "maybe"}, "under_18", "yes, no"),
    ("therapist", {"client_role": "victim"}, "client_role", "victim-or-at-risk, suspect"),
    ("therapist", {"what_specified": "everything"}, "what_specified", "all-records"),
    ("therapist", {"court_threatened": "maybe"}, "court_threatened", "yes, no"),
    ("therapist", {"client_heard_before_summons": "maybe"}, "client_heard_before_summons",
     "yes, no, unknown"),
    ("survivor", {"situation": "isva-told-me"}, "situation", "someone-else-told-me"),
    ("nobody", {}, "audience", "therapist, survivor"),
]


@pytest.mark.parametrize(("audience", "facts", "fact", "hint"), BAD_INPUT)
def test_bad_input_exits_2_with_one_line_naming_the_fact(audience, facts, fact, hint) -> None:  # type: ignore[no-untyped-def]
    done = decide(audience, facts)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: {fact}:")
    assert hint in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("facts", ["{not json", "[1, 2]", "no-such-file.json", '"text"'])
def test_malformed_facts_exit_2(facts: str) -> None:
    done = run("decide", "--audience", "therapist", "--facts", facts)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: facts:")


@pytest.mark.parametrize("args", [(), ("decide",), ("decide", "--facts", "{}"), ("frobnicate",)])
def test_bad_command_lines_exit_2_without_a_traceback(args: tuple[str, ...]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.startswith("error:")
