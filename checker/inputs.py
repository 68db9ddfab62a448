"""Untrusted input: JSON read within fixed bounds, and text made safe to print on a terminal.

The command line's `--facts` and the page's requests both come through `parse_object`, so a
huge, deeply nested or malformed input gives the same clear FactError on the host and in
the browser, never an exception from deep inside the JSON decoder.
"""

from __future__ import annotations

import json
import re

from .model import FactError

#: The most input read, in bytes: the facts of the longest path are under 1 KiB.
MAX_INPUT_BYTES = 64 * 1024
#: Facts are one flat object; the page's requests nest objects two levels deep.
MAX_DEPTH = 20
#: Integers are never a valid value; longer ones are refused before Python converts them.
MAX_DIGITS = 100
#: The longest error line printed; a longer one keeps its start and its end.
MAX_LINE = 1000

# A string, or an unterminated one to the end: never a failed match, so one pass over the text.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def _depth(text: str) -> int:
    """How deep the brackets outside strings nest, counted without recursion."""
    depth = deepest = 0
    for bracket in _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _size_error(what: str) -> FactError:
    return FactError(what, f"longer than the limit of {MAX_INPUT_BYTES // 1024} KiB")


def parse_object(text: str, what: str) -> dict[str, object]:
    """A JSON object from untrusted text, or a FactError naming `what`."""
    if len(text) > MAX_INPUT_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise _size_error(what)
    if _depth(text) > MAX_DEPTH:
        raise FactError(what, f"nested more than {MAX_DEPTH} levels deep: give one flat JSON object")

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            raise FactError(what, f"has a number more than {MAX_DIGITS} digits long: "
                                  "values are words or dates, in quotes")
        return int(digits)

    try:
        parsed = json.loads(text, parse_int=integer)
    except json.JSONDecodeError as error:
        raise FactError(what, f"not valid JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(parsed, dict):
        raise FactError(what, "must be a JSON object of fact ids and values")
    return parsed


def read_text(path: str, what: str) -> str:
    """At most MAX_INPUT_BYTES of a UTF-8 file, so a device like /dev/zero ends the read."""
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        raise FactError(what, f"{quoted(path)} is neither JSON nor a readable file") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _size_error(what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FactError(what, f"{quoted(path)} is not UTF-8 text (byte {error.start + 1} "
                              "is not valid UTF-8)") from None


def quoted(text: str, limit: int = 60) -> str:
    """`text` in quotes with escapes, as repr() shows it, cut after `limit` characters."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def terminal_safe(line: str) -> str:
    """One line that cannot move the cursor, change colours or reorder text on a terminal.

    Every character that is not printable (controls, newlines, right-to-left marks, lone
    surrogates) is written as its Python escape, and a line longer than MAX_LINE keeps its
    start (the fact) and its end (the allowed values).
    """
    safe = "".join(char if char.isprintable() else repr(char)[1:-1] for char in line)
    if len(safe) > MAX_LINE:
        head = MAX_LINE // 3
        safe = f"{safe[:head]} … {safe[-(MAX_LINE - head):]}"
    return safe
