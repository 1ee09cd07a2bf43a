// The demo page's reader controls (kind, theme, language, the container's lang, asOf and
// reveal), and screenshots of the reader's chart for review in tests/out/ (gitignored):
// per locale, per kind, asOf (+reveal), dark, some with a tooltip showing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import {
  setup,
  openDemo,
  openFixture,
  mountInFixture,
  nextFrames,
  normalizeSpaces,
  svgTexts,
  ROOT,
} from "./harness.mjs";

const OUT = path.join(ROOT, "tests", "out");

let env;
before(async () => {
  env = await setup();
  await mkdir(OUT, { recursive: true });
});
after(async () => {
  await env?.close();
});

const editorSpec = async (page) => JSON.parse(await page.inputValue("#spec-editor"));
// The whole title from the SVG's <title> (the drawn title may wrap onto two lines when the
// host's font runs wide).
const title = async (page) => normalizeSpaces(await page.$eval("#chart svg title", (e) => e.textContent)).trim();
const drawnCount = (page) => page.evaluate(() => Number(document.documentElement.dataset.drawn ?? 0));

/** Runs `action` and waits until the demo has drawn again. */
async function redraws(page, action) {
  const before = await drawnCount(page);
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.drawn ?? 0) > n, before, { timeout: 5_000 });
  await nextFrames(page);
}

