// In-page driver shared by every bench page (tests/bench/pages/<lib>.js calls run()).
// The node side (tests/bench/run.mjs) reads window.__bench and calls window.__benchUpdate,
// window.__benchResize, window.__benchSoak and window.__benchWasmBytes.
export const DATA = window.BENCH_DATA;
export const TITLE = DATA.title;
export const AXIS = DATA.unit.label;
export const TARGET = DATA.target.value;
export const LINE = "#2a62a6";
export const TARGET_COLOR = "#b83d0b";
export const WIDTH = 640;
export const HEIGHT = 400;

/** The default series as plain { year, value, estimate } points. */
export const SERIES = DATA.series.map((p) => ({ year: p.year, value: p.value, estimate: !!p.estimate }));

/** New data for update number i: every value scaled by a factor in [0.85, 1.15). Deterministic. */
export function seriesFor(i) {
  return SERIES.map((p, k) => {
    const f = 0.85 + 0.3 * (((i * 7919 + k * 104729) % 1000) / 1000);
    return { year: p.year, value: Math.round(p.value * f * 100) / 100, estimate: p.estimate };
  });
}

const raf = () => new Promise((r) => requestAnimationFrame(r));
const tick = () => new Promise((r) => setTimeout(r, 0));
/** Forces style recalc + layout of whatever the library changed (no paint). */
const forceLayout = () => void document.body.offsetHeight;
/** Width of the chart's drawing surface as laid out (canvas or svg), for a sanity check. */
const drawnWidth = (el) => {
  const s = el.querySelector("canvas, svg");
  return s ? Math.round(s.getBoundingClientRect().width) : -1;
};

/**
 * lib = {
 *   draw(el)               first draw of the default data (may be async)
 *   update(series, i)      redraw with new data (may be async)
 *   onResize(el, width)    optional: what a host does when its container's width changes
 *                          (libraries that follow their container themselves leave it out)
 *   wasmBytes()            optional: WebAssembly.Memory byteLength
 * }
 */
export async function run(lib) {
  const el = document.getElementById("chart");
  const state = (window.__bench = { done: false });
  try {
    state.scriptStartMs = performance.now();
    await lib.draw(el);
    await raf();
    state.coldMs = performance.now(); // navigation start = 0
    state.drawnWidth = drawnWidth(el);
  } catch (e) {
    state.error = String((e && e.stack) || e);
  }
  state.done = true;

  // Update with new data: each iteration starts at the top of a fresh animation frame and
  // times the library's update call (awaited) plus the style/layout it causes.
  window.__benchUpdate = async (n, warm) => {
    const out = [];
    for (let i = 0; i < warm + n; i++) {
      const s = seriesFor(i + 1);
      await raf();
      const t0 = performance.now();
      await lib.update(s, i);
      forceLayout();
      const t1 = performance.now();
      if (i >= warm) out.push(t1 - t0);
    }
    return out;
  };

  // Resize the container between 480 and 640 px. Inside an animation-frame callback: set the
  // width, then a ResizeObserver created after the library's own (so it is called after it,
  // in the same frame's rendering steps) calls lib.onResize if the library needs the host to,
  // forces layout and takes the time. Includes the container's relayout, the redraw and the
  // new content's layout; excludes paint and the wait for the frame. A library that redraws in
  // the next frame (trade-target-chart: a ResizeObserver callback that draws makes browsers
  // report a loop error, so it asks for an animation frame) has that frame's work added: from
  // a callback registered before its own (at the width change) to one registered after it (in
  // the observer), with the idle time between the frames left out.
  window.__benchResize = async (n, warm) => {
    const out = [];
    let wrong = 0;
    let w = WIDTH;
    for (let i = 0; i < warm + n; i++) {
      w = w === 640 ? 480 : 640;
      const width = w;
      const ms = await new Promise((resolve, reject) => {
        requestAnimationFrame(() => {
          const t0 = performance.now();
          let nextFrame = null;
          requestAnimationFrame(() => {
            nextFrame = performance.now();
          });
          el.style.width = `${width}px`;
          const ro = new ResizeObserver(async () => {
            ro.disconnect();
            try {
              if (lib.onResize) await lib.onResize(el, width);
              forceLayout();
              const sameFrame = performance.now() - t0;
              if (Math.abs(drawnWidth(el) - width) <= 2) return resolve(sameFrame);
              requestAnimationFrame(() => {
                forceLayout();
                resolve(sameFrame + performance.now() - nextFrame);
              });
            } catch (e) {
              reject(e);
            }
          });
          ro.observe(el);
        });
      });
      if (Math.abs(drawnWidth(el) - width) > 2) wrong++;
      if (i >= warm) out.push(ms);
    }
    el.style.width = `${WIDTH}px`;
    await raf();
    if (lib.onResize) await lib.onResize(el, WIDTH);
    return { samples: out, wrongWidth: wrong };
  };

  // Many updates back to back (for the memory figures); yields to the event loop now and
  // then, and stops early once capMs have passed (the run's time budget).
  window.__benchSoak = async (n, capMs = Infinity) => {
    const t0 = performance.now();
    let done = 0;
    while (done < n && performance.now() - t0 < capMs) {
      await lib.update(seriesFor(done + 1000), done);
      done++;
      if (done % 250 === 0) await tick();
    }
    await raf();
    return { ms: performance.now() - t0, done };
  };

  window.__benchWasmBytes = lib.wasmBytes ? () => lib.wasmBytes() : () => null;
}
