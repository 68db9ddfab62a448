"""MkDocs hook: the site's public address comes from SITE_URL (sitebuild.site_address).

- on_config: without it, says so in one line;
- on_post_build: without it, deletes the sitemap.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild.site_address import drop_sitemaps, say_if_missing


def on_config(config):  # type: ignore[no-untyped-def]
    say_if_missing(config.get("site_url"))
    return config


def on_post_build(config):  # type: ignore[no-untyped-def]
    if not config.get("site_url"):
        drop_sitemaps(Path(config["site_dir"]))
