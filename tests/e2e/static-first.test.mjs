// Static first (issue 11): the pre-rendered fragment (renderHTML, the CLI's --html) and its
// hydration by <trade-target-chart>, and no layout shift for pre-rendered or dynamic charts.
// Timings are printed (`# …` lines) for the report, never asserted; bench: tests/bench/static-first.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT, openFixture } from "./harness.mjs";
import { openPage, frames } from "./embed-pages.mjs";

const CASES = JSON.parse(await readFile(path.join(ROOT, "tests/golden/fragments.json"), "utf8"));
const golden = (name) => readFile(path.join(ROOT, "tests/golden", `${name}.html`), "utf8");

let env;
let fragment640; // the default chart pre-rendered at 640 px
before(async () => {
  env = await setup();
  fragment640 = await golden("fragment-default-640");
});
after(async () => {
  await env?.close();
});

/** An article page: a heading, the chart, and text below it (which a shift would move). */
function article(chart, { script = "/pkg/element.min.js", head = "", blocking = false } = {}) {
  const js = script ? `<script type="module" src="${script}"${blocking ? ' blocking="render"' : ""}></script>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>${head}${js}</head>
<body><h1>Trade with Russia</h1><p>Text before the chart.</p>${chart}<p id="after">Text after the chart.</p>${"<p>More article text.</p>".repeat(40)}</body></html>`;
}

/** Records layout shifts (buffered) and paints from the start of the page. */
function observeShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ value: e.value, recent: e.hadRecentInput, at: e.startTime });
  }).observe({ type: "layout-shift", buffered: true });
}

const chartOf = (p) => p.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 15_000 });

test("renderHTML in Node and in the browser writes the golden fragments, the CLI's bytes", async () => {
  const { renderHTML } = await import("../../src/js/index.js");
  for (const c of CASES) {
    assert.equal(await renderHTML(c.spec, { width: c.width }), await golden(c.name), `${c.name} (Node)`);
  }
  const p = await openFixture(env);
  const got = await p.evaluate(async (cases) => {
    const m = await import("/src/js/index.js");
    return Promise.all(cases.map((c) => m.renderHTML(c.spec, { width: c.width })));
  }, CASES);
  for (const [i, c] of CASES.entries()) assert.equal(got[i], await golden(c.name), `${c.name} (browser)`);
  // A bad spec is refused with its path, as renderSVG does.
  const err = await p.evaluate(async () => {
    const m = await import("/src/js/index.js");
    return m.renderHTML({ series: [{ year: 2020, value: "x" }] }).catch((e) => `${e.name} ${e.path}`);
  });
  assert.equal(err, "SpecError series[0].value");
  assert.deepEqual(p.errors, []);
});

test("with JavaScript off, the pre-rendered chart is on screen with its link, description and data table", async () => {
  const hostile = await golden("fragment-hostile-ru-320"); // markup in every text, a source URL
  const p = await openPage(env, article(fragment640 + hostile, { script: "" }), { viewport: { width: 656, height: 900 }, javaScriptEnabled: false });
  const r = await p.evaluate(() => {
    const el = document.querySelector("trade-target-chart");
    const root = el.shadowRoot; // attached by the HTML parser: declarative shadow DOM
    const svg = root.querySelector(".ttc svg");
    const box = svg.getBoundingClientRect();
    return {
      svg: { width: box.width, height: box.height, name: svg.getAttribute("aria-label") },
      desc: svg.querySelector("desc").textContent,
      link: root.querySelector(".ttc-links a")?.getAttribute("href") ?? null,
      other: (() => {
        const r2 = document.querySelectorAll("trade-target-chart")[1].shadowRoot;
        return {
          link: r2.querySelector(".ttc-links a").getAttribute("href"),
          words: r2.querySelector(".ttc-links a").textContent,
          title: r2.querySelector("svg title").textContent,
          elements: r2.querySelectorAll("script, style, template").length + document.querySelectorAll("script, style").length,
        };
      })(),
      summary: root.querySelector("details summary").textContent,
      rows: root.querySelectorAll("details table tr").length,
      described: root.getElementById(root.querySelector(".ttc").getAttribute("aria-describedby"))?.textContent,
      after: document.querySelectorAll("trade-target-chart")[1].getBoundingClientRect().top - box.top,
    };
  });
  assert.deepEqual(r.svg, { width: 640, height: 397, name: "China–Russia trade passed its $200B goal a year early" });
  assert.match(r.desc, /^Trade rose from \$8\.0B in 2000/);
  assert.equal(r.described, r.desc);
  assert.equal(r.link, null, "the default chart's source has no URL: no link");
  assert.deepEqual(r.other, {
    link: 'https://example.com/data?a=1&b="2"',
    words: "Источник",
    title: "<script>alert(\"x\")</script> & 'q' </template><style>*{}</style>",
    elements: 0,
  });
  assert.equal(r.summary, "Data table");
  assert.equal(r.rows, 1 + 26, "a head row and one row a year");
  // The chart, the 26 px links row, the one-line disclosure, then the text below.
  assert.ok(r.after > 397 + 26 && r.after < 397 + 26 + 60, `text below at ${r.after}`);
});

