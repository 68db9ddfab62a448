// Runs the checker's Python rules in Pyodide, off the page's main thread.
// Messages in:  {type: "boot", indexURL, wheelURL}  then  {type: "step", id, request}
// Messages out: {type: "ready"} | {type: "failed", message} | {type: "result", id, result}
let step = null;

async function boot({ indexURL, wheelURL }) {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL, packages: [wheelURL] });
  step = pyodide.pyimport("checker.web").step;
}

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    try {
      await boot(data);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
    }
  } else if (data.type === "step") {
    const result = JSON.parse(step(JSON.stringify(data.request)));
    self.postMessage({ type: "result", id: data.id, result });
  }
};
