// The canvas renderer draws at the device's pixel density.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openFixture } from "./harness.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("a canvas chart in a 500px container at devicePixelRatio 2 has a 1000px-wide canvas", async () => {
  const page = await openFixture(env, { deviceScaleFactor: 2 });
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    el.style.width = "500px";
    document.getElementById("root").append(el);
    const chart = await m.mount(el, { renderer: "canvas" });
    // Let a ResizeObserver round settle.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const canvas = el.querySelector("canvas");
    if (!canvas) return { canvas: false, html: el.innerHTML.slice(0, 300) };
    const box = canvas.getBoundingClientRect();
    // Is anything drawn? Count non-transparent pixels on a coarse grid.
    const ctx = canvas.getContext("2d");
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4 * 97) if (data[i] !== 0) painted++;
    return {
      canvas: true,
      dpr: window.devicePixelRatio,
      width: canvas.width,
      height: canvas.height,
      cssWidth: box.width,
      cssHeight: box.height,
      painted,
      svg: chart.toSVG().slice(0, 200),
      svgCount: el.querySelectorAll("svg").length,
    };
  });
  assert.equal(r.canvas, true, `no <canvas> in the chart: ${r.html}`);
  assert.equal(r.dpr, 2);
  assert.equal(r.width, 1000, "canvas width = CSS width × devicePixelRatio");
  assert.equal(Math.round(r.cssWidth), 500, "the canvas is shown 500 CSS px wide");
  assert.equal(r.height, Math.round(r.cssHeight * 2), "canvas height = CSS height × devicePixelRatio");
  assert.ok(r.painted > 50, `the canvas looks blank (${r.painted} painted samples)`);
  assert.match(r.svg, /^<svg/, "toSVG works for a canvas chart too");
  assert.deepEqual(page.errors, []);
});
