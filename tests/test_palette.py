"""The light/dark colour scheme: a page follows the device's setting from its first paint, and
the header's switch changes it, by mouse and by keyboard, as the theme's own switch did. The
switch is run by assets/javascripts/colour-scheme.js instead of the theme's bundle (that file
says why)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SCHEMES, RecordedPage, html_pages
from tests.support.polling import wait_until

GUIDANCE = "/therapists/"
CHECKER = "/checker/"
SWITCH_TO = {"light": "Switch to dark mode", "dark": "Switch to light mode"}

# Before any of the page's scripts: every colour scheme the body has had, with the time.
SCHEME_LOG = """window.__schemes = [];
const note = () => window.__schemes.push([performance.now(), document.body.dataset.mdColorScheme]);
new MutationObserver((records, watching) => {
  if (!document.body) return;
  watching.disconnect();
  note();
  new MutationObserver(note).observe(document.body, {attributeFilter: ["data-md-color-scheme"]});
}).observe(document, {childList: true, subtree: true});"""


def scheme_at_first_paint(recorded: RecordedPage) -> str:
    # The load event can come before the first paint on a busy machine.
    wait_until(lambda: recorded.page.evaluate(
        "performance.getEntriesByName('first-contentful-paint').length > 0"), what="first paint")
    return recorded.page.evaluate("""() => {
        const painted = performance.getEntriesByName("first-contentful-paint")[0].startTime;
        return window.__schemes.filter(([time]) => time <= painted).pop()[1];
    }""")


def colours(recorded: RecordedPage) -> dict[str, str]:
    return recorded.page.evaluate("""() => Object.fromEntries(["media", "scheme", "primary", "accent"]
        .map((key) => [key, document.body.getAttribute(`data-md-color-${key}`)]))""")


def visible_switches(recorded: RecordedPage) -> list[str]:
    return recorded.page.evaluate("""() => Array.from(document.querySelectorAll(
        'label[for^="__palette_"]')).filter((label) => !label.hidden).map((label) => label.title)""")


def open_page(browser: object, site_url: str, path: str, scheme: str) -> RecordedPage:
    recorded = RecordedPage(browser, site_url, color_scheme=scheme)
    recorded.page.add_init_script(SCHEME_LOG)
    recorded.page.goto(site_url + path)
    recorded.page.wait_for_load_state("load")
    return recorded


@pytest.mark.browser
@pytest.mark.parametrize("path", [GUIDANCE, CHECKER])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_is_drawn_in_the_devices_scheme_from_the_start(browser: object, site_url: str,
                                                              path: str, scheme: str) -> None:
    recorded = open_page(browser, site_url, path, scheme)
    try:
        assert scheme_at_first_paint(recorded) == SCHEMES[scheme]
        assert colours(recorded)["scheme"] == SCHEMES[scheme]
        assert visible_switches(recorded) == [SWITCH_TO[scheme]]
        assert recorded.errors == []
    finally:
        recorded.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", [GUIDANCE, CHECKER])
def test_the_switch_changes_the_scheme_by_mouse_and_keyboard(browser: object, site_url: str,
                                                             path: str) -> None:
    recorded = open_page(browser, site_url, path, "light")
    page = recorded.page
    try:
        page.locator(f'label[title="{SWITCH_TO["light"]}"]').click()
        assert colours(recorded) == {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                                     "primary": "indigo", "accent": "indigo"}
        assert visible_switches(recorded) == [SWITCH_TO["dark"]]
        page.focus("#__palette_1")  # the chosen option; Enter moves on to the next
        page.keyboard.press("Enter")
        assert colours(recorded)["scheme"] == "default"
        assert visible_switches(recorded) == [SWITCH_TO["light"]]
        assert page.evaluate("document.activeElement.id") == "__palette_0"
        wait_until(lambda: page.evaluate("!document.body.hasAttribute('data-md-color-switching')"),
                   what="the switch to finish")
        assert page.url == site_url + path  # the form never submits
        # The choice is not kept on the device (about/safety.md says so).
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        assert recorded.context.cookies() == []
        assert recorded.errors == []
    finally:
        recorded.context.close()


def test_no_page_leaves_its_switch_to_the_theme_bundle(built_site: Path) -> None:
    left = [str(page.relative_to(built_site)) for page in html_pages(built_site)
            if 'data-md-component="palette"' in (text := page.read_text())
            or '<form class="md-header__option" data-colour-scheme-switch>' not in text
            or "assets/javascripts/colour-scheme.js" not in text]
    assert left == []


def test_every_page_chooses_the_devices_scheme_before_the_theme_draws_it(built_site: Path) -> None:
    seed = re.compile(r'<script>__md_get\("__palette"\) \|\| \(function \(\) \{.*?</script>'
                      r'<script>var palette=__md_get\("__palette"\);', re.S)
    missing = [str(page.relative_to(built_site)) for page in html_pages(built_site)
               if not seed.search(page.read_text())]
    assert missing == []
