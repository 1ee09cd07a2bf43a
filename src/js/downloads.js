// The data and image buttons of a pre-rendered chart that fits every column. They need the
// engine, fetched on the click: the chart is drawn off screen at the width of the layout the
// reader sees, exported as the wasm's own buttons export it, and removed, so the picture on
// screen stays as it is.

/** Downloads `kind` ("csv" or "png") of the chart in `box` drawn from `spec`. */
export async function download(box, spec, kind, engine) {
  const layout = [...box.querySelectorAll(".ttc-l")].find((l) => l.offsetWidth > 0);
  const holder = document.createElement("div");
  holder.style.cssText = `position:absolute;left:-10000px;top:0;width:${Number(layout?.dataset.w) || 640}px;visibility:hidden`;
  box.append(holder);
  try {
    const { mount } = await engine();
    const chart = await mount(holder, spec);
    try {
      const blob = kind === "csv" ? new Blob([chart.toCSV()], { type: "text/csv;charset=utf-8" }) : await chart.toPNG({ scale: 2 });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `trade-target-chart.${kind}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href)); // the download has started by then
    } finally {
      chart.destroy();
    }
  } finally {
    holder.remove();
  }
}
