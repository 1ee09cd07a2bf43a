// Chart.js 4 (UMD build, global `Chart`): a line chart plus a dashed constant dataset at the
// target, title plugin, y-axis title; no animation. The host calls resize() on a width change.
import { run, SERIES, TITLE, AXIS, TARGET, LINE, TARGET_COLOR, WIDTH, HEIGHT } from "./common.js";

let chart;
const years = SERIES.map((p) => p.year);
run({
  draw(el) {
    const canvas = document.createElement("canvas");
    el.appendChild(canvas);
    chart = new Chart(canvas, {
      type: "line",
      data: {
        labels: years,
        datasets: [
          { label: "Trade", data: SERIES.map((p) => p.value), borderColor: LINE, backgroundColor: LINE, borderWidth: 2, pointRadius: 2 },
          { label: "Target", data: years.map(() => TARGET), borderColor: TARGET_COLOR, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: TITLE }, legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: AXIS } } },
      },
    });
    chart.resize(WIDTH, HEIGHT);
  },
  update(series) {
    chart.data.datasets[0].data = series.map((p) => p.value);
    chart.update("none");
  },
  onResize(el, width) {
    chart.resize(width, HEIGHT);
  },
});
