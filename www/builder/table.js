// The editable tables: the data (one row a year, the widget's CSV columns) and the milestones
// (year, label). Each cell is a labelled input; a bad cell is marked with the reason the core
// gave (aria-invalid, and the reason written under it, tied by aria-describedby).
import { COLUMNS } from "./paste.js";

const HEADINGS = { year: "Year", total: "Total", exports: "Exports", imports: "Imports", estimate: "Estimate", splitEstimate: "Split estimated", note: "Note" };
const WIDE = new Set(["note"]);

function input(value, label, onInput, { numeric = false, wide = false } = {}) {
  const el = document.createElement("input");
  el.type = "text";
  el.value = value;
  el.setAttribute("aria-label", label);
  el.autocomplete = "off";
  el.spellcheck = false;
  if (numeric) el.inputMode = "decimal";
  if (wide) el.className = "wide";
  el.addEventListener("input", () => onInput(el.value));
  return el;
}

function removeButton(label, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "icon-button";
  b.textContent = "×";
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

/**
 * Moves between the cells of `tbody` as in a sheet: Enter and the down arrow go to the cell
 * below, Shift+Enter and the up arrow to the one above (Tab goes along, as it does anyway).
 */
function sheetKeys(tbody) {
  tbody.addEventListener("keydown", (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    const down = e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey);
    const up = e.key === "ArrowUp" || (e.key === "Enter" && e.shiftKey);
    if (!down && !up) return;
    const td = el.closest("td");
    const tr = td.parentElement;
    const next = (down ? tr.nextElementSibling : tr.previousElementSibling)?.cells[td.cellIndex]?.querySelector("input");
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.select();
  });
}

/**
 * Draws `rows` into `tbody` (the data table). `onCell(row, col, text)` is called as a cell is
 * typed in; `onRemove(row)` when a row's remove button is pressed; `onPaste(row, col, text)`
 * when more than one cell is pasted into a cell (the caller spreads them from there).
 */
export function drawDataRows(tbody, rows, { onCell, onRemove, onPaste }) {
  if (!tbody.dataset.keys) {
    tbody.dataset.keys = "sheet";
    sheetKeys(tbody);
    tbody.addEventListener("paste", (e) => {
      const text = e.clipboardData?.getData("text/plain") ?? "";
      const td = e.target.closest?.("td");
      if (!td || !/[\t\n]/.test(text.replace(/\n+$/, ""))) return; // one cell: the input takes it
      e.preventDefault();
      onPaste(td.parentElement.sectionRowIndex, td.cellIndex, text);
    });
  }
  const trs = rows.map((r, i) => {
    const tr = document.createElement("tr");
    COLUMNS.forEach((col, j) => {
      const td = document.createElement("td");
      td.dataset.col = col;
      const label = `${HEADINGS[col]}, row ${i + 1}`;
      td.append(input(r[j], label, (text) => onCell(i, j, text), { numeric: ["year", "total", "exports", "imports"].includes(col), wide: WIDE.has(col) }));
      tr.append(td);
    });
    const td = document.createElement("td");
    td.append(removeButton(`Remove row ${i + 1}`, () => onRemove(i)));
    tr.append(td);
    return tr;
  });
  tbody.replaceChildren(...trs);
}

/** Draws the milestone rows (year, label) into `tbody`, like drawDataRows. */
export function drawMilestoneRows(tbody, milestones, { onCell, onRemove }) {
  if (!tbody.dataset.keys) {
    tbody.dataset.keys = "sheet";
    sheetKeys(tbody);
  }
  const trs = milestones.map(([year, label], i) => {
    const tr = document.createElement("tr");
    for (const [j, value, name] of [[0, year, "Year"], [1, label, "Label"]]) {
      const td = document.createElement("td");
      td.append(input(value, `Milestone ${i + 1}: ${name.toLowerCase()}`, (text) => onCell(i, j, text), { numeric: j === 0, wide: j === 1 }));
      tr.append(td);
    }
    const td = document.createElement("td");
    td.append(removeButton(`Remove milestone ${i + 1}`, () => onRemove(i)));
    tr.append(td);
    return tr;
  });
  tbody.replaceChildren(...trs);
}

/** Removes every cell mark in `table`. */
export function clearMarks(table) {
  for (const el of table.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  for (const el of table.querySelectorAll(".cell-reason")) el.remove();
  for (const el of table.querySelectorAll(".bad")) el.classList.remove("bad");
}

/** Marks the cell at [row, col] of `table`'s body with `reason`; returns its input (or null). */
export function markCell(table, [row, col], reason) {
  const td = table.tBodies[0]?.rows[row]?.cells[col];
  const el = td?.querySelector("input");
  if (!el) return null;
  const id = `${table.id}-reason`;
  const p = document.createElement("span");
  p.className = "cell-reason";
  p.id = id;
  p.textContent = reason;
  td.classList.add("bad");
  td.append(p);
  el.setAttribute("aria-invalid", "true");
  el.setAttribute("aria-describedby", id);
  return el;
}
