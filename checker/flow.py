"""The decision model: questions, routing and outcomes for both audiences.

Routing only. Each choice that rests on the law names its basis in a comment; where the
law leaves a choice, or a point is our own reading (ANALYSIS), the decision and its reason sit next to
the rule. The legal sources behind each outcome are in `OUTCOMES` (ids from
`checker.sources`). Question and outcome wording lives in docs/includes/, not here.
"""

from __future__ import annotations

from datetime import date

from .model import Facts, Flow, Inconsistency, Outcome, Question, Regime, SideQuestion

YES_NO = ("yes", "no")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
GIVEN = ("yes", "no", "omitted-with-ground")

# --------------------------------------------------------------------------- regimes
# The regime follows the date the police request was made (our reading, ANALYSIS):
# Chapter 3A governs the making of a request, so it applies to requests made on or after the
# day it came into force (SI 2025/1168 reg 3) and does not reopen earlier ones. We found no
# transitional provision.
#: The day Chapter 3A came into force (SI 2025/1168 reg 3).
CHAPTER_3A = date(2026, 1, 12)
REGIMES = (
    Regime("before-chapter-3a", None, CHAPTER_3A, ("si-2025-1168-reg3", "cps-ptt-annex-b"),
           note="before-chapter-3a"),
    Regime("chapter-3a", CHAPTER_3A, None, ("si-2025-1168-reg3",)),
)


def regime_on(day: date) -> Regime:
    """The one regime in force on `day` (raises if the dated rules leave a gap or overlap)."""
    matching = [regime for regime in REGIMES if regime.covers(day)]
    if len(matching) != 1:
        raise LookupError(f"{len(matching)} regimes cover {day.isoformat()}")
    return matching[0]


def _is_chapter_3a(facts: Facts, date_fact: str) -> bool:
    day = facts[date_fact]
    assert isinstance(day, date)
    return regime_on(day).id == "chapter-3a"


# --------------------------------------------------------------------------- outcomes
THERAPIST, SURVIVOR = "therapist", "survivor"
_T, _S, _BOTH = frozenset({THERAPIST}), frozenset({SURVIVOR}), frozenset({THERAPIST, SURVIVOR})

