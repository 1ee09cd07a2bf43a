// The reader's chart in a real browser: keyboard, mouse and touch tooltips (their words and
// where they sit), the breakdown's segments, the host's language, the asOf vantage point.
// Positions come from the drawn SVG (the x-axis year labels and the series' polyline or
// bars), so a pointer lands where a reader would put it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  setup,
  openFixture,
  openDemo,
  mountInFixture,
  tooltipState,
  normalizeSpaces,
  svgTexts,
} from "./harness.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/**
 * Where `year` is drawn in the SVG chart under `selector`, in page coordinates: `x` from the
 * x-axis labels (centred years: "2000", "'05" …), `point` the series' vertex at that x (line
 * charts), `segments` the bar pieces in that column, top first (bar charts).
 */
async function yearGeometry(page, year, selector = "#chart") {
  return page.$eval(
    selector,
    (root, year) => {
      const svg = root.querySelector("svg");
      if (!svg) throw new Error("no SVG in the chart");
      const box = svg.getBoundingClientRect();
      const labels = [];
      for (const t of svg.querySelectorAll('text[text-anchor="middle"]')) {
        const s = t.textContent.trim();
        const m = /^(\d{4})$/.exec(s) || /^['’](\d{2})$/.exec(s);
        if (m) labels.push({ year: m[1].length === 4 ? Number(m[1]) : 2000 + Number(m[1]), x: Number(t.getAttribute("x")) });
      }
      labels.sort((a, b) => a.year - b.year);
      if (labels.length < 2) throw new Error(`too few year labels: ${JSON.stringify(labels)}`);
      const [a, b] = [labels[0], labels[labels.length - 1]];
      const step = (b.x - a.x) / (b.year - a.year);
      const x = a.x + (year - a.year) * step;

      let point = null;
      const lines = [...svg.querySelectorAll("polyline")]
        .map((p) => p.getAttribute("points").trim().split(/\s+/).map((xy) => xy.split(",").map(Number)))
        .sort((p, q) => q.length - p.length);
      if (lines.length) {
        const [px, py] = lines[0].reduce((best, v) => (Math.abs(v[0] - x) < Math.abs(best[0] - x) ? v : best));
        if (Math.abs(px - x) < step / 2) point = { x: box.left + px, y: box.top + py };
      }
      const segments = [...svg.querySelectorAll("rect")]
        .map((r) => ({
          x: Number(r.getAttribute("x")),
          y: Number(r.getAttribute("y")),
          w: Number(r.getAttribute("width")),
          h: Number(r.getAttribute("height")),
          fill: r.getAttribute("fill"),
        }))
        .filter((r) => r.w < step && Math.abs(r.x + r.w / 2 - x) < step / 2 && r.h > 0)
        .sort((p, q) => p.y - q.y)
        .map((r) => ({ ...r, cx: box.left + r.x + r.w / 2, cy: box.top + r.y + r.h / 2, top: box.top + r.y, bottom: box.top + r.y + r.h }));
      return { x: box.left + x, step, point, segments, svg: { left: box.left, top: box.top, right: box.right, bottom: box.bottom } };
    },
    year,
  );
}

/** The chart's SVG texts, trimmed, with non-breaking spaces as plain ones. */
const texts = async (page) => (await svgTexts(page)).map((t) => normalizeSpaces(t).trim());

/** The tooltip's lines as one string (a long line is wrapped into several line boxes). */
const tipText = (state) => normalizeSpaces(state.lines.join(" "));

function assertInside(inner, outer, what) {
  const eps = 0.5;
  assert.ok(
    inner.left >= outer.left - eps && inner.right <= outer.right + eps && inner.top >= outer.top - eps && inner.bottom <= outer.bottom + eps,
    `${what}: ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`,
  );
}

function assertNotCovering(tip, p, what) {
  const covers = p.x >= tip.left && p.x <= tip.right && p.y >= tip.top && p.y <= tip.bottom;
  assert.ok(!covers, `${what}: the tooltip ${JSON.stringify(tip)} covers the point ${JSON.stringify(p)}`);
}

/** The tooltip after pressing `key` on the focused chart. */
async function press(page, key) {
  await page.keyboard.press(key);
  return tooltipState(page);
}

/** The chart's whole title, from the SVG's <title> (the drawn one may wrap). */
function svgTitle(page) {
  return page.$eval("svg title", (e) => e.textContent);
}

/** The words of a tooltip, whatever the line breaks and separators between them. */
function spoken(text) {
  return text.replace(/( · |\. |\s)+/g, " ").trim();
}

test("keyboard: Tab focuses the chart with a visible indicator; End, ArrowLeft, Home show years and announce them; Escape hides", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, {}, { width: 640 });

  await page.keyboard.press("Tab");
  const focus = await page.evaluate(() => {
    const a = document.activeElement;
    const cs = getComputedStyle(a);
    return {
      tag: a.tagName,
      cls: a.className,
      role: a.getAttribute("role"),
      label: a.getAttribute("aria-label"),
      focusVisible: a.matches(":focus-visible"),
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth),
      boxShadow: cs.boxShadow,
    };
  });
  assert.equal(focus.tag, "DIV");
  assert.equal(focus.cls, "ttc", "Tab lands on the chart frame");
  assert.equal(focus.role, "group");
  assert.match(focus.label, /China–Russia trade passed its \$200B goal/);
  assert.ok(focus.focusVisible, "keyboard focus matches :focus-visible");
  assert.ok(
    (focus.outlineStyle !== "none" && focus.outlineWidth > 0) || (focus.boxShadow && focus.boxShadow !== "none"),
    `no visible focus indicator: ${JSON.stringify(focus)}`,
  );

  // Nothing is shown until a key asks for it.
  assert.equal((await tooltipState(page)).shown, false);

  const end = await press(page, "End");
  assert.equal(end.shown, true, "End shows the tooltip");
  assert.equal(end.lines[0], "2025", "End goes to the last year");
  for (const s of ["$228.1B", "−6.8%", "114% of the $200B target"]) {
    assert.ok(tipText(end).includes(s), `2025 tooltip lacks ${s}: ${JSON.stringify(end.lines)}`);
  }
  assert.equal(spoken(end.live), spoken(end.lines.join(" ")), "the live region announces the tooltip");
  assertInside(end.tip, end.frame, "2025 tooltip");
  assert.ok(end.ring, "the marker ring is shown");
  assertNotCovering(end.tip, end.ring, "2025 tooltip");
  const g2025 = await yearGeometry(page, 2025);
  assert.ok(Math.abs(end.ring.x - g2025.point.x) <= 1.5 && Math.abs(end.ring.y - g2025.point.y) <= 1.5,
    `the ring ${JSON.stringify(end.ring)} marks the 2025 point ${JSON.stringify(g2025.point)}`);

  const left = await press(page, "ArrowLeft");
  assert.equal(left.lines[0], "2024");
  assert.ok(tipText(left).includes("$244.8B"), JSON.stringify(left.lines));
  assert.equal(spoken(left.live), spoken(left.lines.join(" ")));
  assert.ok(left.ring.x < end.ring.x, "ArrowLeft moves the ring left");

  const right = await press(page, "ArrowRight");
  assert.equal(right.lines[0], "2025", "ArrowRight moves back");

  const home = await press(page, "Home");
  assert.equal(home.lines[0], "2000");
  assert.ok(tipText(home).includes("$8.0B"), JSON.stringify(home.lines));
  assert.equal(spoken(home.live), spoken(home.lines.join(" ")));
  assertInside(home.tip, home.frame, "2000 tooltip");
  assertNotCovering(home.tip, home.ring, "2000 tooltip");

  const stay = await press(page, "ArrowLeft");
  assert.equal(stay.lines[0], "2000", "ArrowLeft at the first year stays there");

  const esc = await press(page, "Escape");
  assert.equal(esc.shown, false);
  assert.equal(esc.display, "none");
  assert.equal(esc.ring, null, "Escape hides the ring too");
  assert.equal(esc.live, "", "Escape clears the live region");
  assert.equal(await page.evaluate(() => document.activeElement.className), "ttc", "focus stays on the chart");
  assert.deepEqual(page.errors, []);
});

