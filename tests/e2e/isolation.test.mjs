// One broken chart never breaks another, nothing leaks, and a missing wasm is never a blank box.
//
// - Charts side by side: one given a bad spec, one a hostile but valid spec, one a spec whose
//   getters throw or that nests without end; the good one still draws and updates.
// - 10 000 mount/update/destroy cycles in one page: wasm memory, listeners (counted by a
//   wrapped EventTarget.prototype.addEventListener/removeEventListener installed before any
//   page script, and by CDP DOMDebugger.getEventListeners), DOM nodes and the JS heap come back
//   to where they started.
// - The wasm answering 404: mount() and renderSVG() reject with a clear message, the element
//   shows it, and the next try loads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openFixture, nextFrames } from "./harness.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Counts live event listeners on every EventTarget (window.__listeners()), before any page script runs. */
function countListeners() {
  const reg = new WeakMap(); // target -> Map("type|capture" -> Set(listener))
  let live = 0;
  const key = (type, opts) => `${type}|${typeof opts === "boolean" ? opts : !!(opts && opts.capture)}`;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) {
      let byKey = reg.get(this);
      if (!byKey) reg.set(this, (byKey = new Map()));
      let set = byKey.get(key(type, opts));
      if (!set) byKey.set(key(type, opts), (set = new Set()));
      if (!set.has(fn)) {
        set.add(fn);
        live++;
      }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    if (reg.get(this)?.get(key(type, opts))?.delete(fn)) live--;
    return remove.call(this, type, fn, opts);
  };
  window.__listeners = () => live;
}

/** A valid spec built to be hard: every year 1900–2200, 20 long milestones, every script, tiny and huge values. */
function hostileValidSpec() {
  const series = [];
  for (let y = 1900; y <= 2200; y++) {
    series.push({
      year: y,
      value: y % 7 === 0 ? 5e-324 : (y - 1899) * 3.3e9,
      exports: y % 3 ? 1e9 : undefined,
      imports: y % 3 ? 2e9 : undefined,
      estimate: y % 5 === 0,
      note: "😀 中俄 \u202Eevil\u202C e\u0301 \u0001 <script>window.__xss++</script>".repeat(3),
    });
  }
  return {
    title: "W".repeat(500),
    subtitle: "Товарооборот 中俄贸易 مرحبا ".repeat(20),
    unit: { prefix: "😀".repeat(12), suffix: "\u200B".repeat(12), label: "\u0301".repeat(500) },
    series,
    target: { value: 1e15, year: 2200, label: "T".repeat(500), set: 1900 },
    milestones: Array.from({ length: 20 }, (_, i) => ({ year: 1900 + i * 15, label: `${i} ${"M".repeat(480)}` })),
    source: { text: "s ".repeat(250), url: `https://example.com/${"u".repeat(400)}` },
    parts: { exports: "E".repeat(500), imports: "中".repeat(500) },
    kind: "breakdown",
    asOf: "2150-02-28",
    reveal: true,
  };
}

test("a bad spec and a hostile one beside a good chart: the good one still draws and updates", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async (hostileSrc) => {
    const hostile = new Function(`return (${hostileSrc})`)()();
    const m = await import("/src/js/index.js");
    const box = (w) => {
      const el = document.createElement("div");
      el.style.width = w;
      document.getElementById("root").append(el);
      return el;
    };
    const [goodEl, badEl, hostileEl] = [box("640px"), box("320px"), box("480px")];
    const good = await m.mount(goodEl, { title: "Good" });
    const out = {};
    try {
      await m.mount(badEl, { series: [{ year: 2020, value: "abc" }] });
    } catch (e) {
      out.bad = `${e.name} ${e.path}`;
    }
    out.badBox = badEl.textContent;
    const t0 = performance.now();
    const bad = await m.mount(hostileEl, hostile);
    out.hostileMs = performance.now() - t0;
    out.hostileSvg = !!hostileEl.querySelector("svg");
    // The hostile chart's own bad update leaves it as it was.
    const before = bad.toSVG();
    try {
      bad.update({ height: 1e308 });
    } catch (e) {
      out.hostileUpdate = `${e.name} ${e.path}`;
    }
    out.hostileKept = bad.toSVG() === before;
    // Specs that nest without end: a 1000-deep object and a cycle.
    let deep = { title: "x" };
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    const cyclic = { series: [] };
    cyclic.series.push(cyclic);
    for (const [name, spec] of [["deep", deep], ["cyclic", cyclic]]) {
      try {
        await m.renderSVG(spec);
        out[name] = "drawn";
      } catch (e) {
        out[name] = `${e.name}: ${e.message}`;
      }
    }
    good.update({ title: "Updated after the others", kind: "bars" });
    out.goodTitle = goodEl.querySelector("svg title").textContent;
    out.goodBars = goodEl.querySelectorAll("svg rect").length;
    out.hostileStill = hostileEl.querySelector("svg title")?.textContent.length;
    return out;
  }, hostileValidSpec.toString());
  assert.equal(r.bad, "SpecError series[0].value");
  assert.match(r.badBox, /series\[0\]\.value: expected a number, found a string/);
  assert.equal(r.hostileSvg, true);
  assert.ok(r.hostileMs < 5000, `the hostile spec took ${r.hostileMs} ms`);
  assert.equal(r.hostileUpdate, "SpecError height");
  assert.equal(r.hostileKept, true);
  assert.match(r.deep, /^SpecError: the spec is nested more than 32 levels deep$/);
  assert.match(r.cyclic, /^SpecError: the spec is nested more than 32 levels deep$/);
  assert.equal(r.goodTitle, "Updated after the others");
  assert.ok(r.goodBars > 20, `bars drawn: ${r.goodBars}`);
  assert.deepEqual(page.errors, []);
});

