// A build step in a bare Node project (no bundler, no DOM): what a static-site script writes
// after `npm install trade-target-chart`. Prints what it saw as JSON for the test to check.
import { renderSVG, renderHTML, defaultSpec, parseCSV, mount, setWasmUrl, SpecError } from "trade-target-chart";

const out = {};
const t0 = performance.now();
out.svg = await renderSVG({}, { width: 640 });
out.firstRenderMs = performance.now() - t0;
// The pre-rendered fragment a static-first build writes into its pages.
out.html = await renderHTML({}, { width: 640 });
const spec = await defaultSpec();
out.defaultSpec = { keys: Object.keys(spec), years: spec.series.length, title: spec.title };
// The default spec given back renders the same chart.
out.sameFromDefaultSpec = (await renderSVG(spec, { width: 640 })) === out.svg;

try {
  await renderSVG({ series: [{ year: 2020, value: "abc" }] }, { width: 640 });
  out.badSpec = "resolved";
} catch (e) {
  out.badSpec = { isSpecError: e instanceof SpecError, name: e.name, path: e.path, message: e.message };
}

// CSV read by the core, as in the browser and the CLI.
out.csv = await parseCSV('year,total,note\r\n2020,1.5,"a, ""b"""\r\n2021,2,\r\n');
try {
  await parseCSV("year,total\n2020,1\n2021,n/a\n", "data.csv");
  out.badCSV = "resolved";
} catch (e) {
  out.badCSV = { isSpecError: e instanceof SpecError, path: e.path, line: e.line, column: e.column, message: e.message };
}

try {
  await mount(undefined);
  out.mount = "resolved";
} catch (e) {
  out.mount = { name: e.name, message: e.message };
}
// An element-like object (what a DOM-less test setup might pass): a clear TypeError.
try {
  await mount({ nodeType: 1 });
  out.fakeElement = "resolved";
} catch (e) {
  out.fakeElement = { name: e.name, message: e.message };
}
// A width from a form field or an env var is a string: the message says so.
out.badWidths = [];
for (const width of ["640", 0, null]) {
  try {
    await renderSVG({}, { width });
    out.badWidths.push("resolved");
  } catch (e) {
    out.badWidths.push(`${e.name}: ${e.message}`);
  }
}
console.log(JSON.stringify(out));
