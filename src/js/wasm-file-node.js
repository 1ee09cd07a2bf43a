// How the wasm bytes are read when the package runs from disk: Node, Deno and Bun (package.json
// "imports": "#wasm-file" resolves here under their "node" condition). index.js imports this only
// for a file: URL, which fetch cannot read outside Deno; browsers and bundlers for the browser
// get wasm-file-browser.js instead and so never see node:fs.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The bytes of the wasm at the file: URL `url`, or a clear error. */
export async function readWasm(url) {
  const file = fileURLToPath(url);
  try {
    return await readFile(file);
  } catch (e) {
    throw new Error(`could not read ${file} (${e && e.code ? e.code : e})`, { cause: e });
  }
}
