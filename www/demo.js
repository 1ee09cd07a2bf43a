// The demo page: the default chart, a live JSON editor, a width selector, a renderer
// toggle and an embed snippet. Served from the repo root, so the package entry is /src/js/index.js.
import { mount, defaultSpec, SpecError } from "/src/js/index.js";

const DEBOUNCE_MS = 200;

const chartEl = document.getElementById("chart");
const editor = document.getElementById("spec-editor");
const status = document.getElementById("spec-status");
const widthSelect = document.getElementById("width-select");
const rendererInputs = [...document.querySelectorAll('input[name="renderer"]')];
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

let currentRenderer = "svg";

function syncRenderer(spec) {
  currentRenderer = spec && spec.renderer === "canvas" ? "canvas" : "svg";
  for (const input of rendererInputs) input.checked = input.value === currentRenderer;
}

function apply() {
  if (!chart) return;
  const text = editor.value;
  try {
    chart.update(text);
  } catch (err) {
    showError(err);
    syncRenderer({ renderer: currentRenderer }); // the toggle shows what is drawn
    return;
  }
  const spec = JSON.parse(text) ?? {};
  syncRenderer(spec);
  updateSnippet(spec);
  showOk("Drawn.");
}

editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(apply, DEBOUNCE_MS);
});

// ---- controls ----------------------------------------------------------------

widthSelect.addEventListener("change", () => {
  // The chart follows its container's width (ResizeObserver); the stylesheet sizes the
  // container from this attribute.
  chartEl.dataset.width = widthSelect.value;
});

for (const input of rendererInputs) {
  input.addEventListener("change", () => {
    if (!input.checked) return;
    let spec;
    try {
      spec = JSON.parse(editor.value) ?? {};
      if (typeof spec !== "object" || Array.isArray(spec)) throw new Error("not an object");
    } catch {
      syncRenderer({ renderer: currentRenderer }); // put the toggle back
      showError(new Error("Fix the JSON in the editor first; the renderer is a key of the spec."));
      return;
    }
    spec.renderer = input.value;
    editor.value = JSON.stringify(spec, null, 2);
    clearTimeout(timer);
    apply();
  });
}

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
  syncRenderer(defaults);
  updateSnippet(defaults);
  showOk("");
  document.documentElement.dataset.ready = "true";
}

start();
