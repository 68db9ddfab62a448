// Runs the checker's Python rules in Pyodide, off the page's main thread.
// In:  {type: "boot", indexURL, wheelURL}, then {id, type: "step" | "letter" | "docx", payload}
// Out: {type: "ready", timings} | {type: "failed", message} | {id, result} | {id, error}
//      (timings: milliseconds spent starting the worker, loading Pyodide, unpacking the rules,
//      importing them)
let web = null;

const handlers = {
  step: (payload) => JSON.parse(web.step(JSON.stringify(payload))),
  letter: (payload) => JSON.parse(web.letter(JSON.stringify(payload))),
  docx: (payload) => {
    const bytes = web.docx(payload.text);
    try { return bytes.toJs(); } finally { bytes.destroy(); }
  },
};

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    try {
      // Fetch the rules while Pyodide boots, then unpack them into its site-packages.
      const started = performance.now();
      const wheel = fetch(data.wheelURL).then((response) => {
        if (!response.ok) throw new Error(`wheel: HTTP ${response.status}`);
        return response.arrayBuffer();
      });
      const { loadPyodide } = await import(`${data.indexURL}pyodide.mjs`);
      const pyodide = await loadPyodide({ indexURL: data.indexURL });
      const loaded = performance.now();
      pyodide.unpackArchive(new Uint8Array(await wheel), "wheel");
      const unpacked = performance.now();
      web = pyodide.pyimport("checker.web");
      const timings = {
        worker: started,  // from the worker's creation to this message (its time origin)
        pyodide: loaded - started, wheel: unpacked - loaded, rules: performance.now() - unpacked,
      };
      self.postMessage({ type: "ready", timings });
    } catch (error) {
      self.postMessage({ type: "failed", message: String((error && error.message) || error) });
    }
    return;
  }
  try {
    self.postMessage({ id: data.id, result: handlers[data.type](data.payload) });
  } catch (error) {
    self.postMessage({ id: data.id, error: String((error && error.message) || error) });
  }
};
