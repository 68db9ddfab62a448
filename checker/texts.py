"""Where the checker's words live, so that no visible English is typed in its code.

In a source checkout they are read from docs/includes/; inside the wheel the site's build
puts the same files under checker/texts/ (sitebuild.wheel.letter_texts), so the same code
reads them on the host and in the visitor's browser.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def _texts() -> Traversable:
    packaged = resources.files(__package__).joinpath("texts")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / "docs" / "includes"


TEXTS = _texts()


def words(name: str) -> dict[str, dict[str, str]]:
    """docs/includes/checker/<name>.toml: groups of named phrases."""
    return tomllib.loads(TEXTS.joinpath("checker", f"{name}.toml").read_text(encoding="utf-8"))
