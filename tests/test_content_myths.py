"""Known wrong claims never appear on the site, except where the myths page quotes them.

The claims come from the law brief (section 1.12, corrections to circulating material) and
from guidance written before the law changed on 12 January 2026.

Exemption, designed to be narrow: on docs/law/myths.md only, text inside
``<div class="myth" markdown> … </div>`` is the quoted claim being corrected and is removed
before checking. Nothing else is exempt, on that page or any other.

Some patterns also allow a negated or questioning use, because the correct statement needs
the same words ("you do not have to hand over notes", "Do I have to hand over my notes?").
A match is allowed when the same sentence has a negation (not, n't, never, no, nobody,
nothing) shortly before it, or when the sentence is a question. Patterns that are wrong
however they are used ("police warrant", "late 2025", "Part 7 Division 2", presumption of
"not relevant") allow neither.

The verbatim statutory copies in docs/includes/legislation/ are not our words and are not
checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LEGISLATION = DOCS / "includes" / "legislation"
MYTHS_PAGE = DOCS / "law" / "myths.md"

MYTH_BLOCK = re.compile(r'<div\s+class="myth"[^>]*>.*?</div>', re.S | re.I)
NEGATION = re.compile(r"\b(?:not|never|no|nobody|nothing|none|neither|nor)\b|n['’]t\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#+)\s)")


@dataclass(frozen=True)
class Claim:
    name: str
    pattern: re.Pattern
    allow_negated: bool = False
    allow_question: bool = False
    allow_if_sentence_has: re.Pattern | None = None  # e.g. a historical marker


def rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


HAND_OVER = r"hand(?:s|ing)?\s+(?:(?:the|your|their|client|clients|client's|counselling|therapy|these|those|all|any|them|notes|records|over|)\s+){0,3}?over\b"

CLAIMS = [
    Claim("police must first obtain consent", rx(r"\bmust\s+first\s+(?:obtain|get|seek|have|ask\s+for)\b[^.?!]{0,40}\bconsent")),
    Claim("police need your consent before asking", rx(r"\b(?:need|needs|require|requires|must\s+have)\s+(?:your|the\s+(?:client|victim|survivor)['’]s|their)\s+(?:written\s+)?consent\s+(?:first|before)"),
          allow_negated=True, allow_question=True),
    Claim("notes taken by police warrant", rx(r"\bpolice\s+warrants?\b")),
    Claim("presumption that notes are 'not relevant'", rx(r"\bpresum\w*\b[^.?!]{0,80}?\bnot\s+relevant\b|\bnot\s+relevant\b[^.?!]{0,60}?\bpresum\w*")),
    Claim("Criminal Procedure Rules 2020 as current", rx(r"\b(?:Criminal\s+Procedure\s+Rules\s+2020|Crim\s?PR\s+2020)\b"),
          allow_if_sentence_has=rx(r"revok|replac|supersed|\buntil\b|\bbefore\b|\bformer|\bprevious|\bold\b|\bolder\b|\bearlier\b")),
    Claim("NSW 'Part 7 Division 2'", rx(r"\bPart\s+7,?\s+Division\s+2\b")),
    Claim("commencement 'late 2025'", rx(r"\blate\s+2025\b")),
    Claim("must hand over", rx(r"\bmust\s+" + HAND_OVER), allow_negated=True, allow_question=True),
    Claim("have/has to hand over", rx(r"\b(?:have|has|had)\s+to\s+" + HAND_OVER), allow_negated=True, allow_question=True),
    Claim("required/obliged to hand over", rx(r"\b(?:required|obliged|compelled|bound)\s+to\s+" + HAND_OVER), allow_negated=True, allow_question=True),
    Claim("survivors should delay therapy", rx(r"\b(?:should|must|have\s+to|has\s+to|need\s+to|needs\s+to|ought\s+to|better\s+to)\s+(?:delay|postpone|put\s+off|wait\s+(?:for|until)\b[^.?!]{0,40}?\bbefore\s+(?:having|starting|getting))\b[^.?!]{0,20}?\b(?:therapy|counselling)?"),
          allow_negated=True, allow_question=True),
    Claim("the new law is 'the Australian model'", rx(r"\bAustralian\s+model\b|\balready\s+(?:being\s+)?used\s+in\s+Australia\b"),
          allow_negated=True, allow_question=True),
    Claim("chief inspector sign-off stated as law", rx(r"\bchief\s+inspector"),
          allow_question=True,
          allow_if_sentence_has=rx(r"report|announc|\bsaid\b|\bsays?\b|news|BBC|EVAW|campaign|\bcheck|not\s+in\s+the\s+(?:Act|statute|law)|no\s+rank|sets\s+no|not\s+(?:been\s+able\s+to\s+)?(?:seen|read)|cannot\s+say")),
]


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if LEGISLATION not in p.parents)


def strip_exempt(path: Path, text: str) -> str:
    if path.resolve() == MYTHS_PAGE.resolve():
        # Keep line structure so reported line numbers stay right.
        return MYTH_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return text


def clean(text: str) -> str:
    """Drop Markdown link targets, HTML comments and emphasis so they cannot hide or fake a claim."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = text.replace("*", "").replace("_", " ")
    return text


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end], and the offset of the match within it."""
    begin = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = SENTENCE_END.search(text, end)
    stop = m.start() + 1 if m else len(text)
    return text[begin:stop], start - begin


def violations(text: str) -> list[tuple[str, str]]:
    """(claim name, sentence) for every wrong claim found in text."""
    found = []
    text = clean(text)
    for claim in CLAIMS:
        for m in claim.pattern.finditer(text):
            sentence, offset = sentence_around(text, m.start(), m.end())
            before = sentence[max(0, offset - 40):offset]
            if claim.allow_negated and NEGATION.search(before):
                continue
            if claim.allow_question and sentence.rstrip().rstrip("\"”’')]").rstrip().endswith("?"):
                continue
            if claim.allow_if_sentence_has and claim.allow_if_sentence_has.search(sentence):
                continue
            found.append((claim.name, " ".join(sentence.split())))
    return found


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_known_wrong_claims(page: Path):
    text = strip_exempt(page, page.read_text(encoding="utf-8"))
    found = violations(text)
    assert not found, f"{page.relative_to(DOCS)}: " + " | ".join(f"[{n}] {s}" for n, s in found)


# The checks can fail: every wrong claim is caught, and the allowed forms are not.
WRONG = [
    "The police must first obtain your consent before viewing notes.",
    "Police must first get your consent.",
    "Officers need your consent before they ask.",
    "Notes can be taken by police warrant.",
    "The code sets a presumption that counselling notes are not relevant.",
    "Notes are not relevant, on the statutory presumption.",
    "Witness summonses are governed by the Criminal Procedure Rules 2020, Part 17.",
    "See CrimPR 2020 Part 17.",
    "The NSW privilege is in Part 7 Division 2 of the Criminal Procedure Act 1986.",
    "The law is expected to come into force in late 2025.",
    "If the police ask, you must hand over the notes.",
    "Counsellors have to hand over notes when asked.",
    "A therapist has to hand them over.",
    "You are required to hand over your client's records.",
    "Survivors should delay therapy until the trial is over.",
    "You need to postpone counselling.",
    "The new law is the Australian model.",
    "This is already being used in Australia.",
    "Requests must be signed off by a chief inspector.",
]

ALLOWED = [
    "You do not have to hand over notes just because the police ask.",
    "Do I have to hand over my notes?",
    "Nobody is required to hand over records on request.",
    "You never need to delay therapy.",
    "Before 6 October 2025, the rules were in the Criminal Procedure Rules 2020.",
    "The CrimPR 2020 were revoked.",
    "It is reported that requests must be cleared at chief inspector level.",
    "The presumption is that a request is not necessary and proportionate.",
    "It is not the Australian model.",
    "The law does not require your consent before the police ask.",
]


@pytest.mark.parametrize("text", WRONG)
def test_wrong_claim_is_caught(text: str):
    assert violations(text), f"not caught: {text!r}"


@pytest.mark.parametrize("text", ALLOWED)
def test_correct_statement_is_allowed(text: str):
    assert not violations(text), f"wrongly flagged: {text!r} -> {violations(text)}"


def test_myth_block_exemption_only_on_the_myths_page():
    block = '<div class="myth" markdown>\n**The claim:** "Notes can be taken by police warrant."\n</div>\n'
    assert not violations(strip_exempt(MYTHS_PAGE, block))
    other = DOCS / "therapists" / "index.md"
    assert violations(strip_exempt(other, block)), "myth blocks must not be exempt on other pages"
    # Text after the block on the myths page is still checked.
    assert violations(strip_exempt(MYTHS_PAGE, block + "\nNotes can be taken by police warrant.\n"))


MYTH_IDS = [
    "police-need-consent",
    "police-warrant",
    "must-hand-over",
    "delay-therapy",
    "not-relevant-presumption",
    "australian-model",
    "crimpr-2020",
    "nsw-part-7-division-2",
    "chief-inspector-in-the-act",
    "late-2025",
]


def test_myths_page_has_each_myth_with_its_own_id_and_quoted_claim():
    text = MYTHS_PAGE.read_text(encoding="utf-8")
    for myth_id in MYTH_IDS:
        assert re.search(r"^##\s.+\{#" + re.escape(myth_id) + r"\}\s*$", text, re.M), f"no heading {{#{myth_id}}}"
    sections = re.split(r"^##\s", text, flags=re.M)[1:]
    for section in sections:
        heading = section.splitlines()[0]
        assert MYTH_BLOCK.search(section), f"myth section without a quoted claim block: {heading}"
        quoted = " ".join(m.group(0) for m in MYTH_BLOCK.finditer(section))
        assert violations(quoted) or "claim" in quoted.lower(), heading