test("demo controls: kind, theme, language, the container's lang, asOf and reveal edit the spec and redraw", async () => {
  const page = await openDemo(env, { viewport: { width: 1200, height: 900 }, colorScheme: "light" });

  // Every control has a label (its accessible name is not empty).
  const unnamed = await page.$$eval(".controls select, .controls input", (els) =>
    els.filter((el) => !(el.labels && [...el.labels].some((l) => l.textContent.trim()))).map((el) => el.id || el.name),
  );
  assert.deepEqual(unnamed, [], "controls without a label");
  assert.equal(await page.isDisabled("#reveal-toggle"), true, "reveal waits for asOf");

  // Kind.
  await redraws(page, () => page.selectOption("#kind-select", "breakdown"));
  assert.equal((await editorSpec(page)).kind, "breakdown");
  assert.ok((await svgTexts(page)).some((t) => t.includes("China's exports to Russia")), "the breakdown's legend");
  await redraws(page, () => page.selectOption("#kind-select", "bars"));
  assert.equal((await editorSpec(page)).kind, "bars");
  assert.ok((await page.locator("#chart svg rect").count()) > 20, "bars drawn");
  await redraws(page, () => page.selectOption("#kind-select", "line"));
  assert.equal("kind" in (await editorSpec(page)), false, "line is the default: the key goes");
  // The line, not the dots that mark points (round-capped polylines of two equal points).
  assert.equal(await page.locator("#chart svg polyline:not([stroke-linecap])").count(), 1);

  // Theme: dark makes the chart and the page dark; light makes both light; auto follows the reader.
  const colours = () =>
    page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).backgroundColor,
      scroller: getComputedStyle(document.querySelector(".chart-scroller")).backgroundColor,
      chart: document.querySelector("#chart svg > rect")?.getAttribute("fill"),
      dark: document.documentElement.classList.contains("theme-dark"),
    }));
  await redraws(page, () => page.selectOption("#theme-select", "dark"));
  assert.equal((await editorSpec(page)).theme, "dark");
  assert.deepEqual(await colours(), { page: "rgb(18, 18, 18)", scroller: "rgb(22, 22, 24)", chart: "#161618", dark: true });
  await redraws(page, () => page.selectOption("#theme-select", "light"));
  assert.equal((await editorSpec(page)).theme, "light");
  assert.deepEqual(await colours(), { page: "rgb(255, 255, 255)", scroller: "rgb(255, 255, 255)", chart: "#FFFFFF", dark: false });
  await redraws(page, () => page.selectOption("#theme-select", "auto"));
  assert.equal("theme" in (await editorSpec(page)), false);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.querySelector("#chart svg > rect")?.getAttribute("fill") === "#161618", null, { timeout: 5_000 });
  assert.deepEqual(await colours(), { page: "rgb(18, 18, 18)", scroller: "rgb(22, 22, 24)", chart: "#161618", dark: false },
    "auto on a dark reader: page and chart dark");
  // A light choice on a dark reader keeps both light.
  await redraws(page, () => page.selectOption("#theme-select", "light"));
  assert.deepEqual(await colours(), { page: "rgb(255, 255, 255)", scroller: "rgb(255, 255, 255)", chart: "#FFFFFF", dark: false });
  await redraws(page, () => page.selectOption("#theme-select", "auto"));
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.querySelector("#chart svg > rect")?.getAttribute("fill") === "#FFFFFF", null, { timeout: 5_000 });

  // Language through the spec.
  await redraws(page, () => page.selectOption("#locale-select", "ru"));
  assert.equal((await editorSpec(page)).locale, "ru");
  assert.ok((await title(page)).startsWith("Товарооборот России и Китая"), await title(page));
  await redraws(page, () => page.selectOption("#locale-select", "zh"));
  assert.ok((await title(page)).startsWith("中俄贸易额"), await title(page));
  await redraws(page, () => page.selectOption("#locale-select", ""));
  assert.equal("locale" in (await editorSpec(page)), false, "host default: no locale key");
  assert.ok((await title(page)).startsWith("China–Russia trade"), await title(page));

  // Language through the container's lang (not a spec key).
  await redraws(page, () => page.selectOption("#lang-select", "ru"));
  assert.equal(await page.getAttribute("#chart", "lang"), "ru");
  assert.equal("locale" in (await editorSpec(page)), false);
  assert.ok((await title(page)).startsWith("Товарооборот России и Китая"), await title(page));
  await redraws(page, () => page.selectOption("#lang-select", "zh"));
  assert.ok((await title(page)).startsWith("中俄贸易额"), await title(page));
  // The spec's locale wins over the container's lang.
  await redraws(page, () => page.selectOption("#locale-select", "en"));
  assert.ok((await title(page)).startsWith("China–Russia trade"), await title(page));
  await redraws(page, () => page.selectOption("#locale-select", ""));
  await redraws(page, () => page.selectOption("#lang-select", ""));
  assert.equal(await page.getAttribute("#chart", "lang"), null);
  assert.ok((await title(page)).startsWith("China–Russia trade"));

  // asOf and reveal.
  const defaultTitle = (await editorSpec(page)).title;
  await redraws(page, () => page.check("#asof-toggle"));
  assert.equal((await editorSpec(page)).asOf, "2021-06-20");
  assert.equal("title" in (await editorSpec(page)), false, "the default title (the ending) gives way to the 2021 view");
  assert.equal(await title(page), "Trade needs 16.7% a year to reach its $200B target by 2024");
  assert.equal(await page.isDisabled("#reveal-toggle"), false);
  const faintBefore = await page.locator("#chart svg polyline").count();
  await redraws(page, () => page.check("#reveal-toggle"));
  assert.equal((await editorSpec(page)).reveal, true);
  assert.ok((await page.locator("#chart svg polyline").count()) > faintBefore, "reveal draws what happened afterwards");
  await redraws(page, () => page.uncheck("#asof-toggle"));
  const spec = await editorSpec(page);
  assert.equal("asOf" in spec || "reveal" in spec, false, "unchecking asOf drops reveal too");
  assert.equal(spec.title, defaultTitle, "and brings the default title back");
  assert.equal(await title(page), defaultTitle);
  assert.equal(await page.isChecked("#reveal-toggle"), false);
  assert.equal(await page.isDisabled("#reveal-toggle"), true);

  // Editing the JSON by hand moves the controls.
  await redraws(page, async () => {
    const s = await editorSpec(page);
    Object.assign(s, { kind: "bars", theme: "dark", locale: "zh", asOf: "2021-06-20", reveal: true, renderer: "canvas" });
    await page.fill("#spec-editor", JSON.stringify(s, null, 2));
  });
  assert.deepEqual(
    await page.evaluate(() => ({
      kind: document.getElementById("kind-select").value,
      theme: document.getElementById("theme-select").value,
      locale: document.getElementById("locale-select").value,
      asOf: document.getElementById("asof-toggle").checked,
      reveal: document.getElementById("reveal-toggle").checked,
      renderer: document.querySelector('input[name="renderer"]:checked').value,
      dark: document.documentElement.classList.contains("theme-dark"),
    })),
    { kind: "bars", theme: "dark", locale: "zh", asOf: true, reveal: true, renderer: "canvas", dark: true },
  );
  assert.match(await page.textContent("#embed-code"), /"theme": "dark"/, "the snippet follows the controls");

  // Broken JSON: a control says so and goes back to what is drawn.
  await page.fill("#spec-editor", '{ "kind": ');
  await page.selectOption("#kind-select", "line");
  await page.waitForFunction(() => document.getElementById("spec-status").textContent.includes("Fix the JSON"), null, { timeout: 5_000 });
  assert.equal(await page.inputValue("#kind-select"), "bars");
  assert.deepEqual(page.errors, []);
});

