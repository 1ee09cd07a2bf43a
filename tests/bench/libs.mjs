// The libraries the bench compares. Each has a page script tests/bench/pages/<id>.js that
// draws the same chart (the default China–Russia data, 640×400, dashed target line at 200,
// the title, the y-axis label) through the in-page driver tests/bench/pages/common.js.
// `scripts` are classic <script> tags (the peers' minified UMD/IIFE browser builds, as a page
// would load them from a CDN) placed in <head> before the page script; `pageCss` is extra CSS.
export const LIBS = [
  {
    id: "ttc",
    label: "trade-target-chart",
    pkg: null, // this repo
    scripts: [],
    fixedHeight: false, // its height follows its width
  },
  {
    id: "chartjs",
    label: "Chart.js",
    pkg: "chart.js",
    scripts: ["/node_modules/chart.js/dist/chart.umd.min.js"],
    fixedHeight: true,
  },
  {
    id: "uplot",
    label: "uPlot",
    pkg: "uplot",
    css: ["/node_modules/uplot/dist/uPlot.min.css"],
    scripts: ["/node_modules/uplot/dist/uPlot.iife.min.js"],
    fixedHeight: true,
  },
  {
    id: "echarts",
    label: "ECharts (full)",
    pkg: "echarts",
    scripts: ["/node_modules/echarts/dist/echarts.min.js"],
    fixedHeight: true,
  },
  {
    id: "vega",
    label: "Vega-Lite + Vega + vega-embed",
    pkg: ["vega", "vega-lite", "vega-embed"],
    scripts: [
      "/node_modules/vega/build/vega.min.js",
      "/node_modules/vega-lite/build/vega-lite.min.js",
      "/node_modules/vega-embed/build/vega-embed.min.js",
    ],
    fixedHeight: true,
  },
  {
    id: "plot",
    label: "Observable Plot (+ d3)",
    pkg: ["@observablehq/plot", "d3"],
    // Plot's UMD build needs the d3 global (its documented <script> usage).
    scripts: ["/node_modules/d3/dist/d3.min.js", "/node_modules/@observablehq/plot/dist/plot.umd.min.js"],
    // Plot's title is an <h2> in a <figure>: without this, the UA's figure margins (40 px a side)
    // shrink the chart and the UA's h2 size wraps the title.
    pageCss: "#chart figure { margin: 0; } #chart h2 { font: 600 17px/1.3 system-ui, sans-serif; margin: 0 0 6px; }",
    fixedHeight: true,
  },
];
