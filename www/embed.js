// The iframe embed (embed.html): draws the spec named by the page's URL, fits the chart into
// the iframe's height when the iframe is too short for it, and tells the parent page the height
// the chart wants (embed-host.js, on the parent, resizes the iframe to it).
//
//   embed.html#<base64url JSON>   the spec inline (no server round trip; what the demo makes)
//   embed.html?src=<url>          the spec fetched from a URL (CORS applies across origins)
//   embed.html                    the default chart
//   &id=<anything>                echoed in the messages, for hosts with their own listener
//
// Messages to the parent: { type: "ttc:height", height, id } after each draw whose height
// changed. `height` is the chart's natural height at this width, not the squeezed one, so
// a host that follows it grows the iframe until nothing is squeezed.
import { mount } from "../pkg/trade-target-chart.min.js";

const MIN_HEIGHT = 160; // the spec's `height` bounds
const MAX_HEIGHT = 2000;

const box = document.getElementById("chart");
const params = new URLSearchParams(location.search);
const id = params.get("id");

// A constructable stylesheet: allowed by a strict `style-src 'self'` CSP, unlike <style>.
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
  html, body { margin: 0; padding: 0; background: transparent; }
  #chart { display: block; }
  #chart svg { display: block; } /* inline SVG would leave a baseline gap under it */
  .ttc-error { border: 1px solid #b83d0b; border-left-width: 4px; padding: 12px 16px;
    color: #1a1a1a; background: #fff4ee; font: 14px/1.4 Helvetica, Arial, sans-serif; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

/** base64url (RFC 4648 §5, padding optional) → UTF-8 text. */
function fromBase64Url(s) {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The spec this URL names, as an object (or undefined for the default chart). */
async function readSpec() {
  const hash = location.hash.slice(1);
  if (hash) {
    let text;
    try {
      text = fromBase64Url(decodeURIComponent(hash));
    } catch {
      throw new Error("the part after # is not base64url-encoded JSON");
    }
    return JSON.parse(text); // a SyntaxError reads well enough: "Unexpected token …"
  }
  const src = params.get("src");
  if (src) {
    const url = new URL(src, location.href);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not fetch ${url} (HTTP ${res.status})`);
    return JSON.parse(await res.text());
  }
  return undefined;
}

let base; // the spec as given; the fitted height is laid over it, never saved into it
let chart = null;
let posted = -1;

function message(text) {
  const div = document.createElement("div");
  div.className = "ttc-error";
  div.setAttribute("role", "alert");
  div.textContent = text;
  box.replaceChildren(div);
}

/** Draws at the natural height, squeezes into the viewport if needed, posts the natural height. */
function fit() {
  let natural;
  if (chart) {
    chart.update(base);
    natural = Math.ceil(box.getBoundingClientRect().height);
    const room = window.innerHeight;
    if (room > 0 && natural > room) {
      // `height` sizes the picture; the links row under it needs its own room.
      const picture = box.querySelector(".ttc");
      const extra = picture ? natural - Math.ceil(picture.getBoundingClientRect().height) : 0;
      chart.update({ ...base, height: Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, room - extra)) });
    }
  } else {
    natural = Math.ceil(box.getBoundingClientRect().height); // an error box
  }
  if (natural !== posted && parent !== window) {
    posted = natural;
    parent.postMessage({ type: "ttc:height", height: natural, id }, "*");
  }
}

// Once per frame at most, and outside ResizeObserver callbacks (redrawing inside one would
// change the observed size again and trip the "ResizeObserver loop" error).
let queued = false;
function refit() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    fit();
  });
}

async function draw() {
  chart?.destroy();
  chart = null;
  try {
    base = (await readSpec()) ?? {};
    chart = await mount(box, base);
    const title = box.querySelector("svg, canvas")?.getAttribute("aria-label");
    if (title) document.title = title;
  } catch (e) {
    // mount() shows a bad spec's error box itself; everything else gets ours.
    if (!box.querySelector(".ttc-error")) message(`This chart could not be drawn. ${e && e.message ? e.message : e}`);
  }
  fit();
}

addEventListener("resize", refit); // the iframe's width or height changed
new ResizeObserver(refit).observe(document.body); // the content's height changed
addEventListener("hashchange", draw); // an editor trying specs in the same frame
draw();
