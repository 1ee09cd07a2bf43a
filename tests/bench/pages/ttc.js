// trade-target-chart: exactly what a host page does. The default spec is the default data
// (compiled into the wasm), drawn as SVG into a 640 px wide element; it follows its
// element's width by itself (ResizeObserver), so there is no onResize. Updates pass the
// wasm's own default spec (read once, after the cold measurement) with new series.
import { mount, defaultSpec } from "/src/js/index.js";
import { run } from "./common.js";

let chart;
let spec;
run({
  async draw(el) {
    chart = await mount(el);
  },
  async update(series) {
    spec ??= await defaultSpec();
    chart.update({ ...spec, series });
  },
  async wasmBytes() {
    // The same module instance index.js loaded; once initialised, its init returns the
    // wasm exports, memory included.
    const glue = await import("/pkg/trade_target_chart.js");
    const exports = await glue.default();
    return exports.memory.buffer.byteLength;
  },
});
