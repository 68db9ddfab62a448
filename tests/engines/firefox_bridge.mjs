// Drives Debian's Firefox ESR over WebDriver BiDi with puppeteer-core, for tests/engines/.
// Reads one JSON command per line on stdin and answers each with one JSON line on stdout:
// {"ok": value} or {"error": message}. One browser for the whole run; "fresh" gives a new
// private browser context (no cookies, cache or storage shared with the one before).
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, downloads] = process.argv.slice(2);
const browser = await puppeteer.launch({
  browser: "firefox",
  protocol: "webDriverBiDi",
  executablePath,
  headless: true,
  timeout: 180_000, // the first start on a busy machine
  extraPrefsFirefox: {
    "browser.download.dir": downloads,
    "browser.download.folderList": 2,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.download.start_downloads_in_tmp_dir": false,
    // No probe of an outside host to detect a Wi-Fi login page.
    "network.captive-portal-service.enabled": false,
  },
});
let context = null;
let page = null;
let consoleErrors = [];

async function fresh() {
  if (context) await context.close();
  context = await browser.createBrowserContext();
  page = await context.newPage();
  consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  return null;
}

const commands = {
  fresh,
  goto: async ({ url }) => { await page.goto(url, { waitUntil: "load" }); return null; },
  url: async () => page.url(),
  // A page restored from the back/forward cache fires no load event, so the test waits for
  // the address instead of the navigation.
  back: async () => { page.goBack().catch(() => {}); return null; },
  click: async ({ selector }) => {
    const element = await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
    await element.click();
    return null;
  },
  type: async ({ selector, text }) => {
    const element = await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
    await element.type(text);
    return null;
  },
  // `source` is a function's source; the test writes it, the page never supplies it.
  evaluate: async ({ source, args }) => page.evaluate(`(${source})(...${JSON.stringify(args)})`),
  consoleErrors: async () => consoleErrors.splice(0),
  close: async () => { await browser.close(); return null; },
};

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { op, ...args } = JSON.parse(line);
  let answer;
  try {
    answer = { ok: (await commands[op](args)) ?? null };
  } catch (error) {
    answer = { error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
  if (op === "close") break;
}
process.exit(0);
