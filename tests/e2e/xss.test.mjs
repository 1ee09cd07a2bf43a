// XSS, end to end: every text field of the spec filled with classic payloads, drawn in a real
// browser through mount(), the <trade-target-chart> element and renderSVG (put into the page
// with innerHTML, as a host would). No payload may run (each one increments window.__xss or
// opens a dialog), no element or on* attribute of its own may appear, and only http(s) URLs
// may ever become links.
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

/** Each one runs `window.__xss++` (or alert) if it is ever treated as markup, script or a URL. */
const PAYLOADS = [
  `<script>window.__xss++;alert(1)</script>`,
  `<img src=x onerror="window.__xss++;alert(1)">`,
  `"><svg onload="window.__xss++;alert(1)">`,
  `'><svg/onload=window.__xss++>`,
  `</text><script>window.__xss++</script><text>`,
  `</title><img src=x onerror=window.__xss++>`,
  `</desc></svg><img src=x onerror=window.__xss++>`,
  `<svg><foreignObject><img src=x onerror="window.__xss++"></foreignObject></svg>`,
  `<iframe srcdoc="<script>parent.__xss++</script>"></iframe>`,
  `<a href="javascript:window.__xss++">click</a>`,
  `<style>*{background:url(javascript:window.__xss++)}</style>`,
  `url(javascript:window.__xss++)`,
  `javascript:window.__xss++`,
  `&lt;script&gt;window.__xss++&lt;/script&gt;`,
  `&#60;img src=x onerror=window.__xss++&#62;`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss++>`,
  `<!--<img src=x onerror=window.__xss++>-->`,
  `<![CDATA[<img src=x onerror=window.__xss++>]]>`,
  `\u0001\u0008<img src=x onerror=window.__xss++>\uFFFE`,
  "${window.__xss++}{{constructor.constructor('window.__xss++')()}}",
];
/** The unit's prefix and suffix take at most 12 characters. */
const SHORT = [`<b>`, `<img src=x>`, `"><svg>`, `</text>`, `&lt;`, `<!--`, `javascript:`, `<svg/onload>`];

/** A spec with `p` in every text field (and `s` in the 12-character unit fields). */
function hostileSpec(p, s, kind = "line", renderer = "svg") {
  return {
    title: p,
    subtitle: p,
    unit: { prefix: s, suffix: s, label: p },
    series: [
      { year: 2018, value: 100, note: p },
      { year: 2019, value: 110, exports: 50, imports: 60, note: p },
      { year: 2020, value: 120, estimate: true, note: p },
    ],
    target: { value: 200, year: 2024, label: p },
    milestones: [{ year: 2019, label: p }],
    source: { text: p, url: `https://example.com/?q=${encodeURIComponent(p)}&raw="><script>window.__xss++</script>` },
    parts: { exports: p, imports: p },
    kind,
    renderer,
  };
}

/** Elements the widget itself makes (tbody: the HTML parser adds it to the data table; slot: the element's fallback; b: the year in a tooltip). */
const ALLOWED = new Set(
  "svg title desc rect line polyline polygon circle text div b p table caption tbody tr th td a button canvas slot".split(" "),
);

async function xssPage() {
  const page = await openFixture(env);
  page.dialogs = [];
  page.on("dialog", (d) => {
    page.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.evaluate(() => {
    window.__xss = 0;
  });
  return page;
}

/** Tag names, on* attributes and link URLs inside every chart root on the page (shadow roots included). */
function audit(page) {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll("[data-chart]")].map((el) => el.shadowRoot ?? el);
    const tags = new Set();
    const onAttrs = [];
    const links = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll("*")) {
        tags.add(el.localName);
        for (const a of el.attributes) if (/^on/i.test(a.name)) onAttrs.push(`${el.localName}[${a.name}]`);
        if (el.localName === "a" && el.hasAttribute("href")) links.push(el.getAttribute("href"));
        for (const a of el.attributes) if (/^\s*javascript:/i.test(a.value) && /href|src|action/i.test(a.name)) onAttrs.push(`${el.localName}[${a.name}=${a.value}]`);
      }
    }
    const jsLinks = [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href"))).length;
    return { charts: roots.length, tags: [...tags].sort(), onAttrs, links, jsLinks, xss: window.__xss };
  });
}

