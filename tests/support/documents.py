"""What the tests check of every letter and record the checker makes."""

from __future__ import annotations

from checker import FLOWS, all_paths
from checker.letters import offered


def letter_paths():  # type: ignore[no-untyped-def]
    for audience in FLOWS:
        for result in all_paths(audience, ask_side_questions=False):
            if offered(result):
                yield audience, result


def check_word_layout(document) -> None:  # type: ignore[no-untyped-def]
    """Real styles, an A4 page with margins, and core properties that say nothing about anyone."""
    names = {style.name for style in document.styles}
    assert {"Normal", "Title", "Heading 1", "List Bullet"} <= names
    normal = document.styles["Normal"].font
    assert normal.name == "Arial" and normal.size.pt == 12
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert all(round(margin.mm) == 25 for margin in (section.left_margin, section.right_margin,
                                                     section.top_margin, section.bottom_margin))
    core = document.core_properties
    assert (core.author, core.last_modified_by, core.created, core.modified) == ("", "", None, None)
