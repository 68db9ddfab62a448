"""Support one tap away, and no homework for a frightened survivor.

What a reader notices:

- every phone number on a guidance page or a checker page (the checker, every outcome, the
  flags) can be tapped to call, and the link dials the number that is shown;
- every survivor page lists the Rape Crisis 24/7 Support Line and Childline by number;
- the survivor pages never send her off to read the police code herself, or tell her what we
  could not read;
- text about the Shift key shortcut says it needs a keyboard (most survivors read on a phone).

The other checks on the checker's pages (checker/) are in the checker's own tests.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# A UK number as written on these pages (0808 500 2222, 08 08 16 89 111, 0800 1111) or 999.
PHONE = re.compile(r"(?<![\w/.:-])(?:0\d(?: ?\d){6,9}|999)(?![\w/-])")
SKIPPED = ("script", "style", "template")
HOMEWORK = ("check the code", "read the code", "we have not been able to read",
            "we have not been able to check")


class _Text(HTMLParser):
    """Visible text outside tel: links, and each tel: link with the text it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.outside: list[str] = []
        self.tel_links: list[tuple[str, str]] = []
        self._anchors: list[str | None] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skip += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._anchors.append(href if href.startswith("tel:") else None)
            if href.startswith("tel:"):
                self.tel_links.append((href, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skip -= 1
        elif tag == "a" and self._anchors:
            self._anchors.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if any(self._anchors):
            href, shown = self.tel_links[-1]
            self.tel_links[-1] = (href, shown + data)
        else:
            self.outside.append(data)


def read(page: Path) -> _Text:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def survivor_pages(site: Path) -> list[Path]:
    return sorted((site / "survivors").rglob("index.html"))


def test_every_phone_number_on_a_page_is_a_tel_link(built_site: Path) -> None:
    pages = all_pages(built_site)
    assert len(pages) > 20 and built_site / "checker" / "outcomes" / "index.html" in pages
    plain = []
    for page in pages:
        text = " ".join(read(page).outside)
        plain += [f"{page.relative_to(built_site)}: {m.group()}" for m in PHONE.finditer(text)]
    assert not plain, "phone numbers that cannot be tapped:\n" + "\n".join(plain)


def test_each_tel_link_dials_the_number_it_shows(built_site: Path) -> None:
    links = [link for page in all_pages(built_site) for link in read(page).tel_links]
    assert links
    for href, shown in links:
        assert href == "tel:" + re.sub(r"\D", "", shown), (href, shown)


@pytest.mark.parametrize("number", ["tel:08085002222", "tel:08001111"])
def test_every_survivor_page_lists_the_support_line_and_childline(
        built_site: Path, number: str) -> None:
    pages = survivor_pages(built_site)
    assert len(pages) >= 5
    missing = [str(page.relative_to(built_site)) for page in pages
               if number not in {href for href, _ in read(page).tel_links}]
    assert not missing, f"{number} missing on {missing}"


def test_survivor_pages_give_no_homework(built_site: Path) -> None:
    found = []
    for page in survivor_pages(built_site):
        text = re.sub(r"\s+", " ", " ".join(read(page).outside)).lower()
        found += [f"{page.relative_to(built_site)}: {phrase}" for phrase in HOMEWORK if phrase in text]
    assert not found, found


def test_survivors_can_ask_who_agreed_to_the_request(built_site: Path) -> None:
    text = " ".join(read(built_site / "survivors" / "police-ask" / "index.html").outside)
    assert "Who agreed to this request?" in re.sub(r"\s+", " ", text)


def test_the_shift_shortcut_is_always_said_to_need_a_keyboard() -> None:
    sources = [DOCS / "index.md", *sorted(DOCS.glob("*/*.md"))]
    bare = []
    for source in sources:
        text = re.sub(r"\s+", " ", source.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=[.!?])\s", text):
            if "Shift key" in sentence and "keyboard" not in sentence:
                bare.append(f"{source.relative_to(DOCS)}: {sentence}")
    assert not bare, bare
