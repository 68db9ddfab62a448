"""Every step the page can take, as data: the page answers from it until Python has started.

`step_table` walks every reachable answer prefix through `checker.web.step_dict`, the
browser's own entry point, and returns what it gave, compactly:

- `nodes`: one per distinct step and what follows it, shared between identical subtrees.
  A node is [step, children] for a question (children: {answer: node} for a choice,
  [node per date class] for a date) or [step, letter] for an outcome (letter: an index
  into `letters`, or null when the outcome has no letter).
- `steps`: the distinct step results; `path` (and `dates`, where Python gives it) are
  filled in by the page from the answers it walked.
- Dates enter only through `bounds`, the days on which a regime starts or ends or a source
  comes into force: a date's class is how many bounds fall on or before it. A date Python
  refuses gets one of `date_messages` (docs/includes/checker/messages.toml, the words
  Python's checker.engine.parse_date fills in, in the order it checks); `months` spell a
  date as people write it.
- `letters`: each outcome's reply letter drafted with no details given, the request date
  as `date_token`, for a browser that cannot run Python.

tests/test_step_table.py proves the page's lookup (docs/assets/javascripts/checker-table.js)
gives what Python gives, on the host and inside Pyodide.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from .engine import EARLIEST_DATE
from .flow import REGIMES
from .meta import LAW_STATED_AS_AT, long_date
from .sources import SOURCES
from .texts import words
from .web import letter, step_dict

DATE_TOKEN = "{request_date}"


def date_bounds() -> list[date]:
    days = {r.valid_from for r in REGIMES} | {r.valid_to for r in REGIMES}
    days |= {s.in_force for s in SOURCES.values()}
    return sorted(day for day in days if day and day > EARLIEST_DATE)


def step_table() -> dict[str, object]:
    bounds = date_bounds()
    starts = [EARLIEST_DATE, *bounds]
    ends = [*bounds, None]
    walk_today = max([date.today(), LAW_STATED_AS_AT, *(s + timedelta(days=7) for s in starts)])
    steps: dict[str, int] = {}
    nodes: dict[str, int] = {}
    letters: dict[str, int] = {}

    def intern(table: dict[str, int], value: object) -> int:
        return table.setdefault(json.dumps(value, sort_keys=True, separators=(",", ":")), len(table))

    def days_in(cls: int) -> list[date]:
        end = ends[cls] or starts[cls] + timedelta(days=7)
        return [starts[cls] + timedelta(days=n) for n in range((end - starts[cls]).days)][:7]

    def letter_text(answers: dict[str, str], dated: tuple[str, int] | None) -> str | None:
        def drafted(given: dict[str, str]) -> str | None:
            reply = json.loads(letter(json.dumps({"answers": given, "details": {}}),
                                      today=walk_today.isoformat()))
            return reply["text"] if reply["status"] == "letter" else None

        if dated is None:
            return drafted(answers)
        fact, cls = dated
        texts = []
        for day in days_in(cls):  # the date's words, told apart from the same words elsewhere
            text = drafted({**answers, fact: day.isoformat()})
            texts.append(text and text.replace(long_date(day), DATE_TOKEN))
            if len(texts) > 1 and texts[-1] == texts[-2]:
                return texts[-1]
        raise RuntimeError(f"the letter for {answers} changes within a date class")

    def walk(answers: dict[str, str], dated: tuple[str, int] | None) -> int:
        shown = step_dict({"answers": answers}, today=walk_today.isoformat())
        if shown["status"] == "error":
            raise RuntimeError(f"a reachable answer gives an error: {answers}: {shown}")
        step = {**shown, "path": []}
        if "dates" in step:
            step["dates"] = {}
        node: list[object] = [intern(steps, step)]
        if shown["status"] == "outcome":
            text = letter_text(answers, dated)
            node.append(None if text is None else intern(letters, text))
        elif shown.get("kind") == "date":
            fact = str(shown["question"])
            node.append([walk({**answers, fact: starts[cls].isoformat()}, (fact, cls))
                         for cls in range(len(starts))])
        else:
            fact = str(shown["question"])
            node.append({str(option): walk({**answers, fact: str(option)}, dated)
                         for option in shown["options"]})  # type: ignore[union-attr]
        return intern(nodes, node)

    root = walk({}, None)
    return {
        "root": root,
        "nodes": [json.loads(key) for key in nodes],
        "steps": [json.loads(key) for key in steps],
        "letters": [json.loads(key) for key in letters],
        "bounds": [day.isoformat() for day in bounds],
        "earliest": EARLIEST_DATE.isoformat(),
        "date_messages": words("messages")["date"],
        "earliest_words": long_date(EARLIEST_DATE),
        "months": [date(2000, month, 1).strftime("%B") for month in range(1, 13)],
        "date_token": DATE_TOKEN,
    }