test("a pre-rendered chart fetches no wasm until the reader's intent, then is taken over in place: keyboard tooltip, CSV and PNG", async () => {
  const requests = [];
  const p = await env.newPage({ viewport: { width: 656, height: 900 }, acceptDownloads: true });
  p.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await p.context().route(`${env.url}/__e2e__/pre.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: article(fragment640) }),
  );
  await p.goto(`${env.url}/__e2e__/pre.html`);
  await p.waitForFunction(() => customElements.get("trade-target-chart"));
  await p.waitForTimeout(300);
  assert.deepEqual(requests.filter((u) => /\.wasm$|trade_target_chart\.js$/.test(u)), [], "nothing fetched before intent");
  // Mark the picture and watch it: taking over must not write a thing into it.
  await p.evaluate(() => {
    const root = document.querySelector("trade-target-chart").shadowRoot;
    const svg = root.querySelector("svg");
    svg.__prerendered = true;
    window.__writes = 0;
    new MutationObserver((l) => (window.__writes += l.length)).observe(svg, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  await p.keyboard.press("Tab"); // focus is an intent: the frame is the chart's one tab stop
  await chartOf(p);
  await frames(p);
  assert.equal(requests.filter((u) => u.endsWith(".wasm")).length, 1, "the wasm is fetched on intent");
  const taken = await p.evaluate(() => {
    const el = document.querySelector("trade-target-chart");
    const root = el.shadowRoot;
    return {
      same: root.querySelector(".ttc svg").__prerendered === true,
      writes: window.__writes,
      focused: root.activeElement?.className,
      buttons: [...root.querySelectorAll(".ttc-links button")].map((b) => b.textContent),
      table: root.querySelectorAll(".ttc ~ div table tr").length,
    };
  });
  assert.deepEqual(taken, { same: true, writes: 0, focused: "ttc", buttons: ["Get the data", "Download image"], table: 27 });
  // The keyboard works as on a dynamic chart.
  await p.keyboard.press("End");
  const tip = await p.evaluate(() => {
    const root = document.querySelector("trade-target-chart").shadowRoot;
    const t = root.querySelector(".ttc-tip");
    return { shown: getComputedStyle(t).display !== "none", text: t.textContent, live: root.querySelector('[aria-live="polite"]').textContent };
  });
  assert.equal(tip.shown, true);
  assert.match(tip.text, /^2025/);
  assert.match(tip.live, /2025/);
  // Both downloads.
  for (const [label, name] of [["Get the data", "trade-target-chart.csv"], ["Download image", "trade-target-chart.png"]]) {
    const [download] = await Promise.all([p.waitForEvent("download"), p.getByText(label).click()]);
    assert.equal(download.suggestedFilename(), name);
    const file = await download.path();
    const bytes = await readFile(file);
    if (name.endsWith(".csv")) assert.match(bytes.toString("utf8"), /^year,total,exports,imports,estimate,note\r\n2000,/);
    else assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
  assert.deepEqual(p.errors, []);
});

test("loading=idle takes a pre-rendered chart over without intent; a spec changed before that is drawn anew", async () => {
  const idle = fragment640.replace("<trade-target-chart ", '<trade-target-chart loading="idle" ');
  const p = await openPage(env, article(idle), { viewport: { width: 656, height: 900 } });
  await chartOf(p);
  const p2 = await openPage(env, article(fragment640), { viewport: { width: 656, height: 900 } });
  await p2.waitForFunction(() => customElements.get("trade-target-chart"));
  const title = await p2.evaluate(async () => {
    const el = document.querySelector("trade-target-chart");
    const drawn = new Promise((r) => el.addEventListener("ttc:render", r, { once: true }));
    el.setAttribute("spec", '{"title": "Changed"}');
    await drawn;
    return el.shadowRoot.querySelector(".ttc svg text").textContent.trim();
  });
  assert.equal(title, "Changed");
  assert.deepEqual([...p.errors, ...p2.errors], []);
});

test("a dynamic element holds the drawn chart's height before the wasm arrives, at 320, 640 and 1200 px", async () => {
  for (const width of [320, 640, 1200]) {
    const p = await openPage(env, article(`<trade-target-chart loading="interaction"></trade-target-chart>`), { viewport: { width, height: 900 } });
    await p.waitForFunction(() => customElements.get("trade-target-chart"));
    await frames(p);
    const held = await p.$eval("trade-target-chart", (el) => el.getBoundingClientRect().height);
    await p.hover("trade-target-chart");
    await chartOf(p);
    await frames(p);
    const drawn = await p.$eval("trade-target-chart", (el) => ({
      height: el.getBoundingClientRect().height,
      svg: Number(el.shadowRoot.querySelector("svg").getAttribute("height")),
    }));
    assert.equal(held, drawn.height, `${width} px: held ${held}, drawn ${drawn.height} (svg ${drawn.svg} + links)`);
    await p.closeContext();
  }
});

test("no layout shift on a pre-rendered or a dynamic page at 320, 640 and 1200 px, through hydration", async () => {
  const sums = [];
  for (const kind of ["pre-rendered", "dynamic"]) {
    for (const width of [320, 640, 1200]) {
      // A dynamic element can hold its room only once its script has run: before that it is
      // an unknown, empty element. `blocking="render"` on the script tag makes the first paint
      // wait for it (without, the sum is the whole chart's height, about 0.24–0.29 here).
      // A pre-rendered chart needs no script to hold its room.
      const dynamic = kind === "dynamic";
      const chart = dynamic ? "<trade-target-chart></trade-target-chart>" : fragment640;
      const p = await openPage(env, article(chart, { blocking: dynamic }), { viewport: { width, height: 900 }, init: observeShifts });
      await p.waitForFunction(() => customElements.get("trade-target-chart"));
      if (kind === "pre-rendered") await p.hover("trade-target-chart");
      await chartOf(p);
      await frames(p);
      await p.waitForTimeout(300);
      const shifts = await p.evaluate(() => window.__shifts);
      const sum = shifts.reduce((s, e) => s + e.value, 0);
      sums.push(`${kind} ${width}: ${sum}`);
      assert.equal(sum, 0, `${kind} at ${width} px: ${JSON.stringify(shifts)}`);
      assert.deepEqual(p.errors, []);
      await p.closeContext();
    }
  }
  console.log(`# layout-shift sums: ${sums.join(", ")}`);
});

test("a fragment inserted with innerHTML, or parsed after the element was defined, is still shown and taken over", async () => {
  // innerHTML does not attach declarative shadow roots: the element attaches the template's content.
  const p = await openPage(env, article(""), { viewport: { width: 656, height: 900 } });
  await p.waitForFunction(() => customElements.get("trade-target-chart"));
  const inserted = await p.evaluate(async (html) => {
    const div = document.createElement("div");
    div.innerHTML = html;
    document.body.prepend(div);
    const el = div.querySelector("trade-target-chart");
    const svg = el.shadowRoot.querySelector(".ttc svg");
    return { height: svg?.getBoundingClientRect().height, chart: el.chart, template: !!el.querySelector("template") };
  }, fragment640);
  assert.deepEqual(inserted, { height: 397, chart: null, template: false });
  await p.hover("trade-target-chart");
  await chartOf(p);
  assert.equal(await p.$eval("trade-target-chart", (el) => el.shadowRoot.querySelectorAll("svg").length), 1, "taken over, not drawn twice");
  // Defined before the parser reaches the element: an async module that runs while a slow
  // classic script holds the parser (the constructor then runs before the children exist).
  const q = await env.newPage({ viewport: { width: 656, height: 900 } });
  await q.context().route(`${env.url}/__e2e__/slow.js`, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ contentType: "text/javascript", body: "window.__slow = customElements.get('trade-target-chart') !== undefined;" });
  });
  await q.context().route(`${env.url}/__e2e__/early.html`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><script type="module" async src="/pkg/element.min.js"></script></head><body><script src="slow.js"></script>${fragment640}<p id="after">After.</p></body></html>`,
    }),
  );
  await q.goto(`${env.url}/__e2e__/early.html`);
  assert.equal(await q.evaluate(() => window.__slow), true, "the element was defined before the parser reached it");
  const early = await q.$eval("trade-target-chart", (el) => ({
    height: el.shadowRoot.querySelector(".ttc svg")?.getBoundingClientRect().height,
    chart: el.chart,
  }));
  assert.deepEqual(early, { height: 397, chart: null });
  await q.hover("trade-target-chart");
  await chartOf(q);
  assert.equal(await q.$eval("trade-target-chart", (el) => el.shadowRoot.querySelectorAll("svg").length), 1);
  assert.deepEqual([...p.errors, ...q.errors], []);
});

test("the pre-rendered chart is painted while the element script is still downloading (no JS or wasm needed for it)", async () => {
  const p = await env.newPage({ viewport: { width: 656, height: 900 } });
  const requests = [];
  p.on("request", (r) => requests.push({ path: new URL(r.url()).pathname, at: Date.now() }));
  await p.context().route(`${env.url}/pkg/element.min.js`, async (route) => {
    await new Promise((r) => setTimeout(r, 2000)); // a slow script
    await route.continue();
  });
  await p.context().route(`${env.url}/__e2e__/slow-script.html`, (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: article(fragment640) }),
  );
  await p.addInitScript(() => {
    window.__paint = null;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === "first-contentful-paint" && (window.__paint = e.startTime))).observe({ type: "paint", buffered: true });
  });
  const start = Date.now();
  await p.goto(`${env.url}/__e2e__/slow-script.html`, { waitUntil: "commit" });
  await p.waitForFunction(() => window.__paint !== null);
  const seen = await p.evaluate(() => {
    const el = document.querySelector("trade-target-chart");
    return {
      defined: customElements.get("trade-target-chart") !== undefined,
      height: el.shadowRoot.querySelector(".ttc svg").getBoundingClientRect().height,
      fcp: window.__paint,
    };
  });
  assert.equal(seen.defined, false, "the element script has not arrived yet");
  assert.equal(seen.height, 397, "the chart is laid out and painted without it");
  assert.ok(seen.fcp < 1500, `first paint at ${seen.fcp} ms, before the script`);
  const early = requests.filter((r) => r.at - start < seen.fcp && /\.(js|wasm)$/.test(r.path)).map((r) => r.path);
  assert.ok(early.every((u) => u === "/pkg/element.min.js"), `only the page's own script tag was requested: ${early}`);
  await p.waitForFunction(() => customElements.get("trade-target-chart"));
  await p.waitForTimeout(200);
  assert.equal(requests.filter((r) => r.path.endsWith(".wasm")).length, 0, "no wasm without intent");
  assert.deepEqual(p.errors, []);
});