test("a spec whose getters throw is refused once and breaks nothing, however often it comes", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    el.style.width = "480px";
    document.getElementById("root").append(el);
    const good = await m.mount(el, { title: "Good" });
    const messages = new Set();
    // A JS exception that unwinds through the wasm leaves the wasm's state behind (a depth
    // counter once; its shadow stack pointer still): after a few hundred, every chart died.
    for (let i = 0; i < 2000; i++) {
      const spec = { series: [{ year: 2000, get value() { throw new Error("getter boom"); } }] };
      try {
        await m.renderSVG(spec);
      } catch (e) {
        messages.add(e.message);
      }
      if (i % 250 === 0) {
        try {
          good.update({ title: `Good ${i}` });
        } catch (e) {
          return { brokeAt: i, message: e.message, messages: [...messages] };
        }
      }
    }
    const proxy = new Proxy({}, { ownKeys() { throw new Error("trap boom"); } });
    try {
      await m.renderSVG(proxy);
    } catch (e) {
      messages.add(e.message);
    }
    good.update({ title: "Good at the end" });
    return { title: el.querySelector("svg title").textContent, messages: [...messages], svg: (await m.renderSVG({})).slice(0, 4) };
  });
  assert.equal(r.brokeAt, undefined, `the good chart broke after ${r.brokeAt} bad specs: ${r.message}`);
  assert.equal(r.title, "Good at the end");
  assert.equal(r.svg, "<svg");
  assert.ok(r.messages.length <= 3, `one clear message each, not a changing one: ${r.messages}`);
});

