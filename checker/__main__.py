"""Command line: `python -m checker decide --audience therapist --facts '{"requester": "defence"}'`.

Prints one JSON object and exits 0; on bad input prints one line on stderr naming the fact
and exits 2, its control characters, line breaks and direction marks escaped. Never a
traceback. The facts are read within the bounds set in checker/inputs.py (size, nesting).
"""

from __future__ import annotations

import argparse
import json
import sys

from . import FactError, decide
from .inputs import MAX_INPUT_BYTES, parse_object, read_text, terminal_safe


def _fail(message: str) -> int:
    print(f"error: {terminal_safe(message)}", file=sys.stderr)
    return 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(_fail(message))


def _load_facts(argument: str) -> dict[str, object]:
    """`--facts` is a JSON object, or the path of a file holding one."""
    is_json = argument.lstrip().startswith(("{", "[", '"'))
    return parse_object(argument if is_json else read_text(argument, "facts"), "facts")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m checker", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    decide_command = commands.add_parser("decide", help="the next question or the outcome")
    decide_command.add_argument("--audience", required=True, help="therapist or survivor")
    decide_command.add_argument("--facts", default="{}", help=(
        f"JSON object, or a UTF-8 file holding one (at most {MAX_INPUT_BYTES // 1024} KiB)"))
    args = parser.parse_args(argv)
    try:
        result = decide(args.audience, _load_facts(args.facts))
    except FactError as error:
        return _fail(str(error))
    print(json.dumps(result.to_json()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