test("keyboard on the demo page: Tab from the scroll area reaches the chart frame, which shows the page's focus ring", async () => {
  const page = await openDemo(env);
  await page.focus(".chart-scroller");
  await page.keyboard.press("Tab");
  const f = await page.evaluate(() => {
    const a = document.activeElement;
    const cs = getComputedStyle(a);
    return { cls: a.className, inChart: !!a.closest("#chart"), outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) };
  });
  assert.equal(f.cls, "ttc");
  assert.ok(f.inChart);
  assert.equal(f.outlineStyle, "solid", "demo.css :focus-visible outline");
  assert.ok(f.outlineWidth >= 2, JSON.stringify(f));
  const end = await press(page, "End");
  assert.equal(end.lines[0], "2025");
  assert.deepEqual(page.errors, []);
});

test("live region: a wrapped tooltip line is announced as one sentence, not as fragments", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, {}, { width: 640 });
  await page.keyboard.press("Tab");
  const end = await press(page, "End");
  assert.equal(
    normalizeSpaces(end.live),
    "2025. $228.1B · −6.8% · 114% of the $200B target. The Moscow Times, Jan 2026: down 6.9%, the first fall since 2020",
  );
});

test("mouse: hovering 2022's point shows its tooltip inside the chart and off the point; leaving hides it", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, {}, { width: 640 });
  const g = await yearGeometry(page, 2022);
  assert.ok(g.point, "the 2022 vertex of the series");

  await page.mouse.move(g.point.x, g.point.y);
  const s = await tooltipState(page);
  assert.equal(s.shown, true, "hover shows the tooltip");
  assert.equal(s.lines[0], "2022");
  assert.ok(tipText(s).includes("$190.3B"), JSON.stringify(s.lines));
  assert.ok(tipText(s).includes("+29.5%") && tipText(s).includes("95% of the $200B target"), JSON.stringify(s.lines));
  assert.ok(tipText(s).includes("China's exports to Russia $76.1B") && tipText(s).includes("China's imports from Russia $114.2B"),
    JSON.stringify(s.lines));
  assertInside(s.tip, s.frame, "2022 tooltip");
  assertNotCovering(s.tip, g.point, "2022 tooltip");
  assert.ok(Math.abs(s.ring.x - g.point.x) <= 1.5 && Math.abs(s.ring.y - g.point.y) <= 1.5, "the ring is on the point");
  assert.equal(s.live, "", "hovering does not talk over the screen reader");

  // Anywhere in the 2022 column (here: near the top of the plot) is still 2022.
  await page.mouse.move(g.point.x + 2, g.svg.top + 60);
  assert.equal((await tooltipState(page)).lines[0], "2022");

  // Half a step to the right of 2021 … is 2021.
  const g21 = await yearGeometry(page, 2021);
  await page.mouse.move(g21.x + g21.step * 0.3, g21.point.y);
  assert.equal((await tooltipState(page)).lines[0], "2021");

  // Out of the chart: hidden.
  await page.mouse.move(g.point.x, s.frame.bottom + 60);
  const out = await tooltipState(page);
  assert.equal(out.shown, false, "leaving the chart hides the tooltip");
  assert.equal(out.ring, null);
  assert.deepEqual(page.errors, []);
});

