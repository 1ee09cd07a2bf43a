// Observable Plot (UMD build on the d3 UMD build, globals `Plot`, `d3`), SVG: a line with
// dots, a dashed ruleY at the target, title, y-axis label. Plot draws a new figure for new
// data or a new width (it has no update or resize API), which replaces the old one.
// Plot's title sits above its SVG, so the SVG is 400 minus the title's height.
import { run, SERIES, TITLE, AXIS, TARGET, LINE, TARGET_COLOR, WIDTH, HEIGHT } from "./common.js";

let node;
let width = WIDTH;
let data = SERIES;
function make() {
  return Plot.plot({
    width,
    height: HEIGHT - 30,
    title: TITLE,
    marginLeft: 56,
    x: { label: null, tickFormat: "d" },
    y: { label: AXIS, grid: true, zero: true },
    marks: [
      Plot.ruleY([TARGET], { stroke: TARGET_COLOR, strokeDasharray: "6,4", strokeWidth: 1.5 }),
      Plot.lineY(data, { x: "year", y: "value", stroke: LINE, strokeWidth: 2 }),
      Plot.dot(data, { x: "year", y: "value", r: 2, fill: LINE }),
    ],
  });
}
function redraw(el) {
  const next = make();
  if (node) node.replaceWith(next);
  else el.append(next);
  node = next;
}
run({
  draw(el) {
    redraw(el);
  },
  update(series) {
    data = series;
    redraw();
  },
  onResize(el, w) {
    width = w;
    redraw(el);
  },
});
