// Runs checker.web.step for every case inside Pyodide under Node (the browser's Python), and
// lists the wheel's modules whose bytecode is not what this Python makes of their source.
// With HOSTILE.json ([{call: "step" | "letter" | "docx" | "record" | "record_docx", request}]) it
// also makes each call, as the page's worker does, and gives its reply (for docx and record_docx,
// the document's XML; "" for no document).
// Usage: node tests/pyodide_parity.mjs WHEEL CASES.json TODAY [HOSTILE.json]
//        -> prints {version, results, hostile, bytecode: {module: "ok" | "missing" | "stale"}}
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath, today, hostilePath] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
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
const bytecode = JSON.parse(pyodide.runPython(`
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
console.log(JSON.stringify({ version, results, hostile, bytecode }));