test("10 000 mount/update/destroy cycles leave wasm memory, listeners, nodes and heap where they were", async () => {
  const page = await env.newPage();
  await page.addInitScript(countListeners);
  await page.goto(`${env.url}/__e2e__/fixture.html`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOMDebugger.enable").catch(() => {});
  /** Listeners CDP sees on window, document and the host element (its whole subtree). */
  const cdpListeners = async () => {
    let n = 0;
    for (const expr of ["window", "document", "document.getElementById('host')", "document.fonts"]) {
      const { result } = await cdp.send("Runtime.evaluate", { expression: expr });
      if (!result.objectId) continue;
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId, depth: -1, pierce: true });
      n += listeners.length;
      await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
    }
    return n;
  };
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  /** `n` cycles; `hidden`: the host is display:none (no browser layout, the same wasm and DOM work). */
  const step = (n, hidden = false, keep = false) =>
    page.evaluate(async ({ n, hidden, keep }) => {
      const m = await import("/src/js/index.js");
      const host = document.getElementById("host") ?? document.createElement("div");
      if (!host.isConnected) {
        host.id = "host";
        host.style.width = "360px";
        document.getElementById("root").append(host);
      }
      host.style.display = hidden ? "none" : "block";
      // Drawn in the page: the built-in data as bars on a canvas and as a breakdown in
      // Chinese. Hidden (the bulk): small specs through the same kinds and renderers.
      const small = [
        { year: 2000, value: 1, exports: 0.4, imports: 0.6 },
        { year: 2001, value: 2, estimate: true, note: "n" },
      ];
      const specs = hidden
        ? [
            { series: small, target: { value: 3, year: 2003 }, milestones: [{ year: 2001, label: "m" }] },
            { series: small, kind: "bars", renderer: "canvas" },
            { series: small, kind: "breakdown", locale: "zh", asOf: "2001-06-01", reveal: true },
          ]
        : [
            { series: small, target: { value: 3, year: 2003 } },
            { kind: "bars", title: "Bars", renderer: "canvas" },
            { kind: "breakdown", locale: "zh" },
          ];
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const chart = await m.mount(host, specs[i % 3]);
        chart.update({ ...specs[(i + 1) % 3], title: `cycle ${i}` });
        if (i % 100 === 0) chart.showTooltip(0);
        if (keep && i === n - 1) window.__kept = chart;
        else chart.destroy();
      }
      const glue = await import("/pkg/trade_target_chart.js");
      const wasm = await glue.default(); // already initialised: returns the instance's exports
      return {
        ms: performance.now() - t0,
        memory: wasm.memory.buffer.byteLength,
        listeners: window.__listeners(),
        nodes: document.getElementsByTagName("*").length,
        hostChildren: host.childNodes.length,
      };
    }, { n, hidden, keep });
  // Warm up (the first charts grow the wasm heap to its working size, compile, cache fonts).
  await step(100);
  await step(100, true);
  // One chart left mounted: the counters must see its listeners.
  const one = await step(1, false, true);
  const oneCdp = await cdpListeners();
  await page.evaluate(() => window.__kept.destroy());
  const base = { ...(await step(1)), cdp: await cdpListeners(), heap: await heap() };
  // 500 cycles drawn in the page, then 9 500 with the host display:none: the same wasm and
  // DOM work without the browser's layout (a third of the time on this machine).
  const visible = await step(500);
  const hidden = await step(9_500, true);
  const cycles = 10_000;
  const end = await step(0);
  const final = { ...end, cdp: await cdpListeners(), heap: await heap() };
  const figures = {
    cycles,
    seconds: +((visible.ms + hidden.ms) / 1000).toFixed(1),
    msPerCycleVisible: +(visible.ms / 500).toFixed(2),
    msPerCycleHidden: +(hidden.ms / 9_500).toFixed(2),
    listenersWhileMounted: [one.listeners, oneCdp],
    wasmBytes: [base.memory, final.memory],
    listeners: [base.listeners, final.listeners],
    cdpListeners: [base.cdp, final.cdp],
    nodes: [base.nodes, final.nodes],
    heapBytes: [base.heap, final.heap],
  };
  console.log(`# isolation figures: ${JSON.stringify(figures)}`);
  assert.ok(one.listeners > 0 && oneCdp > 0, "the counters see a mounted chart's listeners");
  assert.ok(final.memory - base.memory < 1 << 20, `wasm memory grew by ${final.memory - base.memory} bytes`);
  assert.equal(final.listeners, base.listeners, "listeners back to the baseline");
  assert.equal(final.cdp, base.cdp, "CDP's listener count back to the baseline");
  assert.equal(final.nodes, base.nodes);
  assert.equal(final.hostChildren, 0);
  assert.ok(final.heap - base.heap < 2 << 20, `JS heap grew by ${final.heap - base.heap} bytes`);
  assert.deepEqual(page.errors, []);
});

test("without the wasm (404), mount() and renderSVG() say so in words; a later try loads", async () => {
  const page = await openFixture(env);
  let block = true;
  await page.route("**/*.wasm", (route) => (block ? route.fulfill({ status: 404, body: "gone" }) : route.continue()));
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    el.style.width = "480px";
    document.getElementById("root").append(el);
    const out = {};
    try {
      await m.mount(el, { title: "x" });
      out.mount = "drawn";
    } catch (e) {
      out.mount = `${e.name}: ${e.message}`;
    }
    out.text = el.textContent;
    out.height = el.getBoundingClientRect().height;
    try {
      await m.renderSVG({});
      out.render = "drawn";
    } catch (e) {
      out.render = e.message;
    }
    return out;
  });
  assert.match(r.mount, /^Error: could not fetch .*trade_target_chart_bg\.wasm \(HTTP 404\)$/);
  assert.match(r.text, /^The chart could not be loaded: could not fetch .*\(HTTP 404\)$/);
  assert.ok(r.height > 0, "never a blank, zero-height box");
  assert.match(r.render, /HTTP 404/);
  block = false;
  const again = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.querySelector("#root > div");
    await m.mount(el, { title: "Loaded on the second try" });
    return el.querySelector("svg title").textContent;
  });
  assert.equal(again, "Loaded on the second try");
  await nextFrames(page);
  page.expectErrors(/status of 404/); // the blocked wasm's 404s, logged by Chromium
  assert.deepEqual(page.errors, []);
});

test("a spec behind a Proxy (a Vue or MobX reactive object) draws like the object itself", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const spec = { title: "Reactive", series: [{ year: 2020, value: 1 }, { year: 2021, value: 2 }] };
    const wrap = (o) => new Proxy(o, { get: (t, k) => (t[k] && typeof t[k] === "object" ? wrap(t[k]) : t[k]) });
    const plain = await m.renderSVG(spec, { width: 480 });
    const proxied = await m.renderSVG(wrap(spec), { width: 480 });
    const el = document.createElement("div");
    el.style.width = "480px";
    document.getElementById("root").append(el);
    const chart = await m.mount(el, wrap({ title: "Start" }));
    chart.update(wrap(spec));
    return { same: plain === proxied, title: el.querySelector("svg title").textContent };
  });
  assert.ok(r.same, "the same picture through the Proxy");
  assert.equal(r.title, "Reactive");
});
