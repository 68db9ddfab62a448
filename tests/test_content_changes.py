"""The "What changed" list: one data file, shown on about/changes/ and as the Atom feed /changes.xml.

What a reader notices: every entry is on the page with its date, kind and sources; the feed opens
in a feed reader (valid Atom 1.0 with the required elements); every entry links to a section of
this site that exists; the feed never points at a placeholder domain.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from sitebuild import changes

ROOT = Path(__file__).resolve().parent.parent
A = "{http://www.w3.org/2005/Atom}"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


DATA = changes.load()
ENTRIES = DATA["entries"]


class _Entries(HTMLParser):
    """Each <article id=…> on the page, with its visible text and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, dict[str, list[str]]] = {}
        self.ids: set[str] = set()
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "article" and found.get("id"):
            self._current = found["id"]
            self.entries[self._current] = {"text": [], "links": []}
        elif self._current and tag == "a":
            self.entries[self._current]["links"].append(found.get("href") or "")
        elif self._current and tag == "time":
            self.entries[self._current]["text"].append(f"[{found.get('datetime')}]")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current:
            self.entries[self._current]["text"].append(data)


def parse(html_file: Path) -> _Entries:
    parser = _Entries()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_entry_has_a_date_and_a_source() -> None:
    assert ENTRIES
    for entry in ENTRIES:
        assert isinstance(entry["date"], dt.date), entry["id"]
        assert entry["sources"], entry["id"]
        for source in entry["sources"]:
            assert source["title"].strip(), entry["id"]
            assert source["url"].startswith("https://"), (entry["id"], source["url"])


def test_entries_are_newest_first() -> None:
    dates = [entry["date"] for entry in ENTRIES]
    assert dates == sorted(dates, reverse=True)


def test_page_lists_every_entry_with_its_date_and_sources(built_site: Path) -> None:
    page = parse(built_site / "about" / "changes" / "index.html")
    assert list(page.entries) == [entry["id"] for entry in ENTRIES]
    for entry in ENTRIES:
        shown = page.entries[entry["id"]]
        text = squash(" ".join(shown["text"]))
        day = entry["date"]
        assert f"[{day.isoformat()}] {day.day} {MONTHS[day.month - 1]} {day.year}" in text
        assert squash(entry["title"]) in text
        assert squash(entry["summary"]) in text
        for source in entry["sources"]:
            assert source["url"] in shown["links"], (entry["id"], source["url"])


def test_page_links_to_the_feed(built_site: Path) -> None:
    html = (built_site / "about" / "changes" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../changes.xml"' in html


def test_each_entry_links_to_a_section_that_exists(built_site: Path) -> None:
    for entry in ENTRIES:
        path, _, anchor = entry["link"].partition("#")
        page = built_site / path / "index.html"
        assert page.is_file(), entry["link"]
        if anchor:
            assert anchor in parse(page).ids, entry["link"]


def test_feed_is_atom_with_every_entry(built_site: Path) -> None:
    feed = ET.parse(built_site / "changes.xml").getroot()
    assert feed.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{A}{tag}") or "").strip(), tag
    assert feed.findtext(f"{A}author/{A}name")
    assert dt.datetime.fromisoformat(feed.findtext(f"{A}updated").replace("Z", "+00:00"))
    items = feed.findall(f"{A}entry")
    assert len(items) == len(ENTRIES)
    ids = [item.findtext(f"{A}id") for item in items]
    assert len(set(ids)) == len(ids)
    for item, entry in zip(items, ENTRIES):
        assert item.findtext(f"{A}title") == entry["title"]
        updated = item.findtext(f"{A}updated") or ""
        assert updated.startswith(entry["date"].isoformat())
        assert item.find(f"{A}link").get("href").endswith(entry["link"])
        summary = item.findtext(f"{A}summary") or ""
        assert all(source["url"] in summary for source in entry["sources"])


def test_feed_never_names_a_placeholder_domain(built_site: Path) -> None:
    feed = (built_site / "changes.xml").read_text(encoding="utf-8")
    assert "example.org" not in feed and "example.com" not in feed
    # The build's site_url is a placeholder, so every link is relative to the feed.
    for href in re.findall(r'href="([^"]*)"', feed):
        assert not href.startswith(("http:", "https:", "/")), href


@pytest.mark.parametrize(("site_url", "base"), [
    (None, ""),
    ("", ""),
    ("https://example.org/", ""),
    ("https://docs.example.com/notes/", ""),
    ("https://therapy-notes.org.uk", "https://therapy-notes.org.uk/"),
    ("https://therapy-notes.org.uk/site/", "https://therapy-notes.org.uk/site/"),
])
def test_links_are_absolute_only_for_a_real_site_url(site_url: str | None, base: str) -> None:
    assert changes.site_base(site_url) == base
    feed = ET.fromstring(changes.atom_feed(DATA, "Site", changes.site_base(site_url)))
    first = feed.find(f"{A}entry/{A}link").get("href")
    assert first == base + ENTRIES[0]["link"]


def test_an_entry_without_a_source_stops_the_build(tmp_path: Path) -> None:
    broken = tmp_path / "changes.yml"
    broken.write_text(
        "feed_title: T\nfeed_subtitle: S\nsource_label: Sources\nentries:\n"
        "  - id: x\n    date: 2026-12-01\n    kind: law\n    title: T\n    summary: S\n"
        "    link: about/\n    sources: []\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="sources"):
        changes.load(broken)
