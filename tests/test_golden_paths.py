"""Every path through the checker, as a committed golden list (answers -> outcome -> citations).

The list holds ids only, no prose. When the rules change on purpose, regenerate it with
`UPDATE_GOLDEN=1 make test` and review the diff like code: it is the record of every
change to the law logic. The same cases are also run inside Pyodide under Node, the
browser's own Python, and must give the same results.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import zipfile

import pytest

from checker import FLOWS, LAW_STATED_AS_AT, all_paths, web
from checker.web import step_dict
from sitebuild.wheel import build_wheel, wheel_name
from tests.support.paths import GOLDEN, ROOT

HOSTILE = ROOT / "tests" / "hostile_inputs.json"


def current_paths() -> list[dict[str, object]]:
    rows = []
    for audience in FLOWS:
        for result in all_paths(audience):
            answers = {"audience": audience}
            answers.update({fact: str(result.answers[fact]) for fact in result.path})
            rows.append({"answers": answers, "outcome": result.outcome, "regime": result.regime,
                         "flags": list(result.flags), "citations": list(result.citations)})
    return rows


def dump(rows: list[dict[str, object]]) -> str:
    return "[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n"


def test_paths_match_the_golden_list() -> None:
    rows = current_paths()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(dump(rows))
    assert GOLDEN.exists(), "no golden list: run UPDATE_GOLDEN=1 make test and review it"
    expected = json.loads(GOLDEN.read_text())
    assert rows == expected, "paths changed: run UPDATE_GOLDEN=1 make test and review the diff"


def test_the_page_reaches_the_same_outcome_on_every_golden_path() -> None:
    for row in json.loads(GOLDEN.read_text()):
        shown = step_dict({"answers": row["answers"]}, today=LAW_STATED_AS_AT.isoformat())
        assert shown["status"] == "outcome", row
        assert [shown[k] for k in ("outcome", "regime", "flags", "citations")] == \
            [row[k] for k in ("outcome", "regime", "flags", "citations")]
        assert shown["path"] == list(row["answers"])  # the answers, in the order asked


def hostile_request(parts: str | list[str | list[str | int]]) -> str:
    """A request from tests/hostile_inputs.json: a string, or parts where [text, n] repeats text."""
    if isinstance(parts, str):
        return parts
    return "".join(part if isinstance(part, str) else str(part[0]) * int(part[1]) for part in parts)


def hostile_reply(call: str, request: str) -> object:
    """What the host makes of one hostile call: the reply, or for a document its XML ("" for none)."""
    today = LAW_STATED_AS_AT.isoformat()
    if call in ("docx", "record_docx"):
        data = web.docx(request) if call == "docx" else web.record_docx(request, today)
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode() if data else ""
    return json.loads(getattr(web, call)(request, today))

@pytest.mark.slow
def test_pyodide_under_node_gives_the_same_results(tmp_path) -> None:  # type: ignore[no-untyped-def]
    wheel = tmp_path / wheel_name()
    wheel.write_bytes(build_wheel())
    rows = json.loads(GOLDEN.read_text())
    bad = [{"audience": "therapist", "request_date": "2026-02-30"},
           {"audience": "survivor", "asked_date": "2999-01-01"},
           {"audience": "therapist", "requester": "court", "received": "request"}]
    cases = [row["answers"] for row in rows] + bad + [{"audience": "therapist"}, {}]
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases))
    hostile = [{"call": row["call"], "request": hostile_request(row["request"])}
               for row in json.loads(HOSTILE.read_text())]
    hostile_file = tmp_path / "hostile.json"
    hostile_file.write_text(json.dumps(hostile))
    done = subprocess.run(["node", str(ROOT / "tests/pyodide_parity.mjs"), str(wheel),
                           str(cases_file), LAW_STATED_AS_AT.isoformat(), str(hostile_file)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout)
    assert shown["version"].startswith("3.14"), "Pyodide 314 runs CPython 3.14"
    # The wheel carries bytecode from Pyodide's Python for every module, true to its source.
    assert shown["bytecode"] == {path.name: "ok" for path in (ROOT / "checker").glob("*.py")}
    host = [step_dict({"answers": case}, today=LAW_STATED_AS_AT.isoformat()) for case in cases]
    assert len(shown["results"]) == len(host) > 1000 - 100
    for case, in_pyodide, on_host in zip(cases, shown["results"], host):
        assert in_pyodide == on_host, case
    assert len(shown["hostile"]) == len(hostile)
    for row, in_pyodide in zip(hostile, shown["hostile"]):
        assert in_pyodide == hostile_reply(row["call"], row["request"]), row
