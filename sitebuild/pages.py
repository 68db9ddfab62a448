"""The generated parts of pages, each rendered from a Jinja template in overrides/partials/checker/.

Each renderer takes the theme's Jinja environment and returns Markdown (with HTML blocks)
for the page to carry in place of its marker. The words are in the templates and in
docs/includes/; this module gathers the data from the rules.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from jinja2 import Environment

from checker import (
    CHAPTER_3A,
    FLOWS,
    LAW_STATED_AS_AT,
    OUTCOMES,
    REGIMES,
    SOURCES,
    all_paths,
    citations_for,
    decide,
    long_date,
)
from checker.flow import AUDIENCE, SAFETY_NOTES, THERAPIST, regime_on
from checker.letters import DETAILS, LETTERS, NO_LETTER, offered, template

from .paths import DOCS, INCLUDES
from .texts import demote, flag_text, outcome_text, question_text, split_title


def _render(env: Environment, name: str, **context: object) -> str:
    return env.get_template(f"partials/checker/{name}.html").render(**context).strip()


# --------------------------------------------------------------------------- shared parts


def source_rows(source_ids) -> list[object]:  # type: ignore[no-untyped-def]
    return [SOURCES[source_id] for source_id in source_ids]


def flag_names() -> list[str]:
    """Every note a result can carry: the flags of answers and the notes of regimes."""
    names = {side.flag for flow in FLOWS.values() for side in flow.side_questions}
    names |= {flag for flow in FLOWS.values() for flag, _ in flow.flag_answers.values()}
    names |= {regime.note for regime in REGIMES if regime.note}
    return sorted(names)


def flags(prefix: str, levels: int) -> list[dict[str, str]]:
    shown = []
    for name in flag_names():
        title, body = flag_text(name)
        shown.append({"name": name, "title": title, "body": demote(body, f"{prefix}-{name}", levels),
                      "first": name in SAFETY_NOTES})
    return shown


# --------------------------------------------------------------------------- the checker


def all_questions() -> dict[str, tuple[str, ...]]:
    """Every question the page can ask, with its options (empty for a date)."""
    questions: dict[str, tuple[str, ...]] = {AUDIENCE.fact: AUDIENCE.options}
    for flow in FLOWS.values():
        for side in flow.side_questions:
            questions[side.fact] = side.options
        for fact, question in flow.questions.items():
            questions[fact] = question.options
    return questions


def question(fact: str, options: tuple[str, ...], first: bool) -> dict[str, object]:
    """A question's words, checked against the options the rules give it."""
    text = question_text(fact)
    if set(text.labels) != set(options):
        raise ValueError(f"questions/{fact}.md: options {sorted(text.labels)} != rules {sorted(options)}")
    # The first question of each audience is known at build time, so it shows at once.
    nexts = {audience: str(decide(audience, {}, ask_side_questions=True).question)
             for audience in FLOWS} if first else {}
    return {
        "fact": fact, "title": text.title, "help": text.help, "first": first,
        "options": [{"value": value, "label": text.labels[value], "next": nexts.get(value)}
                    for value in options],
    }


def letters_ruled_out() -> set[str]:
    """The letter outcomes that some answers reach with their letter ruled out
    (letters.toml, [no_letter]): there the page says why instead."""
    return {result.outcome for audience in FLOWS for result in all_paths(audience)
            if result.outcome in LETTERS and not offered(result)}


def letter(outcome_id: str, ruled_out: bool) -> dict[str, object]:
    text = template(outcome_id)
    return {
        "kind": "written response" if outcome_id == "object-to-application" else "letter or email",
        "details": [{"key": key, "label": label.capitalize()}
                    for key, label in DETAILS.items() if f"${key}" in text],
        "none": NO_LETTER if ruled_out else None,
    }


def panel(outcome_id: str, ruled_out: set[str]) -> dict[str, object]:
    text = outcome_text(outcome_id)
    return {
        "id": outcome_id, "title": text.title, "before": demote(text.before, f"c-{outcome_id}"),
        "sample": text.sample, "after": demote(text.after, f"c-{outcome_id}"),
        "letter": letter(outcome_id, outcome_id in ruled_out) if outcome_id in LETTERS else None,
        "sources": source_rows(citations_for(outcome_id)),
        "record": THERAPIST in OUTCOMES[outcome_id].audiences,
    }


def checker_app(env: Environment) -> str:
    questions = [question(fact, options, first=index == 0)
                 for index, (fact, options) in enumerate(all_questions().items())]
    ruled_out = letters_ruled_out()
    return _render(
        env, "app",
        questions=questions,
        outcomes=[panel(outcome_id, ruled_out) for outcome_id in OUTCOMES],
        flags=flags("c", 2),
        law_stated_as_at=long_date(LAW_STATED_AS_AT),
        example_numbers=f"{CHAPTER_3A.day} {CHAPTER_3A.month} {CHAPTER_3A.year}",
    )


# --------------------------------------------------------------------------- reference pages


_GROUPS = (
    ("for-therapists", lambda o: o.audiences == {"therapist"}),
    ("for-survivors", lambda o: o.audiences == {"survivor"}),
    ("outside-england-and-wales", lambda o: len(o.audiences) > 1),
)


