// The pages the cross-engine checks open, served from memory under /__x__/ (see server.mjs;
// every page also gets tests/e2e/monitor.js first in its <head>).
import { toBase64Url } from "../e2e/embed-pages.mjs";
import { renderHTML } from "../../src/js/index.js";

const head = (title, extra = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${extra}</head>`;

/** The iframe's spec, also the title the check waits for. */
export const IFRAME_SPEC = { title: "Trade from the iframe's hash", kind: "bars" };

export const PAGES = {
  // The one-script-tag embed, as an editor pastes it (chart.min.js: the element and the
  // engine): a dynamic chart and a bad spec. No stylesheet: an unstyled page (WebKit computes
  // its font as -webkit-standard). The strict-CSP page below draws with element.min.js.
  "element.html": {
    body: `${head("element", '<script type="module" src="/pkg/chart.min.js"></script>')}
<body><div id="col" style="width: 640px"><trade-target-chart id="c" loading="eager"></trade-target-chart></div>
<trade-target-chart id="bad" loading="eager" spec='{"kind": "pie"}'></trade-target-chart></body></html>`,
  },
  // The npm entry on an unstyled page, for mount() and renderSVG().
  "fixture.html": {
    body: `${head("fixture")}
<body><div id="chart" style="width: 640px"></div>
<script type="module">import * as m from "/src/js/index.js"; window.ttc = m;</script></body></html>`,
  },
  // The iframe embed with its host snippet, which sizes the iframe to the chart.
  "iframe.html": {
    body: `${head("iframe", '<script src="/www/embed-host.js"></script><style>body { margin: 0 } iframe { display: block; border: 0 }</style>')}
<body><p>Article text.</p><iframe id="f" src="/www/embed.html#${toBase64Url(IFRAME_SPEC)}" width="640" height="300" title="Chart"></iframe><p>More text.</p></body></html>`,
  },
  // Under /csp/ (the strict policy): every way in, with no inline script or style at all.
  "csp.html": {
    body: `${head("strict CSP", '<link rel="stylesheet" href="/__x__/csp.css"><script type="module" src="/pkg/element.min.js"></script><script type="module" src="/__x__/csp-mount.js"></script><script src="/www/embed-host.js"></script>')}
<body><trade-target-chart id="script" loading="eager"><script type="application/json">{"title": "Child script under CSP"}</script></trade-target-chart>
<trade-target-chart id="canvas" loading="eager" spec='{"renderer": "canvas"}'></trade-target-chart>
<trade-target-chart id="bad" loading="eager" spec='{"kind": "pie"}'></trade-target-chart>
<div id="npm"></div>
<iframe id="f" src="/csp/www/embed.html#${toBase64Url({ title: "Iframe under CSP" })}" width="640" height="300" title="Chart"></iframe></body></html>`,
  },
  "csp.css": { body: "body { margin: 8px; width: 640px } iframe { border: 0; display: block }", type: "text/css" },
  "csp-mount.js": {
    body: `import { mount } from "/src/js/index.js";
await mount(document.getElementById("npm"), { title: "mount() under CSP" });
document.documentElement.dataset.mounted = "yes";`,
    type: "text/javascript",
  },
};

/**
 * The pre-rendered pages, written by renderHTML in Node as a news site's build step writes
 * them: the fragment that fits every column (no width) and a one-width one (480 px), each alone
 * in an article column with the element script, so any engine or wasm request is theirs.
 */
export async function prerenderedPages() {
  const article = (title, column, fragment) => ({
    body: `${head(title, '<script type="module" src="/pkg/element.min.js"></script>')}
<body><main id="col" style="${column}"><p>Text before the chart.</p>${fragment}<p>Text after the chart.</p></main></body></html>`,
  });
  return {
    "fit.html": article("fits every column", "max-width: 680px", await renderHTML({})),
    // At its rendered width, so taking it over writes nothing into the picture.
    "one.html": article("one width", "width: 480px", await renderHTML({}, { width: 480 })),
  };
}
