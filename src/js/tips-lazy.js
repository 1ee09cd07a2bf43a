// tips.js's stand-in in chart.min.js, the script of charts drawn in the page (built by
// .ci/bundle-chart.mjs): such pages rarely hold a pre-rendered chart that fits every column, so
// its tooltips are fetched (pkg/tips.min.js, beside the script) only when one is met, and the
// 1.3 KB stay off every other page. The box says data-tips once they answer (tips.js).

/** As tips.js's answer(box): starts answering the reader in `box`; returns stop(). */
export function answer(box) {
  let stop = null;
  let stopped = false;
  import("./tips.min.js").then(
    (tips) => {
      if (!stopped) stop = tips.answer(box);
    },
    // Not fetched (offline): the picture stays, without tooltips.
    () => {},
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
