"""The decision model, question by question (every option), plus dates and invariants."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import FLOWS, OUTCOMES, REGIMES, SOURCES, FactError, all_paths, decide
from checker.flow import regime_on
from tests.support.paths import INCLUDES

TODAY = date(2026, 12, 1)
POLICE_WRITTEN = {"requester": "police-england-wales", "received": "request",
                  "request_date": "2026-03-02", "in_writing": "yes", "client_role": "victim-or-at-risk"}
COMPLETE = {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "yes",
            "why_given": "yes", "handling_given": "yes", "counselling_test_shown": "yes"}
CLIENT = {**COMPLETE, "client_child_or_lacks_capacity": "no"}


def next_step(audience: str, given: dict[str, str], fact: str, answer: str) -> str:
    result = decide(audience, {**given, fact: answer}, today=TODAY)
    assert result.question != fact, "the answer was not taken"
    return result.question or str(result.outcome)


# (audience, earlier answers, question, {answer: next question or outcome})
NODES = [
    ("therapist", {}, "requester", {
        "police-england-wales": "received", "service-police": "received", "court": "received",
        "police-scotland": "out-of-scope-scotland",
        "police-northern-ireland": "out-of-scope-northern-ireland",
        "prosecutor": "prosecutor-via-investigator", "defence": "defence-no-power",
        "client": "client_child_or_lacks_capacity", "other": "other-requester",
        "unknown": "verify-requester"}),
    ("therapist", {"requester": "client"}, "client_child_or_lacks_capacity", {
        "yes": "get-advice-first", "no": "client-asks"}),
    ("therapist", {"requester": "police-england-wales"}, "received", {
        "request": "request_date", "summons-application": "object-to-application",
        "summons-issued": "heard_before_summons", "pace-order-or-warrant": "pace-excluded-material"}),
    ("therapist", {"requester": "court"}, "received", {
        "summons-application": "object-to-application",
        "summons-issued": "heard_before_summons", "pace-order-or-warrant": "pace-excluded-material"}),
    ("therapist", {"requester": "court", "received": "summons-issued"}, "heard_before_summons", {
        "yes": "comply-with-summons", "no": "apply-to-withdraw-summons"}),
    ("therapist", {"requester": "police-england-wales", "received": "request"}, "request_date", {
        "2026-01-11": "in_writing", "2026-01-12": "in_writing"}),
    ("therapist", {"requester": "police-england-wales", "received": "request",
                   "request_date": "2026-01-12"}, "in_writing", {
        "yes": "client_role", "no": "ask-in-writing"}),
    ("therapist", {k: v for k, v in POLICE_WRITTEN.items() if k != "client_role"}, "client_role", {
        "victim-or-at-risk": "counselling_service", "unsure": "counselling_service",
        "suspect": "not-a-victim-request", "other-witness": "not-a-victim-request"}),
    ("therapist", {"requester": "service-police", "received": "request",
                   "request_date": "2026-01-11"}, "in_writing", {
        "yes": "client_child_or_lacks_capacity", "no": "ask-in-writing"}),
    ("therapist", POLICE_WRITTEN, "counselling_service", {
        "yes": "what_specified", "no": "what_specified", "unsure": "what_specified"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "yes"}, "what_specified", {
        "yes": "why_given", "no": "why_given", "all-records": "why_given"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "yes"},
     "why_given", {"yes": "handling_given", "no": "handling_given",
                   "omitted-with-ground": "handling_given"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "yes",
                   "why_given": "yes"}, "handling_given", {
        "yes": "counselling_test_shown", "omitted-with-ground": "counselling_test_shown",
        "no": "ask-for-missing-contents"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "no", "what_specified": "yes",
                   "why_given": "omitted-with-ground"}, "handling_given", {
        "yes": "client_child_or_lacks_capacity", "no": "ask-for-missing-contents"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "unsure", "what_specified": "no",
                   "why_given": "yes"}, "handling_given", {
        "yes": "ask-for-missing-contents", "omitted-with-ground": "ask-for-missing-contents"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "all-records",
                   "why_given": "yes"}, "handling_given", {
        "yes": "ask-to-narrow", "omitted-with-ground": "ask-to-narrow",
        "no": "ask-for-missing-contents"}),
    ("therapist", {**POLICE_WRITTEN, "counselling_service": "unsure", "what_specified": "yes",
                   "why_given": "no"}, "handling_given", {"yes": "ask-for-missing-contents"}),
    ("therapist", {k: v for k, v in COMPLETE.items() if k != "counselling_test_shown"},
     "counselling_test_shown", {"yes": "client_child_or_lacks_capacity",
                                "no": "ask-about-counselling-test"}),
    ("therapist", COMPLETE, "client_child_or_lacks_capacity", {
        "yes": "get-advice-first", "no": "client_knows"}),
    ("therapist", CLIENT, "client_knows", {
        "yes": "client_wishes", "no": "notice_withheld_for_risk",
        "unknown": "notice_withheld_for_risk"}),
    ("therapist", {**POLICE_WRITTEN, "request_date": "2025-06-01",
                   "client_child_or_lacks_capacity": "no"}, "client_knows", {
        "yes": "client_wishes", "no": "client_wishes", "unknown": "client_wishes"}),
    ("therapist", {**CLIENT, "client_knows": "no"}, "notice_withheld_for_risk", {
        "yes": "get-advice-first", "unknown": "get-advice-first", "no": "client_wishes"}),
    ("therapist", {**CLIENT, "client_knows": "yes"}, "client_wishes", {
        "consents": "share-with-consent", "refuses": "decline-and-preserve",
        "cannot-ask": "do-not-disclose-yet"}),
    ("survivor", {}, "where", {
        "england-wales": "situation", "service-police": "situation",
        "scotland": "out-of-scope-scotland", "northern-ireland": "out-of-scope-northern-ireland"}),
    ("survivor", {"where": "england-wales"}, "situation", {
        "asked-to-consent": "asked_date", "notified-of-request": "asked_date",
        "counsellor-told-me": "asked_date", "someone-else-told-me": "asked_date",
        "court-application": "survivor-court",
        "worried-about-therapy": "survivor-therapy-any-time",
        "want-to-share": "survivor-sharing-own-notes"}),
    ("survivor", {"where": "england-wales", "situation": "asked-to-consent"}, "asked_date", {
        "2026-01-11": "survivor-asked-before-2026", "2026-01-12": "survivor-consent-choice",
        "2026-01-13": "survivor-consent-choice"}),
    ("survivor", {"where": "england-wales", "situation": "notified-of-request"}, "asked_date", {
        "2026-01-11": "survivor-asked-before-2026", "2026-01-12": "survivor-notice-received"}),
    ("survivor", {"where": "england-wales", "situation": "counsellor-told-me"}, "asked_date", {
        "2025-12-31": "survivor-asked-before-2026", "2026-01-12": "written_notice"}),
    ("survivor", {"where": "england-wales", "situation": "counsellor-told-me",
                  "asked_date": "2026-02-01"}, "written_notice", {
        "yes": "survivor-notice-received", "no": "survivor-no-notice"}),
    ("survivor", {"where": "england-wales", "situation": "someone-else-told-me"}, "asked_date", {
        "2025-12-31": "survivor-asked-before-2026", "2026-01-12": "written_notice"}),
    ("survivor", {"where": "england-wales", "situation": "someone-else-told-me",
                  "asked_date": "2026-02-01"}, "written_notice", {
        "yes": "survivor-notice-received", "no": "survivor-no-notice"}),
]


@pytest.mark.parametrize(("audience", "given_answers", "fact", "routes"), NODES,
                         ids=[f"{n[0]}:{n[2]}:{i}" for i, n in enumerate(NODES)])
def test_every_option_goes_where_the_tree_says(audience, given_answers, fact, routes) -> None:  # type: ignore[no-untyped-def]
    asked = decide(audience, given_answers, today=TODAY)
    assert asked.question == fact
    for answer, expected in routes.items():
        assert next_step(audience, given_answers, fact, answer) == expected, answer


def test_the_node_table_covers_every_option_of_every_question() -> None:
    covered = {(n[0], n[2], answer) for n in NODES for answer in n[3]}
    for audience, flow in FLOWS.items():
        for fact, question in flow.questions.items():
            for option in question.options:
                assert (audience, fact, option) in covered, (audience, fact, option)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("day", "regime"), [
    ("2026-01-11", "before-chapter-3a"), ("2026-01-12", "chapter-3a"), ("2026-01-13", "chapter-3a"),
])
def test_the_regime_follows_the_request_date(day: str, regime: str) -> None:
    """Chapter 3A governs requests made on or after 12 January 2026 (SI 2025/1168 reg 3)."""
    therapist = decide("therapist", {**POLICE_WRITTEN, "request_date": day, "in_writing": "no"},
                       today=TODAY)
    assert (therapist.outcome, therapist.regime) == ("ask-in-writing", regime)
    survivor = decide("survivor", {"where": "england-wales", "situation": "counsellor-told-me",
                                   "asked_date": day, "written_notice": "yes"}, today=TODAY)
    assert survivor.regime == regime


def test_the_contents_checks_apply_only_under_chapter_3a() -> None:
    incomplete = {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "no",
                  "why_given": "no", "handling_given": "no", "client_child_or_lacks_capacity": "no",
                  "client_knows": "yes", "client_wishes": "refuses"}
    after = decide("therapist", {**incomplete, "request_date": "2026-01-12"}, today=TODAY)
    before = decide("therapist", {**incomplete, "request_date": "2026-01-11"}, today=TODAY)
    assert after.outcome == "ask-for-missing-contents"
    assert (before.outcome, before.regime) == ("decline-and-preserve", "before-chapter-3a")
    assert "cps-ptt-annex-b" in before.citations


def test_a_date_is_in_the_future_only_after_today() -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    with pytest.raises(FactError, match="future"):
        decide("survivor", {"asked_date": tomorrow}, today=TODAY)
    decide("survivor", {"asked_date": TODAY.isoformat()}, today=TODAY)
    decide("survivor", {"asked_date": "2000-01-01"}, today=TODAY)


def test_every_day_is_covered_by_exactly_one_regime() -> None:
    """Catala-style temporal coverage: no gap and no overlap, 2000 to two years ahead."""
    day = date(2000, 1, 1)
    while day < TODAY + timedelta(days=730):
        regime_on(day)
        day += timedelta(days=7)
    assert {r.id for r in REGIMES} == {"before-chapter-3a", "chapter-3a"}


# --------------------------------------------------------------------------- invariants


def every_result():  # type: ignore[no-untyped-def]
    for audience in FLOWS:
        for side_questions in (True, False):
            yield from all_paths(audience, ask_side_questions=side_questions)


def test_every_outcome_is_reachable_and_cites_a_registered_source() -> None:
    reached = {r.outcome for r in every_result()}
    assert reached == set(OUTCOMES)
    for outcome in OUTCOMES.values():
        assert outcome.cites and set(outcome.cites) <= set(SOURCES)


def test_every_path_ends_in_one_outcome_and_asks_nothing_twice() -> None:
    for result in every_result():
        assert result.outcome in OUTCOMES and result.question is None
        assert len(result.path) == len(set(result.path))
        assert result.citations and set(result.citations) <= set(SOURCES)


def test_only_an_issued_summons_after_a_hearing_says_produce() -> None:
    for result in every_result():
        if result.outcome == "comply-with-summons":
            assert result.answers["received"] == "summons-issued"
            assert result.answers["heard_before_summons"] == "yes"


def test_court_with_an_issued_summons_after_a_hearing_always_says_produce() -> None:
    facts = {"requester": "court", "received": "summons-issued", "heard_before_summons": "yes"}
    assert decide("therapist", facts).outcome == "comply-with-summons"
    assert decide("therapist", {**facts, "risk_now": "yes"}).outcome == "comply-with-summons"


def _fact_values(audience: str):  # type: ignore[no-untyped-def]
    flow = FLOWS[audience]
    values = {side.fact: st.sampled_from(side.options) for side in flow.side_questions}
    for fact, question in flow.questions.items():
        values[fact] = (st.dates(date(2000, 1, 1), TODAY).map(date.isoformat) if question.is_date
                        else st.sampled_from(question.options))
    return st.fixed_dictionaries({}, optional=values)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_random_facts_give_a_result_or_a_named_error(data) -> None:  # type: ignore[no-untyped-def]
    audience = data.draw(st.sampled_from(sorted(FLOWS)))
    facts = data.draw(_fact_values(audience))
    try:
        result = decide(audience, facts, today=TODAY)
    except FactError as error:
        assert error.fact in str(error)
        return
    if result.outcome == "comply-with-summons":
        assert facts["received"] == "summons-issued" and facts["heard_before_summons"] == "yes"
    if result.outcome is None:
        assert result.question not in facts  # it asks only for what is missing
    # The side questions add a flag and never change the outcome.
    flow = FLOWS[audience]
    for side in flow.side_questions:
        for value in side.options:
            again = decide(audience, {**facts, side.fact: value}, today=TODAY)
            assert (again.outcome, again.question) == (result.outcome, result.question)
            if again.outcome and side.when != "after":
                assert (side.fact in again.path) == (again.outcome not in side.skip_before)
            if again.outcome and side.fact in again.path:
                assert (side.flag in again.flags) == (value in side.flag_on)
            elif again.outcome:
                assert side.flag not in again.flags


def test_the_page_asks_the_side_questions_and_the_command_line_does_not() -> None:
    assert decide("therapist", {}, ask_side_questions=True).question == "risk_now"
    assert decide("therapist", {}).question == "requester"
    page = decide("survivor", {"where": "england-wales", "situation": "want-to-share"},
                  ask_side_questions=True)
    assert page.question == "under_18"
    assert decide("survivor", {"where": "scotland"}, ask_side_questions=True).outcome == \
        "out-of-scope-scotland"


def test_service_police_are_flagged_and_cited() -> None:
    result = decide("therapist", {"requester": "service-police", "received": "pace-order-or-warrant"})
    assert result.flags == ("service-police",) and "pcsc-s44f" in result.citations


def test_sources_carry_their_marker_to_the_reader() -> None:
    assert SOURCES["vir-code-senior-sign-off"].status == "reported"
    assert SOURCES["csa-reporting-duty-2026"].status == "check"
    assert SOURCES["pcsc-s44c"].status == "law"
    assert SOURCES["ico-law-enforcement"].status == "official"


# --------------------------------------------------------------------------- law review 2026-12


def therapist_paths():  # type: ignore[no-untyped-def]
    for side_questions in (True, False):
        yield from all_paths("therapist", ask_side_questions=side_questions)


def test_a_child_on_the_client_path_never_hears_it_is_their_choice() -> None:
    """H1: a 15-year-old pressed to "ask" the counsellor is sent to advice first."""
    client_paths = [r for r in therapist_paths() if r.answers["requester"] == "client"]
    assert client_paths
    for result in client_paths:
        child = result.answers["client_child_or_lacks_capacity"] == "yes"
        assert result.outcome == ("get-advice-first" if child else "client-asks")
    page = decide("therapist", {"requester": "client"}, ask_side_questions=True)
    assert page.question == "risk_now"  # the page asks about risk on the client path too


def test_a_request_about_a_suspect_or_witness_gets_no_chapter_3a_outcome() -> None:
    """M4: Chapter 3A covers only information about a victim, or someone at risk (s.44A(2))."""
    chapter_3a_only = {"ask-for-missing-contents", "ask-to-narrow", "ask-about-counselling-test",
                       "survivor-notice-received"}
    seen = set()
    for result in therapist_paths():
        role = result.answers.get("client_role")
        if role in ("suspect", "other-witness"):
            seen.add(role)
            assert result.outcome == "not-a-victim-request"
            assert result.outcome not in chapter_3a_only
            assert not {"pcsc-s44a-4", "pcsc-s44b", "pcsc-s44c"} & set(result.citations)
    assert seen == {"suspect", "other-witness"}


def test_not_sure_who_the_notes_are_about_is_treated_as_a_victim() -> None:
    for rest in ({"counselling_service": "yes", "what_specified": "all-records", "why_given": "yes",
                  "handling_given": "yes"},
                 {"counselling_service": "no", "what_specified": "no", "why_given": "yes",
                  "handling_given": "yes"}):
        unsure = decide("therapist", {**POLICE_WRITTEN, **rest, "client_role": "unsure"}, today=TODAY)
        victim = decide("therapist", {**POLICE_WRITTEN, **rest}, today=TODAY)
        assert (unsure.outcome, unsure.citations) == (victim.outcome, victim.citations)


def test_all_records_with_a_missing_content_gets_one_reply() -> None:
    facts = {**POLICE_WRITTEN, "counselling_service": "yes", "what_specified": "all-records",
             "why_given": "no", "handling_given": "yes"}
    assert decide("therapist", facts, today=TODAY).outcome == "ask-for-missing-contents"
    complete = {**facts, "why_given": "omitted-with-ground"}
    assert decide("therapist", complete, today=TODAY).outcome == "ask-to-narrow"


def test_a_summons_the_client_was_not_heard_on_tells_the_client_they_can_apply() -> None:
    """M3: CrimPR r.17.7(1)(c) lets the person the records are about apply to withdraw."""
    summons = {"requester": "court", "received": "summons-issued", "heard_before_summons": "yes"}
    for heard, flagged in (("yes", False), ("no", True), ("unknown", True)):
        result = decide("therapist", {**summons, "client_heard_before_summons": heard})
        assert result.outcome == "comply-with-summons"
        assert ("client-can-apply-to-withdraw" in result.flags) == flagged
        assert ("crimpr-2025-r17-7" in result.citations) == flagged
    page = decide("therapist", {"risk_now": "no", **summons}, ask_side_questions=True)
    assert page.question == "client_heard_before_summons"
    assert page.options == ("yes", "no", "unknown")
    assert decide("therapist", summons).outcome == "comply-with-summons"  # never demanded
    flagged_paths = [r for r in therapist_paths() if r.outcome == "comply-with-summons"
                     and r.answers.get("client_heard_before_summons") in ("no", "unknown")]
    assert flagged_paths and all("client-can-apply-to-withdraw" in r.flags for r in flagged_paths)


def test_a_court_order_threat_is_asked_on_police_requests_and_only_adds_text() -> None:
    """H2: the threat never changes the outcome; the page asks it right after `received`."""
    police = {"risk_now": "no", "requester": "service-police", "received": "request"}
    page = decide("therapist", police, ask_side_questions=True)
    assert page.question == "court_threatened"
    assert decide("therapist", {**police, "court_threatened": "no"},
                  ask_side_questions=True).question == "request_date"
    court = {"risk_now": "no", "requester": "court", "received": "summons-application"}
    assert decide("therapist", court, ask_side_questions=True).outcome == "object-to-application"
    for result in therapist_paths():
        asked = "court_threatened" in result.path
        if result.answers.get("received") == "request":
            assert asked or "court_threatened" not in result.answers
        else:
            assert not asked
        assert ("court-order-threat" in result.flags) == (
            asked and result.answers["court_threatened"] == "yes")
    plain = decide("therapist", {**POLICE_WRITTEN, "in_writing": "no"}, today=TODAY)
    threatened = decide("therapist", {**POLICE_WRITTEN, "in_writing": "no", "court_threatened": "yes"},
                        today=TODAY)
    assert plain.outcome == threatened.outcome == "ask-in-writing"
    assert threatened.flags == ("court-order-threat",) and not plain.flags
    assert threatened.path.index("court_threatened") == threatened.path.index("received") + 1


def test_the_counselling_test_question_no_longer_asks_for_the_rank() -> None:
    text = (INCLUDES / "questions" / "counselling_test_shown.md").read_text(encoding="utf-8")
    assert "substantial probative value" in text and "senior" not in text and "rank" not in text


def test_every_outcome_after_the_counselling_test_advises_asking_who_authorised() -> None:
    """M2: the chief-inspector sign-off is reported, so results suggest asking, never assert it."""
    after = {r.outcome for r in therapist_paths() if "counselling_test_shown" in r.path}
    assert after >= {"get-advice-first", "share-with-consent", "decline-and-preserve",
                     "do-not-disclose-yet", "ask-about-counselling-test"}
    for outcome in after:
        text = (INCLUDES / "outcomes" / outcome / "outcome.md").read_text(encoding="utf-8")
        flat = " ".join(text.split())
        assert "who authorised" in flat, outcome
        assert "It is reported that" in flat and "not in the Act" in flat, outcome

