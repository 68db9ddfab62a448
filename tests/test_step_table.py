"""The page's step table gives the step Python gives, for every answer the page can send.

Until Python has started (or where it cannot start) the page looks its next step up in a
table the build generates from checker/ (checker/table.py), with
docs/assets/javascripts/checker-table.js. These tests run that lookup under Node on every
prefix of every path, on the dates either side of every boundary and on invalid dates, and
compare it with checker.web.step on the host and inside Pyodide, booted as the page boots
it: the trimmed standard library, no package lock.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta

import pytest

from checker import FLOWS, all_paths
from checker.table import step_table
from checker.web import step_dict
from sitebuild.wheel import build_wheel, trimmed_stdlib, wheel_name
from tests.support.paths import ROOT

TODAY = date.today()
DATE_ANSWERS = ("2026-01-11", "2026-01-12", "2026-01-13", TODAY.isoformat(),
                (TODAY + timedelta(days=1)).isoformat(), "1999-12-31", "2000-01-01",
                "2026-02-30", "2026-13-01", "0000-01-01", "12/01/2026", "abc")
LOOKUP = """
import { readFileSync } from "node:fs";
await import(process.argv[1]);
const { table, cases, today } = JSON.parse(readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map((answers) => globalThis.checkerTable.lookup(table, answers, today))));
"""


def cases() -> list[dict[str, str]]:
    """Every prefix of every path; each path's date answer swapped for the boundary dates and
    for invalid ones, alone and with the answers after it."""
    date_facts = {flow.date_fact for flow in FLOWS.values() if flow.date_fact}
    found: dict[str, dict[str, str]] = {}
    for audience in FLOWS:
        for result in all_paths(audience):
            answers = [("audience", audience), *((f, str(result.answers[f])) for f in result.path)]
            variants = [answers]
            for at, (fact, _) in enumerate(answers):
                if fact in date_facts:
                    variants += [[*answers[:at], (fact, day), *answers[at + 1:]] for day in DATE_ANSWERS]
            for variant in variants:
                for end in range(len(variant) + 1):
                    found.setdefault(json.dumps(variant[:end]), dict(variant[:end]))
    return list(found.values())


@pytest.fixture(scope="module")
def table() -> dict[str, object]:
    return step_table()


def looked_up(table: dict[str, object], answers: list[dict[str, str]], today: str) -> list[object]:
    done = subprocess.run(
        ["node", "--input-type=module", "-e", LOOKUP, str(ROOT / "docs/assets/javascripts/checker-table.js")],
        input=json.dumps({"table": table, "cases": answers, "today": today}),
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_the_table_gives_pythons_step_for_every_answer(table: dict[str, object]) -> None:
    every = cases()
    shown = looked_up(table, every, TODAY.isoformat())
    assert len(every) > 1000
    for answers, from_table in zip(every, shown):
        on_host = step_dict({"answers": answers}, today=TODAY.isoformat())
        assert from_table is not None, answers
        assert from_table["step"] == on_host, answers


def test_invalid_dates_get_pythons_message(table: dict[str, object]) -> None:
    every = [case for case in cases() if any(case.get(f) in ("2026-02-30", "abc", "1999-12-31")
                                             for f in ("request_date", "asked_date"))]
    shown = looked_up(table, every, TODAY.isoformat())
    assert every
    for answers, from_table in zip(every, shown):
        assert from_table["step"]["status"] == "error"
        assert from_table["step"] == step_dict({"answers": answers}, today=TODAY.isoformat())


def test_answers_the_table_does_not_hold_are_left_to_python(table: dict[str, object]) -> None:
    odd = [{"audience": "nobody"}, {"audience": "therapist", "risk_now": "maybe"}]
    assert looked_up(table, odd, TODAY.isoformat()) == [None, None]


@pytest.mark.slow
def test_the_trimmed_runtime_gives_the_same_steps_letters_and_documents(tmp_path, table) -> None:  # type: ignore[no-untyped-def]
    wheel = tmp_path / wheel_name()
    wheel.write_bytes(build_wheel())
    stdlib = tmp_path / "python_stdlib.zip"
    stdlib.write_bytes(trimmed_stdlib(wheel.read_bytes())["zip"])
    (tmp_path / "table.json").write_text(json.dumps(table))
    every = cases()
    (tmp_path / "cases.json").write_text(json.dumps(every))
    done = subprocess.run(["node", str(ROOT / "tests/pyodide_parity.mjs"), str(wheel),
                           str(tmp_path / "cases.json"), TODAY.isoformat(), "-", str(tmp_path / "table.json"),
                           str(stdlib)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout)
    for answers, in_pyodide, from_table, letter in zip(every, shown["results"], shown["table"],
                                                       shown["letters"]):
        assert in_pyodide == step_dict({"answers": answers}, today=TODAY.isoformat()), answers
        assert from_table["step"] == in_pyodide, answers
        # The letter a browser without Python shows is the one Python drafts with no details.
        assert from_table["letter"] == letter, answers
    outcomes = [result for result in shown["results"] if result["status"] == "outcome"]
    assert outcomes and len(shown["docx"]) == sum(1 for text in shown["letters"] if text)
    assert all(size > 1000 for size in shown["docx"])
