// Trims Pyodide's standard library to what the checker uses, with Pyodide's own Python, under
// Node. It boots Pyodide as the page's worker does, writes the rules' files, imports
// checker.web and runs every step, every letter and a Word document through it; the standard
// library's modules then loaded (Pyodide's start-up included) are the ones kept, each with
// its docstrings removed (ast.parse -> drop docstrings -> ast.unparse). Used by
// sitebuild/wheel.py.
// In (stdin):   {"files": {"checker/web.py": "<base64>", ...}, "steps": [answers, ...],
//                "letters": [answers, ...]}
// Out (stdout): {"zip": "<base64 stored zip>", "kept": [name, ...], "dropped": [name, ...]}
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const input = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide();
const home = pyodide.FS.cwd();
for (const [path, data] of Object.entries(input.files)) {
  pyodide.FS.mkdirTree(`${home}/${path.slice(0, path.lastIndexOf("/"))}`);
  pyodide.FS.writeFile(`${home}/${path}`, Buffer.from(data, "base64"));
}
const web = pyodide.pyimport("checker.web");
for (const answers of input.steps) web.step(JSON.stringify({ answers }));
for (const answers of input.letters) {
  const drafted = JSON.parse(web.letter(JSON.stringify({ answers, details: { name: "A" } })));
  if (drafted.status !== "letter") throw new Error(`no letter for ${JSON.stringify(answers)}`);
  web.docx(drafted.text).destroy();
}
// Read the loaded modules before this script imports anything of its own.
const loaded = pyodide.runPython(`
import sys
sorted({m.__spec__.origin for m in list(sys.modules.values())
        if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(sys.path[1] + "/")})
`).toJs();
pyodide.globals.set("loaded", loaded);
const result = pyodide.runPython(`
import ast, base64, io, json, sys, zipfile

STDLIB = sys.path[1]  # /lib/python3XY.zip, where Pyodide mounts python_stdlib.zip


def without_docstrings(source):
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \\
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree) + "\\n"


names = [origin[len(STDLIB) + 1:] for origin in loaded]
buffer = io.BytesIO()
with zipfile.ZipFile(STDLIB) as full, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as trimmed:
    everything = [n for n in full.namelist() if not n.endswith("/")]
    for name in names:
        source = full.read(name).decode("utf-8")
        trimmed.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)),
                         without_docstrings(source).encode("utf-8"))
json.dumps({"zip": base64.b64encode(buffer.getvalue()).decode(), "kept": names,
            "dropped": sorted(set(everything) - set(names))})
`);
process.stdout.write(result);
