"""The shapes the rules are written in: questions, outcomes, side questions, regimes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Union

Value = Union[str, date]
Facts = Mapping[str, Value]
Route = Callable[[Facts], str]


class FactError(ValueError):
    """Bad input: names the fact (or facts) at fault and what is allowed."""

    def __init__(self, fact: str, message: str) -> None:
        super().__init__(f"{fact}: {message}")
        self.fact = fact
        self.message = message


@dataclass(frozen=True)
class Question:
    """One fact the checker may ask for, and where each answer leads.

    `options` is empty for a date question. `route` returns the id of the next question
    (a snake_case fact id) or of an outcome (a kebab-case outcome id); it may read any fact
    asked earlier on the same path.
    """

    fact: str
    options: tuple[str, ...]
    route: Route
    is_date: bool = False


@dataclass(frozen=True)
class Outcome:
    id: str
    audiences: frozenset[str]
    cites: tuple[str, ...]


@dataclass(frozen=True)
class SideQuestion:
    """A question that never changes the outcome: it only adds a flag.

    The command line takes it when given and never demands it; the page asks it `first`
    (before the audience's first question), `before-outcome` (just before an outcome not in
    `skip_before`) or `after` (right after the answer `after`, a (fact, value) pair, is
    given). An answer in `flag_on` adds the flag.
    """

    fact: str
    flag: str
    cites: tuple[str, ...]
    when: str  # "first", "before-outcome" or "after"
    skip_before: frozenset[str] = frozenset()
    options: tuple[str, ...] = ("yes", "no")
    after: tuple[str, str] | None = None
    flag_on: frozenset[str] = frozenset({"yes"})

    def follows(self, fact: str, facts: Mapping[str, object]) -> bool:
        """Asked right after `fact`, given these answers."""
        return self.when == "after" and self.after == (fact, facts.get(fact))


@dataclass(frozen=True)
class Regime:
    """Which law governed a police request, by the date it was made: [valid_from, valid_to)."""

    id: str
    valid_from: date | None
    valid_to: date | None
    cites: tuple[str, ...]
    note: str | None = None  # the note (docs/includes/flags/<note>.md) a result under it shows

    def covers(self, day: date) -> bool:
        after_start = self.valid_from is None or day >= self.valid_from
        before_end = self.valid_to is None or day < self.valid_to
        return after_start and before_end


@dataclass(frozen=True)
class Inconsistency:
    """Two answers that cannot both be true."""

    facts: tuple[str, str]
    applies: Callable[[Facts], bool]
    message: str


@dataclass(frozen=True)
class Flow:
    audience: str
    start: str
    questions: Mapping[str, Question]
    side_questions: tuple[SideQuestion, ...]
    date_fact: str | None  # the fact that decides the regime
    flag_answers: Mapping[tuple[str, str], tuple[str, tuple[str, ...]]] = field(
        default_factory=dict
    )  # (fact, value) -> (flag, cites) for answers that add a flag on the main path
    inconsistencies: tuple[Inconsistency, ...] = ()

    @property
    def facts(self) -> tuple[str, ...]:
        side = tuple(side.fact for side in self.side_questions)
        return side + tuple(self.questions)
