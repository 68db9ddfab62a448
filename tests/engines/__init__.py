"""The three browser engines a visitor may hold, driven through one small interface.

- Chromium (Debian `chromium`) through Playwright, as the other browser tests do.
- Firefox ESR (Debian `firefox-esr`) over WebDriver BiDi with puppeteer-core from npm, run by
  firefox_bridge.mjs, which takes one JSON command per line.
- WebKit, the engine of every iPhone browser (Debian `webkit2gtk-driver`'s WebKitWebDriver and
  the MiniBrowser), through Selenium, on a virtual X server (Debian `xvfb`) of its own.

Each engine is started once per test session and gives a fresh, private browsing context
per journey. No engine downloads anything: all three are Debian's.

Problems are caught the same way in every engine: the journey server (server.py) puts
recorder.js in front of every page, which reports CSP violations, uncaught errors and
console.error calls back to the server. Chromium and Firefox also report the console errors
of the browser itself through their protocols. WebKit's own console (where it reports, say,
a policy directive it does not know) is not readable under automation: the MiniBrowser's
option to print it applies only to windows it opens itself. tests/test_security.py checks
instead that every policy uses only directives all three engines know.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from tests.support.polling import wait_until

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
STARTUP = 120  # seconds: a browser's first start on a busy 2-core machine


class Engine:
    """What a journey needs from a browser. Selectors are CSS; `source` is a JavaScript
    function written by the test, called with JSON arguments."""

    name = ""

    def __init__(self, downloads: Path) -> None:
        self.downloads = downloads

    def fresh(self) -> None: ...
    def goto(self, url: str) -> None: ...
    def url(self) -> str: ...
    def back(self) -> None: ...
    def click(self, selector: str) -> None: ...
    def type(self, selector: str, text: str) -> None: ...
    def evaluate(self, source: str, *args: Any) -> Any: ...
    def console_errors(self) -> list[str]: ...
    def close(self) -> None: ...

    def call_expression(self, source: str, args: tuple[Any, ...]) -> str:
        return f"({source})(...{json.dumps(list(args))})"


class Chromium(Engine):
    name = "chromium"

    def __init__(self, downloads: Path, browser: Any) -> None:
        super().__init__(downloads)
        self.browser = browser
        self.context: Any = None
        self.errors: list[str] = []

    def fresh(self) -> None:
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(accept_downloads=True)
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("download", lambda d: d.save_as(self.downloads / d.suggested_filename))

    def goto(self, url: str) -> None:
        self.page.goto(url, wait_until="load")

    def url(self) -> str:
        return self.page.url

    def back(self) -> None:
        # A page shown again from the back/forward cache fires no load event: the caller
        # waits for what it expects to see.
        self.page.go_back(wait_until="commit")

    def click(self, selector: str) -> None:
        self.page.locator(selector).click()

    def type(self, selector: str, text: str) -> None:
        self.page.locator(selector).press_sequentially(text)

    def evaluate(self, source: str, *args: Any) -> Any:
        return self.page.evaluate(self.call_expression(source, args))

    def console_errors(self) -> list[str]:
        found, self.errors = self.errors, []
        return found

    def close(self) -> None:
        if self.context:
            self.context.close()


class Firefox(Engine):
    name = "firefox"

    def __init__(self, downloads: Path) -> None:
        super().__init__(downloads)
        assert Path(FIREFOX).exists(), "Debian firefox-esr is required: apt-get install firefox-esr"
        self.process = subprocess.Popen(
            ["node", str(HERE / "firefox_bridge.mjs"), FIREFOX, str(downloads)], cwd=ROOT,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def command(self, op: str, **args: Any) -> Any:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the Firefox bridge stopped (exit code {self.process.poll()})"
        answer = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"Firefox: {op} failed: {answer['error']}")
        return answer["ok"]

    def fresh(self) -> None:
        self.command("fresh")

    def goto(self, url: str) -> None:
        self.command("goto", url=url)

    def url(self) -> str:
        return self.command("url")

    def back(self) -> None:
        self.command("back")

    def click(self, selector: str) -> None:
        self.command("click", selector=selector)

    def type(self, selector: str, text: str) -> None:
        self.command("type", selector=selector, text=text)

    def evaluate(self, source: str, *args: Any) -> Any:
        return self.command("evaluate", source=source, args=list(args))

    def console_errors(self) -> list[str]:
        return self.command("consoleErrors")

    def close(self) -> None:
        try:
            self.command("close")
        finally:
            self.process.wait(timeout=60)


class WebKit(Engine):
    name = "webkit"

    def __init__(self, downloads: Path, scratch: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        super().__init__(downloads)
        for program in (WEBKIT_DRIVER, MINIBROWSER):
            assert Path(program).exists(), f"{program} is required: apt-get install webkit2gtk-driver"
        self.display = VirtualDisplay()
        # Downloads go to the XDG download folder, read from XDG_CONFIG_HOME/user-dirs.dirs.
        config = scratch / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "user-dirs.dirs").write_text(f'XDG_DOWNLOAD_DIR="{downloads}"\n', encoding="utf-8")
        options = Options()
        options.binary_location = MINIBROWSER
        # With its own binary the driver passes only the arguments given, so --automation too.
        options.add_argument("--automation")
        env = {**os.environ, "DISPLAY": self.display.name, "XDG_CONFIG_HOME": str(config),
               "HOME": str(scratch)}
        service = Service(executable_path=WEBKIT_DRIVER, log_output=str(scratch / "driver.log"), env=env)
        try:
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.display.stop()
            raise
        self.driver.set_page_load_timeout(STARTUP)

    def fresh(self) -> None:
        self.driver.get("about:blank")
        self.driver.delete_all_cookies()

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def url(self) -> str:
        return self.driver.current_url

    def back(self) -> None:
        self.driver.back()

    def element(self, selector: str) -> Any:
        from selenium.webdriver.common.by import By

        return wait_until(lambda: next((e for e in self.driver.find_elements(By.CSS_SELECTOR, selector)
                                        if e.is_displayed()), None), what=f"{selector} to show")

    def click(self, selector: str) -> None:
        self.element(selector).click()

    def type(self, selector: str, text: str) -> None:
        self.element(selector).send_keys(text)

    def evaluate(self, source: str, *args: Any) -> Any:
        return self.driver.execute_script(f"return ({source})(...arguments);", *args)

    def console_errors(self) -> list[str]:
        return []  # see the module's docstring

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.display.stop()


class VirtualDisplay:
    """An Xvfb server of the test's own, on the first free display number (-displayfd)."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            assert chunk, "Xvfb did not start (apt-get install xvfb)"
            number += chunk
        os.close(read)
        self.name = ":" + number.decode().strip()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
