// Runs checker.web.step for every case inside Pyodide under Node (the browser's Python), and
// lists the wheel's modules whose bytecode is not what this Python makes of their source.
// With HOSTILE.json ([{call: "step" | "letter" | "docx" | "record" | "record_docx", request}]) it
// also makes each call, as the page's worker does, and gives its reply (for docx and record_docx,
// the document's XML; "" for no document). With a step table and a trimmed standard library, it
// boots Pyodide as the page's worker does (that standard library, no package lock), also looks
// every case up in the table as the page does, and drafts every outcome's letter and its Word
// document. "-" stands for a file not given.
// Usage: node tests/pyodide_parity.mjs WHEEL CASES.json TODAY [HOSTILE.json|-] [TABLE.json STDLIB.zip]
//        -> prints {version, results, hostile, bytecode: {module: "ok" | "missing" | "stale"},
//                   table: [{step, letter} | null], letters: [text | null], docx: [bytes]}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadPyodide } from "pyodide";
import { wheelFiles, writeFiles } from "../docs/assets/javascripts/checker-wheel.js";

const [wheelPath, casesPath, today, hostileArg, tablePath, stdlibPath] = process.argv.slice(2);
const hostilePath = hostileArg && hostileArg !== "-" ? hostileArg : null;
const lock = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("pyodide/pyodide-lock.json")));
const pyodide = await loadPyodide(stdlibPath
  ? { stdLibURL: stdlibPath, lockFileContents: { info: lock.info, packages: {} } } : {});
const wheel = readFileSync(wheelPath);
writeFiles(pyodide, wheelFiles(wheel.buffer.slice(wheel.byteOffset, wheel.byteOffset + wheel.length)));
const web = pyodide.pyimport("checker.web");
pyodide.runPython("from checker.engine import check_structure; check_structure()");
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const results = cases.map((answers) => JSON.parse(web.step(JSON.stringify({ answers }), today)));
const documentXml = pyodide.runPython(
  "import io, zipfile\nlambda data: zipfile.ZipFile(io.BytesIO(data)).read('word/document.xml').decode() if data else ''");
const documents = { docx: (request) => web.docx(request), record_docx: (request) => web.record_docx(request, today) };
const hostile = JSON.parse(hostilePath ? readFileSync(hostilePath, "utf8") : "[]").map(({ call, request }) =>
  documents[call] ? documentXml(documents[call](request)) : JSON.parse(web[call](request, today)));
const shown = { version, results, hostile };
if (tablePath) {
  await import("../docs/assets/javascripts/checker-table.js");
  const table = JSON.parse(readFileSync(tablePath, "utf8"));
  shown.table = cases.map((answers) => globalThis.checkerTable.lookup(table, answers, today));
  shown.letters = cases.map((answers, index) => {
    if (results[index].status !== "outcome") return null;
    const drafted = JSON.parse(web.letter(JSON.stringify({ answers, details: {} }), today));
    return drafted.status === "letter" ? drafted.text : null;
  });
  shown.docx = shown.letters.filter((text) => text).map((text) => {
    const bytes = web.docx(text);
    try { return bytes.toJs().length; } finally { bytes.destroy(); }
  });
}
shown.bytecode = JSON.parse(pyodide.runPython(`
import importlib.util, json, marshal, pathlib, checker

def state(source):
    cached = pathlib.Path(importlib.util.cache_from_source(str(source)))
    if not cached.exists():
        return "missing"
    data = cached.read_bytes()
    fresh = compile(source.read_bytes(), f"checker/{source.name}", "exec", dont_inherit=True)
    return "ok" if data[:4] == importlib.util.MAGIC_NUMBER and marshal.loads(data[16:]) == fresh else "stale"

json.dumps({source.name: state(source) for source in pathlib.Path(checker.__file__).parent.glob("*.py")})
`));
console.log(JSON.stringify(shown));
