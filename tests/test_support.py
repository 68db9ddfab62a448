"""The shared test helpers themselves: the local server and the named journeys."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import decide
from tests.support.host import serve
from tests.support.journeys import THERAPIST_TO, from_golden


def test_the_server_says_nothing_when_a_browser_drops_a_connection(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server, _ = serve(tmp_path)
    try:
        for dropped in (ConnectionResetError(), BrokenPipeError()):
            try:
                raise dropped
            except OSError:
                server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real fault")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))  # type: ignore[arg-type]
        assert "a real fault" in capsys.readouterr().err
    finally:
        server.shutdown()


@pytest.mark.parametrize("outcome", sorted(THERAPIST_TO))
def test_each_named_journey_reaches_its_outcome(outcome: str) -> None:
    answers = dict(THERAPIST_TO[outcome])
    audience = answers.pop("audience")
    assert decide(audience, answers, ask_side_questions=True).outcome == outcome


def test_a_journey_can_be_picked_from_the_golden_list() -> None:
    steps = dict(from_golden("survivor-no-notice", under_18="yes"))
    assert steps["audience"] == "survivor" and steps["under_18"] == "yes"
    with pytest.raises(LookupError):
        from_golden("no-such-outcome")
