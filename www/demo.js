// The demo page: the default chart, a live JSON editor, controls for the width, the renderer,
// the kind, the theme, the language and the asOf vantage point, and an embed snippet. Served
// from the repo root, so the package entry is /src/js/index.js.
//
// Every control except the width and the container's lang is a spec key: a control edits the
// JSON in the editor and redraws through the same path as typing, and the controls follow
// the editor's JSON when it is edited by hand.
import { mount, defaultSpec, SpecError } from "/src/js/index.js";

const DEBOUNCE_MS = 200;

const chartEl = document.getElementById("chart");
const editor = document.getElementById("spec-editor");
const status = document.getElementById("spec-status");
const widthSelect = document.getElementById("width-select");
const rendererInputs = [...document.querySelectorAll('input[name="renderer"]')];
const kindSelect = document.getElementById("kind-select");
const themeSelect = document.getElementById("theme-select");
const localeSelect = document.getElementById("locale-select");
const langSelect = document.getElementById("lang-select");
const asOfToggle = document.getElementById("asof-toggle");
const revealToggle = document.getElementById("reveal-toggle");
const resetButton = document.getElementById("reset-spec");
const embedCode = document.getElementById("embed-code");
const copyButton = document.getElementById("copy-snippet");
const copyStatus = document.getElementById("copy-status");

let chart = null; // the ChartHandle once mounted
let defaults = {}; // the default spec, to show only changed keys in the snippet
let timer = 0;

// ---- status line -------------------------------------------------------------

function showError(err) {
  status.replaceChildren();
  status.classList.add("is-error");
  editor.setAttribute("aria-invalid", "true");
  const strong = document.createElement("strong");
  strong.textContent = "Not drawn: ";
  status.append(strong);
  const sentence = (s) => (/[.!?…]$/.test(s) ? s : `${s}.`);
  if (err instanceof SpecError && err.path) {
    const code = document.createElement("code");
    code.textContent = err.path;
    status.append(code, document.createTextNode(`: ${sentence(err.message.slice(err.path.length + 2))}`));
  } else {
    status.append(document.createTextNode(sentence(err && err.message ? err.message : String(err))));
  }
  status.append(document.createTextNode(" The chart shows the last valid spec."));
}

function showLoadFailure(err) {
  status.classList.add("is-error");
  status.textContent = `The chart could not be loaded: ${err && err.message ? err.message : String(err)}`;
}

function showOk(text) {
  status.classList.remove("is-error");
  editor.removeAttribute("aria-invalid");
  status.textContent = text;
}

// ---- the embed snippet -------------------------------------------------------

function changedKeys(spec) {
  const out = {};
  for (const [key, value] of Object.entries(spec)) {
    if (JSON.stringify(value) !== JSON.stringify(defaults[key])) out[key] = value;
  }
  return out;
}

function updateSnippet(spec) {
  const changed = changedKeys(spec);
  const args = Object.keys(changed).length
    ? `el, ${JSON.stringify(changed, null, 2).replace(/\n/g, "\n  ")}`
    : "el";
  embedCode.textContent = [
    '<div id="chart"></div>',
    '<script type="module">',
    '  import { mount } from "trade-target-chart";',
    "",
    '  const el = document.getElementById("chart");',
    `  const chart = await mount(${args});`,
    "  // later: chart.update(newSpec) redraws; a bad spec throws a SpecError (err.path says where)",
    "</script>",
  ].join("\n");
}

// ---- applying the editor's text ------------------------------------------------

const AS_OF = "2021-06-20";
let drawnSpec = {}; // the spec last drawn (the controls show it while the JSON is broken)
let drawnText = "{}";

/** The page's own colours follow the chart's theme: auto = the reader's preference. */
function syncPageTheme(theme) {
  const root = document.documentElement;
  root.classList.toggle("theme-dark", theme === "dark");
  root.classList.toggle("theme-light", theme === "light");
}

/** Sets every spec control from `spec` (what is drawn). */
function syncControls(spec) {
  const s = spec && typeof spec === "object" ? spec : {};
  const renderer = s.renderer === "canvas" ? "canvas" : "svg";
  for (const input of rendererInputs) input.checked = input.value === renderer;
  kindSelect.value = ["bars", "breakdown"].includes(s.kind) ? s.kind : "line";
  themeSelect.value = ["light", "dark"].includes(s.theme) ? s.theme : "auto";
  localeSelect.value = ["en", "ru", "zh"].includes(s.locale) ? s.locale : "";
  asOfToggle.checked = typeof s.asOf === "string";
  revealToggle.checked = asOfToggle.checked && s.reveal === true;
  revealToggle.disabled = !asOfToggle.checked;
  syncPageTheme(themeSelect.value);
}

