"""The build glue on its own, without MkDocs: texts, templates, markers and HTML passes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from checker import FLOWS, OUTCOMES, __version__
from checker.letters import LETTERS
from sitebuild import html, markers, pages, texts, wheel
from sitebuild.paths import TEMPLATES


@pytest.fixture(scope="module")
def env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)))


def test_demote_pushes_headings_down_and_gives_each_one_id() -> None:
    assert texts.demote("## What to say\ntext\n### Then", "x", levels=2) == \
        "#### What to say {#x-what-to-say}\ntext\n##### Then {#x-then}"


def test_a_quoted_letter_keeps_its_lines_and_lists() -> None:
    assert texts.quoted("Dear Sam,\n\n- one;\n- two.\n\nJo\nService") == \
        "> Dear Sam,\n>\n> - one;\n> - two.\n>\n> Jo  \n> Service"


def test_front_matter_is_required_and_read() -> None:
    fields, rest = texts.front_matter('---\nsummary: "Say \\"no\\""\n---\n# T\n', "x.md")
    assert fields == {"summary": 'Say "no"'} and rest == "# T\n"
    with pytest.raises(ValueError, match="front matter"):
        texts.front_matter("# T\n", "x.md")


def test_every_outcome_has_a_title_summary_and_body() -> None:
    for outcome_id in OUTCOMES:
        text = texts.outcome_text(outcome_id)
        assert text.title and text.summary and "## What to say" in text.body, outcome_id
        assert texts.LETTER_MARKER not in text.body


def test_the_checker_shows_the_first_question_and_hides_the_rest(env: Environment) -> None:
    rendered = pages.checker_app(env)
    sections = re.findall(r'<section class="checker-question" data-question="([a-z_]+)"[^>]*?( hidden)?'
                          r' markdown="1">', rendered)
    assert sections[0] == ("audience", "")
    assert all(hidden for _, hidden in sections[1:])
    assert set(re.findall(r'data-outcome="([a-z0-9-]+)"', rendered)) == set(OUTCOMES)
    assert set(re.findall(r'data-letter="([a-z0-9-]+)"', rendered)) == set(LETTERS)
    for audience in FLOWS:  # the first question of each audience shows before Python is up
        assert f'data-answer="{audience}" data-next=' in rendered
    for name in ("date-incomplete", "date-numbers", "date-year", "change", "change-label", "drafted",
                 "copied", "saved-txt", "saved-docx", "link-copied"):
        assert f"data-text-{name}=" in rendered


def test_the_outcomes_page_gives_each_heading_one_id(env: Environment) -> None:
    rendered = pages.checker_outcomes(env)
    headings = [line for line in rendered.splitlines() if line.startswith("#")]
    assert headings and all(line.count("{") == 1 for line in headings)
    outcome = re.compile(r"### .+ \{ #([a-z0-9-]+) \}$")
    outcome_ids = {match.group(1) for match in map(outcome.match, headings) if match}
    assert outcome_ids == set(OUTCOMES)


def test_an_unknown_marker_names_itself_and_a_known_one_its_renderer(
        env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="sitebuild:nonsense"):
        markers.expand_markers("<!-- sitebuild:nonsense -->", "page.md", env)
    monkeypatch.setitem(markers.RENDERERS, "checker-app", lambda env: "APP")
    assert markers.expand_markers("a\n<!-- sitebuild:checker-app -->\nb", "page.md", env) == "a\nAPP\nb"


def test_a_hidden_table_of_contents_keeps_only_the_title() -> None:
    title = SimpleNamespace(children=["q1", "q2"])
    page = SimpleNamespace(meta={"hide": ["toc"]}, toc=SimpleNamespace(items=[title, "o1"]))
    html.trim_toc(page)
    assert page.toc.items == [title] and title.children == []


def test_the_wheel_is_named_from_pyproject() -> None:
    assert wheel.project() == {"name": "therapy-notes-checker", "version": __version__,
                               "requires_python": ">=3.11"}
    assert wheel.wheel_name() == f"therapy_notes_checker-{__version__}-py3-none-any.whl"
    names = [name for name, _ in wheel.letter_texts()]
    assert "checker/texts/checker/letters.toml" in names
    assert {f"checker/texts/outcomes/{o}/letter.txt" for o in LETTERS} <= set(names)