_OUTCOMES = (
    Outcome("out-of-scope-scotland", _BOTH, ("vpa-2024-s80", "pcsc-s44e", "wf-petitioner-2016")),
    Outcome("out-of-scope-northern-ireland", _BOTH, ("vpa-2024-s80", "pcsc-s44e")),
    Outcome("other-requester", _T, ("pcsc-s44e", "dpa-2018-sch2-para2", "bacp-ef-gp55")),
    Outcome("verify-requester", _T, ("pcsc-s44e", "counselling-tutor-notes")),
    Outcome("client-asks", _T,
            ("uk-gdpr-art6", "uk-gdpr-art9", "uk-gdpr-art7-3", "uk-gdpr-art15", "bacp-ef-gp55")),
    Outcome("defence-no-power", _T, ("pcsc-s44e", "crimpr-2025-r17-5", "crimpr-2025-r17-9")),
    Outcome("prosecutor-via-investigator", _T, ("pcsc-s44e", "cps-ptt-annex-b")),
    Outcome("pace-excluded-material", _T, ("pace-s8", "pace-s9", "pace-s11-12", "pace-sch1")),
    Outcome("object-to-application", _T,
            ("crimpr-2025-r17-3", "crimpr-2025-r17-5", "crimpr-2025-r17-6", "crimpr-2025-r17-9",
             "cpawa-1965-s2", "mca-1980-s97", "reading-justices-1996", "tb-v-stafford")),
    Outcome("apply-to-withdraw-summons", _T,
            ("crimpr-2025-r17-7", "cpawa-1965-s2c", "cpawa-1965-s3", "mca-1980-s97")),
    Outcome("comply-with-summons", _T,
            ("cpawa-1965-s2", "cpawa-1965-s3", "crimpr-2025-r17-2", "dpa-2018-sch2-para5")),
    Outcome("ask-in-writing", _T, ("pcsc-s44c", "counselling-tutor-notes", "pcsc-s44b-4")),
    Outcome("not-a-victim-request", _T,
            ("pcsc-s44a-2", "uk-gdpr-art6", "uk-gdpr-art9", "dpa-2018-sch1-para10", "pace-s11-12",
             "pace-sch1", "bacp-ef-gp55")),
    Outcome("ask-for-missing-contents", _T, ("pcsc-s44c", "pcsc-s44a-3", "cps-ptt-annex-b", "pcsc-s44b-4")),
    Outcome("ask-to-narrow", _T, ("pcsc-s44a-3", "pcsc-s44a-4", "pcsc-s44d-2", "pcsc-s44c",
                                  "cps-ptt-annex-b", "pcsc-s44b-4")),
    Outcome("ask-about-counselling-test", _T,
            ("pcsc-s44a-4", "pcsc-s44d-2", "si-2025-1259-reg2", "vir-code-senior-sign-off",
             "ico-law-enforcement", "pcsc-s44b-4")),
    Outcome("get-advice-first", _T, ("pcsc-s44b-4", "pcsc-s44b-5", "ico-law-enforcement")),
    Outcome("share-with-consent", _T,
            ("uk-gdpr-art6", "uk-gdpr-art9", "uk-gdpr-art7-3", "ico-law-enforcement",
             "bacp-ef-gp55", "cps-ptt-annex-b")),
    Outcome("decline-and-preserve", _T,
            ("pcsc-s44e", "dpa-2018-sch2-para2", "dpa-2018-sch2-para5", "pace-s11-12",
             "cps-ptt-annex-b", "rape-crisis-kcc")),
    Outcome("do-not-disclose-yet", _T,
            ("uk-gdpr-art6", "uk-gdpr-art9", "dpa-2018-sch1-para10", "ico-law-enforcement",
             "bacp-ef-gp55")),
    Outcome("survivor-consent-choice", _S,
            ("pcsc-s44a-4", "pcsc-s44b", "pcsc-s44d-2", "uk-gdpr-art7-3",
             "vir-code-senior-sign-off", "rape-crisis-kcc")),
    Outcome("survivor-asked-before-2026", _S,
            ("si-2025-1168-reg3", "cps-ptt-annex-b", "ico-opinion-2022", "npcc-tpm-form-2023")),
    Outcome("survivor-notice-received", _S, ("pcsc-s44b", "pcsc-s44d-11", "vpa-2024-s5")),
    Outcome("survivor-no-notice", _S, ("pcsc-s44b", "pcsc-s44b-5")),
    Outcome("survivor-court", _S,
            ("crimpr-2025-r17-5", "crimpr-2025-r17-6", "crimpr-2025-r17-7", "crimpr-2025-r17-9",
             "tb-v-stafford", "ila-service-2026")),
    Outcome("survivor-therapy-any-time", _S, ("cps-ptt-principles", "pcsc-s44a-4", "bacp-ef-gp55")),
    Outcome("survivor-sharing-own-notes", _S, ("uk-gdpr-art7-3", "uk-gdpr-art15", "cps-ptt-annex-b")),
)
OUTCOMES: dict[str, Outcome] = {outcome.id: outcome for outcome in _OUTCOMES}

# --------------------------------------------------------------------------- therapist
# Therapists and counsellors, with these decisions:
# - The three s.44C contents are asked together before routing, so one reply can list
#   everything missing. s.44C(1)(a) can never be left out; (b) and (c) may be, with a
#   stated s.44C(2) ground (`omitted-with-ground` then counts as complete).
# - `counselling_service = unsure` is treated as yes: SI 2025/1259 reg 2 is deliberately
#   broad (written ministerial statement, 1 December 2025).
# - The contents and counselling-test checks apply only to requests made under Chapter 3A;
#   an earlier written request goes straight to the client questions.
# - Notice under s.44B exists only under Chapter 3A, so `notice_withheld_for_risk` is asked
#   only there. `unknown` is routed like `yes` (ANALYSIS): contacting a client whom police
#   chose not to notify for risk of serious harm could put them at risk, so ask the officer
#   and take advice first.
# - The client's age or capacity is asked before their knowledge or wishes: notice then
#   goes to a parent, guardian or other adult (s.44B(4)) and consent needs advice. The
#   client path asks it too: a child's or a pressed client's "consent" may not be freely
#   given (UK GDPR Arts 4(11), 7), and whose decision counts turns on Gillick competence.
# - Chapter 3A covers only information about someone the police believe is or may be a
#   victim, or at risk of being one (s.44A(2)), so `client_role` is asked before the
#   contents. `unsure` is routed like `victim-or-at-risk` (the protective reading).
# - A request for all the records describes what it wants, so s.44C(1)(a) is met; it is
#   narrowed on necessity and proportionality (s.44A(3)(c), (7)-(8)). A request that also
#   lacks a s.44C content goes to `ask-for-missing-contents`, whose one reply covers both.

