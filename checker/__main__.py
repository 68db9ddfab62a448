"""Command line: `python -m checker decide --audience therapist --facts '{"requester": "defence"}'`.

Prints one JSON object and exits 0; on bad input prints one line on stderr naming the fact
and exits 2. Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import FactError, decide


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"error: {message}\n")


def _load_facts(text: str) -> object:
    """`--facts` is a JSON object, or the path of a file holding one."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    try:
        text = Path(text).read_text(encoding="utf-8")
    except OSError:
        raise FactError("facts", f"{text!r} is neither JSON nor a readable file") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FactError("facts", f"not valid JSON ({error.msg} at line {error.lineno})") from None


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m checker", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    decide_command = commands.add_parser("decide", help="the next question or the outcome")
    decide_command.add_argument("--audience", required=True, help="therapist or survivor")
    decide_command.add_argument("--facts", default="{}", help="JSON object, or a file holding one")
    args = parser.parse_args(argv)
    try:
        facts = _load_facts(args.facts)
        if not isinstance(facts, dict):
            raise FactError("facts", "must be a JSON object of fact ids and values")
        result = decide(args.audience, facts)
    except FactError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_json()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
