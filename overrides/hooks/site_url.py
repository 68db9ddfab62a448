"""MkDocs hook: the site's public address comes from the SITE_URL environment variable.

mkdocs.yml reads `site_url: !ENV SITE_URL`. With it, every page gets a canonical link and the
build writes a sitemap, both naming that address. Without it the build still works: pages
get no canonical link (the theme leaves it out when there is no address), and this hook
deletes the sitemap, whose entries would otherwise be bare paths that no search engine
accepts. The build says so in one line, so a deploy without the variable is a choice, not an
accident.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.site_url")

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz", "sitemap.xml.br")
NOTICE = ("SITE_URL is not set: canonical links and the sitemap are left out "
          "(set it to the site's public address, e.g. SITE_URL=https://notes.example/)")


def on_config(config):  # type: ignore[no-untyped-def]
    if not config.get("site_url"):
        log.info(NOTICE)
    return config


def on_post_build(config):  # type: ignore[no-untyped-def]
    if config.get("site_url"):
        return
    site = Path(config["site_dir"])
    for name in SITEMAPS:
        (site / name).unlink(missing_ok=True)