test("payloads in every text field, through mount(), the element and renderSVG: nothing runs, nothing foreign appears", async () => {
  const page = await xssPage();
  const result = await page.evaluate(
    async ({ payloads, short, specSrc }) => {
      const hostileSpec = new Function(`return (${specSrc})`)();
      const m = await import("/src/js/index.js");
      await import("/src/js/element.js");
      const root = document.getElementById("root");
      const out = { mounted: 0, elements: 0, svgs: 0, errors: [], titles: [], xmlErrors: [] };
      const variants = [
        ["line", "svg"],
        ["breakdown", "svg"],
        ["bars", "canvas"],
      ];
      for (const [i, p] of payloads.entries()) {
        const s = short[i % short.length];
        const [kind, renderer] = variants[i % variants.length];
        const spec = hostileSpec(p, s, kind, renderer);
        // 1. mount()
        const div = document.createElement("div");
        div.dataset.chart = "mount";
        div.style.width = i % 2 ? "360px" : "640px";
        root.append(div);
        try {
          const chart = await m.mount(div, spec);
          out.mounted++;
          chart.update({ ...spec, kind: "bars", title: p + p });
          if (i === 0) window.__keep = chart;
          out.titles.push(div.querySelector("svg title")?.textContent ?? div.querySelector("canvas")?.getAttribute("aria-label"));
        } catch (e) {
          out.errors.push(`mount ${i}: ${e.message}`);
        }
        // 2. <trade-target-chart spec="…">
        const el = document.createElement("trade-target-chart");
        el.dataset.chart = "element";
        el.setAttribute("loading", "eager");
        el.setAttribute("spec", JSON.stringify(spec));
        const rendered = new Promise((resolve) => {
          el.addEventListener("ttc:render", () => resolve("render"), { once: true });
          el.addEventListener("ttc:error", (e) => resolve(`error: ${e.detail.error.message}`), { once: true });
        });
        root.append(el);
        const how = await rendered;
        if (how === "render") out.elements++;
        else out.errors.push(`element ${i}: ${how}`);
        // 3. renderSVG, put into the page as markup
        try {
          const svg = await m.renderSVG(spec, { width: 480 });
          const holder = document.createElement("div");
          holder.dataset.chart = "renderSVG";
          holder.innerHTML = svg;
          root.append(holder);
          out.svgs++;
          const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
          if (doc.querySelector("parsererror")) out.xmlErrors.push(i);
        } catch (e) {
          out.errors.push(`renderSVG ${i}: ${e.message}`);
        }
      }
      // onerror of an <img src=x> would fire after the fetch fails: give it time.
      await new Promise((r) => setTimeout(r, 500));
      return out;
    },
    { payloads: PAYLOADS, short: SHORT, specSrc: hostileSpec.toString() },
  );
  await nextFrames(page);
  assert.deepEqual(result.errors, []);
  assert.equal(result.mounted, PAYLOADS.length);
  assert.equal(result.elements, PAYLOADS.length);
  assert.equal(result.svgs, PAYLOADS.length);
  assert.deepEqual(result.xmlErrors, [], "renderSVG's output is well-formed XML (no control characters)");
  // The title is the payload, as text (a control character dropped, nothing else changed).
  assert.equal(result.titles[1], PAYLOADS[1] + PAYLOADS[1]);
  assert.equal(result.titles[0], PAYLOADS[0] + PAYLOADS[0]);
  const a = await audit(page);
  assert.equal(a.charts, PAYLOADS.length * 3);
  assert.deepEqual(a.tags.filter((t) => !ALLOWED.has(t)), [], `foreign elements: ${a.tags}`);
  assert.deepEqual(a.onAttrs, []);
  assert.equal(a.jsLinks, 0);
  for (const href of a.links) assert.match(href, /^https?:\/\//i, href);
  assert.equal(a.xss, 0, "a payload ran");
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.errors, []);
});

test("a javascript: (or any non-http) URL is a SpecError at source.url, through every entry", async () => {
  const page = await xssPage();
  const r = await page.evaluate(async () => {
    const m = await import("/src/js/index.js");
    await import("/src/js/element.js");
    const out = [];
    for (const url of [
      "javascript:window.__xss++",
      "  JavaScript:window.__xss++",
      "java\tscript:window.__xss++",
      "data:text/html,<script>window.__xss++</script>",
      "vbscript:msgbox(1)",
      "//evil.example/",
    ]) {
      const spec = { source: { text: "Source", url } };
      const div = document.createElement("div");
      div.dataset.chart = "mount";
      document.getElementById("root").append(div);
      const row = { url };
      try {
        await m.mount(div, spec);
        row.mount = "drawn";
      } catch (e) {
        row.mount = `${e.name} ${e.path}: ${e.message}`;
      }
      row.box = div.textContent;
      try {
        await m.renderSVG(spec);
        row.render = "drawn";
      } catch (e) {
        row.render = `${e.name} ${e.path}`;
      }
      const el = document.createElement("trade-target-chart");
      el.dataset.chart = "element";
      el.setAttribute("loading", "eager");
      el.setAttribute("spec", JSON.stringify(spec));
      const done = new Promise((res) => el.addEventListener("ttc:error", (e) => res(`${e.detail.error.name} ${e.detail.error.path}`), { once: true }));
      document.getElementById("root").append(el);
      row.element = await Promise.race([done, new Promise((res) => setTimeout(() => res("no error event"), 5000))]);
      out.push(row);
    }
    return out;
  });
  for (const row of r) {
    assert.equal(row.mount, "SpecError source.url: source.url: expected an http:// or https:// URL", row.url);
    assert.match(row.box, /source\.url: expected an http:\/\/ or https:\/\/ URL/);
    assert.equal(row.render, "SpecError source.url", row.url);
    assert.equal(row.element, "SpecError source.url", row.url);
  }
  const a = await audit(page);
  assert.equal(a.jsLinks, 0);
  assert.deepEqual(a.links, []);
  assert.equal(a.xss, 0);
  assert.deepEqual(page.dialogs, []);
});

