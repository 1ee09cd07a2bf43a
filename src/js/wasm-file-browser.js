// "#wasm-file" outside Node, Deno and Bun (browsers, workers, bundlers building for them):
// there is no file system to read a file: URL from. index.js only gets here when the wasm URL
// is a file: URL, e.g. a page opened from disk.
export function readWasm(url) {
  throw new Error(`cannot read ${String(url)} here: serve pkg/trade_target_chart_bg.wasm over http(s) or call setWasmUrl()`);
}
