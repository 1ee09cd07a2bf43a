// The npm entry (js/index.js) in a real page: mount, update, SpecError, loading the wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openFixture, mountInFixture, nextFrames } from "./harness.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("mount with a bad spec rejects with a SpecError at the right path and shows the error box", async () => {
  const page = await openFixture(env);
  const result = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const spec = await m.defaultSpec();
    spec.series[3].value = "abc";
    const el = document.createElement("div");
    el.id = "bad";
    el.className = "fresh";
    document.getElementById("root").append(el);
    try {
      await m.mount(el, spec);
      return { resolved: true };
    } catch (e) {
      return {
        isSpecError: e instanceof m.SpecError,
        isError: e instanceof Error,
        name: e.name,
        path: e.path,
        message: e.message,
        boxText: el.textContent.trim(),
        boxHeight: el.getBoundingClientRect().height,
      };
    }
  });
  assert.notEqual(result.resolved, true, "mount should have rejected");
  assert.equal(result.isSpecError, true);
  assert.equal(result.isError, true);
  assert.equal(result.name, "SpecError");
  assert.equal(result.path, "series[3].value");
  assert.ok(result.message.startsWith("series[3].value: "), result.message);
  assert.ok(result.message.length > "series[3].value: ".length + 3, result.message);
  assert.ok(result.boxText.length > 0, "the element must show the error, not stay blank");
  assert.match(result.boxText, /series\[3\]\.value/, `error box text: ${result.boxText}`);
  assert.ok(result.boxHeight > 0, "the error box takes up room");
});

test("mount with JSON text that does not parse rejects with path \"\" and says so in the element", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    document.getElementById("root").append(el);
    // A chart already there is replaced by the message, not left half-alive.
    const first = await m.mount(el, { title: "Before" });
    try {
      await m.mount(el, '{"title": "x",}');
      return { resolved: true };
    } catch (e) {
      let firstDead = false;
      try {
        first.toSVG();
      } catch {
        firstDead = true;
      }
      return {
        isSpecError: e instanceof m.SpecError,
        path: e.path,
        message: e.message,
        text: el.textContent,
        hasSvg: !!el.querySelector("svg"),
        firstDead,
      };
    }
  });
  assert.notEqual(r.resolved, true);
  assert.equal(r.isSpecError, true);
  assert.equal(r.path, "");
  assert.match(r.message, /^the spec is not valid JSON: /);
  assert.match(r.text, /not valid JSON/);
  assert.equal(r.hasSvg, false);
  assert.equal(r.firstDead, true, "the chart that was in the element is destroyed");
});

test("a root-level problem has path \"\" and the message alone", async () => {
  const page = await openFixture(env);
  const results = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const out = {};
    for (const [name, spec] of [
      ["badJson", '{"title": '],
      ["array", "[1, 2]"],
      ["number", 42],
    ]) {
      try {
        await m.renderSVG(spec);
        out[name] = { resolved: true };
      } catch (e) {
        out[name] = { isSpecError: e instanceof m.SpecError, path: e.path, message: e.message };
      }
    }
    return out;
  });
  assert.equal(results.badJson.isSpecError, true);
  assert.equal(results.badJson.path, "");
  assert.match(results.badJson.message, /^the spec is not valid JSON: /);
  for (const name of ["array", "number"]) {
    assert.equal(results[name].isSpecError, true, name);
    assert.equal(results[name].path, "", name);
    assert.ok(!results[name].message.startsWith(":"), results[name].message);
  }
});

