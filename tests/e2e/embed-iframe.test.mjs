// The iframe embed (www/embed.html + embed.js) and its host snippet (www/embed-host.js).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { openPage, toBase64Url } from "./embed-pages.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** A host page with one iframe (attributes as given) and, optionally, the host snippet. */
function hostPage(iframeAttrs, { snippet = true } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
    ${snippet ? '<script src="/www/embed-host.js"></script>' : ""}
    <link rel="stylesheet" href="host.css"></head>
    <body><p>Article text.</p><iframe id="f" ${iframeAttrs} title="Chart"></iframe><p>More text.</p></body></html>`;
}
const HOST_CSS = { "host.css": { body: "body { margin: 0 } iframe { display: block; border: 0 }", type: "text/css" } };

/** Records the ttc:height messages the host receives, from the start. */
function recordMessages() {
  window.__messages = [];
  addEventListener("message", (e) => e.data?.type === "ttc:height" && window.__messages.push(e.data));
}

/** The embedded chart's state, read from inside the iframe. */
async function frameState(page) {
  const frame = page.frameLocator("#f");
  await frame.locator("#chart svg, #chart .ttc-error").first().waitFor({ timeout: 15_000 });
  const handle = await page.$("#f");
  const f = await handle.contentFrame();
  return f.evaluate(() => {
    const svg = document.querySelector("#chart svg");
    return {
      title: svg?.querySelector("text")?.textContent.trim(),
      svgHeight: svg ? Number(svg.getAttribute("height")) : null,
      svgWidth: svg ? Number(svg.getAttribute("width")) : null,
      error: document.querySelector(".ttc-error")?.textContent ?? null,
      scrollHeight: document.documentElement.scrollHeight,
      innerHeight,
      docTitle: document.title,
    };
  });
}

test("#base64url spec: drawn, the height posted, and the host snippet sizes the iframe to it", async () => {
  const spec = { title: "Trade from the URL’s hash — ✓ UTF-8", kind: "bars" };
  const p = await openPage(env, hostPage(`src="/www/embed.html?id=trade#${toBase64Url(spec)}" width="640" height="300"`), {
    files: HOST_CSS,
    init: recordMessages,
    viewport: { width: 800, height: 900 },
  });
  const s = await frameState(p);
  assert.equal(s.title, spec.title);
  assert.equal(s.docTitle, spec.title, "the frame's document title follows the chart's");
  const msg = await p.waitForFunction(() => window.__messages.at(-1)).then((h) => h.jsonValue());
  assert.equal(msg.id, "trade");
  // The chart (397 px at 640) plus the 26 px row of links under it.
  assert.ok(msg.height >= 406 && msg.height <= 446, `natural height at 640 px: ${msg.height}`);
  // The snippet resized the iframe to the posted height; the chart then drew at full height.
  await p.waitForFunction((h) => document.getElementById("f").getBoundingClientRect().height === h, msg.height);
  await p.waitForTimeout(100);
  const after = await frameState(p);
  assert.equal(after.svgHeight + 26, msg.height, "no longer squeezed (the picture plus the links row)");
  assert.ok(after.scrollHeight <= after.innerHeight, "nothing cut off, no scrolling");
  assert.deepEqual(p.errors, []);
});

test("?src= spec URL; a missing or bad spec shows a readable error in the frame", async () => {
  const p = await openPage(env, hostPage(`src="/www/embed.html?src=/__e2e__/spec.json" width="640" height="420"`), {
    files: { ...HOST_CSS, "spec.json": { body: JSON.stringify({ title: "From ?src=" }) } },
    viewport: { width: 800, height: 900 },
  });
  assert.equal((await frameState(p)).title, "From ?src=");
  for (const [query, pattern] of [
    ["?src=/__e2e__/nothing.json", /could not be drawn.*404/],
    [`#${toBase64Url({ series: [{ year: 2020, value: "x" }] })}`, /series\[0\]\.value/],
    ["#not*base64", /not base64url/],
  ]) {
    const q = await openPage(env, hostPage(`src="/www/embed.html${query}" width="640" height="420"`), {
      files: { ...HOST_CSS, "nothing.json": { body: "", status: 404, type: "text/plain" } },
    });
    const s = await frameState(q);
    assert.match(s.error ?? "", pattern, `${query}: ${JSON.stringify(s)}`);
    q.expectErrors(/status of 404/); // nothing.json's 404, logged by Chromium
    assert.deepEqual(q.errors, [], query);
    await q.closeContext();
  }
  assert.deepEqual(p.errors, []);
});

test("without the host snippet the chart fits the iframe: 640×420, and a short wide 1200×300", async () => {
  for (const [w, h] of [[640, 420], [1200, 300], [320, 420]]) {
    const p = await openPage(env, hostPage(`src="/www/embed.html" width="${w}" height="${h}"`, { snippet: false }), {
      files: HOST_CSS,
      init: recordMessages,
      viewport: { width: 1280, height: 900 },
    });
    const s = await frameState(p);
    assert.match(s.title, /China–Russia trade/);
    assert.equal(s.svgWidth, w);
    assert.ok(s.svgHeight <= h, `${w}×${h}: chart ${s.svgHeight}px high fits`);
    assert.ok(s.scrollHeight <= h, `${w}×${h}: nothing cut off (content ${s.scrollHeight}px)`);
    // The message still went out (nobody listened); it carries the unsqueezed height.
    const msg = await p.waitForFunction(() => window.__messages.at(-1)).then((x) => x.jsonValue());
    assert.ok(msg.height >= s.svgHeight, `posted ${msg.height}`);
    assert.equal(await p.$eval("#f", (f) => f.getBoundingClientRect().height), h, "not resized without the snippet");
    assert.deepEqual(p.errors, []);
    await p.closeContext();
  }
});

test("a wider iframe re-posts its height; the snippet follows", async () => {
  const p = await openPage(env, hostPage(`src="/www/embed.html" width="360" height="200"`), {
    files: HOST_CSS,
    init: recordMessages,
    viewport: { width: 1280, height: 900 },
  });
  await frameState(p);
  const first = await p.waitForFunction(() => window.__messages.at(-1)?.height).then((h) => h.jsonValue());
  await p.$eval("#f", (f) => f.setAttribute("width", "1000"));
  const second = await p
    .waitForFunction((h) => window.__messages.at(-1)?.height !== h && window.__messages.at(-1).height, first)
    .then((h) => h.jsonValue());
  assert.ok(second > first, `${first} → ${second}`);
  await p.waitForFunction((h) => document.getElementById("f").getBoundingClientRect().height === h, second);
  assert.deepEqual(p.errors, []);
});
