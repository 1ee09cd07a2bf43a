// The builder (www/builder.html, the first page `npm start` serves), driven as an editor:
// paste a block from a sheet, fix the cell the core rejects, set a target, add a milestone,
// copy the pre-rendered snippet into a fresh page under the strict CSP (the same chart with
// JavaScript off, a tooltip with it on, byte for byte what the preview showed at each width);
// the draft kept across a reload, shared as a URL, undone and redone; a CSV file; errors next
// to their fields; the JSON editor; axe at 360 and 1280 px. And the paste reader on its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { setup, ROOT } from "./harness.mjs";
import { openPage, STRICT_CSP, frames } from "./embed-pages.mjs";
import { readCells, plainNumber, decimalMark } from "../../www/builder/paste.js";

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Opens the builder the way `npm start` does (the server's first page) and waits for its first drawing. */
async function openBuilder(options = {}, at = "/") {
  const page = await env.newPage({ permissions: ["clipboard-read", "clipboard-write"], ...options });
  // What reaches window.onerror is not all in the console ("ResizeObserver loop …"): collect it too.
  await page.addInitScript(() => {
    window.__errors = [];
    addEventListener("error", (e) => window.__errors.push(e.message));
    addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
  });
  await page.goto(`${env.url}${at}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  return page;
}

const drawnCount = (page) => page.evaluate(() => Number(document.documentElement.dataset.drawn ?? 0));

/** Runs `action` and waits until the builder has redrawn and has no redraw still to come. */
async function redraws(page, action) {
  const before = await drawnCount(page);
  await action();
  await page.waitForFunction(
    (n) => Number(document.documentElement.dataset.drawn ?? 0) > n && !("pending" in document.documentElement.dataset),
    before,
    { timeout: 15_000 },
  );
}

/**
 * The SVG a reader sees in `el` (run in the page): of a fragment that fits every column, the
 * one layout its container query shows at the element's width; of a chart drawn by the
 * engine, its one SVG. With the widths of the layouts that are shown (exactly one, or none).
 */
function shownSVG(el) {
  const layouts = [...el.shadowRoot.querySelectorAll(".ttc > .ttc-l")];
  if (!layouts.length) return { svg: el.shadowRoot.querySelector(".ttc svg")?.outerHTML, shown: [] };
  const shown = layouts.filter((l) => l.offsetWidth > 0);
  return { svg: shown[0]?.querySelector(":scope > svg").outerHTML, shown: shown.map((l) => l.dataset.w) };
}

/** What the preview box `width` × `mode` shows: { svg, shown } as shownSVG gives it. */
function previewShown(page, width, mode = "light") {
  return page.$eval(`.preview-box[data-width="${width}"][data-mode="${mode}"] trade-target-chart`, shownSVG);
}

/** The words of the SVG the 640 px light preview box shows. */
const previewTexts = (page, width = 640) =>
  page.$eval(`.preview-box[data-width="${width}"][data-mode="light"] trade-target-chart`, (el) => {
    const svg = [...el.shadowRoot.querySelectorAll(".ttc svg")].find((s) => s.getBoundingClientRect().width > 0);
    return [...(svg?.querySelectorAll("text") ?? [])].map((t) => t.textContent).join(" | ");
  });

const cell = (page, row, col) => page.locator(`#data-table tbody tr:nth-child(${row}) td:nth-child(${col}) input`);

// Russian LibreOffice copies thousands with (non-breaking) spaces and a decimal comma; the
// header names the columns in its own words and order. The sixth row's total is not a number.
const NBSP = "\u00a0";
const PASTED = [
  "Note\tYear\tTrade, US$ million",
  `Customs\t2019\t110${NBSP}757,6`,
  `Customs\t2020\t107${NBSP}765,4`,
  `Customs\t2021\t146${NBSP}887,4`,
  `Customs\t2022\t190${NBSP}271,1`,
  `Customs\t2023\t240${NBSP}110,0`,
  "Not yet out\t2024\tн/д",
].join("\n");

test("an editor pastes cells, fixes the bad one, sets a target, adds a milestone and publishes the pre-rendered snippet under a strict CSP", async () => {
  const page = await openBuilder({ viewport: { width: 1280, height: 900 } });
  assert.match(page.url(), /\/www\/builder\.html$/, "the server's first page is the builder");
  await redraws(page, () => page.click("#start-empty")); // a new chart, not the China–Russia one

  // Paste (what a paste into the box does: the text arrives, `input` fires).
  await redraws(page, () => page.fill("#paste", PASTED));
  assert.equal(
    await page.textContent("#data-status"),
    "Read 6 rows from the pasted cells, with a header row, decimal commas. Columns: Trade, US$ million → total.",
  );
  assert.deepEqual(await cell(page, 1, 1).inputValue(), "2019");
  assert.deepEqual(await cell(page, 1, 2).inputValue(), "110757.6", "thousands and the decimal comma read");
  assert.deepEqual(await cell(page, 1, 7).inputValue(), "Customs", "the note column found by its name");
  // The bad cell is marked with the core's reason; the file line is the table row + 1 (the header).
  const bad = cell(page, 6, 2);
  assert.equal(await bad.getAttribute("aria-invalid"), "true");
  const reasonId = await bad.getAttribute("aria-describedby");
  assert.equal(await page.textContent(`#${reasonId}`), 'expected a number, found "н/д"');
  assert.equal(await page.textContent("#data-error"), 'csv line 7, column total: expected a number, found "н/д"');
  assert.match(await page.textContent("#spec-status"), /^Not drawn: csv line 7, column total/);

  // Fix it, typed as the sheet writes it.
  await redraws(page, () => bad.fill(`244${NBSP}819,3`));
  assert.equal(await bad.getAttribute("aria-invalid"), null);
  assert.equal(await page.isHidden("#data-error"), true);
  assert.match(await page.textContent("#spec-status"), /^Drawn\./);
  const spec = () => page.evaluate(() => JSON.parse(document.getElementById("spec-json").value));
  assert.deepEqual((await spec()).series.at(-1), { year: 2024, value: 244819.3, note: "Not yet out" });

  // A target: a bad year first, shown next to its field, then the real one.
  await page.fill("#f-title", "Trade with Russia passed $200 billion");
  await page.fill("#f-unit-prefix", "$");
  await page.fill("#f-unit-suffix", "M");
  await page.fill("#f-target-value", `200${NBSP}000`);
  await redraws(page, () => page.fill("#f-target-year", "20x4"));
  assert.equal(await page.getAttribute("#f-target-year", "aria-invalid"), "true");
  assert.match(await page.textContent("#f-target-year-error"), /./);
  assert.match(await page.textContent("#spec-status"), /^Not drawn: target\.year/);
  await redraws(page, () => page.fill("#f-target-year", "2024"));
  assert.equal(await page.getAttribute("#f-target-year", "aria-invalid"), null);
  assert.equal(await page.locator(".field-error").count(), 0);
  assert.deepEqual((await spec()).target, { value: 200000, year: 2024 });

  // A milestone, by keyboard from the button.
  await page.fill("#f-target-label", "$200B target");
  await redraws(page, async () => {
    await page.focus("#add-milestone");
    await page.keyboard.press("Enter");
    await page.keyboard.type("2022");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Sanctions");
  });
  assert.deepEqual((await spec()).milestones, [{ year: 2022, label: "Sanctions" }]);
  const texts = await previewTexts(page);
  for (const t of ["Trade with Russia passed $200 billion", "$200B target", "Sanctions"]) assert.ok(texts.includes(t), `${t} in ${texts}`);

  // Copy the pre-rendered snippet (the button, then the clipboard).
  await page.click('[data-copy="snippet-static"]');
  await page.waitForFunction(() => document.getElementById("copy-status").textContent === "Copied.");
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.textContent("#snippet-static"));
  // The fragment that fits every column (one layout per width band, the style picks one).
  assert.match(snippet, /^<trade-target-chart [^>]*rendered="fit"><template shadowrootmode="open"><style>/);
  assert.match(snippet, /\n<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/element\.min\.js"><\/script>\n$/);
  // Each box shows the snippet as a reader's column of that width shows it: one layout, the
  // band's (320 px: the 280 px layout; 1200: the 1000), never taken over by the engine.
  const preview = {};
  const BAND = { 320: "280", 640: "640", 1200: "1000" };
  for (const w of [320, 640, 1200]) {
    const { svg, shown } = await previewShown(page, w);
    assert.deepEqual(shown, [BAND[w]], `the ${w} px box shows the ${BAND[w]} px layout`);
    const own = await page.evaluate(([html, band]) => {
      const t = document.createElement("template");
      t.innerHTML = html; // the declarative shadow root stays a <template>: its content is the fragment
      return t.content.querySelector("template").content.querySelector(`.ttc-l[data-w="${band}"] > svg`).outerHTML;
    }, [snippet, BAND[w]]);
    assert.equal(svg, own, `the ${w} px box shows the snippet's own ${BAND[w]} px layout`);
    preview[w] = svg;
  }
  assert.equal(await page.$eval('.preview-box[data-width="640"][data-mode="light"] trade-target-chart', (el) => el.chart), null);
  // The dark boxes: the dark palette whatever the editor's own colour scheme.
  const darkBg = await page.$eval('.preview-box[data-width="640"][data-mode="dark"] trade-target-chart', (el) => {
    const l = [...el.shadowRoot.querySelectorAll(".ttc-l")].find((x) => x.offsetWidth > 0);
    return getComputedStyle(l.querySelector("svg rect")).fill;
  });
  assert.equal(darkBg, "rgb(22, 22, 24)", "the dark box's background is the dark palette's");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), [], "nothing reached window.onerror");

  // Into an article under the strict CSP, which lets the fragment's one fixed style in by its
  // hash (the one the README publishes).
  const style = /<style>([\s\S]*?)<\/style>/.exec(snippet)[1];
  const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
  assert.ok((await readFile(path.join(ROOT, "README.md"), "utf8")).includes(hash), `README publishes ${hash}`);
  const csp = STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${hash}`);
  const article = (width) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<link rel="stylesheet" href="article.css"></head><body><h1>Trade</h1><main class="w${width}">${snippet}</main><p>After the chart.</p></body></html>`;
  const css = (width) => ({ "article.css": { body: `body { margin: 0 } .w${width} { width: ${width}px }`, type: "text/css" } });
  // JavaScript off, at each preview width: the chart is there, as that preview box showed it.
  for (const width of [320, 640, 1200]) {
    const off = await openPage(env, article(width), { csp, files: css(width), javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const still = await off.$eval("trade-target-chart", shownSVG);
    assert.deepEqual(still.shown, [BAND[width]]);
    assert.equal(still.svg, preview[width], `with JavaScript off the reader at ${width} px sees the ${width} px preview, byte for byte`);
    assert.match(await off.$eval("trade-target-chart", (el) => el.shadowRoot.querySelector(".ttc svg title").textContent), /Trade with Russia passed \$200 billion/);
    assert.deepEqual(off.errors, []);
    await off.closeContext();
  }

  // JavaScript on, at each preview width: the same SVG as the preview's box of that width (the
  // element answers the fragment's tooltips without taking it over), a tooltip from the
  // keyboard, no CSP violation.
  for (const width of [320, 640, 1200]) {
    const on = await openPage(env, article(width), {
      csp,
      files: css(width),
      viewport: { width: 1280, height: 900 },
      init: () => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    await on.waitForFunction(() => customElements.get("trade-target-chart"), null, { timeout: 15_000 });
    await on.keyboard.press("Tab"); // the chart's one tab stop
    // The tooltips' script may still be on its way (where the element imports it at connect):
    // End is pressed again until the tooltip answers, for at most 15 s.
    const tipShown = () => on.$eval("trade-target-chart", (el) => getComputedStyle(el.shadowRoot.querySelector(".ttc-tip")).display !== "none");
    for (let tries = 0; tries < 60; tries++) {
      await on.keyboard.press("End");
      await frames(on);
      if (await tipShown()) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seen = await on.$eval("trade-target-chart", shownSVG);
    assert.deepEqual(seen.shown, [BAND[width]]);
    assert.equal(seen.svg, preview[width], `the snippet at ${width} px draws what the preview showed at ${width} px`);
    const tip = await on.$eval("trade-target-chart", (el) => {
      const t = el.shadowRoot.querySelector(".ttc-tip");
      return { shown: getComputedStyle(t).display !== "none", text: t.textContent };
    });
    assert.equal(tip.shown, true, `tooltip at ${width} px`);
    assert.match(tip.text, /^2024/);
    assert.equal(await on.$eval("trade-target-chart", (el) => el.chart), null, "answered without the engine");
    assert.deepEqual(await on.evaluate(() => window.__violations), []);
    assert.deepEqual(on.errors, []);
    await on.closeContext();
  }
  await page.closeContext();
});

test("the script-tag and iframe snippets, pasted into pages under the strict CSP, draw the same chart", async () => {
  const page = await openBuilder();
  await redraws(page, () => page.fill("#f-title", "Trade </script><b>with</b> Russia"));
  await redraws(page, () => page.selectOption("#f-kind", "bars"));
  await redraws(page, () => page.fill("#f-height", "460"));
  const dynamic = await page.textContent("#snippet-dynamic");
  const iframe = await page.textContent("#snippet-iframe");
  const svgOf = (p, width) => p.$eval(`.preview-box[data-width="${width}"][data-mode="light"] trade-target-chart`, (el) => el.shadowRoot.querySelector("svg title").textContent);
  const title = await svgOf(page, 640);
  // The iframe is as tall as the chart at 640 px: the 640 px layout's height and the links row.
  const h640 = await page.$eval('.preview-box[data-width="640"][data-mode="light"] trade-target-chart', (el) =>
    el.shadowRoot.querySelector('.ttc-l[data-w="640"] > svg').viewBox.baseVal.height,
  );
  assert.equal(h640, 460);
  assert.match(iframe, new RegExp(`^<iframe [^>]*width="640" height="${h640 + 26}"`));
  assert.equal(title, "Trade </script><b>with</b> Russia");
  assert.ok(!/<\/script><b>/.test(dynamic.split("application/json")[1].split("</script>\n</trade")[0]), "the spec cannot close its script");
  assert.match(dynamic, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/pkg\/chart\.min\.js"><\/script>\n/, "the element and the engine in one file");
  const count = () => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  };
  const html = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>${body}</body></html>`;

  const dyn = await openPage(env, html(dynamic), { csp: STRICT_CSP, init: count });
  await dyn.waitForFunction(() => document.querySelector("trade-target-chart")?.shadowRoot?.querySelector(".ttc svg"), null, { timeout: 15_000 });
  assert.equal(await dyn.$eval("trade-target-chart", (el) => el.shadowRoot.querySelector("svg title").textContent), title);
  assert.ok((await dyn.$eval("trade-target-chart", (el) => el.shadowRoot.querySelectorAll("svg rect").length)) > 10, "bars");
  assert.deepEqual(await dyn.evaluate(() => window.__violations), []);
  assert.deepEqual(dyn.errors, []);
  await dyn.closeContext();

  const ifr = await openPage(env, html(iframe), { csp: `${STRICT_CSP}; frame-src 'self'` });
  const frame = await (await ifr.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#chart svg", { timeout: 15_000 });
  assert.equal(await frame.$eval("#chart svg title", (t) => t.textContent), title);
  assert.deepEqual(ifr.errors, []);
  await ifr.closeContext();
  assert.deepEqual(page.errors, []);
  await page.closeContext();
});

test("cells pasted into the table land where they are pasted; Enter and the arrows move as in a sheet", async () => {
  const page = await openBuilder();
  await redraws(page, () => page.click("#start-empty"));
  const block = "2021\t146 887,4\n2022\t190 271,1\n2023\t240 110,0\n2024\t244 819,3\n";
  await page.evaluate((t) => navigator.clipboard.writeText(t), block);
  await cell(page, 1, 1).focus();
  await redraws(page, () => page.keyboard.press("Control+V"));
  assert.equal(await page.locator("#data-table tbody tr").count(), 4, "the table grew to hold the block");
  assert.deepEqual(
    await page.$$eval("#data-table tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("input")].slice(0, 2).map((i) => i.value))),
    [["2021", "146887.4"], ["2022", "190271.1"], ["2023", "240110.0"], ["2024", "244819.3"]],
  );
  assert.match(await page.textContent("#spec-status"), /^Drawn\./);
  // A column of totals pasted from the second row down overwrites only those cells.
  await page.evaluate((t) => navigator.clipboard.writeText(t), "1,5\n2,5\n");
  await cell(page, 2, 2).focus();
  await redraws(page, () => page.keyboard.press("Control+V"));
  assert.deepEqual(
    await page.$$eval("#data-table tbody tr td:nth-child(2) input", (els) => els.map((i) => i.value)),
    ["146887.4", "1.5", "2.5", "244819.3"],
  );
  // Moving as in a sheet.
  const focused = () => page.evaluate(() => document.activeElement.getAttribute("aria-label"));
  await cell(page, 1, 2).focus();
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "Total, row 2");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), "Total, row 3");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.press("ArrowUp");
  assert.equal(await focused(), "Total, row 1");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  await page.closeContext();
});

test("a sheet published as CSV: loaded into the table, and followed by the script-tag snippet", async () => {
  const sheet = "year,total,note\n2020,10.5,First\n2021,12,Second\n";
  const page = await openBuilder();
  await page.context().route(`${env.url}/__e2e__/sheet.csv`, (route) => route.fulfill({ contentType: "text/csv", body: sheet }));
  await redraws(page, () => page.click("#start-empty"));
  await page.fill("#data-url", `${env.url}/__e2e__/sheet.csv`);
  await redraws(page, () => page.click("#load-url"));
  assert.equal(await page.textContent("#data-status"), "Read 2 rows from sheet.csv, with a header row.");
  assert.equal(await cell(page, 2, 2).inputValue(), "12");
  await redraws(page, () => page.fill("#f-title", "Followed from the sheet"));
  const dynamic = await page.textContent("#snippet-dynamic");
  assert.match(dynamic, new RegExp(`<trade-target-chart src="${env.url}/__e2e__/sheet\\.csv">`));
  assert.doesNotMatch(dynamic, /"series"/, "the rows come from the sheet, not the snippet");

  // The sheet changes after the snippet was copied: the page shows the new rows.
  const later = `${sheet}2022,14,Third\n`;
  const reader = await openPage(env, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A</title></head><body>${dynamic}</body></html>`, {
    csp: STRICT_CSP,
    files: { "sheet.csv": { body: later, type: "text/csv" } },
  });
  await reader.waitForFunction(() => document.querySelector("trade-target-chart")?.chart, null, { timeout: 15_000 });
  const drawn = await reader.$eval("trade-target-chart", (el) => ({ title: el.shadowRoot.querySelector("svg title").textContent, csv: el.chart.toCSV() }));
  assert.equal(drawn.title, "Followed from the sheet");
  assert.match(drawn.csv, /\r?\n2022,14,/);
  assert.deepEqual([...page.errors, ...reader.errors], []);
  await reader.closeContext();

  // The address is part of the draft (a reload keeps it); emptied, the snippet carries the rows again.
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.inputValue("#data-url"), `${env.url}/__e2e__/sheet.csv`);
  await redraws(page, () => page.fill("#data-url", ""));
  assert.match(await page.textContent("#snippet-dynamic"), /<trade-target-chart>\n[\s\S]*"series"/);
  await page.closeContext();
});

test("without the wasm the builder says so, and nothing is thrown", async () => {
  const page = await env.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "Not Found\n" }));
  await page.addInitScript(() => {
    window.__errors = [];
    addEventListener("error", (e) => window.__errors.push(e.message));
    addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
  });
  await page.goto(`${env.url}/`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  assert.match(await page.textContent("#spec-status"), /^The chart could not be loaded: /);
  // A saved draft instead: its redraw fails in the core's reader, and says so.
  await page.evaluate(() => localStorage.setItem("trade-target-chart:builder-draft", JSON.stringify({ rows: [["2020", "1", "", "", "", "", ""]], fields: {}, milestones: [] })));
  await page.reload();
  await page.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  assert.match(await page.textContent("#spec-status"), /^Not drawn: /);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  assert.ok(page.expectErrors(/404|Failed to load resource/).length > 0, "the wasm's 404 is the error seen");
  assert.deepEqual(page.errors, []);
  await page.closeContext();
});

test("the draft survives a reload, travels as a link, and undo and redo step through it", async () => {
  const page = await openBuilder();
  const title = () => page.inputValue("#f-title");
  await redraws(page, () => page.fill("#f-title", "First title"));
  await page.locator("#f-kind").selectOption("bars");
  await redraws(page, () => page.fill("#f-title", "Second title"));

  // Reload: the same draft.
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await title(), "Second title");
  assert.equal(await page.inputValue("#f-kind"), "bars");

  // Undo by button and by keyboard (outside a text field), redo.
  await redraws(page, () => page.fill("#f-title", "Third title"));
  await redraws(page, () => page.click("#undo"));
  assert.equal(await title(), "Second title");
  assert.ok((await previewTexts(page)).includes("Second title"), "the preview follows the undo");
  await page.focus("#undo");
  await redraws(page, () => page.keyboard.press("Control+Shift+Z"));
  assert.equal(await title(), "Third title");
  assert.equal(await page.isDisabled("#redo"), true);

  // The link opens the draft in a browser that has never seen it.
  await page.click("#share");
  await page.waitForFunction(() => document.getElementById("share-status").textContent === "Link copied.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/www\/builder\.html#draft=[A-Za-z0-9_-]+$/);
  const other = await openBuilder({}, new URL(link).pathname + new URL(link).hash);
  assert.equal(await other.inputValue("#f-title"), "Third title");
  assert.equal(await other.inputValue("#f-kind"), "bars");
  assert.ok((await previewTexts(other)).includes("Third title"));
  assert.deepEqual([...page.errors, ...other.errors], []);
  await other.closeContext();
  await page.closeContext();
});

test("a CSV file, a bad milestone, a bad URL and the JSON editor", async () => {
  const page = await openBuilder();
  await redraws(page, () => page.click("#start-empty"));
  const csv = 'year,value,note\r\n2020,10.5,"Reported, later revised"\r\n2021,12,"He said ""up"""\r\n';
  await redraws(page, () => page.setInputFiles("#csv-file", { name: "trade.csv", mimeType: "text/csv", buffer: Buffer.from(csv) }));
  assert.equal(await page.textContent("#data-status"), "Read 2 rows from trade.csv, with a header row. Columns: value → total.");
  assert.equal(await cell(page, 2, 7).inputValue(), 'He said "up"');
  assert.match(await page.textContent("#spec-status"), /^Drawn\./);

  // A milestone without a label: its cell is marked.
  await page.click("#add-milestone");
  await redraws(page, () => page.locator("#milestone-table tbody tr:nth-child(1) td:nth-child(1) input").fill("2021"));
  assert.equal(await page.locator("#milestone-table tbody tr:nth-child(1) td:nth-child(2) input").getAttribute("aria-invalid"), "true");
  assert.match(await page.textContent("#milestone-error"), /^Milestone 1: /);
  await redraws(page, () => page.locator("#milestone-table tbody tr:nth-child(1) td:nth-child(2) input").fill("Rebound"));
  assert.equal(await page.isHidden("#milestone-error"), true);

  // A source link that is not http(s): shown next to the field.
  await redraws(page, () => page.fill("#f-source-url", "javascript:alert(1)"));
  assert.match(await page.textContent("#f-source-text-error"), /source\.text|string/, "a link needs its source line first");
  await redraws(page, () => page.fill("#f-source-text", "Customs"));
  assert.equal(await page.getAttribute("#f-source-url", "aria-invalid"), "true");
  assert.match(await page.textContent("#f-source-url-error"), /http/);
  await redraws(page, () => page.fill("#f-source-url", ""));

  // The JSON editor (the demo's, folded in): an edit there moves the fields and the table.
  const json = JSON.parse(await page.inputValue("#spec-json"));
  json.title = "Edited as JSON";
  json.series.push({ year: 2022, value: 14 });
  await redraws(page, () => page.fill("#spec-json", JSON.stringify(json, null, 2)));
  assert.equal(await page.inputValue("#f-title"), "Edited as JSON");
  assert.equal(await cell(page, 3, 2).inputValue(), "14");
  await page.fill("#spec-json", '{ "title": ');
  await page.waitForFunction(() => document.getElementById("json-status").textContent.startsWith("Not JSON yet"));
  assert.equal(await page.inputValue("#f-title"), "Edited as JSON", "broken JSON changes nothing");

  // The downloads.
  for (const [kind, name, check] of [
    ["json", "spec.json", (t) => assert.equal(JSON.parse(t).title, "Edited as JSON")],
    ["svg", "chart.svg", (t) => assert.match(t, /^<svg [^>]*width="640"/)],
    ["csv", "data.csv", (t) => assert.match(t, /^year,total,[^\n]*\n2020,10\.5,[\s\S]*\n2022,14,/)],
    ["html", "chart.html", (t) => assert.match(t, /^<!doctype html>[\s\S]*element\.min\.js"><\/script>\n<\/head>\n<body>\n<trade-target-chart [^>]*rendered=[\s\S]*<\/trade-target-chart>\n<\/body>/)],
    ["png", "chart.png", null],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }).catch(async (e) => {
        throw new Error(`${kind}: no download (${await page.textContent("#copy-status")}; ${page.errors.join("; ")})`, { cause: e });
      }),
      page.click(`[data-download="${kind}"]`),
    ]);
    assert.equal(download.suggestedFilename(), name);
    const bytes = await readFile(await download.path());
    if (check) check(bytes.toString("utf8"));
    else assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
  assert.deepEqual(page.errors, []);
  await page.closeContext();
});

test("axe finds no violations at 360 and 1280 px, light and dark, with a bad cell marked; nothing is wider than 360 px", async () => {
  for (const [width, colorScheme] of [[360, "light"], [1280, "dark"], [1280, "light"], [360, "dark"]]) {
    const page = await openBuilder({ viewport: { width, height: 900 }, colorScheme });
    await page.addScriptTag({ path: AXE });
    const axe = async (when) => {
      const v = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      );
      assert.deepEqual(v, [], `${width} px ${colorScheme}, ${when}: ${v.join("\n")}`);
    };
    await redraws(page, () => page.click("#start-empty"));
    await redraws(page, () => page.fill("#paste", PASTED));
    await page.waitForSelector("#data-table td.bad .cell-reason");
    await axe("a bad cell marked");
    await redraws(page, () => cell(page, 6, 2).fill("244819,3"));
    await redraws(page, () => page.fill("#f-target-year", "20x4"));
    await page.waitForSelector(".field-error");
    await axe("a field error shown");
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "no sideways scrolling of the page");
    assert.deepEqual(page.errors, []);
    await page.closeContext();
  }
});

