// Every way of embedding under the strict CSP a careful news site sends (STRICT_CSP: no inline
// script, no inline style), with zero securitypolicyviolation events on the page and in frames.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";
import { openPage, waitForCharts, chartTexts, toBase64Url, STRICT_CSP } from "./embed-pages.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

// In every frame, before any of its scripts: count violations (the event is composed, so
// ones raised inside shadow roots reach the document too).
function countViolations() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
  );
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Strict CSP</title>
  <link rel="stylesheet" href="csp.css">
  <script type="module" src="/src/js/element.js"></script>
  <script type="module" src="csp-mount.js"></script>
  <script src="/www/embed-host.js"></script>
</head>
<body>
  <trade-target-chart id="script" loading="eager"><script type="application/json">{"title": "Child script under CSP"}</script></trade-target-chart>
  <trade-target-chart id="attr" loading="eager" spec='{"title": "Attribute under CSP"}'></trade-target-chart>
  <trade-target-chart id="src" loading="eager" src="csp-spec.json"></trade-target-chart>
  <trade-target-chart id="canvas" loading="eager" spec='{"renderer": "canvas"}'></trade-target-chart>
  <trade-target-chart id="dark" loading="eager" spec='{"theme": "dark"}'></trade-target-chart>
  <trade-target-chart id="bad" loading="eager" spec='{"kind": "pie"}'></trade-target-chart>
  <div id="npm"></div>
  <iframe id="f" src="/www/embed.html#${toBase64Url({ title: "Iframe under CSP" })}" width="640" height="300" title="Chart"></iframe>
</body>
</html>`;

// The npm way: a bundler-less module importing the entry and calling mount().
const MOUNT_JS = `import { mount } from "/src/js/index.js";
const chart = await mount(document.getElementById("npm"), { title: "mount() under CSP" });
document.documentElement.dataset.mounted = chart ? "yes" : "no";`;

test("strict CSP: element (script, attribute, src, canvas, dark, error box), mount() and iframe, zero violations", async () => {
  const p = await openPage(env, PAGE, {
    name: "csp.html",
    csp: STRICT_CSP,
    init: countViolations,
    viewport: { width: 800, height: 900 },
    files: {
      "csp.css": { body: "body { margin: 8px } iframe { border: 0; display: block }", type: "text/css" },
      "csp-mount.js": { body: MOUNT_JS, type: "text/javascript" },
      "csp-spec.json": { body: JSON.stringify({ title: "Src under CSP" }) },
    },
  });
  // The header really is there (else this test proves nothing).
  const header = await p.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
  assert.equal(header, STRICT_CSP);
  const consoleCsp = [];
  p.on("console", (m) => /Content Security Policy/i.test(m.text()) && consoleCsp.push(m.text()));
  await waitForCharts(p, "#script, #attr, #src, #dark");
  assert.equal((await chartTexts(p, "#script"))[0], "Child script under CSP");
  assert.equal((await chartTexts(p, "#attr"))[0], "Attribute under CSP");
  assert.equal((await chartTexts(p, "#src"))[0], "Src under CSP");
  await p.waitForFunction(() => document.getElementById("canvas").shadowRoot.querySelector("canvas"));
  await p.waitForFunction(() => document.getElementById("bad").shadowRoot.querySelector('.ttc-error[role="alert"]'));
  await p.waitForFunction(() => document.documentElement.dataset.mounted === "yes");
  assert.match(await p.$eval("#npm svg text", (t) => t.textContent), /mount\(\) under CSP/);
  // The error box's look comes through the CSSOM: it must have applied.
  const border = await p.$eval("#bad", (el) => getComputedStyle(el.shadowRoot.querySelector(".ttc-error")).borderLeftWidth);
  assert.equal(border, "4px");
  // The shadow root's constructable stylesheet applied (the box is a block, the svg too).
  assert.equal(await p.$eval("#attr", (el) => getComputedStyle(el.shadowRoot.querySelector("svg")).display), "block");

  const frame = await (await p.$("#f")).contentFrame();
  await frame.waitForSelector("#chart svg", { timeout: 15_000 });
  assert.equal(await frame.$eval("#chart svg text", (t) => t.textContent.trim()), "Iframe under CSP");
  // Squeezed into 300 px until the host snippet (allowed: external, CSSOM) grows the frame.
  await p.waitForFunction(() => document.getElementById("f").getBoundingClientRect().height > 300);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).marginTop), "0px", "the frame's sheet applied");

  await p.waitForTimeout(300); // let late reports arrive
  const top = await p.evaluate(() => window.__violations);
  const inFrame = await frame.evaluate(() => window.__violations);
  console.log(`# CSP violations: page ${top.length}, iframe ${inFrame.length}`);
  assert.deepEqual(top, [], "no violations on the page");
  assert.deepEqual(inFrame, [], "no violations in the iframe");
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual(p.errors, []);

  // Last, a control: an inline <style> is blocked and counted, so the policy is in force
  // and the counter works (a zero above means something).
  const blocked = await p.evaluate(async () => {
    const s = document.createElement("style");
    s.textContent = "body { outline: 1px solid red }";
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return { applied: getComputedStyle(document.body).outlineStyle === "solid", counted: window.__violations.length };
  });
  assert.deepEqual(blocked, { applied: false, counted: 1 });
  // The monitor saw it too (the violation, the blocked <style>, Chromium's console line).
  assert.equal(p.expectErrors(/style-src|<style>/).length, 3);
  assert.deepEqual(p.errors, []);
});
