"""Walks the decision model: validates facts, finds the next question or the outcome.

`decide` is the one entry point the command line, the browser and the build all use.
`all_paths` enumerates every path (for the golden list, the decision table and the
structural checks run at import).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from string import Template

from .flow import AUDIENCE, FLOWS, OUTCOMES, REGIMES, regime_on
from .meta import LAW_STATED_AS_AT, long_date
from .model import FactError, Facts, Flow, Inconsistency, Value
from .sources import SOURCES
from .texts import words

EARLIEST_DATE = date(2000, 1, 1)
_MESSAGES = words("messages")


def _say(group: str, name: str, **values: str) -> str:
    """One of the messages in docs/includes/checker/messages.toml, filled in."""
    return Template(_MESSAGES[group][name]).substitute(values)


@dataclass(frozen=True)
class Result:
    audience: str
    path: tuple[str, ...]  # the facts used, in the order asked
    question: str | None = None
    options: tuple[str, ...] = ()
    is_date: bool = False
    outcome: str | None = None
    regime: str | None = None
    flags: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    answers: Mapping[str, Value] = field(default_factory=dict)

    @property
    def notes(self) -> tuple[str, ...]:
        """The notes the page shows with the outcome: its flags, then its regime's note."""
        regime = next((r for r in REGIMES if r.id == self.regime), None)
        return self.flags + ((regime.note,) if regime and regime.note else ())

    def to_json(self) -> dict[str, object]:
        """The public shape, as the command line prints it (checker/web.py adds the page's parts)."""
        if self.outcome is None:
            shown: dict[str, object] = {
                "status": "question", "question": self.question, "options": list(self.options),
            }
            if self.is_date:
                shown["format"] = "YYYY-MM-DD"
            return shown
        return {
            "status": "outcome",
            "outcome": self.outcome,
            "regime": self.regime,
            "flags": list(self.flags),
            "citations": list(self.citations),
            "law_as_at": LAW_STATED_AS_AT.isoformat(),
        }


# --------------------------------------------------------------------------- input


def flow_for(audience: str) -> Flow:
    try:
        return FLOWS[audience]
    except KeyError:
        raise FactError(AUDIENCE.fact, _say("fact", "not_one_of", value=repr(audience),
                                            options=", ".join(AUDIENCE.options))) from None


def parse_date(fact: str, text: object, today: date) -> date:
    # Only YYYY-MM-DD in ASCII digits, checked here: date.fromisoformat also takes week
    # dates (2026-W03-1) and other ISO 8601 forms.
    parts = text.split("-") if isinstance(text, str) and len(text) == 10 else []
    if [len(part) for part in parts] != [4, 2, 2] or not all(p.isascii() and p.isdigit() for p in parts):
        shown = repr(text) if len(repr(text)) <= 40 else f"{repr(text)[:40]}…"
        raise FactError(fact, _say("date", "not_a_date", shown=shown))
    year, month, day_of_month = (int(part) for part in parts)
    # The date as people write it, where the month and year exist: "30 February 2026".
    written = text
    if 1 <= month <= 12 and year >= 1:
        written = f"{day_of_month} {date(2000, month, 1).strftime('%B')} {year}"
    try:
        day = date(year, month, day_of_month)
    except ValueError:
        raise FactError(fact, _say("date", "not_real", written=written)) from None
    if day > today:
        raise FactError(fact, _say("date", "future", written=written))
    if day < EARLIEST_DATE:
        raise FactError(fact, _say("date", "too_early", written=written, earliest=long_date(EARLIEST_DATE)))
    return day


def parse_facts(flow: Flow, raw: Mapping[str, object], today: date) -> dict[str, Value]:
    """Checks every given fact against the audience's table; returns typed values."""
    options = {side.fact: side.options for side in flow.side_questions}
    options.update({fact: q.options for fact, q in flow.questions.items()})
    facts: dict[str, Value] = {}
    for fact, value in raw.items():
        if fact not in options:
            raise FactError(fact, _say("fact", "unknown", audience=flow.audience,
                                       facts=", ".join(flow.facts)))
        if fact in flow.questions and flow.questions[fact].is_date:
            facts[fact] = parse_date(fact, value, today)
        elif value in options[fact]:
            facts[fact] = str(value)
        else:
            raise FactError(fact, _say("fact", "not_one_of", value=repr(value),
                                       options=", ".join(options[fact])))
    clash = first_inconsistency(flow, facts)
    if clash:
        raise FactError(", ".join(clash.facts), clash.message)
    return facts


def first_inconsistency(flow: Flow, facts: Facts) -> Inconsistency | None:
    return next((rule for rule in flow.inconsistencies if rule.applies(facts)), None)


# --------------------------------------------------------------------------- walk