test("the paste reader: ru, de, fr and en number formats, with and without a header", () => {
  assert.equal(plainNumber("1 234,5", ","), "1234.5");
  assert.equal(plainNumber("1\u00a0234,5", ","), "1234.5");
  assert.equal(plainNumber("1\u202f234,5", ","), "1234.5", "fr: a narrow no-break space");
  assert.equal(plainNumber("1.234,5", ","), "1234.5", "de");
  assert.equal(plainNumber("1,234.5", "."), "1234.5", "en");
  assert.equal(plainNumber("$190.3", "."), "190.3");
  assert.equal(plainNumber("n/a", "."), "n/a", "not a number: left for the core to name");
  assert.equal(decimalMark(["1,234", "190,3"]), ",", "one cell with a decimal comma settles the block");
  assert.equal(decimalMark(["1,234", "2,500"]), ".", "thousands alone: en");
  assert.equal(decimalMark(["1.234.567"]), ",", "de thousands");
  assert.deepEqual(readCells("2020\t107,8\n2021\t146,9\tx\t\tTRUE\tEst."), {
    rows: [
      ["2020", "107.8", "", "", "", "", ""],
      ["2021", "146.9", "x", "", "true", "", "Est."],
    ],
    header: false,
    mark: ",",
    columns: [[null, "year"], [null, "total"], [null, "exports"], [null, "imports"], [null, "estimate"], [null, "note"]],
  });
  const { rows, header } = readCells("Total;Year;Estimate\r\n\"1.234,5\";2020;\r\n");
  assert.equal(header, true);
  assert.deepEqual(rows, [["2020", "1234.5", "", "", "", "", ""]]);
  // A sheet's own words for the columns: the years and the first column of numbers are found.
  const ru = readCells("Год\tТоварооборот, млн долл.\tИсточник\n2021\t146\u00a0887,4\tФТС\n");
  assert.deepEqual(ru.rows, [["2021", "146887.4", "", "", "", "", ""]]);
  assert.deepEqual(ru.columns, [["Год", "year"], ["Товарооборот, млн долл.", "total"], ["Источник", null]]);
  const de = readCells("Jahr\tWert in Mrd. €\n2021\t1.234,5\n");
  assert.deepEqual(de.rows, [["2021", "1234.5", "", "", "", "", ""]]);
});
