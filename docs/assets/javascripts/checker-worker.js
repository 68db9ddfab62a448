// Runs the checker's Python rules in Pyodide, off the page's main thread.
// In:  {type: "boot", indexURL, wheelURL, stdLibURL, lockInfo}, then
//      {id, type: "step" | "letter" | "docx" | "record" | "record_docx", payload}
//      (docx: {text, title}, the title being the letter's subject as Python drafted it)
// Out: {type: "progress", received, open} (bytes of Pyodide, its standard library and the
//      rules received so far; downloads still open) | {type: "ready", timings} |
//      {type: "failed", message} |
//      {id, result} | {id, error}
//      (timings: milliseconds spent starting the worker, loading Pyodide, writing the rules'
//      files, importing them)
import { wheelFiles, writeFiles } from "./checker-wheel.js";

let web = null;

const handlers = {
  step: (payload) => JSON.parse(web.step(JSON.stringify(payload))),
  letter: (payload) => JSON.parse(web.letter(JSON.stringify(payload))),
  docx: (payload) => {
    const bytes = web.docx(payload.text, payload.title || null);
    try { return bytes.toJs(); } finally { bytes.destroy(); }
  },
  record: (payload) => JSON.parse(web.record(JSON.stringify(payload.request), payload.today)),
  record_docx: (payload) => {
    const bytes = web.record_docx(JSON.stringify(payload.request), payload.today);
    try { return bytes.toJs(); } finally { bytes.destroy(); }
  },
};

function fail(error) {
  self.postMessage({ type: "failed", message: String((error && error.message) || error) });
}

// Once the boot has failed the page ends this worker: what failed never settles, so nothing
// is left to reject unhandled meanwhile.
const never = new Promise(() => {});

// Every download counts its bytes for the page (which gives up only when they stop coming),
// and one that fails fails the boot at once: Pyodide itself only logs a standard library or
// a WebAssembly module that did not arrive, and then waits for ever.
let received = 0;
let open = 0;
const report = () => self.postMessage({ type: "progress", received, open });
const download = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const name = String(resource).split("/").pop();
  let response;
  open += 1;  // from the request on: one that never answers is a stalled download
  report();
  try {
    response = await download(resource, options);
  } catch (error) {
    fail(`${name}: ${(error && error.message) || error}`);
    return never;
  }
  if (!response.ok) {
    fail(`${name}: HTTP ${response.status}`);
    return never;
  }
  if (!response.body || typeof TransformStream === "undefined") {
    open -= 1;
    report();
    return response;
  }
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, stream) {
      received += chunk.byteLength;
      report();
      stream.enqueue(chunk);
    },
    flush() {
      open -= 1;
      report();
    },
  }));
  return new Response(counted, { status: response.status, headers: response.headers });
};

// Pyodide also only logs a WebAssembly module that cannot be compiled or instantiated.
function failing(instantiate) {
  return (...args) => instantiate(...args).catch((error) => { fail(`WebAssembly: ${error}`); return never; });
}

async function boot(data) {
  if (typeof WebAssembly === "undefined") throw new Error("no WebAssembly");
  WebAssembly.instantiate = failing(WebAssembly.instantiate.bind(WebAssembly));
  if (WebAssembly.instantiateStreaming) {
    WebAssembly.instantiateStreaming = failing(WebAssembly.instantiateStreaming.bind(WebAssembly));
  }
  const started = performance.now();
  let loaded = started;
  const [pyodide, files] = await Promise.all([  // a wheel that fails, fails at once
    import(`${data.indexURL}pyodide.mjs`)
      .then(({ loadPyodide }) => loadPyodide({
        indexURL: data.indexURL, stdLibURL: data.stdLibURL,
        // The lock's info and no packages: nothing is installed, so no lock file is fetched.
        lockFileContents: { info: data.lockInfo, packages: {} },
      }))
      .then((booted) => { loaded = performance.now(); return booted; }),
    fetch(data.wheelURL).then((response) => response.arrayBuffer()).then(wheelFiles),
  ]);
  writeFiles(pyodide, files);
  const written = performance.now();
  web = pyodide.pyimport("checker.web");
  const timings = {
    worker: started,  // from the worker's creation to this message (its time origin)
    pyodide: loaded - started, wheel: written - loaded, rules: performance.now() - written,
  };
  self.postMessage({ type: "ready", timings });
}

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    boot(data).catch(fail);
    return;
  }
  try {
    self.postMessage({ id: data.id, result: handlers[data.type](data.payload) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String((error && error.message) || error) });
  }
};