def checker_outcomes(env: Environment) -> str:
    groups = []
    for group_id, belongs in _GROUPS:
        outcomes = []
        for outcome in (o for o in OUTCOMES.values() if belongs(o)):
            text = outcome_text(outcome.id)
            outcomes.append({"id": outcome.id, "title": text.title, "summary": text.summary,
                             "body": demote(text.body, outcome.id, levels=2),
                             "sources": source_rows(citations_for(outcome.id))})
        groups.append({"id": group_id, "outcomes": outcomes})
    return _render(env, "outcomes-page", groups=groups, flags=flags("flag", 2))


def checker_decision_table(env: Environment) -> str:
    """Every question, each answer, and where it leads (read from all paths), by question in
    the order the paths first ask them."""
    tables = []
    for audience in FLOWS:
        leads: dict[tuple[str, str], dict[str, None]] = {}
        for result in all_paths(audience, ask_side_questions=False):
            steps = list(result.path) + [str(result.outcome)]
            for fact, following in zip(result.path, steps[1:]):
                value = result.answers[fact]
                shown = regime_on(value).id if isinstance(value, date) else str(value)
                leads.setdefault((fact, shown), {})[following] = None
        questions: dict[str, dict[str, Any]] = {}
        for (fact, shown), nexts in leads.items():
            text = question_text(fact)
            regime = next((r for r in REGIMES if r.id == shown), None)
            targets = [
                {"outcome": True, "id": target, "title": outcome_text(target).title} if target in OUTCOMES
                else {"outcome": False, "id": target, "title": question_text(target).title}
                for target in nexts
            ]
            questions.setdefault(fact, {"fact": fact, "title": text.title, "answers": []})["answers"].append({
                "label": text.labels.get(shown, shown),
                "regime": regime and {"valid_from": regime.valid_from and long_date(regime.valid_from),
                                      "valid_to": regime.valid_to and long_date(regime.valid_to)},
                "targets": targets,
            })
        tables.append({"audience": audience, "questions": list(questions.values())})
    return _render(env, "decision-table", tables=tables)


def checker_sources(env: Environment) -> str:
    """The one list of sources, from the registry the checker cites."""
    sources = [{"id": s.id, "title": s.title, "url": s.url, "pinpoint": s.pinpoint, "status": s.status,
                "in_force": s.in_force and long_date(s.in_force)}
               for s in sorted(SOURCES.values(), key=lambda s: s.title)]
    return _render(env, "sources-page", sources=sources)


def anchor_source(anchor: str) -> tuple[str, str]:
    """`survivors/court/#x` -> (`survivors/court.md`, `x`): the Markdown file that publishes it."""
    url, _, fragment = anchor.partition("#")
    stem = url.strip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md"):
        if (DOCS / candidate).exists():
            return candidate, fragment
    raise FileNotFoundError(f"published anchor {anchor!r}: no page docs/{stem}.md")


_INCLUDE = re.compile(r"\{!\s*(.+?)\s*!\}")
# A heading with an id in its attribute list: `## Title {#id}`, `## Title { #id .class }`.
_HEADING_ID = re.compile(r"^#{1,6}\s+(.+?)\s*\{:?[^{}\n]*?(?<![\w/])#([A-Za-z][\w-]*)[^{}\n]*\}\s*$",
                         re.MULTILINE)


def with_includes(text: str) -> str:
    """A page's Markdown with its `{!file!}` includes read in, as the build reads them."""
    return _INCLUDE.sub(lambda m: with_includes((INCLUDES / m.group(1)).read_text(encoding="utf-8")), text)


def page_headings(source: str) -> tuple[str, dict[str, str]]:
    """A page's `# Title` and the title of each heading with an id (includes read in)."""
    text = with_includes((DOCS / source).read_text(encoding="utf-8"))
    title, _ = split_title(text, source)
    return title, {match.group(2): match.group(1) for match in _HEADING_ID.finditer(text)}


def site_published_anchors(env: Environment) -> str:
    """The links campaigners can cite: every outcome of the checker in the order of its page, then
    each page's sections from docs/includes/published-anchors.txt, under the page's title."""
    outcomes_page = "checker/outcomes/"
    pages: dict[str, tuple[str, dict[str, str]]] = {}  # source -> (page title, heading titles)
    links: dict[str, list[dict[str, str]]] = {}  # source -> its published sections
    for line in (INCLUDES / "published-anchors.txt").read_text(encoding="utf-8").split():
        url, _, fragment = line.partition("#")
        if url == outcomes_page:
            if fragment not in OUTCOMES:
                raise ValueError(f"published anchor {line!r}: no outcome {fragment!r}")
            continue  # every outcome is listed below, with its title
        source, _ = anchor_source(line)
        if source not in pages:
            pages[source] = page_headings(source)
        headings = pages[source][1]
        if fragment not in headings:
            raise ValueError(f"published anchor {line!r}: no heading with id {fragment!r} in docs/{source}")
        links.setdefault(source, []).append({"url": line, "source": source, "fragment": fragment,
                                             "title": headings[fragment]})
    outcomes = [{"url": f"{outcomes_page}#{outcome.id}", "source": "checker/outcomes.md",
                 "fragment": outcome.id, "title": outcome_text(outcome.id).title}
                for _, belongs in _GROUPS for outcome in OUTCOMES.values() if belongs(outcome)]
    groups = [{"title": title, "links": links[source]} for source, (title, _) in pages.items()]
    return _render(env, "published-anchors", outcomes=outcomes, groups=groups)
