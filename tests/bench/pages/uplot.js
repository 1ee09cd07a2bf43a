// uPlot (IIFE build, global `uPlot`): a line series plus a dashed constant series at the
// target, title, y-axis label; legend and cursor off. The host calls setSize() on a width change.
// uPlot's title sits above its canvas, so the canvas is 400 minus the title's height.
import { run, SERIES, TITLE, AXIS, TARGET, LINE, TARGET_COLOR, WIDTH, HEIGHT } from "./common.js";

let u;
const years = SERIES.map((p) => p.year);
const targets = years.map(() => TARGET);
const PLOT_HEIGHT = HEIGHT - 30;
run({
  draw(el) {
    u = new uPlot(
      {
        width: WIDTH,
        height: PLOT_HEIGHT,
        title: TITLE,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.ceil(max / 50) * 50] } },
        // Whole years on the x axis (uPlot's default ticks for a numeric scale give 2,002.5).
        axes: [{ incrs: [1, 2, 5, 10], values: (_u, vals) => vals.map(String) }, { label: AXIS, size: 50 }],
        series: [
          {},
          { label: "Trade", stroke: LINE, width: 2, points: { show: true, size: 4 } },
          { label: "Target", stroke: TARGET_COLOR, width: 1.5, dash: [6, 4], points: { show: false } },
        ],
      },
      [years, SERIES.map((p) => p.value), targets],
      el,
    );
  },
  update(series) {
    u.setData([years, series.map((p) => p.value), targets]);
  },
  onResize(el, width) {
    u.setSize({ width, height: PLOT_HEIGHT });
  },
});
