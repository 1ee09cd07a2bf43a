// Screenshots of the demo page for review: node tests/e2e/screenshot.mjs [outdir]
// Writes demo-320.png, demo-640.png and demo-1200.png (viewport widths, full page)
// into outdir (default tests/out/, which is gitignored).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { setup, openDemo, ROOT } from "./harness.mjs";

const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, "tests", "out"));
const WIDTHS = [320, 640, 1200];

await mkdir(outDir, { recursive: true });
const env = await setup();
try {
  for (const width of WIDTHS) {
    const page = await openDemo(env, { viewport: { width, height: 800 } });
    // Let the chart follow its container's final width.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(outDir, `demo-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (page.errors.length) console.warn(`${width}px: ${page.errors.join("\n")}`);
    console.log(file);
    await page.closeContext();
  }
} finally {
  await env.close();
}
