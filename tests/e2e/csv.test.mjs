// CSV as data in the browser: <trade-target-chart src="….csv"> (by the .csv ending or a
// text/csv Content-Type), a <script type="text/csv"> child, the spec's `csv` key, and
// parseCSV (the core's reader), with toCSV() reading back to the same series.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, FIXTURE_PATH } from "./harness.mjs";
import { openPage, waitForCharts } from "./embed-pages.mjs";

const SCRIPT = `<script type="module" src="/src/js/element.js"></script>`;
const page = (body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${SCRIPT}</head><body>${body}</body></html>`;

// Notes with a comma, quotes and a line break; columns not in the export's order; CRLF; a BOM.
const CSV = '\ufeffnote,year,value,estimate\r\n"Customs, ""final""",2019,50.5,\r\n"two\r\nlines",2020,80,yes\r\n,2021,95.25,\r\n';
const SERIES = [
  { year: 2019, value: 50.5, note: 'Customs, "final"' },
  { year: 2020, value: 80, estimate: true, note: "two\r\nlines" },
  { year: 2021, value: 95.25 },
];

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** The SVG markup drawn by each element, by id. */
function svgs(p) {
  return p.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("trade-target-chart")].map((el) => [el.id, el.shadowRoot.querySelector(".box svg").outerHTML])),
  );
}

test("CSV from a .csv src, a text/csv src, a text/csv child and the csv key draws what the same series draws", async () => {
  const title = "Trade from a sheet";
  const spec = JSON.stringify({ title, series: SERIES }).replaceAll("'", "&#39;");
  const p = await openPage(
    env,
    page(`
      <trade-target-chart loading="eager" id="series" spec='${spec}'></trade-target-chart>
      <trade-target-chart loading="eager" id="file" src="data.csv"><script type="application/json">{"title": "${title}"}</script></trade-target-chart>
      <trade-target-chart loading="eager" id="typed" src="export/sheet"><script type="application/json">{"title": "${title}"}</script></trade-target-chart>
      <trade-target-chart loading="eager" id="child">
        <script type="application/json">{"title": "${title}"}</script>
        <script type="text/csv">${CSV.replace("\ufeff", "")}</script>
      </trade-target-chart>
      <trade-target-chart loading="eager" id="key" spec='${JSON.stringify({ title, csv: CSV }).replaceAll("'", "&#39;")}'></trade-target-chart>`),
    {
      files: {
        // By the ending, whatever the server says the type is.
        "data.csv": { body: CSV, type: "application/octet-stream" },
        // By the type, whatever the URL.
        "export/sheet": { body: CSV, type: "text/csv; charset=utf-8" },
      },
      viewport: { width: 700, height: 3000 },
    },
  );
  await waitForCharts(p);
  const drawn = await svgs(p);
  assert.match(drawn.series, new RegExp(title));
  for (const id of ["file", "typed", "child", "key"]) assert.equal(drawn[id], drawn.series, `${id} draws the series`);
  assert.deepEqual(p.errors, []);
});

test("a bad CSV file is rejected whole: the error box names the file, the line and the column", async () => {
  const p = await openPage(
    env,
    page(`
      <trade-target-chart loading="eager" id="file" src="/__e2e__/data.csv"></trade-target-chart>
      <trade-target-chart loading="eager" id="odd" src="/__e2e__/q%E0%A4.csv"></trade-target-chart>
      <trade-target-chart loading="eager" id="child"><script type="text/csv">
        year,total
        2020,1
        2021,n/a
      </script></trade-target-chart>`),
    {
      files: {
        "data.csv": { body: "year,total\n2019,1\n2020,2\n2021,3\n2022,4\n2023,5\n2024,n/a\n", type: "text/csv" },
        // A name that is not valid percent-encoded UTF-8 is said as written.
        "q%E0%A4.csv": { body: "year,total\n2019,x\n", type: "text/csv" },
      },
      viewport: { width: 700, height: 3000 },
    },
  );
  const boxes = await p.waitForFunction(() => {
    const out = {};
    for (const el of document.querySelectorAll("trade-target-chart")) {
      const box = el.shadowRoot.querySelector('.ttc-error[role="alert"]');
      if (!box) return false;
      out[el.id] = box.textContent;
    }
    return out;
  }, null, { timeout: 15_000 }).then((h) => h.jsonValue());
  assert.equal(boxes.file, 'This chart could not be drawn. data.csv line 7, column total: expected a number, found "n/a"');
  assert.equal(boxes.odd, 'This chart could not be drawn. q%E0%A4.csv line 2, column total: expected a number, found "x"');
  // The child's lines count from the line the script's text starts on (the one after <script>).
  assert.equal(boxes.child, 'This chart could not be drawn. csv line 4, column total: expected a number, found "n/a"');
  assert.deepEqual(p.errors, []);
});

test("parseCSV reads toCSV's output back to the same series, and rejects with line and column", async () => {
  const p = await env.newPage();
  await p.goto(`${env.url}${FIXTURE_PATH}`);
  const r = await p.evaluate(async (series) => {
    const { mount, parseCSV, SpecError } = await import("/src/js/index.js");
    const el = document.createElement("div");
    document.getElementById("root").append(el);
    const chart = await mount(el, { series });
    const csv = chart.toCSV();
    const back = await parseCSV(csv, "data.csv");
    const errors = [];
    for (const [text, name] of [["year,total\n2020,1\n2021,n/a\n", "data.csv"], ["year,total\n2020,1\n2020,2\n"], ["year,exports\n2020,1\n"]]) {
      try {
        await parseCSV(text, name);
        errors.push(null);
      } catch (e) {
        errors.push({ isSpecError: e instanceof SpecError, message: e.message, path: e.path, line: e.line, column: e.column });
      }
    }
    return { csv, back, errors };
  }, [
    ...SERIES,
    { year: 2022, value: 107.06, note: "=HYPERLINK(\"http://x\"), a formula" },
    { year: 2023, value: 999999999999999, note: "  padded  " },
  ]);
  assert.match(r.csv, /'=HYPERLINK/, "formulas are defused on export");
  assert.deepEqual(r.back, [
    ...SERIES,
    { year: 2022, value: 107.06, note: "=HYPERLINK(\"http://x\"), a formula" },
    { year: 2023, value: 999999999999999, note: "  padded  " },
  ]);
  assert.deepEqual(r.errors, [
    { isSpecError: true, message: 'data.csv line 3, column total: expected a number, found "n/a"', path: "data.csv", line: 3, column: "total" },
    { isSpecError: true, message: "csv line 3, column year: year 2020 appears twice (first on line 2)", path: "csv", line: 3, column: "year" },
    { isSpecError: true, message: "csv line 1: expected a total (or value) column, found only year, exports in the first line", path: "csv", line: 1, column: undefined },
  ]);
  assert.deepEqual(p.errors, []);
});