test("a spec given as JSON text draws the same as the object; an unknown key is rejected", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const spec = { title: "From JSON text", kind: "bars" };
    const fromObject = await m.renderSVG(spec, { width: 500 });
    const fromText = await m.renderSVG(JSON.stringify(spec), { width: 500 });
    const fromNull = await m.renderSVG(null);
    const fromEmpty = await m.renderSVG({});
    let unknown;
    try {
      await m.renderSVG({ title: "x", colour: "red" });
    } catch (e) {
      unknown = { isSpecError: e instanceof m.SpecError, path: e.path, message: e.message };
    }
    return { fromObject, fromText, same: fromObject === fromText, defaultSame: fromNull === fromEmpty, unknown };
  });
  assert.equal(r.same, true);
  assert.match(r.fromObject, /^<svg/);
  assert.match(r.fromObject, /From JSON text/);
  assert.match(r.fromObject, /width="500"/);
  assert.equal(r.defaultSame, true, "null and {} both mean the default chart");
  assert.ok(r.unknown, "an unknown key must be rejected");
  assert.equal(r.unknown.isSpecError, true);
  assert.match(r.unknown.message, /colour/);
});

test("update with a bad spec throws a SpecError and leaves the chart as it was; destroy empties the element", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    el.style.width = "600px";
    document.getElementById("root").append(el);
    const chart = await m.mount(el, { title: "First title" });
    const sameElement = chart.element === el;
    chart.update({ title: "Second title" });
    const afterGood = { svg: chart.toSVG(), html: el.innerHTML };
    let thrown;
    try {
      chart.update({ target: { value: "lots", year: 2024 } });
    } catch (e) {
      thrown = { isSpecError: e instanceof m.SpecError, path: e.path, message: e.message };
    }
    const afterBad = { svg: chart.toSVG(), html: el.innerHTML };
    chart.destroy();
    chart.destroy(); // idempotent
    let afterDestroy;
    try {
      chart.update({});
    } catch (e) {
      afterDestroy = e.message;
    }
    return { sameElement, afterGood, thrown, afterBad, emptied: el.childNodes.length === 0, afterDestroy };
  });
  assert.equal(r.sameElement, true);
  assert.match(r.afterGood.svg, /Second title/);
  assert.doesNotMatch(r.afterGood.svg, /First title/);
  assert.ok(r.thrown, "update with a bad spec must throw");
  assert.equal(r.thrown.isSpecError, true);
  assert.equal(r.thrown.path, "target.value");
  assert.equal(r.afterBad.svg, r.afterGood.svg, "toSVG unchanged after a rejected update");
  assert.equal(r.afterBad.html, r.afterGood.html, "the element unchanged after a rejected update");
  assert.equal(r.emptied, true, "destroy empties the element");
  assert.match(r.afterDestroy ?? "", /destroyed/);
});

test("the wasm is fetched once for several charts, and not at import time", async () => {
  const page = await openFixture(env);
  const wasmRequests = [];
  page.on("request", (req) => {
    if (new URL(req.url()).pathname.endsWith(".wasm")) wasmRequests.push(req.url());
  });
  await page.evaluate(async () => {
    window.__ttc = await import("/src/js/index.js");
    await new Promise((r) => setTimeout(r, 200));
  });
  assert.deepEqual(wasmRequests, [], "importing the module must not fetch the wasm");

  const r = await page.evaluate(async () => {
    const m = window.__ttc;
    const root = document.getElementById("root");
    const els = [1, 2, 3].map((i) => {
      const el = document.createElement("div");
      el.className = "chart";
      el.style.width = `${300 + 100 * i}px`;
      root.append(el);
      return el;
    });
    // All at once (before the first load finishes) and then more afterwards.
    const charts = await Promise.all([
      ...els.map((el, i) => m.mount(el, { title: `Chart ${i + 1}` })),
      m.renderSVG({}),
      m.defaultSpec(),
      m.ready(),
    ]);
    const extra = document.createElement("div");
    root.append(extra);
    await m.mount(extra, {});
    await m.renderSVG({}, { width: 320 });
    return {
      svgs: document.querySelectorAll("#root svg").length,
      titles: charts.slice(0, 3).map((c) => c.toSVG().includes(`Chart ${charts.indexOf(c) + 1}`)),
    };
  });
  assert.equal(r.svgs, 4, "four charts drawn");
  assert.deepEqual(r.titles, [true, true, true]);
  assert.equal(wasmRequests.length, 1, `wasm requests: ${JSON.stringify(wasmRequests)}`);
  assert.match(wasmRequests[0], /\/pkg\/trade_target_chart_bg\.wasm$/);
});

