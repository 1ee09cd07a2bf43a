// Vega-Lite compiled by vega-lite, run by Vega, through vega-embed (UMD builds, globals
// `vega`, `vegaLite`, `vegaEmbed`), vega-embed's default canvas renderer: a line with points
// from the named dataset "table", a dashed rule at the target, title, y-axis title; autosize
// fit to 640×400. Updates replace "table"; the host sets the width signal on a width change.
import { run, SERIES, TITLE, AXIS, TARGET, LINE, TARGET_COLOR, WIDTH, HEIGHT } from "./common.js";

let view;
run({
  async draw(el) {
    const spec = {
      width: WIDTH,
      height: HEIGHT,
      autosize: { type: "fit", contains: "padding" },
      title: TITLE,
      layer: [
        {
          data: { name: "table", values: SERIES },
          mark: { type: "line", point: { size: 16, color: LINE }, color: LINE, strokeWidth: 2 },
          encoding: {
            x: { field: "year", type: "quantitative", scale: { zero: false }, axis: { format: "d", title: null } },
            y: { field: "value", type: "quantitative", title: AXIS },
          },
        },
        {
          data: { values: [{}] },
          mark: { type: "rule", strokeDash: [6, 4], color: TARGET_COLOR, strokeWidth: 1.5 },
          encoding: { y: { datum: TARGET, type: "quantitative" } },
        },
      ],
    };
    const result = await vegaEmbed(el, spec, { mode: "vega-lite", actions: false, renderer: "canvas" });
    view = result.view;
  },
  async update(series) {
    await view.data("table", series).runAsync();
  },
  async onResize(el, width) {
    await view.width(width).runAsync();
  },
});
