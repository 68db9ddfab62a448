// The checker page's glue: reads answers, asks the Python rules (in a Web Worker) for the
// next step, and reveals the matching pre-rendered question or outcome. No rule lives here:
// until Python has started, or where it cannot start, the next step is looked up in the
// table the build made from the same rules (checker-table.js).
// Answers stay in this page's memory only: never in the URL, cookies or storage. Each step
// adds a history entry that holds only the id of the question or outcome it shows, so the
// browser's Back and Forward move between questions.
//
// Loaded `defer` (overrides/checker.html says why): it runs when the page has been parsed.
(() => {
  "use strict";
  const script = document.currentScript;
  const root = document.querySelector("[data-checker]");
  if (!script || !root) return;

  const absolute = (path) => new URL(path, document.baseURI).href;
  const one = (selector, within = root) => within.querySelector(selector);
  const all = (selector, within = root) => Array.from(within.querySelectorAll(selector));
  const waiting = one(".checker-waiting");
  const failed = one(".checker-failed");
  const controls = one(".checker-controls");
  const summary = one(".checker-summary");
  const updated = one(".checker-updated");  // says a result follows a changed answer
  const text = root.dataset;  // the words this script writes, from the page (data-text-*)
  const first = one("[data-question]").dataset.question;  // the question every visit starts at

  let answers = {};          // fact id -> value, in memory only
  let path = [];             // the facts in use, in the order asked (from Python)
  let dates = {};            // each date answer on the path, as the page shows it (from Python)
  let current = first;       // the question or outcome on show
  let outcome = null;        // the outcome the answers reach, once they reach one
  let notes = [];            // the notes that outcome shows (from Python)
  let citations = [];        // the sources that outcome cites for these answers (from Python)
  let runtime = "starting";  // starting | ready | failed
  let failure = "";          // why it failed, for tests
  let waitingForRuntime = false;
  let latestStep = 0;
  let changed = false;       // an answer was changed (summary's Change) since the last result

  // ------------------------------------------------------------------ the step table
  const table = JSON.parse(document.getElementById("checker-table").textContent);
  const localToday = () => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map((part) => String(part).padStart(2, "0")).join("-");
  };
  const fromTable = (given) => globalThis.checkerTable.lookup(table, given, localToday());

  // ------------------------------------------------------------------ the worker
  // Python gives up only on a real error, or when nothing has arrived for a long while: a slow
  // connection is not a failure, and nothing waits for Python but the Word document, the
  // details in a letter and any answer the table does not hold.
  const stallTimeout = Number(script.dataset.stallTimeout);
  const expected = Number(script.dataset.bytes);       // what the downloads add up to
  const transfer = Number(script.dataset.transferBytes);  // what that costs compressed, about
  let received = 0;
  let stallTimer = 0;
  const readyWaiters = [];
  const replies = new Map();
  let nextId = 0;
  let worker = null;

  function startWorker() {
    if (typeof WebAssembly === "undefined") { fail("no WebAssembly"); return; }
    worker = new Worker(absolute(script.dataset.worker), { type: "module" });
    performance.mark("checker-worker-started");  // User Timing marks for the benchmark
    stallTimer = setTimeout(() => fail("stalled"), stallTimeout);
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") {
        received = data.received;
        clearTimeout(stallTimer);
        if (data.open > 0) stallTimer = setTimeout(() => fail("stalled"), stallTimeout);
        showProgress();
      } else if (data.type === "ready") {
        performance.mark("checker-ready", { detail: data.timings });
        clearTimeout(stallTimer);
        runtime = "ready";
        showRuntime();
        readyWaiters.splice(0).forEach(({ resolve }) => resolve());
        if (waitingForRuntime) step();
      } else if (data.type === "failed") {
        fail(data.message);
      } else if (replies.has(data.id)) {
        const reply = replies.get(data.id);
        replies.delete(data.id);
        if ("error" in data) reply.reject(new Error(data.error)); else reply.resolve(data.result);
      }
    };
    worker.onerror = () => fail("worker error");
    worker.postMessage({
      type: "boot", indexURL: absolute(script.dataset.pyodide), wheelURL: absolute(script.dataset.wheel),
      stdLibURL: absolute(script.dataset.stdlib), lockInfo: JSON.parse(script.dataset.lockInfo),
    });
  }

  // "Try again" after Python failed to load: the answers stay; only Python starts again.
  function retry() {
    if (runtime !== "failed") return;
    runtime = "starting";
    failure = "";
    received = 0;
    showRuntime();
    startWorker();
    focus(one("h2", section(current)));  // the button is gone: back to where the visitor was
  }

  // Leaving the page ends Python, and with it anything it held; a page the browser brings
  // back from its back/forward cache starts it again (the table answers meanwhile).
  function stopWorker() {
    if (!worker || runtime === "failed") return;
    clearTimeout(stallTimer);
    worker.terminate();
    worker = null;
    runtime = "starting";
    received = 0;
    replies.forEach(({ reject }) => reject(new Error("page left")));
    replies.clear();
    showRuntime();
  }

  function call(type, payload) {
    nextId += 1;
    const id = nextId;
    worker.postMessage({ id, type, payload });
    return new Promise((resolve, reject) => replies.set(id, { resolve, reject }));
  }

  // Resolves once Python is ready; rejects if it cannot start.
  function pythonReady() {
    if (runtime === "ready") return Promise.resolve();
    if (runtime === "failed") return Promise.reject(new Error(failure));
    return new Promise((resolve, reject) => readyWaiters.push({ resolve, reject }));
  }

  function fail(reason) {
    if (runtime !== "starting") return;
    runtime = "failed";
    clearTimeout(stallTimer);
    if (worker) worker.terminate();
    failure = reason;
    showRuntime();
    readyWaiters.splice(0).forEach(({ reject }) => reject(new Error(reason)));
  }

  // What is left to download, in the words of the page (data-text-loading), or that little
  // is left (data-text-starting) once about all has arrived.
  function progressText() {
    const left = Math.max(0, transfer * (1 - received / expected)) / 1e6;
    if (left < 0.05) return text.textStarting;
    return text.textLoading.replace("{mb}", left.toFixed(1));
  }

  let progressShown = 0;
  function showProgress(force) {
    // A live region read out at most every few seconds, not at every byte.
    if (!force && performance.now() - progressShown < 3000) return;
    progressShown = performance.now();
    all(".checker-progress").forEach((status) => { status.textContent = progressText(); });
  }

  // Only Python makes a Word document: no button for one while Python has failed.
  function showWordButtons(within) {
    all('[data-letter-action="docx"]', within).forEach((button) => { button.hidden = runtime === "failed"; });
  }

  // The runtime's state on the page.
  function showRuntime() {
    root.dataset.runtime = runtime;  // for tests and the benchmark
    showWordButtons(root);
    failed.hidden = runtime !== "failed";
    if (runtime !== "failed") return;
    waiting.hidden = true;
    failed.dataset.reason = failure;
    all("[data-failed-reason]", failed).forEach((reason) => {
      reason.hidden = reason.dataset.failedReason !== (failure === "no WebAssembly" ? "no-webassembly" : "other");
    });
    if (waitingForRuntime) focus(one("h2", failed));
  }

  // ------------------------------------------------------------------ steps
  function step() {
    const ticket = ++latestStep;
    if (runtime !== "ready") {
      const found = fromTable(answers);
      if (found) { waitingForRuntime = false; waiting.hidden = true; show(found.step); return; }
      if (runtime === "failed") { focus(one("h2", failed)); return; }
      waitingForRuntime = true;
      waiting.hidden = false;
      showProgress(true);
      return;
    }
    waitingForRuntime = false;
    call("step", { answers }).then((result) => {
      if (ticket !== latestStep) return;  // a later answer has overtaken this one
      waiting.hidden = true;
      show(result);
    }, () => {
      // Python failed on this step: the table's answer if it holds one, else say so here.
      if (ticket !== latestStep) return;
      waiting.hidden = true;
      const found = fromTable(answers);
      if (found) show(found.step);
      else showError(section(current), text.textStepFailed, []);
    });
  }

  function section(id) {
    return one(`[data-question="${id}"]`) || outcomePanel(id);
  }

  // Outcome panels arrive empty, their content as text in a data block (never run): nothing
  // to parse into elements or lay out at load. It becomes the panel's content when reached.
  function outcomePanel(id) {
    const panel = one(`[data-outcome="${id}"]`);
    const content = panel && one(':scope > script[type="text/html"]', panel);
    if (content) content.outerHTML = content.textContent;
    if (content) showWordButtons(panel);
    return panel;
  }

  function focus(element) {
    if (element) element.focus();
  }

  // Each step after the first starts at the top of the screen, its heading under the site's
  // header, with its answers below it, not under the page's title and introduction again.
  function focusAtTop(element) {
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "start" });
  }

  // Shows one question or the outcome, with its answer selected, and moves focus to it. A
  // step the visitor takes is remembered in the browser's history; one the history itself
  // brings back (Back, Forward) or a wipe is not.
  function reveal(id, remember = true) {
    all("[data-question], [data-outcome], [data-flag]").forEach((el) => { el.hidden = true; });
    if (id !== outcome) { updated.hidden = true; updated.textContent = ""; }
    current = id;
    const shown = section(id);
    shown.hidden = false;
    all("[data-answer]", shown).forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.answer === answers[id]));
    });
    const [year, month, day] = (answers[id] || "").split("-");
    const parts = { day, month, year };
    all("[data-date-part]", shown).forEach((input) => {
      const part = parts[input.dataset.datePart];
      input.value = part ? String(Number(part)) : "";
    });
    if (id === outcome) notes.forEach((name) => { one(`[data-flag="${name}"]`).hidden = false; });
    controls.hidden = id === first;
    if (remember) history.pushState({ checker: id }, "");
    // A note about someone's safety comes before the outcome's title: focus starts there.
    const start = (id === outcome && one(".checker-flags--first > :not([hidden])")) || one("h2", shown);
    if (id === first) focus(start); else focusAtTop(start);
  }

  // Back and Forward: the question or outcome that history entry showed, if the answers still
  // reach it; otherwise (after a change or a wipe) the first question.
  function revisit(event) {
    const id = event.state && event.state.checker;
    const reached = id === first || path.includes(id) || (id && id === outcome);
    reveal(reached ? id : first, false);
  }

  function show(result) {
    if (result.status === "error") {
      const question = one(`[data-question="${CSS.escape(result.fact)}"]`);
      if (question) showError(question, result.message, all("[data-date-part]", question));
      return;
    }
    clearErrors();
    path = result.path;
    dates = result.dates;
    answers = Object.fromEntries(path.map((fact) => [fact, answers[fact]]));
    if (result.status === "question") {
      reveal(result.question);
      all("[data-answer]", section(result.question)).forEach((button) => {
        button.hidden = result.kind === "choice" && !result.options.includes(button.dataset.answer);
      });
    } else {
      const panel = section(result.outcome);
      all("[data-source]", panel).forEach((item) => {
        item.hidden = !result.citations.includes(item.dataset.source);
      });
      clearLetter(panel);
      all("[data-letter], [data-letter-sample]", panel).forEach((block) => {
        block.hidden = result.letter === false;
      });
      all("[data-no-letter]", panel).forEach((none) => { none.hidden = result.letter !== false; });
      outcome = result.outcome;
      notes = result.notes;
      citations = result.citations;
      updated.hidden = !changed;
      updated.textContent = changed ? text.textUpdated : "";
      changed = false;
      reveal(result.outcome);
    }
    renderSummary();
  }

  function renderSummary() {
    const list = one("dl", summary);
    list.replaceChildren();
    path.forEach((fact) => {
      const question = section(fact);
      const term = document.createElement("dt");
      term.textContent = question.dataset.title;
      const value = document.createElement("dd");
      const button = one(`[data-answer="${answers[fact]}"]`, question);
      value.textContent = button ? button.textContent : dates[fact];
      const change = document.createElement("button");
      change.type = "button";
      change.className = "checker-change";
      change.dataset.change = fact;
      change.textContent = text.textChange;
      change.setAttribute("aria-label", text.textChangeLabel + term.textContent);
      value.append(" ", change);
      list.append(term, value);
    });
    summary.hidden = path.length === 0;
  }

  function showError(question, message, invalid) {
    const error = question && one(".checker-error", question);
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
    invalid.forEach((input) => input.setAttribute("aria-invalid", "true"));
    focus(invalid[0]);
  }

  function clearErrors() {
    all(".checker-error").forEach((el) => { el.hidden = true; });
    all("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  }

  // The date as the rules take it (YYYY-MM-DD), from the day, month and year boxes; or, when
  // a box is empty or not a number, a message naming what to fix. Whether it is a real date
  // in range is the rules' to say.
  function typedDate(question) {
    const boxes = all("[data-date-part]", question);
    const value = (part) => boxes.find((box) => box.dataset.datePart === part).value.trim();
    const empty = boxes.filter((box) => !box.value.trim());
    if (empty.length) return { message: text.textDateIncomplete, invalid: empty };
    const notNumbers = boxes.filter((box) => !/^[0-9]+$/.test(box.value.trim()));
    if (notNumbers.length) return { message: text.textDateNumbers, invalid: notNumbers };
    if (value("year").length !== 4) {
      return { message: text.textDateYear, invalid: boxes.filter((box) => box.dataset.datePart === "year") };
    }
    return { iso: `${value("year")}-${value("month").padStart(2, "0")}-${value("day").padStart(2, "0")}` };
  }

  function answer(target) {
    const fact = current;
    if (target.dataset.answer === "continue") {
      const question = section(fact);
      clearErrors();
      const typed = typedDate(question);
      if (!typed.iso) { showError(question, typed.message, typed.invalid); return; }
      answers[fact] = typed.iso;
    } else {
      answers[fact] = target.dataset.answer;
    }
    if (target.dataset.next && runtime !== "ready") {
      // The audience's first question is known at build time: show it at once.
      path = [fact];
      reveal(target.dataset.next);
      renderSummary();
      return;
    }
    step();
  }

  async function copyLink(button) {
    const link = new URL(button.dataset.link, document.baseURI).href;
    const status = one(".checker-link-status", button.parentElement);
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = text.textLinkCopied;
    } catch (error) {
      status.textContent = link;  // no clipboard here: the address, to copy by hand
    }
  }

  // ------------------------------------------------------------------ letters
  // Each drafted letter's subject, as Python wrote it: the Word document sets it as the title.
  const subjects = new WeakMap();

  function clearLetter(panel) {
    all("[data-detail]", panel).forEach((input) => { input.value = ""; });
    all("[data-letter-text]", panel).forEach((text) => { text.value = ""; subjects.delete(text); printLetter(text); });
    all(".checker-letter-output", panel).forEach((output) => { output.hidden = true; });
  }

  // The printout shows the draft as it stands (site.css prints it, never shows it on screen).
  function printLetter(draft) {
    const printed = one("[data-letter-printed]", draft.closest("[data-outcome]"));
    one(".checker-letter-printed__text", printed).textContent = draft.value;
    printed.hidden = !draft.value.trim();
  }

  function saveFile(name, blob) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // Runs `work` once Python is ready, showing what is left to download in `where` meanwhile.
  async function whileLoading(where, work) {
    if (runtime !== "ready") {
      where.classList.add("checker-progress");
      where.hidden = false;
      showProgress(true);
    }
    try {
      await pythonReady();
    } finally {
      where.classList.remove("checker-progress");
      if (where.matches(".checker-letter-progress")) { where.hidden = true; where.textContent = ""; }
    }
    return work();
  }

  async function letterAction(button) {
    const block = button.closest("[data-letter]");
    const draft = one("[data-letter-text]", block);
    const status = one(".checker-letter-status", block);
    const action = button.dataset.letterAction;
    const name = `reply-${block.dataset.letter}`;
    status.textContent = "";  // no word left from an earlier action
    if (action === "draft") {
      const details = Object.fromEntries(all("[data-detail]", block).map((i) => [i.dataset.detail, i.value]));
      // With no details typed, the table holds Python's letter; details need Python.
      const plain = runtime !== "ready" && Object.values(details).every((value) => !value.trim());
      let drafted = plain || runtime === "failed" ? { text: (fromTable(answers) || {}).letter } : null;
      if (!drafted || !drafted.text) {
        const progress = one(".checker-letter-progress", block);
        try {
          drafted = await whileLoading(progress, () => call("letter", { answers, details }));
        } catch (error) {
          drafted = { text: (fromTable(answers) || {}).letter };
        }
      }
      if (drafted.status === "error") {  // Python could not take what was typed: say why, here
        status.textContent = drafted.message;
        return;
      }
      draft.value = drafted.text || "";
      printLetter(draft);
      subjects.set(draft, drafted.subject);  // none from the table: Python gives it when needed
      draft.setSelectionRange(0, 0);  // the draft is read from its first line
      draft.scrollTop = 0;
      one(".checker-letter-output", block).hidden = false;
      status.textContent = runtime === "failed" && Object.values(details).some((value) => value.trim())
        ? text.textDraftedGaps : text.textDrafted;
      draft.focus();
    } else if (action === "copy") {
      draft.select();
      try { await navigator.clipboard.writeText(draft.value); } catch (e) { document.execCommand("copy"); }
      status.textContent = text.textCopied;
    } else if (action === "txt") {
      saveFile(`${name}.txt`, new Blob([draft.value], { type: "text/plain;charset=utf-8" }));
      status.textContent = text.textSavedTxt;
    } else if (action === "docx") {
      let bytes;
      try {
        bytes = await whileLoading(status, async () => {
          const title = subjects.get(draft) || (await call("letter", { answers, details: {} })).subject;
          return call("docx", { text: draft.value, title });
        });
      } catch (error) {
        status.textContent = text.textNoDocx;
        return;
      }
      saveFile(`${name}.docx`, new Blob([bytes], {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      }));
      status.textContent = text.textSavedDocx;
    }
  }

  // The day on this device, as the rules take dates.
  function today() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  // A record of the decision, made by Python on this device from what the page shows: each
  // question and answer as the summary words them, the outcome's title, its sources and the
  // letter, if one was drafted.
  async function recordAction(button) {
    const block = button.closest("[data-record]");
    const status = one(".checker-record-status", block);
    status.textContent = "";
    const panel = section(outcome);
    const title = one("h2", panel).cloneNode(true);
    all(".headerlink", title).forEach((link) => link.remove());
    const letter = one("[data-letter-text]", panel);
    const request = {
      outcome,
      title: title.textContent.trim(),
      answers: all("dt", summary).map((term) => ({
        question: term.textContent, answer: term.nextElementSibling.firstChild.textContent,
      })),
      citations,
      ...(letter && letter.value.trim() ? { letter: letter.value } : {}),
    };
    const type = button.dataset.recordAction;
    let made;
    try {
      made = await whileLoading(status, () => call(type, { request, today: today() }));
    } catch (error) {
      status.textContent = text.textNoRecord;
      return;
    }
    if (made.status === "error") { status.textContent = made.message; return; }
    if (type === "record") {
      saveFile("decision-record.txt", new Blob([made.text], { type: "text/plain;charset=utf-8" }));
      status.textContent = text.textSavedTxt;
    } else {
      saveFile("decision-record.docx", new Blob([made], {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      }));
      status.textContent = text.textSavedDocx;
    }
  }

  // ------------------------------------------------------------------ wiping
  function wipe() {
    answers = {};
    path = [];
    outcome = null;
    notes = [];
    citations = [];
    waitingForRuntime = false;
    changed = false;
    latestStep += 1;
    all("[data-outcome]").forEach(clearLetter);
    all(".checker-letter-status, .checker-record-status").forEach((status) => { status.textContent = ""; });
    all("[data-date-part]").forEach((input) => { input.value = ""; });
    clearErrors();
    waiting.hidden = true;
    renderSummary();
  }

  function restart(remember = true) {
    wipe();
    reveal(first, remember);
  }

  // ------------------------------------------------------------------ the page
  function setUp() {
    startWorker();
    showRuntime();
    root.addEventListener("click", (event) => {
      const target = event.target.closest("button");
      if (!target || !root.contains(target)) return;
      if (target.dataset.answer) answer(target);
      else if (target.dataset.change) { changed = true; reveal(target.dataset.change); }
      else if (target.dataset.letterAction) letterAction(target);
      else if (target.dataset.recordAction) recordAction(target);
      else if (target.dataset.control === "back") history.back();
      else if (target.dataset.control === "copy-link") copyLink(target);
      else if (target.dataset.control === "print") window.print();
      else if (target.dataset.control === "restart") restart();
      else if (target.dataset.control === "retry") retry();
    });
    root.addEventListener("input", (event) => {
      if (event.target.matches("[data-letter-text]")) printLetter(event.target);
    });
    // Enter in a date box answers the question, as Continue does.
    root.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || !event.target.matches("[data-date-part]")) return;
      event.preventDefault();
      answer(one('[data-answer="continue"]', section(current)));
    });
    window.addEventListener("popstate", revisit);
    // Every visit starts at the first question, whatever entry the history holds.
    history.replaceState({ checker: first }, "");
    // Quick exit, and leaving the page by any route (quick-exit.js), wipe the answers and
    // return to the first question, so that Back never shows them.
    document.addEventListener("checker:wipe", () => restart(false));
    window.addEventListener("pagehide", stopWorker);
    window.addEventListener("pageshow", (event) => { if (event.persisted && !worker) startWorker(); });
  }

  setUp();
})();
