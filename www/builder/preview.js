// The preview: the pre-rendered snippet itself, placed in boxes 320, 640 and 1200 px wide, for
// a reader in light mode and one in dark mode. The snippet is a fragment that fits every
// column (renderHTML(spec) with no width): its own style shows, by a container query, the
// layout for the box's width, and the element script answers its tooltips with no wasm. So a
// box shows what the snippet shows in a column of that width, by construction (the builder
// test compares the SVG of the layout shown, byte for byte).
//
// The one liberty: a spec whose theme is "auto" follows the reader's prefers-color-scheme,
// which a box cannot emulate (it is the editor's, for the whole page). Such a spec is shown in
// preview-only copies drawn with theme "light" and theme "dark": the palettes an auto chart
// takes for those readers (its light SVG is the same bytes; its dark one is the light one
// recoloured by the fragment's style, so there the colours match, not the bytes).
import { renderHTML } from "/src/js/index.js";

export const WIDTHS = [320, 640, 1200];
const DRAW_TIMEOUT_MS = 10_000;

/** The theme a reader in `mode` ("light" or "dark") sees the spec in. */
export function themeFor(spec, mode) {
  return spec.theme === "light" || spec.theme === "dark" ? spec.theme : mode;
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
 * is renderHTML(spec), already made for the Out section. Resolves once every box shows it.
 */
export async function showPreview(root, spec, snippet) {
  const html = {};
  for (const mode of ["light", "dark"]) {
    const theme = themeFor(spec, mode);
    html[mode] = spec.theme === theme ? snippet : await renderHTML({ ...spec, theme });
  }
  // The canvas renderer is the engine's: the element draws such a chart anew (at once here,
  // not when it scrolls into view). Any other fragment is shown as it is, nothing to wait for.
  const anew = spec.renderer === "canvas";
  const waits = [];
  for (const box of root.querySelectorAll(".preview-box[data-width]")) {
    let fragment = html[box.dataset.mode];
    if (anew) fragment = fragment.replace("<trade-target-chart ", '<trade-target-chart loading="eager" ');
    if (typeof box.setHTMLUnsafe === "function") box.setHTMLUnsafe(fragment);
    else box.innerHTML = fragment; // the element attaches the shadow root itself then
    const el = box.querySelector("trade-target-chart");
    if (el && anew) waits.push(drawn(el));
  }
  await Promise.all(waits);
}
