// The JSON Schema (pkg/schema.json, generated from the Rust types by `trade-target-chart
// schema`) agrees with the widget: it accepts the default spec and rejects bad specs the
// widget rejects, at the same JSON path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020.js";

const root = new URL("../../", import.meta.url);
const schema = JSON.parse(await readFile(new URL("pkg/schema.json", root), "utf8"));
const validate = new Ajv2020({ allErrors: false, strict: false }).compile(schema);
const cli = new URL("target/debug/trade-target-chart", root).pathname;

/** The widget's verdict on a spec, through the native CLI (same core as the wasm). */
function widget(spec) {
  try {
    execFileSync(cli, ["render", "-", "-o", "/dev/null"], { input: JSON.stringify(spec), stdio: ["pipe", "ignore", "pipe"] });
    return null;
  } catch (e) {
    // "trade-target-chart: series[3].value: expected a number, found a string"
    const line = String(e.stderr).trim().replace(/^trade-target-chart: /, "");
    return line.includes(": ") ? line.slice(0, line.indexOf(": ")) : "";
  }
}

/** ajv's instancePath "/series/3/value" as our JSON path "series[3].value". */
function path(err) {
  let p = err.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("").replace(/^\./, "");
  if (err.keyword === "additionalProperties") p = (p ? p + "." : "") + err.params.additionalProperty;
  if (err.keyword === "required") p = (p ? p + "." : "") + err.params.missingProperty;
  return p;
}

test("the schema accepts the default spec, the data file and the test specs", async () => {
  const data = JSON.parse(await readFile(new URL("src/data/china-russia.json", root), "utf8"));
  for (const spec of [{}, data, { kind: "breakdown", locale: "ru", theme: "dark", asOf: "2021-06-20", reveal: true }]) {
    assert.ok(validate(spec), JSON.stringify(validate.errors));
    assert.equal(widget(spec), null);
  }
});

test("the schema rejects bad specs where the widget does, at the same path", () => {
  const bad = [
    { titel: "x" },
    { title: 5 },
    { title: "x".repeat(501) },
    { series: [] },
    { series: [{ year: 2000, value: 1 }, { year: 2001, value: 2 }, { year: 2002, value: 3 }, { year: 2003, value: "abc" }] },
    { series: [{ year: 2000, value: -1 }] },
    { series: [{ year: 2000.5, value: 1 }] },
    { series: [{ year: 2000 }] },
    { target: { value: 0, year: 2024 } },
    { target: { value: 200, year: 2024, lable: "x" } },
    { kind: "pie" },
    { height: 10 },
    { source: { text: "x", url: "javascript:alert(1)" } },
    { asOf: "June 2021" },
    { unit: { prefix: "a very long prefix" } },
  ];
  for (const spec of bad) {
    const ours = widget(spec);
    assert.notEqual(ours, null, `widget accepts ${JSON.stringify(spec).slice(0, 80)}`);
    assert.equal(validate(spec), false, `schema accepts ${JSON.stringify(spec).slice(0, 80)}`);
    assert.equal(path(validate.errors[0]), ours, `${JSON.stringify(spec).slice(0, 80)}: ${JSON.stringify(validate.errors[0])}`);
  }
});
