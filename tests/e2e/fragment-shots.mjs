// Screenshots of the pre-rendered fragment for review, as a news article shows it with
// JavaScript off: node tests/e2e/fragment-shots.mjs [outdir] [widths] [schemes]
// (defaults: tests/out/, 320,414,768,1200, light,dark). The fragment is renderHTML({}) with
// no width (set TTC_FRAGMENT_WIDTH=640 for a one-width fragment) in a column of at most
// 680 px with 16 px padding. Writes fragment-<width>-<scheme>.png.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from "./harness.mjs";
import { renderHTML } from "../../src/js/index.js";

const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, "tests", "out"));
const widths = (process.argv[3] ?? "320,414,768,1200").split(",").map(Number);
const schemes = (process.argv[4] ?? "light,dark").split(",");
const w = process.env.TTC_FRAGMENT_WIDTH;
const spec = process.env.TTC_SPEC ? JSON.parse(process.env.TTC_SPEC) : { theme: "auto" };
const chart = await renderHTML(spec, w ? { width: Number(w) } : {});

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<meta name="color-scheme" content="light dark"></head>
<body style="margin:0;font:18px/1.5 Georgia,serif"><main style="max-width:680px;margin:0 auto;padding:0 16px">
<h1>China–Russia trade</h1><p>Text before the chart.</p>${chart}<p>Text after the chart.</p></main></body></html>`;

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const scheme of schemes) {
    for (const width of widths) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false, colorScheme: scheme });
      const p = await ctx.newPage();
      await p.setContent(page);
      const file = path.join(outDir, `fragment-${width}-${scheme}.png`);
      await p.screenshot({ path: file, fullPage: true });
      console.log(file);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
}
