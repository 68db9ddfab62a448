// The files of the rules' wheel as [path, bytes], for checker-worker.js to write into
// Pyodide's file system while Pyodide boots (docs-dev/decisions/0004), and for the tests
// that boot Pyodide the same way. A wheel is a zip; the build stores each file as it is,
// with its size in its local header, and that is all this reads.
export function wheelFiles(wheel) {
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

// Writes them into Python's working directory, where unpackArchive would put them (on sys.path).
export function writeFiles(pyodide, files) {
  const home = pyodide.FS.cwd();
  for (const [path, bytes] of files) {
    pyodide.FS.mkdirTree(`${home}/${path.slice(0, path.lastIndexOf("/"))}`);
    pyodide.FS.writeFile(`${home}/${path}`, bytes);
  }
}
