// Runs checker.web.step for every case inside Pyodide under Node (the browser's Python).
// Usage: node tests/pyodide_parity.mjs WHEEL CASES.json TODAY  -> prints {version, results}
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath, today] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const web = pyodide.pyimport("checker.web");
pyodide.runPython("from checker.engine import check_structure; check_structure()");
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const results = cases.map((answers) => JSON.parse(web.step(JSON.stringify({ answers }), today)));
console.log(JSON.stringify({ version, results }));