test("after hydration the reader's colour scheme is followed live, with no shift; axe finds nothing before or after", async () => {
  const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
  const p = await openPage(env, article(fragment640), { viewport: { width: 656, height: 900 }, colorScheme: "dark", init: observeShifts });
  await p.waitForFunction(() => customElements.get("trade-target-chart"));
  const fill = () => p.$eval("trade-target-chart", (el) => el.shadowRoot.querySelector(".ttc svg rect").getAttribute("fill"));
  const axe = async () => {
    await p.addScriptTag({ path: AXE });
    return p.evaluate(async () => (await window.axe.run("trade-target-chart", { resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  };
  // The fragment cannot ask the reader: theme "auto" is drawn light until it is taken over.
  assert.equal(await fill(), "#FFFFFF");
  assert.deepEqual(await axe(), [], "the pre-rendered chart");
  await p.hover("trade-target-chart");
  await chartOf(p);
  await frames(p);
  assert.equal(await fill(), "#161618", "taken over by a dark-mode reader: dark");
  await p.emulateMedia({ colorScheme: "light" });
  await p.waitForFunction(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc svg rect").getAttribute("fill") === "#FFFFFF");
  assert.deepEqual(await axe(), [], "the chart after hydration");
  assert.equal(await p.evaluate(() => window.__shifts.reduce((s, e) => s + e.value, 0)), 0);
  assert.deepEqual(p.errors, []);
});
