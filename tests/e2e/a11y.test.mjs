// Accessibility: axe-core on the demo page at 320, 640 and 1200 px × light and dark × SVG and
// canvas (one page; the settings change through the demo's own controls), each with and
// without a tooltip up; and no motion in the widget, with or without prefers-reduced-motion.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setup, openDemo, openFixture, mountInFixture, nextFrames, tooltipState, ROOT } from "./harness.mjs";

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Chooses `value` in a demo control unless it is already chosen (no change, no redraw). */
async function choose(page, selector, value) {
  const isRadio = selector.startsWith("input");
  const current = isRadio ? await page.isChecked(selector) : (await page.inputValue(selector)) === value;
  if (current) return;
  if (isRadio) await page.check(selector);
  else await page.selectOption(selector, value);
}

/**
 * Waits until the chart is drawn as asked: the right element (svg or canvas), as wide as its
 * frame, with the theme's background (the SVG's first rect, or the canvas's first pixel).
 */
async function waitDrawn(page, { renderer, theme }) {
  await page.waitForFunction(
    ({ renderer, theme }) => {
      const frame = document.querySelector("#chart .ttc");
      const el = frame && frame.querySelector(renderer === "canvas" ? "canvas" : "svg");
      if (!el) return false;
      if (Math.abs(el.getBoundingClientRect().width - Math.floor(frame.getBoundingClientRect().width)) > 1) return false;
      let bg;
      if (renderer === "canvas") {
        bg = el.getContext("2d").getImageData(1, 1, 1, 1).data[0];
      } else {
        const fill = el.querySelector("rect")?.getAttribute("fill") ?? "";
        bg = parseInt(fill.slice(1, 3), 16);
      }
      return theme === "dark" ? bg < 64 : bg > 192;
    },
    { renderer, theme },
    { timeout: 5_000 },
  );
  await nextFrames(page);
}

/** axe's violations on the whole document, as short records. */
async function violations(page) {
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, " ")}` : ""}`),
    }));
  });
}