/**
 * Draws `spec` into the fixture page's chart (`width` px, the container's `lang`, a dark page
 * behind it when `dark`), optionally with the tooltip for 2024 up, and screenshots the chart.
 */
async function shoot(page, name, spec, { lang, tooltip = false, width = 640, dark = false } = {}) {
  await page.evaluate(
    ({ spec, lang, width, dark }) => {
      document.activeElement?.blur?.();
      document.body.style.background = dark ? "#121212" : "";
      const el = document.getElementById("chart");
      el.style.width = `${width}px`;
      if (lang) el.lang = lang;
      else el.removeAttribute("lang");
      window.__chart.update(spec);
    },
    { spec, lang, width, dark },
  );
  await nextFrames(page);
  if (tooltip) {
    await page.focus("#chart .ttc");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
  }
  const file = path.join(OUT, `reader-${name}.png`);
  await page.locator("#chart").screenshot({ path: file });
  assert.deepEqual(page.errors, [], name);
  return file;
}

test("screenshots for review: locales, kinds, asOf (+reveal), dark, tooltips (tests/out/reader-*.png)", async () => {
  const shots = [
    ["en-640", {}],
    ["ru-640", {}, { lang: "ru" }],
    ["zh-640", { locale: "zh" }],
    ["line-640", { kind: "line" }],
    ["bars-640", { kind: "bars" }],
    ["breakdown-640", { kind: "breakdown" }],
    ["asof-640", { asOf: "2021-06-20" }],
    ["asof-reveal-640", { asOf: "2021-06-20", reveal: true }],
    ["dark-640", { theme: "dark" }, { dark: true }],
    ["dark-breakdown-640", { theme: "dark", kind: "breakdown" }, { dark: true }],
    ["tip-en-640", {}, { tooltip: true }],
    ["tip-ru-640", { locale: "ru" }, { tooltip: true }],
    ["tip-zh-640", { locale: "zh" }, { tooltip: true }],
    ["tip-dark-640", { theme: "dark" }, { tooltip: true, dark: true }],
    ["tip-breakdown-640", { kind: "breakdown" }, { tooltip: true }],
    ["tip-en-320", {}, { tooltip: true, width: 320 }],
    ["canvas-zh-640", { locale: "zh", renderer: "canvas" }],
  ];
  const page = await openFixture(env, { viewport: { width: 680, height: 800 } });
  await mountInFixture(page, {}, { width: 640 });
  for (const [name, spec, opts] of shots) {
    const file = await shoot(page, name, spec, opts);
    assert.ok((await stat(file)).size > 5_000, `${file} looks empty`);
  }
  await page.closeContext();

  // The demo page in its dark theme, focus on the chart and a tooltip up.
  for (const width of [320, 1200]) {
    const page = await openDemo(env, { viewport: { width, height: 900 } });
    await redraws(page, () => page.selectOption("#theme-select", "dark"));
    await page.focus("#chart .ttc");
    await page.keyboard.press("End");
    await nextFrames(page);
    const file = path.join(OUT, `reader-demo-dark-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok((await stat(file)).size > 5_000);
    assert.deepEqual(page.errors, []);
    await page.closeContext();
  }
});
