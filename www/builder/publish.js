// The "Put it on the page" section at work: the three snippets written from the last chart
// drawn, the copy buttons and the downloads. The texts themselves are made in out.js.
import { renderSVG } from "/src/js/index.js";
import { chartAt } from "./preview.js";
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
 * Wires the section. `current()` gives { drawn: { spec, fragment } or null, dataUrl } at the
 * moment it is asked; `previews` holds the preview boxes (the PNG and CSV come from the 640 px
 * one's chart). Returns `writeSnippets()`, to call after each successful drawing.
 */
export function setUpPublishing({ current, previews }) {
  function writeSnippets() {
    const { drawn, dataUrl } = current();
    if (!drawn) return;
    const { spec, fragment } = drawn;
    const height = Number(/rendered="\d+x(\d+)"/.exec(fragment)?.[1] ?? 397) + 26;
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
    png: async () => download("chart.png", await chartAt(previews, 640, "light").toPNG({ scale: 2 })),
    csv: () => download("data.csv", chartAt(previews, 640, "light").toCSV(), "text/csv"),
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
