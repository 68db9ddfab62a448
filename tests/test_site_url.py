"""The site's public address comes from SITE_URL: with it, canonical links and a sitemap name
that address; without it, the build works, says so in one line, and names no address at all."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import site_address
from tests.conftest import ROOT, html_pages

ADDRESS = "https://notes.test/therapy/"
LEFT_OUT = "canonical links and the sitemap are left out"


def build(destination: Path, site_url: str | None) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-4000:]
    return done


@pytest.fixture(scope="module")
def site_without_address(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if "SITE_URL" not in os.environ:
        return built_site
    destination = tmp_path_factory.mktemp("no-address") / "site"
    build(destination, None)
    return destination


def test_without_site_url_no_page_names_an_address(site_without_address: Path) -> None:
    naming = [str(path.relative_to(site_without_address)) for path in site_without_address.rglob("*")
              if path.suffix in (".html", ".xml", ".txt") and "example.org" in path.read_text()]
    canonical = [str(page.relative_to(site_without_address)) for page in html_pages(site_without_address)
                 if 'rel="canonical"' in page.read_text()]
    assert naming == [] and canonical == []
    assert sorted(p.name for p in site_without_address.glob("sitemap*")) == []


def test_without_site_url_the_build_says_so_in_one_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        site_address.say_if_missing(None)
        site_address.say_if_missing(ADDRESS)
    assert [record.getMessage() for record in caplog.records if LEFT_OUT in record.getMessage()] == [
        site_address.NOTICE]


@pytest.mark.slow
def test_with_site_url_canonical_links_and_the_sitemap_name_it(tmp_path: Path) -> None:
    done = build(tmp_path / "site", ADDRESS)
    site = tmp_path / "site"
    assert LEFT_OUT not in done.stderr + done.stdout
    page = (site / "therapists" / "index.html").read_text()
    assert f'<link rel="canonical" href="{ADDRESS}therapists/">' in page
    sitemap = (site / "sitemap.xml").read_text()
    assert f"<loc>{ADDRESS}therapists/</loc>" in sitemap
    assert "example.org" not in page + sitemap
