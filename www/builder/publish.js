// The "Put it on the page" section at work: the three snippets written from the last chart
// drawn, the copy buttons and the downloads. The texts themselves are made in out.js.
import { renderSVG, mount } from "/src/js/index.js";
import { themeFor } from "./preview.js";
import { staticSnippet, dynamicSnippet, iframeSnippet, standalonePage, download, copyText } from "./out.js";

const $ = (id) => document.getElementById(id);

function say(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Where the widget's files are served, as typed (this server when empty or not a URL), ending in "/". */
function base() {
  try {
    return new URL($("base-url").value || location.origin).href.replace(/\/?$/, "/");
  } catch {
    return `${location.origin}/`;
  }
}

/**
 * Runs `use` on the chart of `spec` mounted off screen at 640 px (the engine's ChartHandle:
 * the core's CSV and PNG), then removes it. The preview's charts are fragments the element
 * never takes over (they have no handle), and the picture on screen is not touched.
 */
async function withChart(spec, use) {
  const holder = document.createElement("div");
  holder.style.cssText = "position:absolute;left:-10000px;top:0;width:640px;visibility:hidden";
  document.body.append(holder);
  try {
    const chart = await mount(holder, spec);
    try {
      return await use(chart);
    } finally {
      chart.destroy();
    }
  } finally {
    holder.remove();
  }
}

/** The height of the fragment's 640 px layout (its tooltip data starts with it), or null. */
function heightAt640(fragment) {
  const h = /data-w="640" data-tips='\{"h":(\d+)/.exec(fragment)?.[1];
  return h ? Number(h) : null;
}

/**
 * Wires the section. `current()` gives { drawn: { spec, fragment } or null, dataUrl } at the
 * moment it is asked. Returns `writeSnippets()`, to call after each successful drawing.
 */
export function setUpPublishing({ current }) {
  function writeSnippets() {
    const { drawn, dataUrl } = current();
    if (!drawn) return;
    const { spec, fragment } = drawn;
    const height = (heightAt640(fragment) ?? 397) + 26;
    $("snippet-static").textContent = staticSnippet(fragment, base());
    $("snippet-dynamic").textContent = dynamicSnippet(spec, base(), dataUrl ?? "");
    $("snippet-iframe").textContent = iframeSnippet(spec, base(), { height, title: spec.title ?? "" });
  }

  $("base-url").value = `${location.origin}/`;
  $("base-url").addEventListener("input", writeSnippets);

  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => say($("copy-status"), await copyText($(button.dataset.copy))));
  }

  const DOWNLOADS = {
    json: ({ spec }) => download("spec.json", `${JSON.stringify(spec, null, 2)}\n`, "application/json"),
    svg: async ({ spec }) => download("chart.svg", await renderSVG(spec, { width: 640 }), "image/svg+xml"),
    // The image as a reader in light mode sees it (an "auto" chart in its light palette).
    png: async ({ spec }) => download("chart.png", await withChart({ ...spec, theme: themeFor(spec, "light") }, (c) => c.toPNG({ scale: 2 }))),
    csv: async ({ spec }) => download("data.csv", await withChart(spec, (c) => c.toCSV()), "text/csv"),
    html: ({ spec, fragment }) =>
      download("chart.html", standalonePage(fragment, base(), { title: spec.title ?? "Chart", lang: spec.locale ?? "en" }), "text/html"),
  };

  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", async () => {
      const { drawn } = current();
      if (!drawn) return;
      try {
        await DOWNLOADS[button.dataset.download](drawn);
      } catch (error) {
        say($("copy-status"), `Could not make the file: ${error.message}`);
      }
    });
  }

  return writeSnippets;
}
