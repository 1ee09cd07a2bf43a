// The builder for editors: data pasted from a sheet (or a CSV file) into an editable table,
// a field for every spec key, a live preview at three widths in light and dark, and the
// snippets and files to publish. The pieces live in www/builder/: paste (cells → rows),
// spec (draft ↔ spec), table, form, preview, out (the snippets' texts, downloads) and publish
// (that section's buttons), history (the draft kept, shared and undone). This file holds the
// draft, takes the data in and runs one redraw after an edit.
import { renderHTML, defaultSpec, parseCSV, SpecError } from "/src/js/index.js";
import { readCells, spreadCells, plainNumber, decimalMark, COLUMNS } from "./builder/paste.js";
import { emptyDraft, fieldsToSpec, specToDraft, readSeries, placeOf } from "./builder/spec.js";
import { drawDataRows, drawMilestoneRows, clearMarks, markCell } from "./builder/table.js";
import { fieldsIn, fillFields, watchFields, clearFieldErrors, showFieldError } from "./builder/form.js";
import { showPreview } from "./builder/preview.js";
import { setUpPublishing } from "./builder/publish.js";
import { History, draftFromHash, shareURL, loadSaved, save } from "./builder/history.js";

const REDRAW_MS = 250;
const NUMERIC = new Set(["total", "exports", "imports"]);
const $ = (id) => document.getElementById(id);

const dataTable = $("data-table");
const milestoneTable = $("milestone-table");
const previews = $("previews");
const jsonArea = $("spec-json");
const fields = fieldsIn(document.querySelector(".fields-panel"));
const history = new History();

let draft = emptyDraft();
let drawn = null; // { spec, fragment } of the last spec drawn
let seq = 0; // bumped by each redraw: a stale one stops
let timer = 0;

// ---- status -------------------------------------------------------------------------