_REQUESTER_ROUTES = {
    "police-england-wales": "received",
    "service-police": "received",  # s.44F: the same rules, anywhere in the UK
    "police-scotland": "out-of-scope-scotland",  # VPA 2024 s.80; not in the s.44E list
    "police-northern-ireland": "out-of-scope-northern-ireland",
    "prosecutor": "prosecutor-via-investigator",  # not an authorised person (s.44E)
    "defence": "defence-no-power",
    "court": "received",
    "client": "client_child_or_lacks_capacity",
    "other": "other-requester",
    "unknown": "verify-requester",
}


def _after_contents(facts: Facts) -> str:
    if "no" in (facts["what_specified"], facts["why_given"], facts["handling_given"]):
        return "ask-for-missing-contents"
    if facts["what_specified"] == "all-records":
        return "ask-to-narrow"
    if facts["counselling_service"] in ("yes", "unsure"):
        return "counselling_test_shown"
    return "client_child_or_lacks_capacity"


def _after_client_knows(facts: Facts) -> str:
    if facts["client_knows"] == "yes":
        return "client_wishes"
    if _is_chapter_3a(facts, "request_date"):
        return "notice_withheld_for_risk"
    return "client_wishes"


_THERAPIST_QUESTIONS = (
    Question("requester", tuple(_REQUESTER_ROUTES), lambda f: _REQUESTER_ROUTES[str(f["requester"])]),
    Question(
        "received",
        ("request", "summons-application", "summons-issued", "pace-order-or-warrant"),
        lambda f: {
            "request": "request_date",
            "summons-application": "object-to-application",  # CrimPR 2025 r.17.5-17.6
            "summons-issued": "heard_before_summons",
            "pace-order-or-warrant": "pace-excluded-material",  # PACE ss.8, 9, 11, 12, Sch 1
        }[str(f["received"])],
    ),
    Question(
        "heard_before_summons",
        YES_NO,
        # Only a summons issued after the holder could be heard leads to "produce".
        lambda f: "comply-with-summons" if f["heard_before_summons"] == "yes"
        else "apply-to-withdraw-summons",  # CrimPR 2025 r.17.7
    ),
    Question("request_date", (), lambda f: "in_writing", is_date=True),
    Question(
        "in_writing",
        YES_NO,
        lambda f: "ask-in-writing" if f["in_writing"] == "no"
        else "client_role" if _is_chapter_3a(f, "request_date")
        else "client_child_or_lacks_capacity",
    ),
    Question(
        "client_role",
        ("victim-or-at-risk", "suspect", "other-witness", "unsure"),
        lambda f: "not-a-victim-request" if f["client_role"] in ("suspect", "other-witness")
        else "counselling_service",  # s.44A(2)
    ),
    Question("counselling_service", ("yes", "no", "unsure"), lambda f: "what_specified"),
    Question("what_specified", ("yes", "no", "all-records"), lambda f: "why_given"),
    Question("why_given", GIVEN, lambda f: "handling_given"),
    Question("handling_given", GIVEN, _after_contents),
    Question(
        "counselling_test_shown",
        YES_NO,
        lambda f: "client_child_or_lacks_capacity" if f["counselling_test_shown"] == "yes"
        else "ask-about-counselling-test",  # s.44A(4), s.44D(2)
    ),
    Question(
        "client_child_or_lacks_capacity",
        YES_NO,
        lambda f: "get-advice-first" if f["client_child_or_lacks_capacity"] == "yes"
        else "client-asks" if f["requester"] == "client"
        else "client_knows",
    ),
    Question("client_knows", YES_NO_UNKNOWN, _after_client_knows),
    Question(
        "notice_withheld_for_risk",
        YES_NO_UNKNOWN,
        lambda f: "client_wishes" if f["notice_withheld_for_risk"] == "no" else "get-advice-first",
    ),
    Question(
        "client_wishes",
        ("consents", "refuses", "cannot-ask"),
        lambda f: {
            "consents": "share-with-consent",
            "refuses": "decline-and-preserve",
            "cannot-ask": "do-not-disclose-yet",
        }[str(f["client_wishes"])],
    ),
)

# Notes about someone's safety: a result shows them before anything else, its title included,
# on screen and in print (risk of serious harm now; a child, whose notice may go to a parent).
SAFETY_NOTES = frozenset({"safeguarding", "under-18"})

