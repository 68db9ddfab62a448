"""The record of a decision for the therapist's file: the page's questions and answers, the
outcome and its sources, the reply letter, and headed space to write in, as text and as a
.docx that Word-compatible readers open on an A4 page."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

from checker import LAW_STATED_AS_AT, SOURCES, all_paths
from checker.letters import draft
from checker.record import MAX_ANSWERS, MAX_LETTER, MAX_LINE, WORDS
from checker.web import docx as letter_docx
from checker.web import record, record_docx
from sitebuild.texts import outcome_text
from sitebuild.wheel import build_wheel, wheel_name
from tests.support.documents import check_word_layout

TODAY = "2026-12-01"
HEADINGS = list(WORDS["headings"].values())  # type: ignore[union-attr]


def page_request(outcome: str, **more: object) -> dict[str, object]:
    """What the page sends for the first path to `outcome`: its questions and answers (here
    worded from the fact ids), the outcome's title and the result's citations."""
    result = next(result for result in all_paths("therapist") if result.outcome == outcome)
    answers = [{"question": f"What is the {fact.replace('_', ' ')}?",
                "answer": f"It is {result.answers[fact]}"} for fact in result.path]
    return {"outcome": outcome, "title": outcome_text(outcome).title, "answers": answers,
            "citations": list(result.citations), **more}


def opened(request: dict[str, object]) -> docx.document.Document:
    data = record_docx(json.dumps(request), TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    return docx.Document(io.BytesIO(data))


THERAPIST_OUTCOMES = sorted({str(result.outcome) for result in all_paths("therapist")})


@pytest.mark.parametrize("outcome", THERAPIST_OUTCOMES)
def test_every_therapist_outcome_makes_a_record_word_opens(outcome: str) -> None:
    request = page_request(outcome)
    document = opened(request)
    check_word_layout(document)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    assert paragraphs[0] == ("Title", WORDS["title"])
    assert texts[1].startswith("Confidential.")  # at the top, before anything else
    top = " ".join(texts[:8])
    assert "1 December 2026" in top and "Nothing was sent anywhere" in top
    assert f"{LAW_STATED_AS_AT.day} {LAW_STATED_AS_AT:%B %Y}" in top
    # Each question, in bold, straight above the answer given.
    for pair in request["answers"]:  # type: ignore[union-attr]
        at = paragraphs.index(("Label", pair["question"]))
        assert paragraphs[at + 1] == ("Normal", pair["answer"])
    assert ("Label", request["title"]) in paragraphs
    assert any(outcome in text for text in texts)
    sources = [text for style, text in paragraphs if style == "List Bullet"]
    assert len(sources) == len(request["citations"])  # type: ignore[arg-type]
    for line, source in zip(sources, map(SOURCES.__getitem__, request["citations"])):  # type: ignore[arg-type]
        assert source.title in line and f"({source.status})" in line
        assert source.url is None or line.endswith(source.url)
    assert [text for style, text in paragraphs if style == "Heading 1"] == HEADINGS


def test_the_text_record_says_the_same() -> None:
    request = page_request("decline-and-preserve")
    shown = json.loads(record(json.dumps(request), TODAY))
    assert shown["status"] == "record" and shown["outcome"] == "decline-and-preserve"
    text = shown["text"]
    assert text.startswith(f"{WORDS['title']}\n{'=' * len(str(WORDS['title']))}\nConfidential.")
    for heading in HEADINGS:
        assert f"\n{heading}\n{'-' * len(heading)}\n" in text
    for pair in request["answers"]:  # type: ignore[union-attr]
        assert f"\n{pair['question']}\n{pair['answer']}\n" in text
    for source in map(SOURCES.__getitem__, request["citations"]):  # type: ignore[arg-type]
        assert f"- {source.title}, {source.pinpoint} ({source.status})" in text


def test_the_reply_letter_is_quoted_in_the_record() -> None:
    facts = {"requester": "police-england-wales", "received": "request", "request_date": "2026-03-02",
             "in_writing": "yes", "client_role": "victim-or-at-risk", "counselling_service": "no",
             "what_specified": "no", "why_given": "yes",
             "handling_given": "yes"}
    letter = draft("therapist", facts, {"sender_name": "Sam Carter"}, today=date(2026, 12, 1)).text
    document = opened(page_request("ask-for-missing-contents", letter=letter))
    quoted = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quoted == letter.rstrip("\n").split("\n")
    assert "44C(1)(a)" in " ".join(quoted)
    without = [p.text for p in opened(page_request("ask-for-missing-contents")).paragraphs]
    assert WORDS["words"]["no_letter"] in without  # type: ignore[index]


def test_the_sources_are_the_ones_the_result_cites_on_its_path() -> None:
    before = page_request("ask-in-writing")  # the first path: a request made before 2026
    assert "pcsc-s44c" not in before["citations"]  # type: ignore[operator]
    sources = [p.text for p in opened(before).paragraphs if p.style.name == "List Bullet"]
    assert not any("s.44C" in line for line in sources)
    twice = page_request("ask-in-writing", citations=["pcsc-s44c", "pcsc-s44c", "counselling-tutor-notes"])
    sources = [p.text for p in opened(twice).paragraphs if p.style.name == "List Bullet"]
    assert len(sources) == 2 and SOURCES["pcsc-s44c"].title in sources[0]


def test_an_answer_cannot_add_lines_or_headings() -> None:
    request = page_request("verify-requester")
    request["answers"] = [{"question": "Who?\nMy reasoning", "answer": "Them\r\n-----\tnow\x00"}]
    text = json.loads(record(json.dumps(request), TODAY))["text"]
    assert "\nWho? My reasoning\nThem ----- now\n" in text


@pytest.mark.parametrize(("change", "fact"), [
    ({"outcome": "survivor-no-notice"}, "outcome"),
    ({"outcome": "no-such-outcome"}, "outcome"),
    ({"outcome": ["decline-and-preserve"]}, "outcome"),
    ({"title": ""}, "title"),
    ({"title": None}, "title"),
    ({"title": "x" * (MAX_LINE + 1)}, "title"),
    ({"answers": {"question": "a", "answer": "b"}}, "answers"),
    ({"answers": ["yes"]}, "answers"),
    ({"answers": [{"question": "Who?", "answer": 3}]}, "answers[1].answer"),
    ({"answers": [{"question": "Who?", "answer": "a"}] * (MAX_ANSWERS + 1)}, "answers"),
    ({"citations": ["no-such-source"]}, "citations"),
    ({"citations": "pcsc-s44e"}, "citations"),
    ({"citations": []}, "citations"),
    ({"letter": 12}, "letter"),
    ({"letter": "x" * (MAX_LETTER + 1)}, "letter"),
])
def test_a_bad_request_is_a_named_error(change: dict[str, object], fact: str) -> None:
    request = {**page_request("decline-and-preserve"), **change}
    shown = json.loads(record(json.dumps(request), TODAY))
    assert shown["status"] == "error" and shown["fact"] == fact, shown
    assert record_docx(json.dumps(request), TODAY) == b""


def test_a_bad_date_or_request_text_is_a_named_error() -> None:
    request = json.dumps(page_request("decline-and-preserve"))
    assert json.loads(record(request, "1 December"))["fact"] == "today"
    assert json.loads(record("[1, 2]", TODAY))["fact"] == "record"
    assert json.loads(record("{" * 5000, TODAY))["fact"] == "record"


def test_the_same_request_makes_the_same_bytes() -> None:
    request = json.dumps(page_request("share-with-consent"))
    assert record_docx(request, TODAY) == record_docx(request, TODAY)


OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not (OFFICE and shutil.which("pdftotext")),
                    reason="needs LibreOffice (soffice) and pdftotext, which CI does not install")
def test_libreoffice_turns_a_letter_and_a_record_into_pdf(tmp_path: Path) -> None:
    facts = {"requester": "police-england-wales", "received": "request", "request_date": "2026-03-02",
             "in_writing": "no"}
    letter = draft("therapist", facts, {"sender_name": "Sam Carter", "recipient_name": "DC Jones"},
                   today=date(2026, 12, 1))
    (tmp_path / "letter.docx").write_bytes(letter_docx(letter.text, letter.subject))
    request = page_request("ask-in-writing", letter=letter.text)
    (tmp_path / "record.docx").write_bytes(record_docx(json.dumps(request), TODAY))
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    done = subprocess.run([str(OFFICE), profile, "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(tmp_path / "letter.docx"), str(tmp_path / "record.docx")],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr

    def pdf_text(name: str) -> str:
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"], capture_output=True,
                              text=True, check=True).stdout
        return " ".join(text.split())

    letter_pdf = pdf_text("letter.pdf")
    for words in ("Sam Carter", "1 December 2026", letter.subject, "Dear DC Jones,", "section 44C(1)"):
        assert words in letter_pdf
    record_pdf = pdf_text("record.pdf")
    for words in (str(WORDS["title"]), "Confidential.", outcome_text("ask-in-writing").title, *HEADINGS,
                  *(pair["answer"] for pair in request["answers"]),  # type: ignore[union-attr]
                  *(SOURCES[source].title for source in request["citations"]),  # type: ignore[union-attr]
                  "Dear DC Jones,"):
        assert words in record_pdf, words


@pytest.mark.slow
def test_the_installed_wheel_makes_a_record(tmp_path: Path) -> None:
    wheel = tmp_path / wheel_name()
    wheel.write_bytes(build_wheel())
    target = tmp_path / "installed"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                           "--target", str(target), str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    script = ("import json, sys, checker.web as web; "
              "print(web.record(sys.stdin.read(), '2026-12-01'))")
    run = subprocess.run([sys.executable, "-c", script], input=json.dumps(page_request("verify-requester")),
                         cwd=tmp_path, env={"PYTHONPATH": str(target)}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["status"] == "record"