/** Counts redraws in html[data-drawn], so tests can wait for the next one. */
function markDrawn() {
  const root = document.documentElement;
  root.dataset.drawn = String(Number(root.dataset.drawn ?? 0) + 1);
}

function apply() {
  if (!chart) return;
  const text = editor.value;
  try {
    chart.update(text);
  } catch (err) {
    showError(err);
    syncControls(drawnSpec); // the controls show what is drawn
    return;
  }
  const spec = JSON.parse(text) ?? {};
  drawnSpec = spec;
  drawnText = text;
  syncControls(spec);
  updateSnippet(spec);
  showOk("Drawn.");
  markDrawn();
}

editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(apply, DEBOUNCE_MS);
});

/**
 * Edits the editor's JSON with `change(spec)` and redraws now. With JSON that does not
 * parse, says so and puts the controls back to what is drawn.
 */
function editSpec(change) {
  let spec;
  try {
    spec = JSON.parse(editor.value) ?? {};
    if (typeof spec !== "object" || Array.isArray(spec)) throw new Error("not an object");
  } catch {
    syncControls(drawnSpec);
    showError(new Error("Fix the JSON in the editor first; the controls edit it."));
    return;
  }
  change(spec);
  editor.value = JSON.stringify(spec, null, 2);
  clearTimeout(timer);
  apply();
}

/** A key that is left out when it has its default value, so the snippet stays short. */
function setKey(spec, key, value, defaultValue) {
  if (value === defaultValue || value === "" || value == null) delete spec[key];
  else spec[key] = value;
}

// ---- controls ----------------------------------------------------------------

widthSelect.addEventListener("change", () => {
  // The chart follows its container's width (ResizeObserver); the stylesheet sizes the
  // container from this attribute.
  chartEl.dataset.width = widthSelect.value;
});

for (const input of rendererInputs) {
  input.addEventListener("change", () => {
    if (input.checked) editSpec((spec) => setKey(spec, "renderer", input.value, "svg"));
  });
}

kindSelect.addEventListener("change", () => {
  editSpec((spec) => setKey(spec, "kind", kindSelect.value, "line"));
});

themeSelect.addEventListener("change", () => {
  editSpec((spec) => setKey(spec, "theme", themeSelect.value, "auto"));
});

localeSelect.addEventListener("change", () => {
  editSpec((spec) => setKey(spec, "locale", localeSelect.value, ""));
});

langSelect.addEventListener("change", () => {
  // Not a spec key: the host page's language, which the chart follows when the spec
  // names no locale. The chart reads it when it draws, so draw the current spec again.
  if (langSelect.value) chartEl.lang = langSelect.value;
  else chartEl.removeAttribute("lang");
  if (!chart) return;
  try {
    chart.update(drawnText);
  } catch (err) {
    showError(err);
    return;
  }
  markDrawn();
});

asOfToggle.addEventListener("change", () => {
  editSpec((spec) => {
    setKey(spec, "asOf", asOfToggle.checked ? AS_OF : null);
    // The default title tells how the story ended ("passed its $200B goal a year early"),
    // which a chart as of 2021 cannot know: without it the chart says what 2021 knew.
    if (asOfToggle.checked) {
      if (spec.title === defaults.title) delete spec.title;
    } else {
      delete spec.reveal;
      if (!("title" in spec) && defaults.title) spec.title = defaults.title;
    }
  });
});

revealToggle.addEventListener("change", () => {
  editSpec((spec) => setKey(spec, "reveal", revealToggle.checked, false));
});

resetButton.addEventListener("click", () => {
  editor.value = JSON.stringify(defaults, null, 2);
  clearTimeout(timer);
  apply();
});

copyButton.addEventListener("click", async () => {
  const text = embedCode.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = "Copied.";
  } catch {
    // No clipboard access (e.g. not a secure context): select the text instead.
    const range = document.createRange();
    range.selectNodeContents(embedCode);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copyStatus.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
});

// ---- start ---------------------------------------------------------------------

async function start() {
  updateSnippet({});
  chartEl.replaceChildren();
  try {
    chart = await mount(chartEl); // no spec: the default chart
    defaults = await defaultSpec();
  } catch (err) {
    // mount() has already put a readable message in the chart's element.
    editor.value = "";
    if (err instanceof SpecError) showError(err);
    else showLoadFailure(err);
    return;
  }
  editor.value = JSON.stringify(defaults, null, 2);
  editor.disabled = false;
  drawnSpec = defaults;
  drawnText = editor.value;
  syncControls(defaults);
  updateSnippet(defaults);
  showOk("");
  document.documentElement.dataset.ready = "true";
}

start();
