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
const schemaHint = document.getElementById("spec-schema");
const keyHelp = document.getElementById("spec-help");

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
  showSchemaHint(text);
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

// ---- schema hints ----------------------------------------------------------------
// A small validator for the parts of JSON Schema 2020-12 that pkg/schema.json (generated
// from the Rust types) uses: type, const, enum, anyOf/oneOf, local $ref, properties,
// additionalProperties: false, required, items, minimum/maximum/exclusiveMinimum/
// exclusiveMaximum, multipleOf, minItems/maxItems, minLength/maxLength and pattern. Its
// first finding is shown under the editor as the reader types, with the path written as the
// widget writes it (series[3].value). Without the schema (the fetch failed) there are no hints.

let schema = null;

/** The schema a local `$ref` ("#/$defs/Point") points at. */
function deref(ref) {
  const parts = ref.replace(/^#\/?/, "").split("/").filter(Boolean);
  return parts.reduce((s, p) => s?.[p.replace(/~1/g, "/").replace(/~0/g, "~")], schema) ?? true;
}

const kindOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const join = (path, key) => (path ? `${path}.${key}` : key);
const quoted = (list) => list.map((v) => JSON.stringify(v)).join(", ");

/** Levenshtein distance, to list the known keys closest to a mistyped one first. */
function distance(a, b) {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/**
 * The first place `value` breaks schema `s`, as { path, msg } (plus `types` for a wrong
 * type and `values` for a value outside an enum, so alternatives can be merged), or null.
 */
function check(value, s, path = "") {
  if (s === true || s == null) return null;
  if (s === false) return { path, msg: "not allowed here" };
  if (s.$ref) {
    const found = check(value, deref(s.$ref), path);
    if (found) return found;
  }
  const kind = kindOf(value);
  if (s.type) {
    const types = [].concat(s.type);
    const fits = (t) => t === kind || (t === "integer" && Number.isInteger(value));
    if (!types.some(fits)) return { path, types, msg: `expected ${types.join(" or ")}, got ${kind}` };
  }
  if ("const" in s && !same(value, s.const)) return { path, values: [s.const], msg: `must be ${quoted([s.const])}` };
  if (s.enum && !s.enum.some((e) => same(e, value))) return { path, values: s.enum, msg: `must be one of ${quoted(s.enum)}` };
  for (const key of ["anyOf", "oneOf"]) {
    if (!s[key]) continue;
    const found = s[key].map((branch) => check(value, branch, path));
    const fits = found.filter((f) => !f).length;
    if (key === "oneOf" && fits > 1) return { path, msg: "matches more than one alternative" };
    if (!fits) return closest(found, path, kind);
  }
  if (kind === "number") {
    if (s.minimum !== undefined && value < s.minimum) return { path, msg: `must be ≥ ${s.minimum}` };
    if (s.maximum !== undefined && value > s.maximum) return { path, msg: `must be ≤ ${s.maximum}` };
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) return { path, msg: `must be > ${s.exclusiveMinimum}` };
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) return { path, msg: `must be < ${s.exclusiveMaximum}` };
    if (s.multipleOf && Math.abs(value / s.multipleOf - Math.round(value / s.multipleOf)) > 1e-9) {
      return { path, msg: s.multipleOf === 1 ? "must be a whole number" : `must be a multiple of ${s.multipleOf}` };
    }
  }
  if (kind === "string") {
    const length = [...value].length; // in characters, as the schema counts
    if (s.minLength !== undefined && length < s.minLength) return { path, msg: `must be at least ${s.minLength} characters` };
    if (s.maxLength !== undefined && length > s.maxLength) return { path, msg: `must be at most ${s.maxLength} characters (is ${length})` };
    if (s.pattern && !new RegExp(s.pattern, "u").test(value)) return { path, msg: `does not match the pattern ${s.pattern}` };
  }
  if (kind === "array") {
    if (s.minItems !== undefined && value.length < s.minItems) return { path, msg: `needs at least ${s.minItems} ${s.minItems === 1 ? "entry" : "entries"}` };
    if (s.maxItems !== undefined && value.length > s.maxItems) return { path, msg: `takes at most ${s.maxItems} entries (has ${value.length})` };
    for (let i = 0; s.items !== undefined && i < value.length; i++) {
      const found = check(value[i], s.items, `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (kind === "object") {
    const props = s.properties ?? {};
    for (const [key, v] of Object.entries(value)) {
      if (key in props) {
        const found = check(v, props[key], join(path, key));
        if (found) return found;
      } else if (s.additionalProperties === false) {
        const known = Object.keys(props).sort((a, b) => distance(key, a) - distance(key, b));
        const list = known.length > 3 ? `${known.slice(0, 3).join(", ")}, …` : known.join(", ");
        return { path: join(path, key), msg: `not a known key (known: ${list})` };
      } else {
        const found = check(v, s.additionalProperties, join(path, key));
        if (found) return found;
      }
    }
    const missing = (s.required ?? []).find((key) => !(key in value));
    if (missing) return { path: join(path, missing), msg: "required, but missing" };
  }
  return null;
}

/**
 * The most useful of the findings of anyOf/oneOf alternatives that all failed: one from an
 * alternative whose type fits (it got further), the deepest; wrong types or values at this
 * path are merged ("expected object or null", "must be one of …").
 */
function closest(found, path, kind) {
  const further = found.filter((f) => !(f.types && f.path === path));
  const pool = further.length ? further : found;
  const deepest = pool.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  if (deepest.path !== path) return deepest;
  const here = pool.filter((f) => f.path === path);
  if (here.every((f) => f.values)) {
    const values = here.flatMap((f) => f.values);
    return { path, values, msg: values.length > 1 ? `must be one of ${quoted(values)}` : `must be ${quoted(values)}` };
  }
  if (here.every((f) => f.types)) {
    const types = [...new Set(here.flatMap((f) => f.types))];
    return { path, types, msg: `expected ${types.join(" or ")}, got ${kind}` };
  }
  return deepest;
}

/** Shows the schema's first finding on `text` under the editor; nothing when it is fine. */
function showSchemaHint(text) {
  let found = null;
  if (schema) {
    try {
      found = check(JSON.parse(text), schema);
    } catch {
      found = null; // not JSON: the widget's own error line says where
    }
  }
  const now = found ? `${found.path}|${found.msg}` : "";
  if (schemaHint.dataset.finding === now) return; // no repeat announcements
  schemaHint.dataset.finding = now;
  schemaHint.replaceChildren();
  if (!found) return;
  const strong = document.createElement("strong");
  strong.textContent = "Schema:";
  const code = document.createElement("code");
  code.textContent = found.path || "(the spec)";
  schemaHint.append(strong, " ", code, ` — ${found.msg}`);
}

/** The object key around the caret in the editor, or null (best-effort, on one line). */
function keyAtCaret() {
  const text = editor.value;
  const pos = editor.selectionStart;
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  const end = text.indexOf("\n", pos) < 0 ? text.length : text.indexOf("\n", pos);
  // Every string on the line in turn (a JSON line starts outside a string), keys are
  // followed by a colon.
  for (const m of text.slice(start, end).matchAll(/"((?:[^"\\]|\\.)*)"(\s*:)?/g)) {
    const from = start + m.index;
    if (m[2] && pos >= from && pos <= from + m[1].length + 2) return JSON.parse(`"${m[1]}"`);
    if (from > pos) break;
  }
  return null;
}

/** The first description for a property named `key` (the spec's own keys first). */
function describeKey(key) {
  const holders = [schema, ...Object.values(schema.$defs ?? {})];
  for (const holder of holders) {
    const prop = holder?.properties?.[key];
    if (!prop) continue;
    const refs = [prop, ...(prop.anyOf ?? []), ...(prop.oneOf ?? [])].filter((p) => p.$ref).map((p) => deref(p.$ref));
    const text = [prop, ...refs].map((p) => p.description).find(Boolean);
    if (text) return text;
  }
  return null;
}

function showKeyHelp() {
  if (!schema) return;
  let key = null;
  try {
    key = keyAtCaret();
  } catch {
    key = null; // a key with a bad escape
  }
  const text = key === null ? null : describeKey(key);
  const now = text ? `${key}|${text}` : "";
  if (keyHelp.dataset.key === now) return;
  keyHelp.dataset.key = now;
  keyHelp.replaceChildren();
  if (!text) return;
  const code = document.createElement("code");
  code.textContent = key;
  keyHelp.append(code, `: ${text.replace(/\s+/g, " ")}`);
}

for (const type of ["keyup", "mouseup", "focus", "input", "select"]) editor.addEventListener(type, showKeyHelp);
document.addEventListener("selectionchange", () => {
  if (document.activeElement === editor) showKeyHelp();
});

/** Fetches the schema once; without it the demo works as before, with no hints. */
async function loadSchema() {
  try {
    const res = await fetch("/pkg/schema.json");
    if (!res.ok) return;
    const json = await res.json();
    if (!json || typeof json !== "object") return;
    schema = json;
  } catch {
    return;
  }
  if (!editor.disabled) showSchemaHint(editor.value);
}

// ---- start ---------------------------------------------------------------------

async function start() {
  loadSchema();
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
  showSchemaHint(editor.value);
  document.documentElement.dataset.ready = "true";
}

start();
