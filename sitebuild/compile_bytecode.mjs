// Compiles the checker's Python files to bytecode with the browser's own Python: Pyodide,
// under Node. Bytecode is specific to a Python version, and the build machine's is not
// Pyodide's. Used by sitebuild/wheel.py when it builds the wheel.
// In (stdin):   {"checker/engine.py": "<source>", ...}
// Out (stdout): {"cache_tag": "cpython-314", "bytecode": {"checker/engine.py": "<base64 .pyc>"}}
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const sources = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide();
pyodide.globals.set("sources_json", JSON.stringify(sources));
const result = pyodide.runPython(`
import base64, json, os, py_compile, sys

def compiled(path, source):
    # Unchecked-hash bytecode: used as it is, whatever the file times after unpacking; the
    # wheel is rebuilt whole whenever a source changes.
    os.makedirs(os.path.dirname("/src/" + path), exist_ok=True)
    with open("/src/" + path, "w", encoding="utf-8") as file:
        file.write(source)
    out = py_compile.compile("/src/" + path, cfile="/out.pyc", dfile=path, doraise=True,
                             invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(out, "rb") as file:
        return base64.b64encode(file.read()).decode()

json.dumps({"cache_tag": sys.implementation.cache_tag,
            "bytecode": {path: compiled(path, source)
                         for path, source in json.loads(sources_json).items()}})
`);
process.stdout.write(result);
