"""MkDocs hook: the "What changed" list (sitebuild.changes) on about/changes/ and as /changes.xml.

- on_config: reads and checks docs/includes/changes.yml (a bad entry fails the build);
- on_page_content: renders the list in place of its marker, through the theme's Jinja
  environment and overrides/partials/changes.html;
- on_post_build: writes the Atom feed.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild.changes import CHANGES_MARKER, FEED_NAME, PAGE, TEMPLATE, atom_feed, load, site_base

_data: dict = {}


def on_config(config):  # type: ignore[no-untyped-def]
    _data.clear()
    _data.update(load())


def on_page_content(html_text, page, config, files):  # type: ignore[no-untyped-def]
    if page.file.src_uri != PAGE:
        return html_text
    if CHANGES_MARKER not in html_text:
        raise ValueError(f"{PAGE} has lost its marker {CHANGES_MARKER}")
    root = "../" * page.url.count("/")
    template = config.theme.get_env().get_template(TEMPLATE)
    rendered = template.render(entries=_data["entries"], root=root, feed=FEED_NAME)
    return html_text.replace(CHANGES_MARKER, rendered)


def on_post_build(config):  # type: ignore[no-untyped-def]
    feed = atom_feed(_data, config["site_name"], site_base(config.get("site_url")))
    (Path(config["site_dir"]) / FEED_NAME).write_bytes(feed)
