"""Reply letters: drafted for every path that reaches a letter outcome, with the visitor's
details, every legal point naming its provision, and a .docx that Word-compatible readers open."""

from __future__ import annotations

import io
import json
import re

import docx
import pytest

from checker import FLOWS, all_paths
from checker.docx import docx_bytes
from checker.letters import DETAILS, LETTERS, draft
from checker.web import letter

TODAY = "2026-11-21"
PROVISION = re.compile(r"(?i)section \d+[A-Z]?|rule 17\.\d|Article \d|regulation \d|Schedule \d")


def letter_paths():  # type: ignore[no-untyped-def]
    for audience in FLOWS:
        for result in all_paths(audience, ask_side_questions=False):
            if result.outcome in LETTERS:
                yield audience, result


def test_every_letter_outcome_is_reachable() -> None:
    assert {result.outcome for _, result in letter_paths()} == set(LETTERS)


def test_every_path_drafts_a_complete_letter() -> None:
    for audience, result in letter_paths():
        facts = {fact: str(result.answers[fact]) for fact in result.path}
        drafted = draft(audience, facts, {})
        assert drafted.outcome == result.outcome
        assert "$" not in drafted.text and "\n?" not in drafted.text, drafted.outcome
        assert PROVISION.search(drafted.text), f"{drafted.outcome}: no provision cited"
        assert "[your name]" in drafted.text  # an empty detail leaves a visible gap


def test_details_fill_the_letter_and_empty_ones_leave_gaps() -> None:
    facts = {"requester": "police-england-wales", "received": "request",
             "request_date": "2026-01-12", "in_writing": "no"}
    drafted = draft("therapist", facts, {"sender_name": "Sam Carter", "reference": "OP/1"})
    assert "Sam Carter" in drafted.text and "(your reference OP/1)" in drafted.subject
    assert "[the officer's or recipient's name]" in drafted.text
    assert "12 January 2026" in drafted.text


def test_missing_contents_are_listed_one_by_one() -> None:
    base = {"requester": "police-england-wales", "received": "request", "request_date": "2026-03-02",
            "in_writing": "yes", "client_role": "victim-or-at-risk", "counselling_service": "no"}
    only_what = draft("therapist", {**base, "what_specified": "no", "why_given": "yes",
                                    "handling_given": "omitted-with-ground"}, {})
    assert "44C(1)(a)" in only_what.text and "44C(1)(b)" not in only_what.text
    assert "counselling information request" not in only_what.text
    assert re.search(r"^- .*\.$", only_what.text, flags=re.MULTILINE)  # the list ends with a full stop


def test_a_request_for_all_records_is_never_said_to_breach_section_44c_1_a() -> None:
    """M1: "all records" describes the information (s.44C(1)(a) is met): ask to narrow instead."""
    drafted = []
    for audience, result in letter_paths():
        if result.answers.get("what_specified") == "all-records":
            facts = {fact: str(result.answers[fact]) for fact in result.path}
            drafted.append(draft(audience, facts, {}))
    assert {letter.outcome for letter in drafted} == {"ask-to-narrow", "ask-for-missing-contents"}
    for letter_ in drafted:
        assert "44C(1)(a)" not in letter_.text, letter_.outcome
        assert "narrow" in letter_.text and "44A(3)(c)" in letter_.text


def test_one_reply_covers_a_missing_content_and_a_request_for_everything() -> None:
    base = {"requester": "police-england-wales", "received": "request", "request_date": "2026-03-02",
            "in_writing": "yes", "client_role": "unsure", "counselling_service": "no",
            "what_specified": "all-records", "why_given": "yes", "handling_given": "no"}
    text = draft("therapist", base, {}).text
    assert "44C(1)(c)" in text and "narrow the request" in text and "44C(1)(a)" not in text


def test_a_request_about_a_suspect_gets_a_reply_asking_under_what_power() -> None:
    facts = {"requester": "police-england-wales", "received": "request", "request_date": "2026-03-02",
             "in_writing": "yes", "client_role": "suspect"}
    drafted = draft("therapist", facts, {})
    assert drafted.outcome == "not-a-victim-request"
    assert "under what legal power" in drafted.text and "section 44A(2)" in drafted.text
    assert "declining" in drafted.text


def test_the_no_notice_letter_says_who_told_her() -> None:
    facts = {"where": "england-wales", "situation": "someone-else-told-me", "asked_date": "2026-02-01",
             "written_notice": "no"}
    text = draft("survivor", facts, {}).text
    assert "I have been told that the police have asked my counsellor" in text
    assert "My counsellor has told me" not in text
    text = draft("survivor", {**facts, "situation": "counsellor-told-me"}, {}).text
    assert "My counsellor has told me" in text and "I have been told" not in text


def test_a_path_without_a_letter_says_so() -> None:
    with pytest.raises(LookupError):
        draft("survivor", {"where": "scotland"}, {})
    shown = json.loads(letter(json.dumps({"answers": {"audience": "survivor", "where": "scotland"}})))
    assert shown["status"] == "error"


def test_the_web_entry_point_drafts_from_the_page_answers() -> None:
    answers = {"audience": "survivor", "where": "england-wales", "situation": "counsellor-told-me",
               "asked_date": "2026-02-01", "written_notice": "no", "under_18": "no"}
    shown = json.loads(letter(json.dumps({"answers": answers, "details": {"sender_name": "Jo"}}),
                              today=TODAY))
    assert shown["outcome"] == "survivor-no-notice" and "Section 44B" in shown["text"]
    assert shown["text"].rstrip().endswith("Jo")


def test_docx_opens_and_keeps_every_line() -> None:
    text = "Subject & <more>\n\nDear DC Jones,\n\n- first point;\n- second point.\n\nSam"
    document = docx.Document(io.BytesIO(docx_bytes(text)))
    lines = [p.text for p in document.paragraphs]
    assert lines == ["Subject & <more>", "", "Dear DC Jones,", "", "\u2022 first point;",
                     "\u2022 second point.", "", "Sam"]
    assert document.paragraphs[0].runs[0].bold


def test_the_details_are_the_ones_the_page_offers() -> None:
    assert set(DETAILS) == {"sender_name", "sender_organisation", "recipient_name", "reference"}
