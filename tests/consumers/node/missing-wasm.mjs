// A wasm URL that points nowhere (setWasmUrl with a file: URL): a clear error, not cached, and
// the package's own wasm still loads afterwards. Prints what it saw as JSON.
import { renderSVG, setWasmUrl } from "trade-target-chart";

const out = {};
setWasmUrl(new URL("./no-such.wasm", import.meta.url));
try {
  await renderSVG({});
  out.missing = "resolved";
} catch (e) {
  out.missing = e.message;
}
setWasmUrl(null); // allowed again: the failed load was not kept
out.retry = (await renderSVG({}, { width: 320 })).startsWith("<svg");
console.log(JSON.stringify(out));