def decide(
    audience: str,
    raw_facts: Mapping[str, object],
    *,
    today: date | None = None,
    ask_side_questions: bool = False,
) -> Result:
    """The next question, or the outcome, for these facts.

    Facts the path does not need are ignored (but must still be valid). With
    `ask_side_questions` (the page) the flow's side questions are asked too; without it
    (the command line) they are used when given and never demanded.
    """
    flow = flow_for(audience)
    facts = parse_facts(flow, raw_facts, today or date.today())
    path: list[str] = []

    def ask(fact: str) -> Result:
        question = flow.questions.get(fact)
        options = question.options if question else _side(flow, fact).options
        # Offer only answers that fit the ones already given.
        options = tuple(o for o in options if not first_inconsistency(flow, {**facts, fact: o}))
        return Result(audience, tuple(path), question=fact, options=options,
                      is_date=bool(question and question.is_date), answers=facts)

    if ask_side_questions:
        for side in flow.side_questions:
            if side.when == "first":
                if side.fact not in facts:
                    return ask(side.fact)
                path.append(side.fact)

    node = flow.start
    while node in flow.questions:
        if node in path:
            raise RuntimeError(f"{audience}: question {node} asked twice")
        if node not in facts:
            return ask(node)
        path.append(node)
        for side in flow.side_questions:
            if side.follows(node, facts):
                if side.fact in facts:
                    path.append(side.fact)
                elif ask_side_questions:
                    return ask(side.fact)
        node = flow.questions[node].route(facts)
    if node not in OUTCOMES or audience not in OUTCOMES[node].audiences:
        raise RuntimeError(f"{audience}: route leads to unknown node {node!r}")

    for side in flow.side_questions:
        if side.when == "before-outcome" and node not in side.skip_before:
            if side.fact not in facts and ask_side_questions:
                return ask(side.fact)
            if side.fact in facts:
                path.append(side.fact)
        elif side.when == "first" and side.fact in facts and not ask_side_questions:
            path.insert(0, side.fact)
    return _outcome(flow, node, tuple(path), facts)


def _side(flow: Flow, fact: str):  # type: ignore[no-untyped-def]
    return next(side for side in flow.side_questions if side.fact == fact)


def _outcome(flow: Flow, outcome_id: str, path: tuple[str, ...], facts: dict[str, Value]) -> Result:
    cites = list(OUTCOMES[outcome_id].cites)
    request_day = None
    regime = None
    if flow.date_fact in path:
        request_day = facts[flow.date_fact]  # type: ignore[index]
        assert isinstance(request_day, date)
        matched = regime_on(request_day)
        regime = matched.id
        cites += matched.cites
    flags: list[str] = []
    for fact in path:
        added = flow.flag_answers.get((fact, str(facts[fact])))
        if added:
            flags.append(added[0])
            cites += added[1]
    for side in flow.side_questions:
        if side.fact in path and facts[side.fact] in side.flag_on:
            flags.append(side.flag)
            cites += side.cites
    if request_day is not None:
        # Cite only sources in force on the day the request was made.
        cites = [c for c in cites if not (SOURCES[c].in_force and SOURCES[c].in_force > request_day)]
    unique_cites = tuple(dict.fromkeys(cites))
    return Result(flow.audience, path, outcome=outcome_id, regime=regime, flags=tuple(flags),
                  citations=unique_cites, answers=facts)


# --------------------------------------------------------------------------- paths


def sample_dates() -> tuple[date, ...]:
    """One date either side of every regime boundary: enough to reach every branch."""
    boundaries = sorted({r.valid_from for r in REGIMES if r.valid_from} |
                        {r.valid_to for r in REGIMES if r.valid_to})
    return tuple(itertools.chain.from_iterable((b - timedelta(days=1), b) for b in boundaries))


def all_paths(audience: str, *, ask_side_questions: bool = True,
              dates: tuple[date, ...] | None = None) -> Iterator[Result]:
    """Every path through the audience's flow, as outcome Results (depth first)."""
    day_choices = dates or sample_dates()
    today = max(day_choices + (LAW_STATED_AS_AT,))

    def walk(answers: dict[str, str]) -> Iterator[Result]:
        result = decide(audience, answers, today=today, ask_side_questions=ask_side_questions)
        if result.outcome is not None:
            yield result
            return
        assert result.question is not None
        choices = [d.isoformat() for d in day_choices] if result.is_date else result.options
        for choice in choices:
            yield from walk({**answers, result.question: choice})

    yield from walk({})


@functools.cache
def _citations_by_outcome() -> dict[str, tuple[str, ...]]:
    found: dict[str, dict[str, None]] = {}
    for audience in FLOWS:
        for result in all_paths(audience):
            found.setdefault(str(result.outcome), {}).update(dict.fromkeys(result.citations))
    return {outcome: tuple(cites) for outcome, cites in found.items()}


def citations_for(outcome_id: str) -> tuple[str, ...]:
    """Every source the outcome may cite, on any path and any date: its own, then those its
    regimes and flags add. A result cites the ones that apply to its answers."""
    return _citations_by_outcome()[outcome_id]


def check_structure() -> None:
    """Run at import: every question and outcome reachable, every citation resolves.

    Walking every path also proves there are no dead ends and no cycles (`decide` raises if
    a question comes round again or a route names an unknown node).
    """
    reached: set[str] = set()
    for audience, flow in FLOWS.items():
        for result in all_paths(audience):
            reached.update(result.path)
            reached.add(str(result.outcome))
        unreached = set(flow.facts) - reached
        if unreached:
            raise RuntimeError(f"{audience}: questions never asked: {sorted(unreached)}")
    unreached_outcomes = set(OUTCOMES) - reached
    if unreached_outcomes:
        raise RuntimeError(f"outcomes never reached: {sorted(unreached_outcomes)}")
    cited = {c for o in OUTCOMES.values() for c in o.cites}
    cited |= {c for r in REGIMES for c in r.cites}
    cited |= {c for f in FLOWS.values() for s in f.side_questions for c in s.cites}
    cited |= {c for f in FLOWS.values() for _, cites in f.flag_answers.values() for c in cites}
    missing = cited - set(SOURCES)
    if missing:
        raise RuntimeError(f"citations not in the sources registry: {sorted(missing)}")
    uncited = [o.id for o in OUTCOMES.values() if not o.cites]
    if uncited:
        raise RuntimeError(f"outcomes citing nothing: {uncited}")
