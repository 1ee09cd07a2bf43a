// The preview: the pre-rendered snippet itself, placed in boxes 320, 640 and 1200 px wide and
// taken over at once by the element (the snippet's own script), for a reader in light mode
// and one in dark mode. So what a box shows is what the snippet draws in a column of that
// width, by construction (the builder test compares them byte for byte).
import { renderHTML } from "/src/js/index.js";

export const WIDTHS = [320, 640, 1200];
const DRAW_TIMEOUT_MS = 10_000;

/** The theme a reader in `mode` ("light" or "dark") sees the spec in. */
export function themeFor(spec, mode) {
  return spec.theme === "light" || spec.theme === "dark" ? spec.theme : mode;
}

/** The snippet's chart as the preview draws it: taken over at once, not on the reader's first touch. */
function eager(html) {
  return html.replace("<trade-target-chart ", '<trade-target-chart loading="eager" ');
}

/** Resolves when `el` has drawn (or failed, or the time is up). */
function drawn(el) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      el.removeEventListener("ttc:render", done);
      el.removeEventListener("ttc:error", done);
      resolve();
    };
    const timer = setTimeout(done, DRAW_TIMEOUT_MS);
    el.addEventListener("ttc:render", done);
    el.addEventListener("ttc:error", done);
  });
}

/**
 * Shows `spec` in every box under `root` (elements with data-width and data-mode). `snippet`
 * is renderHTML(spec), already made for the Out section. Resolves once every box has drawn.
 */
export async function showPreview(root, spec, snippet) {
  const html = {};
  for (const mode of ["light", "dark"]) {
    const theme = themeFor(spec, mode);
    // The snippet itself where the spec names this theme; else the spec in the colours an
    // "auto" chart takes for this reader.
    html[mode] = spec.theme === theme ? snippet : await renderHTML({ ...spec, theme });
  }
  const waits = [];
  for (const box of root.querySelectorAll(".preview-box[data-width]")) {
    const fragment = eager(html[box.dataset.mode]);
    if (typeof box.setHTMLUnsafe === "function") box.setHTMLUnsafe(fragment);
    else box.innerHTML = fragment; // the element attaches the shadow root itself then
    const el = box.querySelector("trade-target-chart");
    if (el) waits.push(drawn(el));
  }
  await Promise.all(waits);
}

/** The chart drawn in the preview's 640 px light box (its handle: toPNG, toCSV), or null. */
export function chartAt(root, width = 640, mode = "light") {
  return root.querySelector(`.preview-box[data-width="${width}"][data-mode="${mode}"] trade-target-chart`)?.chart ?? null;
}
