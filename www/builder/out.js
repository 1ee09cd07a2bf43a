// What the builder hands out: the three snippets (pre-rendered first), the downloads and the
// copy buttons. The snippets' script and iframe addresses start at `base`: where the widget's
// files are served (this server by default; a newsroom's CDN copy otherwise).
import { toBase64Url } from "./history.js";

const escapeAttr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** JSON that is safe inside a <script> element: no "</script" or "<!--" can close it. */
const scriptJSON = (value) => JSON.stringify(value, null, 2).replace(/</g, "\\u003c");

/**
 * The script tag: element.min.js for pre-rendered charts (the element with their tooltips: no
 * wasm until one must be drawn anew), chart.min.js for charts drawn in the page (the element and
 * the engine in one file).
 */
export function elementScript(base, file = "element.min.js") {
  return `<script type="module" src="${escapeAttr(new URL(`pkg/${file}`, base))}"></script>`;
}

/** The pre-rendered snippet: the chart as HTML (on screen with no script), then the element script. */
export function staticSnippet(fragment, base) {
  return `${fragment.trimEnd()}\n${elementScript(base)}\n`;
}

/**
 * The dynamic snippet: the script tag and the element with the spec in a child script. With
 * `dataUrl` (a sheet published as CSV), the element reads its rows from there each time and
 * the child script holds the rest of the spec, laid over them.
 */
export function dynamicSnippet(spec, base, dataUrl = "") {
  let words = spec;
  let src = "";
  if (dataUrl) {
    const { series: _rows, ...rest } = spec;
    words = rest;
    src = ` src="${escapeAttr(dataUrl)}"`;
  }
  return `${elementScript(base, "chart.min.js")}\n<trade-target-chart${src}>\n  <script type="application/json">${scriptJSON(words).replace(/\n/g, "\n  ")}</script>\n</trade-target-chart>\n`;
}

/** The iframe snippet: embed.html with the spec after `#`, and the optional height script. */
export function iframeSnippet(spec, base, { height = 440, title = "" } = {}) {
  const src = new URL(`www/embed.html#${toBase64Url(JSON.stringify(spec))}`, base);
  const host = new URL("www/embed-host.js", base);
  return `<iframe src="${escapeAttr(src)}" width="640" height="${height}" title="${escapeAttr(title || "Chart")}" loading="lazy"></iframe>\n<script src="${escapeAttr(host)}" async></script>\n`;
}

/** A page a CMS can host and iframe: the pre-rendered chart and the element script, nothing else. */
export function standalonePage(fragment, base, { title = "Chart", lang = "en" } = {}) {
  return `<!doctype html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(title)}</title>
${elementScript(base)}
</head>
<body>
${fragment.trimEnd()}
</body>
</html>
`;
}

/** Saves `data` (text or a Blob) as a file named `name`. */
export function download(name, data, type = "text/plain") {
  const blob = data instanceof Blob ? data : new Blob([data], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies the text of `code` to the clipboard; where that is refused, selects it. Returns what to say. */
export async function copyText(code) {
  try {
    await navigator.clipboard.writeText(code.textContent);
    return "Copied.";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return "Selected: press Ctrl+C (⌘C) to copy.";
  }
}