test("a wasm that cannot be loaded leaves a readable message in the element", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    m.setWasmUrl("/pkg/no-such-file.wasm");
    const el = document.createElement("div");
    document.getElementById("root").append(el);
    try {
      await m.mount(el, {});
      return { resolved: true };
    } catch (e) {
      return {
        isSpecError: e instanceof m.SpecError,
        message: String(e && e.message),
        text: el.textContent,
        hasMarkup: el.children.length > 0,
      };
    }
  });
  assert.notEqual(r.resolved, true);
  assert.equal(r.isSpecError, false);
  assert.match(r.text, /could not be loaded/);
  assert.match(r.text, /404/);
  assert.equal(r.hasMarkup, false, "plain text only");
  assert.equal(page.expectErrors(/status of 404/).length, 1, "Chromium logs the 404 itself");
  assert.deepEqual(page.errors, []);
});

// A resize used to redraw inside the ResizeObserver's callback, which changed the observed
// box's height in the same frame: "ResizeObserver loop completed with undelivered
// notifications" reached window.onerror 3-4 times a resize (in Chromium, Firefox and
// WebKit), where a page's error monitor sees it and Playwright's pageerror does not.
test("a resize redraws in the next frame at the new width and raises nothing on window.onerror", async () => {
  const page = await openFixture(env);
  await mountInFixture(page, {}, { width: "640px" });
  for (const width of [320, 900, 480, 1200, 640]) {
    const r = await page.evaluate(async (width) => {
      const el = document.getElementById("chart");
      el.style.width = `${width}px`;
      // The observer reports the new size in this frame's layout; the chart draws in the
      // next frame's animation callbacks, after this one (asked for earlier).
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))));
      return el.querySelector("svg").getAttribute("width");
    }, width);
    assert.equal(r, String(width), `drawn at ${width} px in the next frame`);
  }
  await nextFrames(page);
  assert.deepEqual(page.errors, []);
});

test("a mounted chart's data and image buttons save the CSV and the PNG, then revoke their object URLs", async () => {
  const page = await openFixture(env);
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    const el = document.createElement("div");
    document.getElementById("root").append(el);
    const chart = await m.mount(el, {});
    // The download link's click is caught (no file dialog in a test); its blob is fetched at
    // once, before the URL is revoked on the next task.
    const saved = [];
    const revoked = [];
    const click = HTMLAnchorElement.prototype.click;
    const revoke = URL.revokeObjectURL;
    HTMLAnchorElement.prototype.click = function () {
      saved.push({ name: this.download, href: this.href, blob: fetch(this.href).then((res) => res.blob()) });
    };
    URL.revokeObjectURL = (url) => {
      revoked.push(url);
      revoke.call(URL, url);
    };
    try {
      el.querySelector('[data-ttc="csv"]').click();
      el.querySelector('[data-ttc="png"]').click(); // encoded asynchronously
      for (let i = 0; i < 200 && revoked.length < 2; i++) await new Promise((res) => setTimeout(res, 20));
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.revokeObjectURL = revoke;
    }
    const out = [];
    for (const s of saved) {
      const blob = await s.blob;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      out.push({
        name: s.name,
        type: blob.type,
        text: s.name.endsWith(".csv") ? await blob.text() : null,
        png: bytes[0] === 0x89 && String.fromCharCode(...bytes.slice(1, 4)) === "PNG",
        revoked: revoked.includes(s.href),
      });
    }
    return { out, csv: chart.toCSV() };
  });
  assert.equal(r.out.length, 2, JSON.stringify(r.out));
  const [csv, png] = r.out;
  assert.equal(csv.name, "trade-target-chart.csv");
  assert.equal(csv.type, "text/csv;charset=utf-8");
  assert.equal(csv.text, r.csv);
  assert.ok(csv.revoked, "the CSV's object URL is revoked");
  assert.equal(png.name, "trade-target-chart.png");
  assert.equal(png.type, "image/png");
  assert.ok(png.png, "the image is a PNG");
  assert.ok(png.revoked, "the PNG's object URL is revoked");
});
