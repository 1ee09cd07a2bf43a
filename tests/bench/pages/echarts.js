// ECharts, full build (global `echarts`), canvas renderer: a line series with a dashed
// markLine at the target, title, y-axis name; no animation. The host calls resize() on a
// width change (ECharts does not follow its container by itself).
import { run, SERIES, TITLE, AXIS, TARGET, LINE, TARGET_COLOR } from "./common.js";

let chart;
const pairs = (series) => series.map((p) => [p.year, p.value]);
run({
  draw(el) {
    chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      title: { text: TITLE, left: "center", textStyle: { fontSize: 15 } },
      grid: { left: 64, right: 24, top: 48, bottom: 32 },
      xAxis: { type: "value", min: 2000, max: 2025, axisLabel: { formatter: (v) => String(v) } },
      yAxis: { type: "value", name: AXIS, nameLocation: "middle", nameGap: 42 },
      series: [
        {
          type: "line",
          data: pairs(SERIES),
          symbolSize: 4,
          lineStyle: { color: LINE, width: 2 },
          itemStyle: { color: LINE },
          markLine: {
            symbol: "none",
            silent: true,
            data: [{ yAxis: TARGET }],
            lineStyle: { type: "dashed", color: TARGET_COLOR },
            label: { formatter: "$200B target", position: "insideEndTop" },
          },
        },
      ],
    });
  },
  update(series) {
    chart.setOption({ series: [{ data: pairs(series) }] });
  },
  onResize() {
    chart.resize();
  },
});