function describe(list) {
  return list
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `    ${t}`).join("\n")}`)
    .join("\n");
}

test("axe: no violations at 320, 640 and 1200 px × light and dark × SVG and canvas, with and without a tooltip", async () => {
  const page = await openDemo(env, { viewport: { width: 1200, height: 900 } });
  await page.addScriptTag({ path: AXE });
  const failures = [];
  let runs = 0;
  for (const width of [320, 640, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ["light", "dark"]) {
      await choose(page, "#theme-select", theme);
      for (const renderer of ["svg", "canvas"]) {
        await choose(page, `input[name="renderer"][value="${renderer}"]`, renderer);
        await waitDrawn(page, { renderer, theme });
        const where = `${width}px ${theme} ${renderer}`;

        const plain = await violations(page);
        runs++;
        if (plain.length) failures.push(`${where}:\n${describe(plain)}`);

        await page.focus("#chart .ttc");
        await page.keyboard.press("End");
        assert.equal((await tooltipState(page)).shown, true, `${where}: tooltip up`);
        const tip = await violations(page);
        runs++;
        if (tip.length) failures.push(`${where}, tooltip up:\n${describe(tip)}`);
        await page.keyboard.press("Escape");
      }
    }
  }
  if (failures.length) console.log(`axe violations:\n${failures.join("\n")}`);
  assert.equal(runs, 24);
  assert.deepEqual(failures, [], `axe found violations:\n${failures.join("\n")}`);
  assert.deepEqual(page.errors, []);
});

test("the chart's accessible name, description, data table and live region hold together", async () => {
  const page = await openDemo(env, { viewport: { width: 640, height: 900 } });
  const a = await page.$eval("#chart", (root) => {
    const frame = root.querySelector(".ttc");
    const desc = document.getElementById(frame.getAttribute("aria-describedby"));
    const live = root.querySelector('[role="status"]');
    const tip = frame.querySelector(".ttc-tip");
    const table = root.querySelector("table");
    return {
      tabIndex: frame.tabIndex,
      role: frame.getAttribute("role"),
      label: frame.getAttribute("aria-label"),
      desc: desc ? desc.textContent : null,
      descInside: desc ? root.contains(desc) : false,
      live: live ? live.getAttribute("aria-live") : null,
      tipHidden: tip.getAttribute("aria-hidden"),
      caption: table?.querySelector("caption")?.textContent,
      rows: table ? table.querySelectorAll("tr").length : 0,
      tabStops: [...root.querySelectorAll("*")].filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length).length,
    };
  });
  assert.equal(a.tabIndex, 0);
  assert.equal(a.role, "group");
  assert.equal(a.label, "China–Russia trade passed its $200B goal a year early");
  assert.match(a.desc, /^Trade rose from \$8\.0B in 2000 to a peak of \$244\.8B in 2024/);
  assert.ok(a.descInside, "the description belongs to this chart");
  assert.equal(a.live, "polite");
  assert.equal(a.tipHidden, "true", "the tooltip is for eyes; the live region speaks");
  assert.equal(a.caption, a.label);
  assert.equal(a.rows, 1 + 26, "a header row and one row a year");
  assert.deepEqual(page.errors, []);
});

for (const reducedMotion of ["reduce", "no-preference"]) {
  test(`nothing in the widget animates (prefers-reduced-motion: ${reducedMotion})`, async () => {
    const page = await openDemo(env, { viewport: { width: 640, height: 900 }, reducedMotion });
    assert.equal(
      await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches),
      reducedMotion === "reduce",
    );
    // Keyboard, then mouse: the tooltip appears, moves, and the chart redraws on a resize.
    await page.focus("#chart .ttc");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    const box = await page.locator("#chart svg").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    assert.equal((await tooltipState(page)).shown, true);
    const r = await page.evaluate(() => {
      const root = document.getElementById("chart");
      const all = document.getAnimations();
      const styled = [...root.querySelectorAll("*")].filter((el) => {
        const cs = getComputedStyle(el);
        const moving = (d) => d.split(",").some((t) => parseFloat(t) > 0);
        return moving(cs.transitionDuration) || (cs.animationName !== "none" && moving(cs.animationDuration));
      });
      return {
        animations: all.map((a) => `${a.constructor.name} on ${a.effect?.target?.tagName ?? "?"}.${a.effect?.target?.className ?? ""}`),
        styled: styled.map((el) => `${el.tagName}.${el.className}`),
        svgAnimate: root.querySelectorAll("animate, animateTransform, animateMotion, set").length,
      };
    });
    assert.deepEqual(r.animations, [], "document.getAnimations() after showing a tooltip");
    assert.deepEqual(r.styled, [], "elements in the chart with a transition or animation");
    assert.equal(r.svgAnimate, 0, "SMIL animation in the SVG");
    assert.deepEqual(page.errors, []);
  });
}

test("a chart in the reader's dark theme on a light host page: everything it draws stays readable", async () => {
  for (const spec of [{}, { theme: "dark" }]) {
    // The fixture page is white whatever the reader prefers (no color-scheme of its own).
    const page = await openFixture(env, { viewport: { width: 700, height: 800 }, colorScheme: "dark" });
    await mountInFixture(page, spec, { width: 640 });
    await page.addScriptTag({ path: AXE });
    const v = await page.evaluate(async () =>
      (await window.axe.run("#chart", { resultTypes: ["violations"] })).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`),
      })),
    );
    assert.deepEqual(v, [], `${JSON.stringify(spec)} on a white page:\n${describe(v)}`);
    await page.closeContext();
  }
});

test("a chart whose spec sets the locale says so to screen readers (lang on its text)", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, { locale: "ru" }, { width: 640 });
  const langs = await page.$eval("#chart", (root) => {
    const frame = root.querySelector(".ttc");
    const of = (el) => el?.closest("[lang]")?.getAttribute("lang") ?? null;
    return {
      frame: of(frame),
      desc: of(document.getElementById(frame.getAttribute("aria-describedby"))),
      table: of(root.querySelector("table")),
      live: of(root.querySelector('[role="status"]')),
    };
  });
  assert.deepEqual(langs, { frame: "ru", desc: "ru", table: "ru", live: "ru" });
});
