// Runs the checker's Python rules in Pyodide, off the page's main thread.
// In:  {type: "boot", indexURL, wheelURL}, then {id, type: "step" | "letter" | "docx", payload}
// Out: {type: "ready", timings} | {type: "failed", message} | {id, result} | {id, error}
//      (timings: milliseconds spent starting the worker, loading Pyodide, writing the rules'
//      files, importing them)
let web = null;

const handlers = {
  step: (payload) => JSON.parse(web.step(JSON.stringify(payload))),
  letter: (payload) => JSON.parse(web.letter(JSON.stringify(payload))),
  docx: (payload) => {
    const bytes = web.docx(payload.text);
    try { return bytes.toJs(); } finally { bytes.destroy(); }
  },
};

// The wheel's files as [path, bytes], read while Pyodide boots, so that once it has booted
// only writing them is left (docs-dev/decisions/0004). A wheel is a zip; the build stores each file as it is, with
// its size in its local header, and that is all this reads.
function wheelFiles(wheel) {
  const view = new DataView(wheel);
  const names = new TextDecoder();
  const files = [];
  let at = 0;
  while (at + 30 <= wheel.byteLength && view.getUint32(at, true) === 0x04034b50) {  // a file
    const [flags, method, size] = [view.getUint16(at + 6, true), view.getUint16(at + 8, true),
      view.getUint32(at + 18, true)];
    const nameEnd = at + 30 + view.getUint16(at + 26, true);
    const start = nameEnd + view.getUint16(at + 28, true);
    if (flags & 0x8 || method !== 0 || start + size > wheel.byteLength) {  // 0: stored
      throw new Error("wheel: unreadable entry");
    }
    const path = names.decode(new Uint8Array(wheel, at + 30, nameEnd - at - 30));
    files.push([path, new Uint8Array(wheel, start, size)]);
    at = start + size;
  }
  if (files.length === 0) throw new Error("wheel: not a zip file");
  return files;
}

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    try {
      const started = performance.now();
      let loaded = started;
      const [pyodide, files] = await Promise.all([  // a wheel that fails, fails at once
        import(`${data.indexURL}pyodide.mjs`)
          .then(({ loadPyodide }) => loadPyodide({ indexURL: data.indexURL }))
          .then((booted) => { loaded = performance.now(); return booted; }),
        fetch(data.wheelURL).then((response) => {
          if (!response.ok) throw new Error(`wheel: HTTP ${response.status}`);
          return response.arrayBuffer();
        }).then(wheelFiles),
      ]);
      // Into Python's working directory, where unpackArchive would put them (on sys.path).
      const home = pyodide.FS.cwd();
      for (const [path, bytes] of files) {
        pyodide.FS.mkdirTree(`${home}/${path.slice(0, path.lastIndexOf("/"))}`);
        pyodide.FS.writeFile(`${home}/${path}`, bytes);
      }
      const written = performance.now();
      web = pyodide.pyimport("checker.web");
      const timings = {
        worker: started,  // from the worker's creation to this message (its time origin)
        pyodide: loaded - started, wheel: written - loaded, rules: performance.now() - written,
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