test("touch: at 320 px a tap on a point shows its tooltip inside the chart", async () => {
  const page = await openFixture(env, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  await mountInFixture(page, {}, { width: "100%", bodyMargin0: true });
  const w = await page.$eval("#chart svg", (s) => s.getBoundingClientRect().width);
  assert.equal(Math.round(w), 320, "the chart is 320 px wide");

  for (const [year, value] of [[2024, "$244.8B"], [2000, "$8.0B"], [2025, "$228.1B"]]) {
    const g = await yearGeometry(page, year);
    await page.touchscreen.tap(g.point.x, g.point.y);
    const s = await tooltipState(page);
    assert.equal(s.shown, true, `a tap on ${year} shows the tooltip`);
    assert.equal(s.lines[0], String(year));
    assert.ok(tipText(s).includes(value), JSON.stringify(s.lines));
    assertInside(s.tip, s.frame, `${year} tooltip at 320 px`);
    assert.ok(s.tip.left >= 0 && s.tip.right <= 320, `${year} tooltip within the viewport: ${JSON.stringify(s.tip)}`);
    assertNotCovering(s.tip, g.point, `${year} tooltip at 320 px`);
  }
  assert.deepEqual(page.errors, []);
});

test("breakdown: the 2024 bar's top segment is imports ($129.3B), its bottom segment exports ($115.5B)", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, { kind: "breakdown" }, { width: 640 });
  const g = await yearGeometry(page, 2024);
  assert.equal(g.segments.length, 2, `two segments in the 2024 bar: ${JSON.stringify(g.segments)}`);
  const [top, bottom] = g.segments;
  assert.ok(top.bottom <= bottom.top + 1, "imports sit on top of exports");

  await page.mouse.move(top.cx, top.cy);
  const im = await tooltipState(page);
  assert.equal(im.lines[0], "2024");
  assert.ok(tipText(im).includes("China's imports from Russia: $129.3B"), JSON.stringify(im.lines));
  assert.ok(!tipText(im).includes("exports"), `only the hovered part: ${JSON.stringify(im.lines)}`);
  assertInside(im.tip, im.frame, "imports tooltip");
  assertNotCovering(im.tip, { x: top.cx, y: top.cy }, "imports tooltip");
  assert.ok(Math.abs(im.ring.y - top.cy) <= 1.5, `the ring marks the imports segment: ${im.ring.y} vs ${top.cy}`);

  await page.mouse.move(bottom.cx, bottom.cy);
  const ex = await tooltipState(page);
  assert.equal(ex.lines[0], "2024");
  assert.ok(tipText(ex).includes("China's exports to Russia: $115.5B"), JSON.stringify(ex.lines));
  assertInside(ex.tip, ex.frame, "exports tooltip");
  assertNotCovering(ex.tip, { x: bottom.cx, y: bottom.cy }, "exports tooltip");
  assert.ok(Math.abs(ex.ring.y - bottom.cy) <= 1.5, `the ring marks the exports segment: ${ex.ring.y} vs ${bottom.cy}`);
  assert.deepEqual(page.errors, []);
});

