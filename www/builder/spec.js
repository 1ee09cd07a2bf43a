// The builder's draft and the widget's spec, each made from the other. The draft is what the
// form and the table hold (strings as typed, so a bad value reaches the core and comes back
// as a SpecError at its path); the spec is what the snippet carries. No DOM here.
import { COLUMNS, plainNumber, toCSVText } from "./paste.js";

/**
 * The form's fields: the spec path each edits, and how. `number` fields are written as
 * numbers when they read as one (decimal commas too), else passed on as typed so the core
 * names the path; `omit` is the value that means "leave the key out" (the widget's default).
 */
export const FIELDS = [
  { path: "title" },
  { path: "subtitle" },
  { path: "kind", omit: "line" },
  { path: "unit.prefix" },
  { path: "unit.suffix" },
  { path: "unit.label" },
  { path: "target.value", number: true },
  { path: "target.year", number: true },
  { path: "target.label" },
  { path: "target.set", number: true },
  { path: "source.text" },
  { path: "source.url" },
  { path: "parts.exports" },
  { path: "parts.imports" },
  { path: "locale", omit: "" },
  { path: "theme", omit: "auto" },
  { path: "renderer", omit: "svg" },
  { path: "asOf" },
  { path: "reveal", bool: true, omit: false },
  { path: "height", number: true },
  { path: "links", bool: true, omit: true },
];

/** A fresh, empty draft (what "Start from scratch" gives). */
export function emptyDraft() {
  const fields = {};
  for (const f of FIELDS) fields[f.path] = f.bool ? f.omit : f.omit ?? "";
  // dataUrl: a sheet published as CSV that the script-tag snippet follows ("" for none).
  return { rows: [COLUMNS.map(() => "")], fields, milestones: [], dataUrl: "" };
}

const isPlain = (s) => /^-?\d+(\.\d+)?$/.test(s);

/** A number field's text as the spec's value: a number when it reads as one, else the text. */
function numberOf(text) {
  const plain = plainNumber(String(text), /,\d{1,2}$/.test(text) ? "," : ".");
  return isPlain(plain) ? Number(plain) : String(text).trim();
}

function setPath(obj, path, value) {
  const keys = path.split(".");
  let at = obj;
  for (const k of keys.slice(0, -1)) at = at[k] ??= {};
  at[keys.at(-1)] = value;
}

function getPath(obj, path) {
  return path.split(".").reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj);
}

/**
 * The draft's fields and milestones as spec keys (without the data). `milestoneRows[i]` is the
 * draft's row of the spec's milestones[i] (empty rows are left out).
 */
export function fieldsToSpec(draft) {
  const spec = {};
  for (const f of FIELDS) {
    const v = draft.fields[f.path];
    if (f.bool) {
      if (typeof v === "boolean" && v !== f.omit) setPath(spec, f.path, v);
      continue;
    }
    const text = String(v ?? "").trim();
    if (text === "" || text === f.omit) continue;
    setPath(spec, f.path, f.number ? numberOf(text) : text);
  }
  const milestoneRows = [];
  const milestones = [];
  draft.milestones.forEach(([year, label], i) => {
    if (!String(year).trim() && !String(label).trim()) return;
    milestoneRows.push(i);
    // A half-filled row leaves its empty cell out, so the core names what is missing.
    const m = {};
    if (String(year).trim()) m.year = numberOf(String(year).trim());
    if (String(label).trim()) m.label = String(label).trim();
    milestones.push(m);
  });
  if (milestones.length) spec.milestones = milestones;
  return { spec, milestoneRows };
}

/** A spec (e.g. the default one, or JSON an editor typed) as a draft. */
export function specToDraft(spec) {
  const draft = emptyDraft();
  for (const f of FIELDS) {
    const v = getPath(spec, f.path);
    if (v === undefined || v === null) continue;
    draft.fields[f.path] = f.bool ? Boolean(v) : String(v);
  }
  draft.milestones = (spec.milestones ?? []).map((m) => [String(m.year ?? ""), String(m.label ?? "")]);
  const series = Array.isArray(spec.series) ? spec.series : [];
  draft.rows = series.map((p) => [
    String(p.year ?? ""),
    String(p.value ?? ""),
    p.exports == null ? "" : String(p.exports),
    p.imports == null ? "" : String(p.imports),
    p.estimate ? "true" : "",
    p.splitEstimate ? "true" : "",
    p.note ?? "",
  ]);
  if (!draft.rows.length) draft.rows = emptyDraft().rows;
  return draft;
}

/**
 * The table's data as the spec's series, read by the core (`parseCSV`, when the package has
 * it) from the table written as the widget's CSV. Resolves to { series } or { error, cell }:
 * the error as the reader worded it, and the table cell it names ([row, column index]) when
 * it names one.
 */
export async function readSeries(rows, parseCSV) {
  const { text, lines } = toCSVText(rows);
  if (lines.length === 1) return { series: [], rowsOf: [], error: null };
  try {
    return { series: await parseCSV(text), rowsOf: lines.slice(1), error: null };
  } catch (error) {
    const row = Number.isInteger(error?.line) ? lines[error.line - 1] : undefined;
    const col = COLUMNS.indexOf(error?.column === "value" ? "total" : error?.column);
    return { error, cell: row != null && col >= 0 ? [row, col] : null };
  }
}

/**
 * Where a SpecError's path points in the builder: { cell: [row, col] } for series[i].key,
 * { milestone: [row, 0|1] } for milestones[i].year/label, { field: path } for a form field
 * (the nearest one the path starts with), else { whole: true }.
 */
export function placeOf(path, milestoneRows, seriesRows) {
  const s = /^series\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (s) {
    const col = COLUMNS.indexOf(s[2] === "value" ? "total" : s[2] ?? "year");
    return { cell: [seriesRows?.[Number(s[1])] ?? Number(s[1]), Math.max(col, 0)] };
  }
  const m = /^milestones\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) return { milestone: [milestoneRows[Number(m[1])] ?? Number(m[1]), m[2] === "label" ? 1 : 0] };
  if (path.startsWith("milestones")) return { milestone: [0, 0] };
  const field = FIELDS.map((f) => f.path).find((p) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`));
  return field ? { field } : { whole: true };
}
