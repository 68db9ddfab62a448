"""The site's public address: without one, the build says so once and writes no sitemap.

With an address (mkdocs.yml: `site_url: !ENV SITE_URL`) every page gets a canonical link and
the build writes a sitemap, both naming it. Without it the build still works: pages get no
canonical link (the theme leaves it out when there is no address), and the sitemap, whose
entries would be bare paths that no search engine accepts, is deleted. The build says so in
one line, so a deploy without the variable is a choice, not an accident.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.sitebuild")

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz", "sitemap.xml.br")
NOTICE = ("SITE_URL is not set: canonical links and the sitemap are left out "
          "(set it to the site's public address, e.g. SITE_URL=https://notes.example/)")


def say_if_missing(site_url: str | None) -> None:
    if not site_url:
        log.info(NOTICE)


def drop_sitemaps(site_dir: Path) -> None:
    for name in SITEMAPS:
        (site_dir / name).unlink(missing_ok=True)
