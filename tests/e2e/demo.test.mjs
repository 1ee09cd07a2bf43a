// The demo page (/www/): the default chart, the live JSON editor and its controls.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openDemo, svgTexts } from "./harness.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Replaces the editor's text (page.fill fires `input`, as typing does). */
async function setEditor(page, text) {
  await page.fill("#spec-editor", text);
}

/** Reads the editor's JSON, lets `change` edit it in place, writes it back. */
async function editSpec(page, change) {
  const spec = JSON.parse(await page.inputValue("#spec-editor"));
  change(spec);
  await setEditor(page, JSON.stringify(spec, null, 2));
}

function waitForChartText(page, text) {
  return page.waitForFunction(
    (t) => [...document.querySelectorAll("#chart svg text")].some((e) => e.textContent.includes(t)),
    text,
    { timeout: 5_000 },
  );
}

function waitForStatus(page, text) {
  return page.waitForFunction(
    (t) => document.getElementById("spec-status").textContent.includes(t),
    text,
    { timeout: 5_000 },
  );
}

test("the default chart shows its title, the $200B target label and the source line", async () => {
  const page = await openDemo(env);
  const texts = await svgTexts(page);
  assert.ok(texts.length > 5, `expected the chart's SVG text elements, got ${JSON.stringify(texts)}`);
  const all = texts.join(" ");
  assert.ok(
    texts.some((t) => t.includes("China–Russia trade")),
    `no title text containing "China–Russia trade" in ${JSON.stringify(texts)}`,
  );
  assert.match(all, /\$200B target/, `no target label in ${JSON.stringify(texts)}`);
  assert.match(all, /General Administration of Customs/, `no source line in ${JSON.stringify(texts)}`);
  // The editor holds the default spec, which is valid JSON with the real data.
  const spec = JSON.parse(await page.inputValue("#spec-editor"));
  assert.ok(Array.isArray(spec.series) && spec.series.length >= 20, "the editor should hold the default series");
  assert.equal(await page.isDisabled("#spec-editor"), false);
  assert.deepEqual(page.errors, []);
});

test("the live editor redraws on a new title, and on a bad spec shows the path and keeps the last good chart", async () => {
  const page = await openDemo(env);

  // A new title redraws the chart.
  const title = "Trade passed the goal early (edited)";
  await editSpec(page, (spec) => {
    spec.title = title;
  });
  await waitForChartText(page, title);
  assert.ok((await svgTexts(page)).some((t) => t.includes(title)));
  const goodChart = await page.innerHTML("#chart");

  // A bad value: the error line names the JSON path; the chart is unchanged.
  await editSpec(page, (spec) => {
    spec.series[3].value = "abc";
  });
  await waitForStatus(page, "series[3].value");
  const status = await page.textContent("#spec-status");
  assert.match(status, /series\[3\]\.value/);
  assert.equal(await page.getAttribute("#spec-editor", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#spec-status", "role"), "status");
  assert.equal(await page.innerHTML("#chart"), goodChart, "the chart must keep the last good drawing");
  assert.ok((await svgTexts(page)).some((t) => t.includes(title)), "the last good title stays");

  // An unknown key is rejected and named.
  await editSpec(page, (spec) => {
    spec.series[3].value = 89.21;
    spec.colour = "red";
  });
  await waitForStatus(page, "colour");
  assert.equal(await page.innerHTML("#chart"), goodChart);

  // Text that is not JSON at all.
  await setEditor(page, '{ "title": ');
  await waitForStatus(page, "not valid JSON");
  assert.equal(await page.innerHTML("#chart"), goodChart);

  // Fixing it redraws and clears the error.
  const fixed = "Fixed title";
  await setEditor(page, JSON.stringify({ title: fixed }));
  await waitForChartText(page, fixed);
  assert.equal(await page.getAttribute("#spec-editor", "aria-invalid"), null);
  assert.doesNotMatch(await page.textContent("#spec-status"), /Not drawn/);
  assert.match(await page.textContent("#embed-code"), /"title": "Fixed title"/, "the snippet follows the edits");
  assert.deepEqual(page.errors, []);
});

test("the width selector resizes the chart to 320, 1200 and back to auto", async () => {
  const page = await openDemo(env);
  const svgWidth = () => page.$eval("#chart svg", (svg) => svg.getBoundingClientRect().width);
  const autoWidth = await svgWidth();

  for (const w of [320, 1200]) {
    await page.selectOption("#width-select", String(w));
    await page.waitForFunction(
      (want) => Math.abs(document.querySelector("#chart svg")?.getBoundingClientRect().width - want) < 1,
      w,
      { timeout: 5_000 },
    ).catch(() => {});
    assert.equal(Math.round(await svgWidth()), w, `chart width after choosing ${w} px`);
  }
  await page.selectOption("#width-select", "auto");
  await page.waitForFunction(
    (want) => Math.abs(document.querySelector("#chart svg")?.getBoundingClientRect().width - want) < 1,
    autoWidth,
    { timeout: 5_000 },
  ).catch(() => {});
  assert.equal(Math.round(await svgWidth()), Math.round(autoWidth));
  assert.deepEqual(page.errors, []);
});

test("the renderer toggle switches between SVG and canvas through the spec", async () => {
  const page = await openDemo(env);
  assert.equal(await page.locator("#chart svg").count(), 1);

  await page.check('input[name="renderer"][value="canvas"]');
  await page.waitForSelector("#chart canvas", { timeout: 5_000 });
  assert.equal(await page.locator("#chart svg").count(), 0, "no SVG left once drawn on a canvas");
  assert.equal(JSON.parse(await page.inputValue("#spec-editor")).renderer, "canvas");
  const size = await page.$eval("#chart canvas", (c) => [c.width, c.height]);
  assert.ok(size[0] > 0 && size[1] > 0, `canvas size ${size}`);

  await page.check('input[name="renderer"][value="svg"]');
  await page.waitForSelector("#chart svg", { timeout: 5_000 });
  assert.equal(await page.locator("#chart canvas").count(), 0);
  assert.ok((await svgTexts(page)).some((t) => t.includes("China–Russia trade")));
  assert.deepEqual(page.errors, []);
});
