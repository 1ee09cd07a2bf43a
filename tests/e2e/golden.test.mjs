// The SVG drawn in the browser (wasm) equals the native golden files byte for byte.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { setup, openFixture, ROOT } from "./harness.mjs";

let env;
let page;
before(async () => {
  env = await setup();
  page = await openFixture(env);
});
after(async () => {
  await env?.close();
});

for (const width of [640, 320, 1200]) {
  const name = `default-${width}.svg`;
  const required = width === 640;
  const present = existsSync(path.join(ROOT, "tests", "golden", name));
  const skip = !required && !present ? `tests/golden/${name} does not exist` : false;

  test(`renderSVG({}, { width: ${width} }) in the browser equals tests/golden/${name}`, { skip }, async () => {
    assert.ok(present, `tests/golden/${name} does not exist (the native renderer writes it)`);
    const r = await page.evaluate(
      async ({ width, name }) => {
        const m = await import("/src/js/index.js");
        const svg = await m.renderSVG({}, { width });
        const res = await fetch(`/tests/golden/${name}`, { cache: "no-store" });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { status: res.status, svg, golden: Array.from(bytes) };
      },
      { width, name },
    );
    assert.equal(r.status, 200, `GET /tests/golden/${name}`);
    const golden = Buffer.from(r.golden);
    const ours = Buffer.from(r.svg, "utf8");
    if (!ours.equals(golden)) {
      // Show where they differ (assert.equal on strings prints a diff).
      assert.equal(r.svg, golden.toString("utf8"), `browser SVG differs from tests/golden/${name}`);
      assert.fail(`browser SVG differs from tests/golden/${name} (bytes differ, text equal?)`);
    }
  });
}
