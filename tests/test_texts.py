"""Every text file under docs/includes/ that the rules name exists, and none is left over.

Ids are the contract between the rules and the words: an outcome's folder, its letter, a
flag's note and a question's file are found by id, so a missing one fails here and an
orphan (a file the rules never reach) fails too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import OUTCOMES
from checker.letters import LETTERS, sample
from sitebuild import pages
from sitebuild.paths import INCLUDES
from sitebuild.texts import LETTER_MARKER, outcome_text


def names(folder: str, pattern: str) -> set[str]:
    return {path.stem for path in (INCLUDES / folder).glob(pattern)}


def test_each_outcome_has_one_folder_and_each_folder_an_outcome() -> None:
    folders = {path.name for path in (INCLUDES / "outcomes").iterdir() if path.is_dir()}
    assert folders == set(OUTCOMES)
    assert not list((INCLUDES / "outcomes").glob("*.md")), "outcome texts live in outcomes/<id>/"
    assert all((INCLUDES / "outcomes" / outcome / "outcome.md").is_file() for outcome in OUTCOMES)


def test_every_file_in_an_outcome_folder_is_one_the_build_reads() -> None:
    files = {path.relative_to(INCLUDES / "outcomes").as_posix()
             for path in (INCLUDES / "outcomes").rglob("*") if path.is_file()}
    expected = {f"{o}/outcome.md" for o in OUTCOMES} | {f"{o}/letter.txt" for o in LETTERS}
    assert files == expected


def test_each_flag_a_result_can_carry_has_a_note_and_no_note_is_orphaned() -> None:
    assert names("flags", "*.md") == set(pages.flag_names())


def test_each_question_has_a_text_and_no_text_is_orphaned() -> None:
    assert names("questions", "*.md") == set(pages.all_questions())


@pytest.mark.parametrize("outcome_id", LETTERS)
def test_what_to_say_on_the_page_is_the_letter(outcome_id: str) -> None:
    text = outcome_text(outcome_id)
    assert LETTER_MARKER not in text.body
    what_to_say = text.body.split("## What to say", 1)[1].split("\n## ", 1)[0]
    quoted = "\n".join(line[2:] for line in what_to_say.splitlines() if line.startswith("> "))
    assert quoted.split() == sample(outcome_id).split()


def test_a_letter_without_its_marker_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitebuild import texts

    folder = tmp_path / "outcomes" / LETTERS[0]
    folder.mkdir(parents=True)
    original = (INCLUDES / "outcomes" / LETTERS[0] / "outcome.md").read_text(encoding="utf-8")
    (folder / "outcome.md").write_text(original.replace(LETTER_MARKER, "> typed again"))
    monkeypatch.setattr(texts, "INCLUDES", tmp_path)
    with pytest.raises(ValueError, match="marker"):
        texts.outcome_text(LETTERS[0])
