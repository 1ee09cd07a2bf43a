// The page's language reaches the chart through shadow roots and follows later changes:
// `<html lang="ru">` with a plain <trade-target-chart> speaks Russian (the element's chart
// lives in a shadow root, where `closest("[lang]")` alone stops), and so does a chart
// mounted inside someone else's shadow tree; switching the page's `lang` redraws it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { openPage, waitForCharts } from "./embed-pages.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** The column heads of the data table and the link words, inside `root` (a shadow root or an element). */
function words(root) {
  return {
    heads: [...root.querySelectorAll("table th[scope=col]")].slice(0, 2).map((t) => t.textContent),
    source: root.querySelector(".ttc-links a")?.textContent,
    lang: root.querySelector(".ttc")?.getAttribute("lang"),
  };
}

test("<html lang> reaches the element's shadow root, and a later change redraws the chart", async () => {
  const p = await openPage(
    env,
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>t</title>
     <script type="module" src="/src/js/element.js"></script></head>
     <body><trade-target-chart id="c"></trade-target-chart></body></html>`,
  );
  await waitForCharts(p);
  const read = () => p.$eval("#c", (el, src) => new Function("root", `return (${src})(root)`)(el.shadowRoot), words.toString());
  assert.deepEqual(await read(), { heads: ["Год", "Всего"], source: "Источник", lang: "ru" });
  await p.evaluate(() => (document.documentElement.lang = "zh"));
  await p.waitForFunction(() => document.querySelector("#c").shadowRoot.querySelector(".ttc").getAttribute("lang") === "zh");
  // The table follows in an idle moment.
  await p.waitForFunction(() => document.querySelector("#c").shadowRoot.querySelector("table th[scope=col]")?.textContent === "年份");
  assert.equal((await read()).source, "来源");
  // A spec's own locale still wins over the page's.
  await p.evaluate(() => document.querySelector("#c").setAttribute("spec", '{"locale":"en"}'));
  await p.waitForFunction(() => document.querySelector("#c").shadowRoot.querySelector(".ttc")?.getAttribute("lang") === "en");
  await p.evaluate(() => (document.documentElement.lang = "ru"));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await read()).lang, "en");
  assert.deepEqual(p.errors, []);
});

test("mount() inside another shadow tree takes the lang of that tree's host", async () => {
  const p = await openPage(
    env,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
     <body><section lang="ru"><div id="host"></div></section></body></html>`,
  );
  const r = await p.evaluate(async (src) => {
    const m = await import("/src/js/index.js");
    const shadow = document.getElementById("host").attachShadow({ mode: "open" });
    const el = document.createElement("div");
    el.style.width = "640px";
    shadow.append(el);
    await m.mount(el, {});
    return new Function("root", `return (${src})(root)`)(el);
  }, words.toString());
  assert.deepEqual(r, { heads: ["Год", "Всего"], source: "Источник", lang: "ru" });
  assert.deepEqual(p.errors, []);
});
