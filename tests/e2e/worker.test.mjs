// No DOM in a Web Worker: a module worker imports the package entry (and the script-tag build)
// and renders the chart to SVG text there; the bytes equal the native golden file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { openPage } from "./embed-pages.mjs";

let env;
let golden;
before(async () => {
  env = await setup();
  golden = await readFile(path.join(ROOT, "tests", "golden", "default-640.svg"), "utf8");
});
after(async () => {
  await env?.close();
});

/** A module worker that imports `entry` and posts back what the package did there. */
const workerSource = (entry) => `
import { renderSVG, defaultSpec, mount, SpecError } from "${entry}";
const out = { hasDocument: typeof document !== "undefined" };
try {
  out.svg = await renderSVG({}, { width: 640 });
  out.defaultKeys = Object.keys(await defaultSpec());
  try {
    await renderSVG({ series: [{ year: 2020, value: "abc" }] });
  } catch (e) {
    out.badSpec = { isSpecError: e instanceof SpecError, path: e.path, message: e.message };
  }
  try {
    await mount(undefined);
  } catch (e) {
    out.mount = e.name + ": " + e.message;
  }
} catch (e) {
  out.error = String(e && e.stack || e);
}
postMessage(out);
`;

for (const entry of ["/src/js/index.js", "/pkg/trade-target-chart.min.js"]) {
  test(`a module worker importing ${entry}: renderSVG equals tests/golden/default-640.svg, SpecError paths`, async () => {
    const page = await openPage(env, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>worker</title></head><body></body></html>`, {
      files: { "worker.js": { body: workerSource(entry), type: "text/javascript" } },
    });
    const r = await page.evaluate(() => new Promise((resolve, reject) => {
      const w = new Worker("/__e2e__/worker.js", { type: "module" });
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
      setTimeout(() => reject(new Error("the worker did not answer in 15 s")), 15_000);
    }));
    assert.equal(r.error, undefined);
    assert.equal(r.hasDocument, false, "a worker has no DOM");
    assert.ok(Buffer.from(r.svg).equals(Buffer.from(golden)), `the worker's SVG equals the golden file: ${r.svg.slice(0, 120)}`);
    assert.deepEqual(r.defaultKeys.slice(0, 3), ["title", "unit", "series"]);
    assert.deepEqual(r.badSpec, { isSpecError: true, path: "series[0].value", message: "series[0].value: expected a number, found a string" });
    assert.equal(r.mount, "TypeError: trade-target-chart: mount() needs an element to draw into");
    assert.deepEqual(page.errors, []);
  });
}
