// trade-target-chart: exactly what a host page does with the script-tag build (one minified
// module, pkg/trade-target-chart.min.js, and the wasm beside it; the peers are loaded as their
// minified builds too). The default spec is the default data (compiled into the wasm), drawn
// as SVG into a 640 px wide element; it follows its element's width by itself
// (ResizeObserver), so there is no onResize. Updates pass the wasm's own default spec (read
// once, after the cold measurement) with new series.
import { mount, defaultSpec } from "/pkg/trade-target-chart.min.js";
import { run } from "./common.js";

// The bundle keeps its wasm instance private; the memory figure takes it from the
// instantiation (bench only; wrapping the call costs nothing measurable).
let memory;
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async function (...args) {
  const result = await instantiateStreaming.apply(this, args);
  memory ??= result.instance.exports.memory;
  return result;
};

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
    return memory.buffer.byteLength;
  },
});