test("a payload in a note is text in the tooltip, shown by the handle and by the keyboard", async () => {
  const page = await xssPage();
  const payload = PAYLOADS[1];
  const r = await page.evaluate(async (payload) => {
    const m = await import("/src/js/index.js");
    const div = document.createElement("div");
    div.dataset.chart = "mount";
    div.style.width = "640px";
    document.getElementById("root").append(div);
    const spec = {
      series: [
        { year: 2018, value: 1, note: "<b>bold?</b>" },
        { year: 2019, value: 2, note: payload },
      ],
    };
    const chart = await m.mount(div, spec);
    const tip = div.querySelector(".ttc-tip");
    const read = () => ({
      shown: getComputedStyle(tip).display !== "none",
      text: tip.textContent,
      tags: [...tip.querySelectorAll("*")].map((e) => e.localName),
      live: div.querySelector('[aria-live="polite"]').textContent,
    });
    chart.showTooltip(1);
    const byHandle = read();
    chart.showTooltip(0);
    const first = read();
    // The keyboard: focus the chart and press End (the last year).
    div.querySelector(".ttc").focus();
    return { byHandle, first };
  }, payload);
  await page.keyboard.press("End");
  const byKey = await page.$eval('[data-chart] .ttc-tip', (tip) => ({
    text: tip.textContent,
    tags: [...tip.querySelectorAll("*")].map((e) => e.localName),
  }));
  await page.waitForTimeout(300);
  for (const t of [r.byHandle, byKey]) {
    assert.ok(t.text.includes(payload), t.text);
    // Ours: a <div> per line, the first line (the year) in <b>. Nothing else.
    assert.ok(t.tags.every((n, i) => n === "div" || (n === "b" && i === 1)), `tooltip elements: ${t.tags}`);
  }
  assert.equal(r.byHandle.shown, true);
  assert.ok(r.byHandle.live.includes(payload), "the live region speaks the note as text");
  assert.ok(r.first.text.includes("<b>bold?</b>"));
  const a = await audit(page);
  assert.deepEqual(a.tags.filter((t) => !ALLOWED.has(t)), []);
  assert.equal(a.xss, 0);
  assert.deepEqual(page.dialogs, []);
});

test("user text quoted in an error box stays text", async () => {
  const page = await xssPage();
  const r = await page.evaluate(async (payload) => {
    const m = await import("/src/js/index.js");
    await import("/src/js/element.js");
    const out = [];
    for (const spec of [{ kind: payload }, { [payload]: 1 }, { locale: payload }, JSON.stringify({ theme: payload }) + "}"]) {
      const div = document.createElement("div");
      div.dataset.chart = "mount";
      document.getElementById("root").append(div);
      try {
        await m.mount(div, spec);
      } catch (e) {
        out.push({ text: div.textContent, name: e.name });
      }
      const el = document.createElement("trade-target-chart");
      el.dataset.chart = "element";
      el.setAttribute("loading", "eager");
      el.setAttribute("spec", typeof spec === "string" ? spec : JSON.stringify(spec));
      const done = new Promise((res) => el.addEventListener("ttc:error", () => res(), { once: true }));
      document.getElementById("root").append(el);
      await done;
    }
    await new Promise((r) => setTimeout(r, 300));
    return out;
  }, `<img src=x onerror="window.__xss++">`);
  assert.equal(r.length, 4);
  for (const row of r) {
    assert.equal(row.name, "SpecError");
    assert.match(row.text, /could not be drawn/);
  }
  assert.ok(r[0].text.includes(`found "<img src=x onerror=\\"window.__xss++\\">"`) || r[0].text.includes("<img src=x"), r[0].text);
  const a = await audit(page);
  assert.deepEqual(a.tags.filter((t) => !ALLOWED.has(t)), [], `${a.tags}`);
  assert.deepEqual(a.onAttrs, []);
  assert.equal(a.xss, 0);
  assert.deepEqual(page.dialogs, []);
});
