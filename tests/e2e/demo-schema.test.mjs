// The demo's schema hints: the editor's JSON is checked against pkg/schema.json as the reader
// types, the first finding shows under the editor (path written as the widget writes it), and
// the description of the key under the caret shows in a help line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { setup, openDemo, ROOT } from "./harness.mjs";

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
const schema = JSON.parse(await readFile(path.join(ROOT, "pkg", "schema.json"), "utf8"));

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const hintText = (page) => page.textContent("#spec-schema");

/** Waits until the schema hint's text matches `expected` (a RegExp), or is empty (""). */
async function waitForHint(page, expected) {
  await page.waitForFunction(
    ({ source, empty }) => {
      const text = document.getElementById("spec-schema").textContent;
      return empty ? text === "" : new RegExp(source).test(text);
    },
    { source: expected instanceof RegExp ? expected.source : "", empty: expected === "" },
    { timeout: 5_000 },
  );
}

/** Replaces `from` in the editor's text with `to` (page.fill fires `input`, as typing does). */
async function replaceInEditor(page, from, to) {
  const text = await page.inputValue("#spec-editor");
  const i = text.search(from);
  assert.ok(i >= 0, `${from} in the editor`);
  await page.fill("#spec-editor", text.replace(from, to));
}

/** Puts the caret `offset` characters into the first `"key":` of the editor's text. */
async function caretInKey(page, key, offset = 2) {
  await page.focus("#spec-editor");
  await page.evaluate(
    ({ key, offset }) => {
      const editor = document.getElementById("spec-editor");
      const i = editor.value.indexOf(`"${key}":`);
      editor.setSelectionRange(i + offset, i + offset);
    },
    { key, offset },
  );
  // A key press moves no caret here (Shift) but is how a reader's caret arrives.
  await page.keyboard.press("Shift");
}

test("the schema hint is a labelled polite live region, empty on the default spec", async () => {
  const page = await openDemo(env);
  const attrs = await page.$eval("#spec-schema", (el) => ({
    role: el.getAttribute("role"),
    live: el.getAttribute("aria-live"),
    label: el.getAttribute("aria-label"),
    describes: document.getElementById("spec-editor").getAttribute("aria-describedby").split(" ").includes(el.id),
  }));
  assert.deepEqual(attrs, { role: "status", live: "polite", label: "Schema check", describes: true });
  assert.equal(await hintText(page), "");
  assert.deepEqual(page.errors, []);
});

test("a bad value, an unknown key and a value out of range are pointed at; a valid edit clears the hint", async () => {
  const page = await openDemo(env);

  await replaceInEditor(page, /"value": 8(\.0)?\b/, '"value": "abc"');
  await waitForHint(page, /series\[0\]\.value/);
  assert.equal(await hintText(page), "Schema: series[0].value — expected number, got string");

  // Valid again: the hint clears.
  await replaceInEditor(page, '"value": "abc"', '"value": 8');
  await waitForHint(page, "");
  await page.waitForFunction(() => document.getElementById("spec-status").textContent === "Drawn.");

  await replaceInEditor(page, /^\{/, '{\n  "titel": "x",');
  await waitForHint(page, /titel/);
  const unknown = await hintText(page);
  assert.match(unknown, /^Schema: titel — not a known key \(known: title, /);

  await replaceInEditor(page, '  "titel": "x",\n', '  "height": 5000,\n');
  await waitForHint(page, /height/);
  assert.equal(await hintText(page), "Schema: height — must be ≤ 2000");

  await replaceInEditor(page, '  "height": 5000,\n', '  "kind": "pie",\n');
  await waitForHint(page, /kind/);
  assert.equal(await hintText(page), 'Schema: kind — must be one of "line", "bars", "breakdown"');

  await replaceInEditor(page, '  "kind": "pie",\n', '  "kind": "bars",\n');
  await waitForHint(page, "");
  assert.deepEqual(page.errors, []);
});

/** "milestones" when the schema describes it; otherwise the first described spec key in `text`. */
function describedKey(text) {
  const described = Object.entries(schema.properties)
    .filter(([k, p]) => p.description && text.includes(`"${k}":`))
    .map(([k]) => k);
  const key = described.includes("milestones") ? "milestones" : described[0];
  assert.ok(key, "a described key in the default spec");
  return key;
}

test("the caret in a key shows the schema's description of that key", async () => {
  const page = await openDemo(env);
  const text = await page.inputValue("#spec-editor");
  const key = describedKey(text);
  const description = schema.properties[key].description.replace(/\s+/g, " ");

  await caretInKey(page, key);
  await page.waitForFunction(() => document.getElementById("spec-help").textContent !== "", null, { timeout: 5_000 });
  assert.equal(await page.textContent("#spec-help"), `${key}: ${description}`);

  // Out of the key (into the editor's first character): the help goes.
  await page.evaluate(() => document.getElementById("spec-editor").setSelectionRange(0, 0));
  await page.keyboard.press("Shift");
  await page.waitForFunction(() => document.getElementById("spec-help").textContent === "", null, { timeout: 5_000 });

  // A nested key is described too (Target's "set").
  if (schema.$defs?.Target?.properties?.set?.description && text.includes('"set":')) {
    await caretInKey(page, "set", 1);
    await page.waitForFunction(() => document.getElementById("spec-help").textContent.startsWith("set:"), null, { timeout: 5_000 });
  }
  assert.deepEqual(page.errors, []);
});

test("without the schema the demo works as before, with no hints", async () => {
  const page = await env.newPage();
  await page.route("**/pkg/schema.json", (route) => route.fulfill({ status: 404, body: "Not Found\n" }));
  await page.goto(`${env.url}/www/`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  await replaceInEditor(page, /"value": 8(\.0)?\b/, '"value": "abc"');
  await page.waitForFunction(() => document.getElementById("spec-status").textContent.includes("series[0].value"));
  assert.equal(await hintText(page), "");
  await caretInKey(page, describedKey(await page.inputValue("#spec-editor")));
  assert.equal(await page.textContent("#spec-help"), "");
  // The failed fetch shows in the console as a resource error; nothing else.
  page.expectErrors(/status of 404/); // schema.json's 404, logged by Chromium
  assert.deepEqual(page.errors, []);
});

test("axe: no violations with the hint and the help line showing, light and dark", async () => {
  const page = await openDemo(env, { viewport: { width: 1200, height: 900 } });
  await page.addScriptTag({ path: AXE });
  await replaceInEditor(page, /^\{/, '{\n  "titel": "x",');
  await waitForHint(page, /titel/);
  await caretInKey(page, describedKey(await page.inputValue("#spec-editor")));
  await page.waitForFunction(() => document.getElementById("spec-help").textContent !== "");
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => {
      document.documentElement.classList.toggle("theme-dark", t === "dark");
      document.documentElement.classList.toggle("theme-light", t === "light");
    }, theme);
    const v = await page.evaluate(async () =>
      (await window.axe.run(".editor-panel", { resultTypes: ["violations"] })).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      ),
    );
    assert.deepEqual(v, [], `${theme}: ${v.join("\n")}`);
  }
  assert.deepEqual(page.errors, []);
});
