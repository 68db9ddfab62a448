"""Reply letters: drafted for every path that reaches a letter outcome, with the visitor's
details, every legal point naming its provision, and a .docx that Word-compatible readers open."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import docx
import pytest

from checker.docx import docx_bytes
from checker.letters import DETAILS, LETTERS, draft
from checker.web import letter, step_dict
from tests.support.documents import check_word_layout, letter_paths
from tests.support.journeys import from_golden

TODAY = "2026-11-21"
PROVISION = re.compile(r"(?i)section \d+[A-Z]?|rule 17\.\d|Articles? \d|regulation \d|Schedule \d")


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


def test_no_letter_when_your_own_client_asked() -> None:
    # A young client asking you to send their notes: advice first, and no police request to
    # answer, so no letter; the same outcome after a police request keeps its holding reply.
    answers = {"audience": "therapist", "risk_now": "no", "requester": "client",
               "client_child_or_lacks_capacity": "yes"}
    shown = step_dict({"answers": answers})
    assert shown["outcome"] == "get-advice-first" and shown["letter"] is False
    with pytest.raises(LookupError):
        draft("therapist", {k: v for k, v in answers.items() if k != "audience"}, {})
    assert json.loads(letter(json.dumps({"answers": answers})))["status"] == "error"
    police = dict(from_golden("get-advice-first", requester="police-england-wales"))
    assert step_dict({"answers": police})["letter"] is True


def test_the_web_entry_point_drafts_from_the_page_answers() -> None:
    answers = {"audience": "survivor", "where": "england-wales", "situation": "counsellor-told-me",
               "asked_date": "2026-02-01", "written_notice": "no", "under_18": "no"}
    shown = json.loads(letter(json.dumps({"answers": answers, "details": {"sender_name": "Jo"}}),
                              today=TODAY))
    assert shown["outcome"] == "survivor-no-notice" and "Section 44B" in shown["text"]
    assert shown["text"].rstrip().endswith("Jo")


def test_docx_opens_and_keeps_every_line() -> None:
    text = "Sam\n\nSubject & <more>\n\nDear DC Jones,\n\n- first point;\n- second point.\n\nSam"
    document = docx.Document(io.BytesIO(docx_bytes(text, title="Subject & <more>")))
    lines = [p.text for p in document.paragraphs]
    assert lines == ["Sam", "", "Subject & <more>", "", "Dear DC Jones,", "", "\u2022\tfirst point;",
                     "\u2022\tsecond point.", "", "Sam"]
    styles = [p.style.name for p in document.paragraphs]
    assert styles == ["Normal", "Normal", "Title", "Normal", "Normal", "Normal", "List Bullet",
                      "List Bullet", "Normal", "Normal"]
    untitled = docx.Document(io.BytesIO(docx_bytes(text, title="A subject the visitor changed")))
    assert {p.style.name for p in untitled.paragraphs} == {"Normal", "List Bullet"}


def drafted_for(outcome: str, details: dict[str, str], day: date = date(2026, 12, 1)):  # type: ignore[no-untyped-def]
    audience, result = next((audience, result) for audience, result in letter_paths()
                            if result.outcome == outcome)
    return draft(audience, {fact: str(result.answers[fact]) for fact in result.path}, details, today=day)


def test_a_letter_starts_with_the_sender_and_the_day_it_is_drafted() -> None:
    drafted = drafted_for("decline-and-preserve", {"sender_name": "Sam Carter",
                                                    "sender_organisation": "Riverside Counselling"})
    assert drafted.text.startswith(
        f"Sam Carter\nRiverside Counselling\n\n1 December 2026\n\n{drafted.subject}\n\nDear ")
    gaps = drafted_for("decline-and-preserve", {}, date(2027, 1, 9))
    assert gaps.text.startswith("[your name]\n[your service or organisation]\n\n9 January 2027\n\n")


def test_a_survivor_signs_with_their_name_only() -> None:
    drafted = drafted_for("survivor-no-notice", {"sender_name": "Jo"})
    assert drafted.text.startswith(f"Jo\n\n1 December 2026\n\n{drafted.subject}\n")
    assert "organisation" not in drafted.text


def test_get_advice_first_has_a_holding_reply() -> None:
    base = {"requester": "police-england-wales", "received": "request", "in_writing": "yes",
            "client_child_or_lacks_capacity": "yes"}
    now = {**base, "request_date": "2026-03-02", "client_role": "victim-or-at-risk",
           "counselling_service": "no", "what_specified": "yes",
           "why_given": "yes", "handling_given": "yes"}
    drafted = draft("therapist", now, {}, today=date(2026, 12, 1))
    assert drafted.outcome == "get-advice-first"
    assert "I am taking advice" in drafted.body and "I will not disclose anything" in drafted.body
    assert "section 44B" in drafted.body and "in writing" in drafted.body
    before = draft("therapist", {**base, "request_date": "2025-12-01"}, {}, today=date(2026, 12, 1))
    assert before.outcome == "get-advice-first"
    assert "44B" not in before.body  # no notice duty before 12 January 2026
    assert "I will not disclose anything" in before.body


def test_every_letter_opens_in_word_with_styles_and_an_a4_page() -> None:
    for outcome in LETTERS:
        drafted = drafted_for(outcome, {"sender_name": "Sam Carter"})
        document = docx.Document(io.BytesIO(docx_bytes(drafted.text, title=drafted.subject)))
        paragraphs = document.paragraphs
        assert [p.text for p in paragraphs[:3]] == drafted.text.split("\n")[:3]
        assert paragraphs[0].text == "Sam Carter" and paragraphs[0].style.name == "Normal"
        assert any(p.text == "1 December 2026" for p in paragraphs[:5])
        titled = [p for p in paragraphs if p.style.name == "Title"]
        assert [p.text for p in titled] == [drafted.subject], outcome
        check_word_layout(document)


def test_the_details_are_the_ones_the_page_offers() -> None:
    assert set(DETAILS) == {"sender_name", "sender_organisation", "recipient_name", "reference"}