test("locales: lang=\"ru\" on the container draws in Russian; locale zh writes 2281亿美元; the spec's locale wins over lang", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, {}, { width: 640, lang: "ru" });
  const ru = await texts(page);
  assert.ok(ru[0].startsWith("Товарооборот России и Китая"), `Russian title: ${JSON.stringify(ru.slice(0, 3))}`);
  assert.match(await page.getAttribute("#chart .ttc", "aria-label"), /^Товарооборот России и Китая/);
  assert.ok(ru.some((t) => t.includes("228,1 млрд $")), `readout with 228,1 млрд $: ${JSON.stringify(ru.slice(0, 6))}`);
  await page.focus("#chart .ttc");
  const ruEnd = await press(page, "End");
  assert.equal(normalizeSpaces(ruEnd.lines[0]), "2025 г.");
  assert.ok(tipText(ruEnd).includes("228,1 млрд $"), JSON.stringify(ruEnd.lines));
  const th = await page.$$eval("#chart table th[scope=col]", (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(th.slice(0, 2), ["Год", "Всего"], "the data table speaks Russian too");

  // zh through the spec.
  await page.evaluate(() => window.__chart.update({ locale: "zh" }));
  const zh = await texts(page);
  assert.ok(zh.some((t) => t === "2281亿美元"), `the last value label: ${JSON.stringify(zh)}`);
  assert.ok(zh[0].startsWith("中俄贸易额"), zh[0]);

  // The spec's locale wins over the container's lang.
  await page.evaluate(() => window.__chart.update({ locale: "en" }));
  assert.match((await texts(page))[0], /^China–Russia trade/);

  // lang="zh-CN" (a region subtag) is Chinese.
  await page.evaluate(() => {
    document.getElementById("chart").lang = "zh-CN";
    window.__chart.update({});
  });
  assert.ok((await texts(page))[0].startsWith("中俄贸易额"));
  assert.deepEqual(page.errors, []);
});

test("locales: the Russian title keeps \"200 млрд $\" on one line, with its non-breaking spaces", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, { locale: "ru" }, { width: 640 });
  const raw = await svgTexts(page);
  assert.ok(!raw.some((t) => t.trim().startsWith("$")), `a line starts with "$": ${JSON.stringify(raw.slice(0, 3))}`);
  assert.ok(raw.some((t) => t.includes("228,1\u00a0млрд\u00a0$")), "the readout keeps U+00A0");
});

test("asOf 2021-06-20: the title and readout speak from then, End stops at 2020; with reveal End is 2025", async () => {
  const page = await openFixture(env, { viewport: { width: 700, height: 800 } });
  await mountInFixture(page, { asOf: "2021-06-20" }, { width: 640 });
  const t = await texts(page);
  assert.equal(await svgTitle(page), "Trade needs 16.7% a year to reach its $200B target by 2024");
  assert.ok(t.join(" ").includes("needs +16.7% a year from 2020's $107.8B"), JSON.stringify(t.slice(0, 4)));
  assert.ok(!t.some((t) => /\$228\.1B|\$244\.8B/.test(t)), "nothing after the vantage point is labelled");
  const rows = await page.$$eval("#chart table tr th[scope=row]", (ths) => ths.map((t) => t.textContent));
  assert.equal(rows.at(-1), "2020", "the data table stops at 2020 too");

  await page.focus("#chart .ttc");
  const end = await press(page, "End");
  assert.equal(end.lines[0], "2020", "later years are hidden");
  assert.ok(tipText(end).includes("$107.8B"), JSON.stringify(end.lines));
  assertInside(end.tip, end.frame, "2020 tooltip");

  await page.evaluate(() => window.__chart.update({ asOf: "2021-06-20", reveal: true }));
  await page.focus("#chart .ttc");
  const revealed = await press(page, "End");
  assert.equal(revealed.lines[0], "2025", "reveal shows what happened");
  assert.ok(tipText(revealed).includes("$228.1B"), JSON.stringify(revealed.lines));
  assert.equal(await svgTitle(page), "Trade needs 16.7% a year to reach its $200B target by 2024", "the title still speaks from 2021");
  assert.deepEqual(page.errors, []);
});
