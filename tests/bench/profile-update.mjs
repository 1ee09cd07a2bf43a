// Where a data update's time goes (not part of npm test): `node tests/bench/profile-update.mjs`.
// Mounts the default chart at 640 px on the e2e fixture page and times, per update, a
// structuredClone of the spec (what index.js did before it copied with a loop: the "clone"
// column is that old cost), the update call (index.js's own copy included), and the forced
// layout after it, as the bench's update does (new data each time, each at the top of an
// animation frame). Timer resolution is 0.1 ms here: medians of many updates.
import { setup, openFixture, mountInFixture } from "../e2e/harness.mjs";

const env = await setup();
try {
  const page = await openFixture(env, { deviceScaleFactor: 2 });
  await mountInFixture(page, {});
  await page.evaluate((v) => (window.__variant = v), process.argv[2] ?? "");
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const base = await m.defaultSpec();
    const chart = window.__chart;
    const series = (i) =>
      base.series.map((p, k) => ({ ...p, value: Math.round(p.value * (0.85 + 0.3 * (((i * 7919 + k * 104729) % 1000) / 1000)) * 100) / 100 }));
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    const rows = [];
    if (window.__variant === "nosr") document.querySelector("#chart > div:nth-child(3)").style.display = "none";
    if (window.__variant === "contain") document.querySelector("#chart > div:nth-child(3)").style.contain = "strict";
    for (let i = 0; i < 80; i++) {
      const spec = { ...base, series: series(i + 1) };
      await raf();
      const t0 = performance.now();
      const copy = structuredClone(spec);
      const t1 = performance.now();
      chart.update(copy);
      const t2 = performance.now();
      void document.body.offsetHeight;
      const t3 = performance.now();
      if (i >= 10) rows.push([t1 - t0, t2 - t1, t3 - t2]);
    }
    // The same spec again: everything but DOM writes (the patch plan is empty).
    const same = structuredClone({ ...base, series: series(1) });
    chart.update(structuredClone(same));
    const again = [];
    const svgOnly = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      chart.update(structuredClone(same));
      const t1 = performance.now();
      await m.renderSVG(same, { width: 640 });
      const t2 = performance.now();
      again.push(t1 - t0);
      svgOnly.push(t2 - t1);
    }
    const m2 = (a) => a.sort((x, y) => x - y)[a.length >> 1];
    const med = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[rows.length >> 1];
    return { sameSpecCall: m2(again), renderSVG: m2(svgOnly), clone: med(0), call: med(1), layout: med(2), nodes: document.querySelectorAll("#chart *").length };
  });
  console.log(JSON.stringify(r));
} finally {
  await env.close();
}