THERAPIST_FLOW = Flow(
    audience=THERAPIST,
    start="requester",
    questions={question.fact: question for question in _THERAPIST_QUESTIONS},
    # Brief A0 and section 10: ask about risk separately and early; it never changes the
    # evidence outcome.
    side_questions=(
        SideQuestion("risk_now", "safeguarding", ("dpa-2018-sch1-para18", "bacp-ef-gp10",
                                                  "csa-reporting-duty-2026"), when="first"),
        # Only police requests reach `received = request`. A witness summons needs proceedings
        # (CP(AW)A 1965 s.2, MCA 1980 s.97); PACE Sch 1's first set of conditions excludes
        # excluded material (para 2).
        SideQuestion("court_threatened", "court-order-threat",
                     ("cpawa-1965-s2", "mca-1980-s97", "pace-sch1", "crimpr-2025-r17-5"),
                     when="after", after=("received", "request")),
        # A client the court never heard can still apply to withdraw (CrimPR r.17.7(1)(c)).
        SideQuestion("client_heard_before_summons", "client-can-apply-to-withdraw",
                     ("crimpr-2025-r17-7",), when="after", after=("heard_before_summons", "yes"),
                     options=YES_NO_UNKNOWN, flag_on=frozenset({"no", "unknown"})),
    ),
    date_fact="request_date",
    flag_answers={("requester", "service-police"): ("service-police", ("pcsc-s44f",))},
    inconsistencies=(
        Inconsistency(
            ("requester", "received"),
            lambda f: f.get("requester") == "court" and f.get("received") == "request",
            "a court document is not a police request: choose summons-application, "
            "summons-issued or pace-order-or-warrant",
        ),
    ),
)

# --------------------------------------------------------------------------- survivor
# Survivors, with these decisions:
# - Every situation about a police request asks the date, so a pre-2026 request (when no
#   notice duty existed) gets the pre-2026 outcome whatever the situation.
# - A letter from the police about the request is written notice, so `notified-of-request`
#   does not ask `written_notice` (and `written_notice = no` with it is inconsistent).
# - `under_18` is asked just before any England and Wales outcome: it adds the flag that
#   shows under-18 text (s.44B(4): notice goes to a parent, guardian or other adult).

_SITUATION_ROUTES = {
    "asked-to-consent": "asked_date",
    "notified-of-request": "asked_date",
    "counsellor-told-me": "asked_date",
    "someone-else-told-me": "asked_date",  # an ISVA or support worker: as counsellor-told-me
    "court-application": "survivor-court",
    "worried-about-therapy": "survivor-therapy-any-time",
    "want-to-share": "survivor-sharing-own-notes",
}
_DATED_OUTCOMES = {
    "asked-to-consent": "survivor-consent-choice",
    "notified-of-request": "survivor-notice-received",
    "counsellor-told-me": "written_notice",
    "someone-else-told-me": "written_notice",
}


def _after_asked_date(facts: Facts) -> str:
    if not _is_chapter_3a(facts, "asked_date"):
        return "survivor-asked-before-2026"
    return _DATED_OUTCOMES[str(facts["situation"])]


_SURVIVOR_QUESTIONS = (
    Question(
        "where",
        ("england-wales", "service-police", "scotland", "northern-ireland"),
        lambda f: {
            "england-wales": "situation",
            "service-police": "situation",  # s.44F, VPA 2024 s.80(4)(b)
            "scotland": "out-of-scope-scotland",
            "northern-ireland": "out-of-scope-northern-ireland",
        }[str(f["where"])],
    ),
    Question("situation", tuple(_SITUATION_ROUTES), lambda f: _SITUATION_ROUTES[str(f["situation"])]),
    Question("asked_date", (), _after_asked_date, is_date=True),
    Question(
        "written_notice",
        YES_NO,
        lambda f: "survivor-notice-received" if f["written_notice"] == "yes"
        else "survivor-no-notice",  # s.44B(1), (3), (5)
    ),
)

SURVIVOR_FLOW = Flow(
    audience=SURVIVOR,
    start="where",
    questions={question.fact: question for question in _SURVIVOR_QUESTIONS},
    side_questions=(
        SideQuestion(
            "under_18", "under-18", ("pcsc-s44b-4",), when="before-outcome",
            skip_before=frozenset({"out-of-scope-scotland", "out-of-scope-northern-ireland"}),
        ),
    ),
    date_fact="asked_date",
    flag_answers={("where", "service-police"): ("service-police", ("pcsc-s44f",))},
    inconsistencies=(
        Inconsistency(
            ("situation", "written_notice"),
            lambda f: f.get("situation") == "notified-of-request" and f.get("written_notice") == "no",
            "a letter from the police about the request is written notice: "
            "written_notice cannot be no",
        ),
    ),
)

FLOWS: dict[str, Flow] = {flow.audience: flow for flow in (THERAPIST_FLOW, SURVIVOR_FLOW)}

# --------------------------------------------------------------------------- the root
# Who is asking picks the flow: the first question of every visit.
AUDIENCE = Question("audience", tuple(FLOWS), lambda f: FLOWS[str(f["audience"])].start)
