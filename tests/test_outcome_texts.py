"""The outcome texts: only a summons issued after a hearing ever says records must be produced."""

from __future__ import annotations

import re

import pytest

from checker import OUTCOMES
from checker.letters import LETTERS
from tests.support.markdown import expand_includes, reader_text
from tests.support.paths import ROOT

TEXTS = ROOT / "docs" / "includes" / "outcomes"
COMPULSION = re.compile(
    r"\b(must|have to|has to|required to|obliged to|need to)\s+(hand|give|produce|send|provide|"
    r"disclose|share)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(not|never|no|don't|doesn't|cannot|nothing)\b", re.IGNORECASE)
HYPOTHETICAL = re.compile(r"\b(might|may|could|would)\s+(have|need) to\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n[-*\d]", text) if s.strip()]


def compelling(text: str) -> list[str]:
    return [s for s in sentences(text)
            if COMPULSION.search(s) and not NEGATION.search(s) and not HYPOTHETICAL.search(s)]


@pytest.mark.parametrize("outcome_id", sorted(OUTCOMES))
def test_only_comply_with_summons_says_records_must_be_produced(outcome_id: str) -> None:
    text = (TEXTS / outcome_id / "outcome.md").read_text(encoding="utf-8")
    if outcome_id in LETTERS:
        text += "\n\n" + (TEXTS / outcome_id / "letter.txt").read_text(encoding="utf-8")
    found = compelling(text)
    if outcome_id == "comply-with-summons":
        assert found, "the summons outcome must say what has to be produced, and to whom"
        assert "court" in " ".join(found).lower()
    else:
        assert not found, found


def test_the_check_catches_a_compelling_sentence() -> None:
    assert compelling("You must hand over the notes. Share only what is asked.") == [
        "You must hand over the notes."]
    assert compelling("You do not have to hand over the notes.") == []
    assert compelling("Ask when they might have to share them.") == []


@pytest.mark.parametrize("outcome_id", sorted(OUTCOMES))
def test_each_outcome_text_has_the_four_parts(outcome_id: str) -> None:
    text = (TEXTS / outcome_id / "outcome.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == ["What this means", "What to do now", "What to say", "Who can help"]


@pytest.mark.parametrize("outcome_id", sorted(OUTCOMES))
def test_outcome_texts_are_plain_enough_for_their_readers(
        outcome_id: str, record_property: pytest.RecordProperty) -> None:
    """Survivor outcomes at about reading age 9 (Flesch 60+), therapist ones 45+."""
    import textstat

    text = reader_text(expand_includes((TEXTS / outcome_id / "outcome.md").read_text(encoding="utf-8")))
    score = textstat.flesch_reading_ease(text)
    record_property("flesch_reading_ease", score)
    minimum = 45 if OUTCOMES[outcome_id].audiences == {"therapist"} else 60
    assert score >= minimum, f"{outcome_id}: Flesch {score:.1f} < {minimum}"
