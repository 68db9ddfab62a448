// The checker page's glue: reads answers, asks the Python rules (in a Web Worker) for the
// next step, and reveals the matching pre-rendered question or outcome. No rule lives here.
// Answers stay in this page's memory only: never in the URL, history, cookies or storage.
(() => {
  "use strict";
  const script = document.currentScript;
  const root = document.querySelector("[data-checker]");
  if (!root || !script) return;

  const absolute = (path) => new URL(path, document.baseURI).href;
  const all = (selector) => Array.from(root.querySelectorAll(selector));
  const one = (selector) => root.querySelector(selector);
  const waiting = one(".checker-waiting");
  const failed = one(".checker-failed");
  const controls = one(".checker-controls");
  const summary = root.querySelector(".checker-summary");

  let answers = {};          // fact id -> value, in memory only
  let path = [];             // the facts in use, in the order asked (from Python)
  let current = "audience";  // the question or outcome on show
  let runtime = "starting";  // starting | ready | failed
  let pending = null;        // a step asked for before the runtime was ready
  let nextId = 0;

  const worker = new Worker(absolute(script.dataset.worker), { type: "module" });
  const bootTimer = setTimeout(() => fail("timed out"), Number(root.dataset.bootTimeout));
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      clearTimeout(bootTimer);
      runtime = "ready";
      if (pending) ask();
    } else if (data.type === "failed") {
      fail(data.message);
    } else if (data.type === "result" && data.id === nextId) {
      waiting.hidden = true;
      show(data.result);
    }
  };
  worker.onerror = () => fail("worker error");
  worker.postMessage({
    type: "boot", indexURL: absolute(script.dataset.pyodide), wheelURL: absolute(script.dataset.wheel),
  });

  function fail(reason) {
    if (runtime === "ready") return;
    runtime = "failed";
    clearTimeout(bootTimer);
    worker.terminate();
    waiting.hidden = true;
    failed.hidden = false;
    failed.dataset.reason = reason;
    if (pending) focus(failed);
  }

  function ask() {
    pending = true;
    if (runtime === "failed") return;
    if (runtime !== "ready") { waiting.hidden = false; return; }
    pending = null;
    nextId += 1;
    worker.postMessage({ type: "step", id: nextId, request: { answers } });
  }

  function section(id) {
    return one(`[data-question="${id}"]`) || one(`[data-outcome="${id}"]`);
  }

  function reveal(id) {
    all("[data-question], [data-outcome], [data-flag]").forEach((el) => { el.hidden = true; });
    current = id;
    const shown = section(id);
    shown.hidden = false;
    const chosen = answers[id];
    shown.querySelectorAll("[data-answer]").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.answer === chosen));
    });
    const date = shown.querySelector('input[type="date"]');
    if (date) {
      date.value = chosen || "";
      date.max = new Date().toISOString().slice(0, 10);
    }
    controls.hidden = id === "audience";
    focus(shown.querySelector("h2"));
  }

  function focus(element) {
    if (element) element.focus();
  }

  function show(result) {
    if (result.status === "error") {
      const error = one(`#e-${result.fact}`);
      if (error) { error.textContent = result.message.replace(/^[a-z_]+: /, ""); error.hidden = false; }
      return;
    }
    all(".checker-error").forEach((el) => { el.hidden = true; });
    path = result.path;
    answers = Object.fromEntries(path.map((fact) => [fact, answers[fact]]));
    if (result.status === "question") {
      reveal(result.question);
      section(result.question).querySelectorAll("[data-answer]").forEach((button) => {
        button.hidden = result.kind === "choice" && !result.options.includes(button.dataset.answer);
      });
    } else {
      reveal(result.outcome);
      result.flags.concat(result.regime === "before-chapter-3a" ? [result.regime] : [])
        .forEach((flag) => { const el = one(`[data-flag="${flag}"]`); if (el) el.hidden = false; });
    }
    renderSummary();
  }

  function renderSummary() {
    const list = summary.querySelector("dl");
    list.replaceChildren();
    path.forEach((fact) => {
      const question = section(fact);
      const term = document.createElement("dt");
      term.textContent = question.dataset.title;
      const value = document.createElement("dd");
      const button = question.querySelector(`[data-answer="${answers[fact]}"]`);
      value.textContent = button ? button.textContent : answers[fact];
      const change = document.createElement("button");
      change.type = "button";
      change.className = "checker-change";
      change.dataset.change = fact;
      change.textContent = "Change";
      change.setAttribute("aria-label", `Change your answer to: ${term.textContent}`);
      value.append(" ", change);
      list.append(term, value);
    });
    summary.hidden = path.length === 0;
  }

  root.addEventListener("click", (event) => {
    const target = event.target.closest("button");
    if (!target || !root.contains(target)) return;
    if (target.dataset.answer) {
      const fact = current;
      if (target.dataset.answer === "continue") {
        const input = section(fact).querySelector('input[type="date"]');
        if (!input.value) {
          const error = one(`#e-${fact}`);
          error.textContent = "Enter a date, for example 12 1 2026.";
          error.hidden = false;
          input.focus();
          return;
        }
        answers[fact] = input.value;
      } else {
        answers[fact] = target.dataset.answer;
      }
      if (target.dataset.next && runtime !== "ready") {
        // The audience's first question is known at build time: show it at once.
        path = ["audience"];
        reveal(target.dataset.next);
        renderSummary();
        return;
      }
      ask();
    } else if (target.dataset.change) {
      reveal(target.dataset.change);
    } else if (target.dataset.control === "back") {
      const index = path.indexOf(current);
      const previous = index > 0 ? path[index - 1] : path[path.length - 1];
      reveal(previous || "audience");
    } else if (target.dataset.control === "restart") {
      answers = {};
      path = [];
      pending = null;
      renderSummary();
      reveal("audience");
    }
  });

  // Quick exit (and anyone else) can wipe the answers without reloading.
  document.addEventListener("checker:wipe", () => { answers = {}; path = []; pending = null; });
})();