function say(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function showStatus(error) {
  const status = $("spec-status");
  status.classList.toggle("is-error", Boolean(error));
  if (!error) return say(status, "Drawn. The preview and the snippets show this draft.");
  const sentence = /[.!?…]$/.test(error.message) ? error.message : `${error.message}.`;
  say(status, `Not drawn: ${sentence} The preview and the snippets still show the last good draft.`);
}

/**
 * Counts finished redraws in html[data-drawn]; html[data-pending] is there while an edit
 * waits for its redraw. Tests wait on both.
 */
function markDrawn() {
  const root = document.documentElement;
  root.dataset.drawn = String(Number(root.dataset.drawn ?? 0) + 1);
  if (!timer) delete root.dataset.pending;
}

// ---- drawing the draft's tables and fields --------------------------------------------

function drawTables() {
  drawDataRows(dataTable.tBodies[0], draft.rows, {
    onCell(row, col, text) {
      // Numbers as typed in any locale ("244 819,3") are kept plainly; the cell shows what was typed.
      draft.rows[row][col] = NUMERIC.has(COLUMNS[col]) ? plainNumber(text, decimalMark([text])) : text;
      changed(`cell ${row} ${col}`);
    },
    onPaste(row, col, text) {
      // A block with a header row is a new table; a block of cells lands where it was pasted.
      if (readCells(text).header) return takeCells(text, "the pasted cells");
      draft.rows = spreadCells(draft.rows, [row, col], text);
      drawTables();
      changed();
      dataTable.tBodies[0].rows[row]?.cells[col]?.querySelector("input")?.focus();
    },
    onRemove(row) {
      draft.rows.splice(row, 1);
      if (!draft.rows.length) draft.rows.push(COLUMNS.map(() => ""));
      drawTables();
      changed();
      dataTable.tBodies[0].rows[Math.min(row, draft.rows.length - 1)]?.querySelector("input")?.focus();
    },
  });
  drawMilestoneRows(milestoneTable.tBodies[0], draft.milestones, {
    onCell(row, col, text) {
      draft.milestones[row][col] = text;
      changed(`milestone ${row} ${col}`);
    },
    onRemove(row) {
      draft.milestones.splice(row, 1);
      drawTables();
      changed();
      (milestoneTable.tBodies[0].rows[row]?.querySelector("input") ?? $("add-milestone")).focus();
    },
  });
}

/** Shows a whole new draft (undo, redo, a start, the JSON editor, a load). */
function showDraft(next) {
  draft = next;
  drawTables();
  fillFields(fields, draft.fields);
  $("data-url").value = draft.dataUrl ?? "";
}

// ---- one redraw -----------------------------------------------------------------------

/** Records an edit (for undo and the saved draft) and redraws soon. */
function changed(key = null) {
  history.record(draft, key);
  save(draft);
  syncUndo();
  clearTimeout(timer);
  document.documentElement.dataset.pending = "";
  timer = setTimeout(() => {
    timer = 0;
    redrawSafely();
  }, REDRAW_MS);
}

function clearErrors() {
  clearMarks(dataTable);
  clearMarks(milestoneTable);
  clearFieldErrors(fields);
  $("data-error").hidden = true;
  $("milestone-error").hidden = true;
}

/** Shows a SpecError where it belongs: a cell, a milestone, a field, or the status line alone. */
function place(error, { milestoneRows, rowsOf }) {
  const reason = error.path ? error.message.slice(error.path.length + 2) : error.message;
  const where = placeOf(error.path ?? "", milestoneRows, rowsOf);
  if (where.cell) {
    markCell(dataTable, where.cell, reason);
    $("data-error").textContent = `Row ${where.cell[0] + 1}, ${COLUMNS[where.cell[1]]}: ${reason}`;
    $("data-error").hidden = false;
  } else if (where.milestone) {
    markCell(milestoneTable, where.milestone, reason);
    $("milestone-error").textContent = `Milestone ${where.milestone[0] + 1}: ${reason}`;
    $("milestone-error").hidden = false;
  } else if (where.field) {
    showFieldError(fields, where.field, reason);
  }
}

async function redraw() {
  const my = ++seq;
  document.documentElement.dataset.pending = "";
  const { spec: base, milestoneRows } = fieldsToSpec(draft);
  const data = await readSeries(draft.rows, parseCSV);
  if (my !== seq) return;
  clearErrors();
  if (data.error) {
    if (data.cell) {
      const reason = data.error.message.replace(/^.*?column [^:]+: /, "");
      markCell(dataTable, data.cell, reason);
    }
    $("data-error").textContent = data.error.message;
    $("data-error").hidden = false;
    showStatus(data.error);
    markDrawn();
    return;
  }
  // No rows: the built-in China–Russia data, with the fields laid over it (a spec without
  // `series`, as the widget reads one), and the editor is told so.
  const spec = data.series.length ? { ...base, series: data.series } : base;
  if (!data.series.length) say($("data-status"), "No rows yet: the preview shows the built-in China–Russia data under your words. Paste or type yours.");
  let fragment;
  try {
    fragment = await renderHTML(spec);
  } catch (error) {
    if (my !== seq) return;
    if (error instanceof SpecError) place(error, { milestoneRows, rowsOf: data.rowsOf });
    showStatus(error);
    markDrawn();
    return;
  }
  if (my !== seq) return;
  drawn = { spec, fragment };
  showStatus(null);
  writeSnippets();
  if (document.activeElement !== jsonArea) {
    jsonArea.value = JSON.stringify(spec, null, 2);
    say($("json-status"), "");
  }
  await showPreview(previews, spec, fragment);
  if (my === seq) markDrawn();
}

/** A redraw whose failure (the wasm could not load, say) is said on the page, never thrown. */
function redrawSafely() {
  return redraw().catch((error) => {
    showStatus(new Error(`the chart could not be drawn (${error?.message ?? error})`));
    delete document.documentElement.dataset.pending;
  });
}

// ---- out --------------------------------------------------------------------------------

const writeSnippets = setUpPublishing({ current: () => ({ drawn, dataUrl: draft.dataUrl }) });

// ---- data in ----------------------------------------------------------------------------

/** Replaces the table with cells read from `text` (a paste or a file) and says what was read. */
function takeCells(text, from) {
  const { rows, header, mark, columns } = readCells(text);
  if (!rows.length) return say($("data-status"), `Nothing to read in ${from}.`);
  draft.rows = rows;
  drawTables();
  changed();
  const how = [header ? "with a header row" : "without a header row (columns taken as year, total, exports, imports, estimate, note)"];
  if (mark === ",") how.push("decimal commas");
  let said = `Read ${rows.length} ${rows.length === 1 ? "row" : "rows"} from ${from}, ${how.join(", ")}.`;
  // Say which header became which column where the names were not the widget's own.
  const renamed = columns.filter(([name, col]) => name !== null && name.toLowerCase() !== col?.toLowerCase());
  if (renamed.length) said += ` Columns: ${renamed.map(([name, col]) => `${name} → ${col ?? "left out"}`).join("; ")}.`;
  say($("data-status"), said);
}

$("paste").addEventListener("input", () => {
  const text = $("paste").value;
  if (!/[\t\n]/.test(text)) return; // typing by hand: wait for a whole line
  $("paste").value = "";
  takeCells(text, "the pasted cells");
});

$("csv-file").addEventListener("change", async () => {
  const file = $("csv-file").files?.[0];
  if (!file) return;
  try {
    takeCells(await file.text(), file.name);
  } catch (error) {
    say($("data-status"), `Could not read ${file.name} (${error.message}).`);
  }
  $("csv-file").value = "";
});

$("data-url").addEventListener("input", () => {
  draft.dataUrl = $("data-url").value.trim();
  changed("data-url");
});

/** Reads the published sheet into the table (the script-tag snippet will read it itself). */
async function loadSheet() {
  const url = $("data-url").value.trim();
  if (!url) return say($("data-status"), "Give the sheet's address first.");
  let text;
  try {
    const res = await fetch(new URL(url, location.href));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (error) {
    // Most often CORS: the sheet's server must let this page (and the readers' pages) read it.
    return say($("data-status"), `Could not read ${url} (${error.message}); the sheet's server must allow other sites to read it.`);
  }
  takeCells(text, url.split(/[?#]/)[0].split("/").pop() || url);
}

$("load-url").addEventListener("click", loadSheet);

$("add-row").addEventListener("click", () => {
  draft.rows.push(COLUMNS.map(() => ""));
  drawTables();
  changed();
  dataTable.tBodies[0].lastElementChild.querySelector("input").focus();
});

$("add-milestone").addEventListener("click", () => {
  draft.milestones.push(["", ""]);
  drawTables();
  changed();
  milestoneTable.tBodies[0].lastElementChild.querySelector("input").focus();
});

watchFields(fields, (path, value) => {
  draft.fields[path] = value;
  changed(`field ${path}`);
});

let jsonTimer = 0;
jsonArea.addEventListener("input", () => {
  clearTimeout(jsonTimer);
  jsonTimer = setTimeout(() => {
    let spec;
    try {
      spec = JSON.parse(jsonArea.value);
    } catch (e) {
      return say($("json-status"), `Not JSON yet: ${e.message}`);
    }
    if (!spec || typeof spec !== "object" || Array.isArray(spec)) return say($("json-status"), "The spec is a JSON object: { … }.");
    const next = specToDraft(spec);
    if (typeof spec.csv === "string") next.rows = readCells(spec.csv).rows;
    next.dataUrl = draft.dataUrl; // not a spec key: the snippet's src
    say($("json-status"), "");
    showDraft(next);
    changed("json");
  }, REDRAW_MS);
});

// ---- draft: undo, redo, starts, share -------------------------------------------------

function syncUndo() {
  $("undo").disabled = !history.canUndo;
  $("redo").disabled = !history.canRedo;
}

function step(next) {
  if (!next) return;
  showDraft(next);
  save(draft);
  syncUndo();
  clearTimeout(timer);
  timer = 0;
  redrawSafely();
}

$("undo").addEventListener("click", () => step(history.undo()));
$("redo").addEventListener("click", () => step(history.redo()));
document.addEventListener("keydown", (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  // In a text field, Ctrl+Z is the field's own undo.
  if (e.target.closest?.("input:not([type=checkbox]), textarea")) return;
  const key = e.key.toLowerCase();
  if (key === "z" && !e.shiftKey) step(history.undo());
  else if ((key === "z" && e.shiftKey) || key === "y") step(history.redo());
  else return;
  e.preventDefault();
});

$("start-default").addEventListener("click", async () => {
  let spec;
  try {
    spec = await defaultSpec();
  } catch (error) {
    return showStatus(new Error(`the built-in chart could not be loaded (${error.message})`));
  }
  showDraft(specToDraft(spec));
  changed();
  say($("data-status"), "Started from the China–Russia chart. Undo brings the last draft back.");
});

$("start-empty").addEventListener("click", () => {
  const next = emptyDraft();
  next.rows = [0, 1, 2].map(() => COLUMNS.map(() => ""));
  showDraft(next);
  changed();
  say($("data-status"), "Started empty. Undo brings the last draft back.");
});

$("share").addEventListener("click", async () => {
  const url = shareURL(draft);
  try {
    await navigator.clipboard.writeText(url);
    say($("share-status"), "Link copied.");
  } catch {
    window.prompt("Copy this link:", url);
  }
});

// ---- start --------------------------------------------------------------------------------

async function start() {
  const shared = draftFromHash(location.hash);
  if (shared) window.history.replaceState(null, "", location.pathname + location.search); // the draft is kept from now on
  let first = shared ?? loadSaved();
  if (!first) {
    try {
      first = specToDraft(await defaultSpec());
    } catch (error) {
      say($("spec-status"), `The chart could not be loaded: ${error.message}`);
      document.documentElement.dataset.ready = "true";
      return;
    }
  }
  showDraft(first);
  history.record(draft);
  save(draft);
  syncUndo();
  await redrawSafely();
  document.documentElement.dataset.ready = "true";
}

start();
