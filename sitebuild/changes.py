"""The "What changed" list: read and checked from its data file, and written as an Atom feed.

The list lives in one data file, docs/includes/changes.yml (newest first; its header says what
each entry holds). `load` checks it: every entry has an id, a date, a kind, a title, a
summary, a link and at least one source with a title and a url; ids are unique. `atom_feed`
writes it as Atom 1.0 (RFC 4287); the hook overrides/hooks/changes.py puts both in the site.

Feed and entry ids are `urn:uuid:` names derived from the entry ids, so they never change when
the site moves. Links are absolute only when `site_url` names the real site: a missing
site_url, or one on a domain reserved for examples (RFC 2606: example.org and the like), gives
links relative to the feed, which sits at the site's root.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .paths import INCLUDES

DATA = INCLUDES / "changes.yml"
PAGE = "about/changes.md"
CHANGES_MARKER = "<!-- changes-list -->"
FEED_NAME = "changes.xml"
TEMPLATE = "partials/changes.html"
ATOM = "http://www.w3.org/2005/Atom"
KINDS = ("law", "practice", "advice")
REQUIRED = ("id", "date", "kind", "title", "summary", "link", "sources")
# A fixed namespace for this site's feed: entry ids are uuid5(NAMESPACE, entry id).
NAMESPACE = uuid.UUID("6f0b8a57-5d0e-4c4f-9a53-2b1f0c7de4a1")
EXAMPLE_HOSTS = ("example.org", "example.com", "example.net")



def load(path: Path = DATA) -> dict:
    """The data file, checked. Raises ValueError naming the first entry that is incomplete."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    for number, entry in enumerate(data.get("entries") or [], start=1):
        missing = [key for key in REQUIRED if not entry.get(key)]
        if missing:
            raise ValueError(f"{path.name}: entry {number} has no {', '.join(missing)}")
        if not isinstance(entry["date"], dt.date):
            raise ValueError(f"{path.name}: {entry['id']}: date is not YYYY-MM-DD")
        if entry["kind"] not in KINDS:
            raise ValueError(f"{path.name}: {entry['id']}: kind must be one of {KINDS}")
        if entry["id"] in seen:
            raise ValueError(f"{path.name}: {entry['id']} appears twice")
        seen.add(entry["id"])
        for source in entry["sources"]:
            if not (source.get("title") and source.get("url")):
                raise ValueError(f"{path.name}: {entry['id']}: a source needs a title and a url")
    if not seen:
        raise ValueError(f"{path.name}: no entries")
    for key in ("feed_title", "feed_subtitle", "source_label"):
        if not data.get(key):
            raise ValueError(f"{path.name}: no {key}")
    return data


def site_base(site_url: str | None) -> str:
    """The absolute site address ending in '/', or '' when there is no real one to use."""
    if not site_url:
        return ""
    host = (urlsplit(site_url).hostname or "").lower()
    if not host or host in EXAMPLE_HOSTS or host.endswith((".example", *(f".{h}" for h in EXAMPLE_HOSTS))):
        return ""
    return site_url if site_url.endswith("/") else site_url + "/"


def entry_uuid(entry_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, entry_id)}"


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(data: dict, site_name: str, base: str) -> bytes:
    """The Atom document. `base` is the absolute site address, or '' for relative links."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    entries = data["entries"]
    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", entry_uuid("feed"))
    sub(feed, "title", f"{site_name}: {data['feed_title']}")
    sub(feed, "subtitle", data["feed_subtitle"].strip())
    sub(feed, "updated", timestamp(max(entry["date"] for entry in entries)))
    sub(sub(feed, "author"), "name", site_name)
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_NAME)
    sub(feed, "link", rel="alternate", type="text/html", href=base + PAGE.removesuffix(".md") + "/")
    for entry in entries:
        item = sub(feed, "entry")
        sub(item, "id", entry_uuid(entry["id"]))
        sub(item, "title", entry["title"])
        sub(item, "updated", timestamp(entry["date"]))
        sub(item, "link", rel="alternate", type="text/html", href=base + entry["link"])
        sub(item, "category", term=entry["kind"])
        sources = "; ".join(f"{source['title']} ({source['url']})" for source in entry["sources"])
        sub(item, "summary", f"{entry['summary'].strip()} {data['source_label']}: {sources}")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
