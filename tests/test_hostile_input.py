"""Hostile input, everywhere it enters: the command line, the page's step, letter and record
calls, the letter writers and the .docx writer.

Every input gives the contract's clear error (one line on stderr, every character in it
printable, exit 2; or an error reply to the page) or a valid result, never an exception; every
.docx made parses as XML and opens in python-docx; input size is bounded. Hypothesis runs
derandomized, so CI sees the same examples every time.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from datetime import date
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker import FLOWS, LAW_STATED_AS_AT, OUTCOMES, SOURCES, FactError
from checker.__main__ import main
from checker.docx import docx_bytes
from checker.inputs import MAX_INPUT_BYTES, read_text
from checker.letters import DETAILS, LETTERS, draft
from checker.record import MAX_LETTER, MAX_LINE, WORDS
from checker.web import letter, record, record_docx, step, step_dict
from tests.conftest import ROOT
from tests.support.documents import letter_paths

TODAY = LAW_STATED_AS_AT.isoformat()
HOSTILE = settings(derandomize=True, database=None, deadline=None, max_examples=150,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Every character, lone surrogates (Hypothesis leaves them out unless asked) included.
ANY_CHARACTER = st.characters(exclude_categories=())
SPECIAL_TEXT = [
    "", " ", "\x00", "\x1b[31mred", "a\nb", "a\r\nb", "\t", "\x0c", "\x0b", "\x7f", "\x85",
    "\u202e", "\u200f", "\u2028", "\ud800", "\udfff", "\ufffe", "\uffff", "\U0001f600",
    "x" * 10_000, "\u202eyes", "yes\x00", "- ", "&<>\"'", "]]>", "$name", "${x}", "\\",
]
HOSTILE_TEXT = st.one_of(st.sampled_from(SPECIAL_TEXT), st.text(ANY_CHARACTER, max_size=40))

DATES = [
    "0001-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29",
    "2026-01-12", "2026-01-11", "2000-01-01", "1999-12-31", "2026-W03-1", "2026W031",
    "2026-012", "2026012", "2026-1-12", "20260112", "2026-01-12T00:00", "2026-13-01",
    "2026-00-10", "2026-01-00", "2026-01-32", "0000-01-01", "٢٠٢٦-٠١-١٢", "2026-01-1\u202e",
    "２０２６-０１-１２", "2026-01-12\n", " 2026-01-12", "+2026-01-1", "-026-01-12", "",
    "2" * 10_000,
]
DATE_TEXT = st.one_of(st.sampled_from(DATES), st.dates().map(date.isoformat), HOSTILE_TEXT)

ALL_FACTS = sorted({fact for flow in FLOWS.values() for fact in flow.facts})
ALL_VALUES = sorted({value for flow in FLOWS.values()
                     for question in [*flow.questions.values(), *flow.side_questions]
                     for value in question.options})
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                      HOSTILE_TEXT)
VALUE = st.one_of(st.sampled_from(ALL_VALUES), DATE_TEXT, JSON_LEAF,
                  st.lists(JSON_LEAF, max_size=3), st.dictionaries(HOSTILE_TEXT, JSON_LEAF, max_size=2))
FACTS = st.dictionaries(st.one_of(st.sampled_from(ALL_FACTS), HOSTILE_TEXT), VALUE, max_size=8)
AUDIENCE = st.one_of(st.sampled_from(sorted(FLOWS)), HOSTILE_TEXT)
ANSWERS = st.builds(lambda audience, facts: {**facts, "audience": audience},
                    st.one_of(AUDIENCE, JSON_LEAF), FACTS)
# Raw request text as the page or a script might send it: JSON, broken JSON or anything.
RAW_JSON = st.one_of(
    ANSWERS.map(lambda answers: json.dumps({"answers": answers})),
    st.text(ANY_CHARACTER, max_size=60),
    st.sampled_from(["[" * 5000, "{" * 5000, '{"answers": ' * 100 + "1", "1" * 5000, "-" + "9" * 4400,
                     "1e999999", "NaN", "[]", "null", '"text"', '{"answers": []}', "\ufeff{}",
                     '["' + '\\"' * 30_000]),  # an unterminated string of escaped quotes
)


def check_step_reply(shown: dict[str, object]) -> None:
    assert shown["status"] in ("question", "outcome", "error"), shown
    if shown["status"] == "error":
        assert isinstance(shown["fact"], str) and isinstance(shown["message"], str)
    json.dumps(shown)  # the page receives it as JSON


# --------------------------------------------------------------------------- the page


@HOSTILE
@given(ANSWERS)
def test_the_step_function_answers_any_facts(answers: dict[str, object]) -> None:
    check_step_reply(step_dict({"answers": answers}, today=TODAY))


@HOSTILE
@given(RAW_JSON)
def test_the_step_function_answers_any_request_text(request_text: str) -> None:
    check_step_reply(json.loads(step(request_text, TODAY)))


@HOSTILE
@given(RAW_JSON, st.dictionaries(st.sampled_from(sorted(DETAILS)), VALUE))
def test_the_letter_function_answers_any_request(request_text: str, details: dict[str, object]) -> None:
    shown = json.loads(letter(request_text, TODAY))
    assert shown["status"] in ("letter", "error"), shown
    try:
        request = json.loads(request_text)
        request["details"] = details
    except (ValueError, RecursionError, TypeError):
        return
    shown = json.loads(letter(json.dumps(request), TODAY))
    assert shown["status"] in ("letter", "error"), shown


def test_a_request_over_the_bound_is_refused_before_it_is_read() -> None:
    padding = " " * MAX_INPUT_BYTES
    shown = json.loads(step('{"answers": {"audience": "therapist"}}' + padding, TODAY))
    assert shown["status"] == "error" and "64 KiB" in shown["message"]
    shown = json.loads(step('{"answers": {"audience": "therapist"}}' + padding[:-100], TODAY))
    assert shown["status"] == "question"


# --------------------------------------------------------------------------- dates


@HOSTILE
@given(DATE_TEXT, st.sampled_from(["therapist", "survivor"]))
def test_only_real_dates_in_the_form_yyyy_mm_dd_are_taken(text: str, audience: str) -> None:
    fact, before = {"therapist": ("request_date", {"risk_now": "no", "requester": "police-england-wales",
                                                    "received": "request", "court_threatened": "no"}),
                    "survivor": ("asked_date", {"where": "england-wales",
                                                "situation": "asked-to-consent"})}[audience]
    shown = step_dict({"answers": {"audience": audience, **before, fact: text}}, today=TODAY)
    in_form = (len(text) == 10 and text.isascii() and text[4] == text[7] == "-"
               and (text[:4] + text[5:7] + text[8:]).isdigit())
    try:
        day = date(int(text[:4]), int(text[5:7]), int(text[8:])) if in_form else None
    except ValueError:
        day = None
    if day and date(2000, 1, 1) <= day <= LAW_STATED_AS_AT:
        assert shown["status"] != "error", shown
        assert fact in shown["path"]
    else:
        assert shown["status"] == "error" and shown["fact"] == fact, shown
        if day:  # a real date out of range is named as people write it
            assert f"{day.day} {day:%B} {day.year}" in str(shown["message"])


@pytest.mark.parametrize(("text", "words"), [
    ("2025-02-29", "29 February 2025 is not a real date"),
    ("1900-02-29", "29 February 1900 is not a real date"),
    ("2026-04-31", "31 April 2026 is not a real date"),
    ("9999-12-31", "31 December 9999 is in the future"),
    ("0001-01-01", "1 January 1 is before 1 January 2000"),
    ("2026-W03-1", "'2026-W03-1' is not a date in the form YYYY-MM-DD"),
    ("2026-012", "'2026-012' is not a date in the form YYYY-MM-DD"),
    ("2026-13-01", "2026-13-01 is not a real date"),
])
def test_a_refused_date_is_named_as_people_write_it(text: str, words: str) -> None:
    answers = {"audience": "therapist", "requester": "police-england-wales", "received": "request",
               "request_date": text}
    shown = step_dict({"answers": answers}, today=TODAY)
    assert shown["status"] == "error" and words in str(shown["message"])


def test_29_february_of_a_leap_year_is_a_date() -> None:
    answers = {"audience": "survivor", "where": "england-wales", "situation": "asked-to-consent",
               "asked_date": "2024-02-29"}
    assert step_dict({"answers": answers}, today=TODAY)["status"] != "error"


# --------------------------------------------------------------------------- the command line


def run_main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code  # argparse: --help (0) or a bad command line (2)
    return int(code or 0), out.getvalue(), err.getvalue()


def check_cli_result(code: int, stdout: str, stderr: str) -> None:
    if code == 0:
        assert stderr == ""
        assert json.loads(stdout)["status"] in ("question", "outcome")
    else:
        assert code == 2 and stdout == ""
        assert stderr.startswith("error: ") and stderr.endswith("\n") and stderr.count("\n") == 1
        assert stderr[:-1].isprintable(), repr(stderr)  # no ESC, newline, RLO or surrogate


@HOSTILE
@given(AUDIENCE, FACTS)
def test_the_command_line_answers_any_facts(audience: str, facts: dict[str, object]) -> None:
    check_cli_result(*run_main(["decide", "--audience", audience, "--facts", json.dumps(facts)]))


@HOSTILE
@given(st.lists(st.one_of(st.sampled_from(["decide", "--audience", "--facts", "therapist", "{}"]),
                          HOSTILE_TEXT), max_size=6))
def test_the_command_line_answers_any_arguments(argv: list[str]) -> None:
    assume("-h" not in argv and not any(arg.startswith("--h") for arg in argv))
    check_cli_result(*run_main(argv))


@HOSTILE
@given(RAW_JSON)
def test_the_command_line_answers_any_facts_text(text: str) -> None:
    assume(text.lstrip()[:1] in ("{", "[", '"'))  # other text names a file: see below
    check_cli_result(*run_main(["decide", "--audience", "therapist", "--facts", text]))


def cli(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True,
                          timeout=60)


def nested_file(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "nested.json"
    path.write_text("[" * 20_000 + "]" * 20_000)
    return str(path)


def latin_1_file(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "facts.json"
    path.write_bytes('{"requester": "défense"}'.encode("latin-1"))
    return str(path)


SUBPROCESS_CASES = [
    ("a number over 4,300 digits", lambda _: '{"requester": ' + "1" * 5000 + "}",
     "facts: has a number more than 100 digits long"),
    ("deeply nested JSON", lambda _: "[" * 20_000 + "]" * 20_000, "facts: nested more than 20 levels"),
    ("deeply nested JSON in a file", nested_file, "facts: nested more than 20 levels"),
    ("a facts file that is not UTF-8", latin_1_file, "is not UTF-8 text (byte 17"),
    ("/dev/zero", lambda _: "/dev/zero", "facts: longer than the limit of 64 KiB"),
    ("escape codes and a newline in a fact name", lambda _: '{"\\u001b[2J\\u001b[31mred\\nline": "x"}',
     "error: \\x1b[2J\\x1b[31mred\\nline: unknown fact"),
    ("a right-to-left override in a fact name", lambda _: '{"requester\\u202e": "x"}',
     "error: requester\\u202e: unknown fact"),
    ("a week date", lambda _: '{"requester": "police-england-wales", "received": "request", '
     '"request_date": "2026-W03-1"}', "request_date: '2026-W03-1' is not a date in the form YYYY-MM-DD"),
]


@pytest.mark.parametrize(("facts", "expected"), [case[1:] for case in SUBPROCESS_CASES],
                         ids=[case[0] for case in SUBPROCESS_CASES])
def test_hostile_facts_give_one_clear_line_in_a_real_process(tmp_path, facts, expected) -> None:  # type: ignore[no-untyped-def]
    done = cli("decide", "--audience", "therapist", "--facts", facts(tmp_path))
    assert done.returncode == 2 and done.stdout == b""
    line = done.stderr.decode("utf-8")
    assert line.count("\n") == 1 and line[:-1].isprintable(), line
    assert expected in line


def test_arguments_that_are_not_utf8_or_hold_escape_codes_are_printed_safely() -> None:
    done = cli("decide", "--audience", b"\xff\x1b[31m", "--facts", "{}")
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == b"error: audience: '\\udcff\\x1b[31m' is not one of therapist, survivor\n"
    done = cli("decide", "--audience", "therapist", "\x1b]0;title\x07")
    assert done.stderr == b"error: unrecognized arguments: \\x1b]0;title\\x07\n"


# --------------------------------------------------------------------------- letters and .docx


# Controls and line separators other than the letter's own line feeds.
LINE_BREAKING = {chr(code) for code in (*range(0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)}
LETTER_FACTS = {result.outcome: (audience, {fact: str(result.answers[fact]) for fact in result.path})
                for audience, result in letter_paths()}


def check_docx(data: bytes) -> docx.document.Document:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            ElementTree.fromstring(archive.read(name))
    return docx.Document(io.BytesIO(data))


@HOSTILE
@given(st.sampled_from(LETTERS), st.dictionaries(st.sampled_from(sorted(DETAILS)), HOSTILE_TEXT))
def test_every_letter_writer_takes_any_details(outcome: str, details: dict[str, str]) -> None:
    audience, facts = LETTER_FACTS[outcome]
    drafted = draft(audience, facts, details)
    assert drafted.outcome == outcome
    assert "\n" not in drafted.subject  # a typed reference cannot split the subject line
    assert not set(drafted.text) & LINE_BREAKING, "a typed detail broke a line of the letter"
    check_docx(docx_bytes(drafted.text, drafted.subject))


def visible(text: str) -> str:
    """What a reader sees of the text's characters, in order (bullets, spaces and breaks aside:
    a "- " line becomes a bullet and a tab)."""
    return "".join(char for char in text
                   if char.isprintable() and not "\ud800" <= char <= "\udfff" and char not in "-• ")


@HOSTILE
@given(st.lists(st.one_of(ANY_CHARACTER, st.sampled_from(["\n", "\t", "\r", "\n- ", "\x0b", "\x0c"])),
                max_size=200).map("".join))
def test_every_docx_parses_and_keeps_every_visible_character(text: str) -> None:
    document = check_docx(docx_bytes(text))
    shown = "".join(paragraph.text for paragraph in document.paragraphs)
    assert visible(shown) == visible(text)
    assert shown.count("\ufffd") == sum("\ud800" <= char <= "\udfff" or char == "\ufffd" for char in text)


def test_tabs_and_line_breaks_become_words_own() -> None:
    document = check_docx(docx_bytes("Subject\nName:\tAda\x0bLovelace\x0cPage two\x00\x1b"))
    assert [p.text for p in document.paragraphs] == ["Subject", "Name:\tAda\nLovelacePage two"]
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes("a\tb\x0bc\x0cd"))).read("word/document.xml").decode()
    assert '<w:tab/>' in xml and "<w:br/>" in xml and '<w:br w:type="page"/>' in xml


def test_the_input_bound_stops_an_endless_file() -> None:
    with pytest.raises(FactError, match="longer than the limit of 64 KiB"):
        read_text("/dev/zero", "facts")


# --------------------------------------------------------------------------- the decision record


def letters_only(text: str) -> str:
    """The characters a reader sees, without spacing or the characters the record replaces."""
    return "".join(char for char in text if char.isprintable() and not char.isspace()
                   and not "\ud800" <= char <= "\udfff" and char != "\ufffd")


RECORD_TEXT = st.one_of(HOSTILE_TEXT, JSON_LEAF)
PAIR = st.fixed_dictionaries({"question": RECORD_TEXT, "answer": RECORD_TEXT})
LETTER_TEXT = st.one_of(HOSTILE_TEXT, st.lists(st.one_of(
    ANY_CHARACTER, st.sampled_from(["\n", "\r\n", "\n- ", "\t", "\x0c"])), max_size=80).map("".join))
# Any JSON where the page's record request has its fields.
RECORD_REQUEST = st.fixed_dictionaries(
    {"outcome": st.one_of(st.sampled_from(sorted(OUTCOMES)), JSON_LEAF),
     "title": RECORD_TEXT,
     "answers": st.one_of(st.lists(st.one_of(PAIR, JSON_LEAF), max_size=6), JSON_LEAF),
     "citations": st.one_of(st.lists(st.one_of(st.sampled_from(sorted(SOURCES)), HOSTILE_TEXT), min_size=1,
                                     max_size=4), JSON_LEAF)},
    optional={"letter": st.one_of(LETTER_TEXT, JSON_LEAF)})
# The page's request as it should be, each text field holding anything.
THERAPIST_OUTCOMES = sorted(outcome for outcome, known in OUTCOMES.items() if "therapist" in known.audiences)
WELL_FORMED_RECORD = st.fixed_dictionaries(
    {"outcome": st.sampled_from(THERAPIST_OUTCOMES),
     "title": HOSTILE_TEXT.map("Title ".__add__),
     "answers": st.lists(st.fixed_dictionaries({"question": HOSTILE_TEXT, "answer": HOSTILE_TEXT}),
                         max_size=6),
     "citations": st.lists(st.sampled_from(sorted(SOURCES)), min_size=1, max_size=4)},
    optional={"letter": LETTER_TEXT})


@HOSTILE
@given(WELL_FORMED_RECORD, st.sampled_from([None, TODAY]))
def test_a_record_holds_any_answers_on_lines_of_their_own(request: dict[str, Any], today: str | None) -> None:
    request_text = json.dumps(request)
    shown = json.loads(record(request_text, today))
    data = record_docx(request_text, today)
    fields = [request["title"], *(text for pair in request["answers"] for text in pair.values())]
    if (any(len(text) > MAX_LINE for text in fields) or len(request.get("letter", "")) > MAX_LETTER
            or len(request_text) > MAX_INPUT_BYTES):
        assert shown["status"] == "error" and data == b"", "over a bound"
        return
    assert shown["status"] == "record", shown
    text = shown["text"]
    assert not set(text) & (LINE_BREAKING - {"\t"}) and not any("\ud800" <= c <= "\udfff" for c in text)
    paragraphs = [(p.style.name, p.text) for p in check_docx(data).paragraphs]
    # Whatever the answers hold, the record's own headings stay the only headings ...
    assert [t for style, t in paragraphs if style == "Heading 1"] == list(WORDS["headings"].values())
    # ... and each question and each answer shows in full, on a line of its own.
    docx_lines = {letters_only(t) for _, t in paragraphs}
    text_lines = {letters_only(line) for line in text.split("\n")}
    for pair in request["answers"]:
        for said in pair.values():
            assert letters_only(said) in docx_lines and letters_only(said) in text_lines


@HOSTILE
@given(RECORD_REQUEST, st.one_of(st.none(), st.sampled_from([TODAY, "2026-02-30", "1 December", ""])))
def test_the_record_answers_any_request(request: dict[str, object], today: str | None) -> None:
    request_text = json.dumps(request)
    shown = json.loads(record(request_text, today))
    data = record_docx(request_text, today)
    assert shown["status"] in ("record", "error"), shown
    if shown["status"] == "error":
        assert isinstance(shown["fact"], str) and isinstance(shown["message"], str)
        assert data == b"", "a refused request makes no document"
    else:
        check_docx(data)


@HOSTILE
@given(RAW_JSON)
def test_the_record_answers_any_request_text(request_text: str) -> None:
    shown = json.loads(record(request_text, TODAY))
    assert shown["status"] in ("record", "error"), shown
    assert (record_docx(request_text, TODAY) == b"") == (shown["status"] == "error")
