// Cells pasted from a spreadsheet (Excel, Google Sheets, LibreOffice copy tab-separated text),
// or the text of a CSV file, turned into the builder's table: rows of the widget's columns,
// numbers written plainly ("1234.5"). Pure functions, no DOM: what an editor pasted goes in,
// strings come out, and a cell that is not a number stays as it was typed so the core's reader
// can say what is wrong with it (the builder marks that cell).

/** The widget's CSV columns, in the order the builder's table shows them. */
export const COLUMNS = ["year", "total", "exports", "imports", "estimate", "splitEstimate", "note"];

/** The columns of a block pasted without a header row, in order: toCSV()'s order. */
const BY_POSITION = ["year", "total", "exports", "imports", "estimate", "note"];

/** Header names an editor's sheet may use for a column (lower case; `value` is the core's too). */
const ALIASES = {
  year: "year", years: "year", год: "year", jahr: "year", année: "year", annee: "year", 年: "year", 年份: "year",
  total: "total", value: "total", trade: "total", итого: "total", всего: "total", gesamt: "total",
  товарооборот: "total", handel: "total", commerce: "total", 贸易额: "total",
  exports: "exports", export: "exports", экспорт: "exports", exporte: "exports",
  imports: "imports", import: "imports", импорт: "imports", importe: "imports",
  estimate: "estimate", estimated: "estimate", оценка: "estimate",
  splitestimate: "splitEstimate", "split estimate": "splitEstimate", "split estimated": "splitEstimate",
  note: "note", notes: "note", примечание: "note", anmerkung: "note",
};

/** Splits pasted or loaded text into rows of cells: tabs when there are any, else commas or semicolons (CSV), with quotes. */
export function splitRows(text) {
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  if (clean.trim() === "") return [];
  const firstLine = clean.split("\n", 1)[0];
  const sep = firstLine.includes("\t") ? "\t" : firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** The column a header cell names, or null. */
function columnOf(name) {
  // "Trade, US$ million", "Total (bn)": the name before any comma or bracket.
  const key = name.trim().toLowerCase();
  return ALIASES[key] ?? ALIASES[key.split(/[,(]/)[0].trim()] ?? null;
}

/**
 * A header's columns with the two required ones found when the sheet names them in words this
 * reader does not know: `year` is the first unnamed column of four-digit years, `total` the
 * first other unnamed one whose cells hold digits.
 */
function guessUnnamed(named, body) {
  const places = [...named];
  const cells = (i) => body.map((r) => (r[i] ?? "").trim()).filter(Boolean);
  const free = (test) => places.findIndex((p, i) => !p && cells(i).length && test(cells(i)));
  if (!places.includes("year")) {
    const i = free((c) => c.every((v) => /^\d{4}$/.test(v)));
    if (i >= 0) places[i] = "year";
  }
  if (!places.includes("total")) {
    const i = free((c) => c.some((v) => /\d/.test(v)));
    if (i >= 0) places[i] = "total";
  }
  return places;
}

/**
 * Which mark is the decimal one in this block of numbers: "," when a cell can only be read
 * with a decimal comma ("190,3", "1.234,5", "1 234,56"), else ".". One block comes from one
 * sheet, so one cell that settles it settles them all ("1,234" alone reads as 1234).
 */
export function decimalMark(cells) {
  for (const raw of cells) {
    const s = raw.replace(/[\s\u00a0\u202f\u2009']/g, "");
    if (/^-?[\d.]*\d,\d+$/.test(s) && (/\.\d{3},/.test(s) || !/,\d{3}$/.test(s))) return ",";
    if (/^-?[\d,]*\d\.\d+$/.test(s) && (/,\d{3}\./.test(s) || !/\.\d{3}$/.test(s))) return ".";
    if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return ",";
  }
  return ".";
}

/**
 * A number as a sheet copied it ("1 234,5", "1.234,5", "1,234.5", "$190.3", with non-breaking
 * or narrow spaces) written plainly ("1234.5"); the text unchanged when it is not a number.
 */
export function plainNumber(raw, mark = ".") {
  const s = raw.trim().replace(/^[$€£¥₽]\s*|\s*[$€£¥₽]$/g, "").replace(/[\s\u00a0\u202f\u2009']/g, "");
  const other = mark === "," ? "." : ",";
  const re = mark === "," ? /^[-−]?\d{1,3}(\.\d{3})*(,\d+)?$|^[-−]?\d+(,\d+)?$/ : /^[-−]?\d{1,3}(,\d{3})*(\.\d+)?$|^[-−]?\d+(\.\d+)?$/;
  if (!re.test(s)) return raw.trim();
  return s.split(other).join("").replace(mark, ".").replace("−", "-");
}

/** Spreadsheet booleans and the core's words for `estimate`: "true" or "" (the core reads both). */
function plainEstimate(raw) {
  const s = raw.trim();
  if (/^(true|yes|1|да|ja|oui|x|✓)$/i.test(s)) return "true";
  if (/^(false|no|0|нет|nein|non)?$/i.test(s)) return "";
  return s; // something else: the core says what it expected
}

/**
 * Pasted text → { rows, header }: rows of the builder's columns (COLUMNS order, strings),
 * numbers written plainly, the decimal `mark` the block was read with, and `columns`: what each
 * pasted column became ([header name or null, column or null]). With a header row its names place the columns (any order, `value`
 * for `total`, columns it does not know are left out); without one the columns are taken in
 * the order toCSV() writes: year, total, exports, imports, estimate, note.
 */
export function readCells(text) {
  const grid = splitRows(text);
  if (!grid.length) return { rows: [], header: false };
  const named = grid[0].map(columnOf);
  const header = !grid[0].some((c) => /^\s*\d{4}\s*$/.test(c)) && grid[0].some((c) => /\p{L}/u.test(c));
  const body = header ? grid.slice(1) : grid;
  const places = header ? guessUnnamed(named, body) : BY_POSITION;
  const numeric = ["total", "exports", "imports"];
  const numbers = body.flatMap((r) => r.filter((_, i) => numeric.includes(places[i])));
  const mark = decimalMark(numbers);
  const rows = body.map((r) => {
    const out = COLUMNS.map(() => "");
    r.forEach((cell, i) => {
      const col = places[i];
      if (!col) return;
      const at = COLUMNS.indexOf(col);
      if (col === "year") out[at] = cell.trim().replace(/[\s\u00a0\u202f\u2009]/g, "");
      else if (numeric.includes(col)) out[at] = plainNumber(cell, mark);
      else if (col === "estimate" || col === "splitEstimate") out[at] = plainEstimate(cell);
      else out[at] = cell.replace(/\s+/g, " ").trim();
    });
    return out;
  });
  // What each pasted column became, for the editor to check ("Год → year").
  const columns = header ? grid[0].map((name, i) => [name.trim(), places[i] ?? null]) : places.slice(0, Math.max(...grid.map((r) => r.length))).map((p) => [null, p]);
  return { rows, header, mark, columns };
}

/**
 * Cells pasted into the table at [row, col] (no header row: a block with one is read whole by
 * readCells instead): `rows` with the block written over it from there, grown as needed.
 */
export function spreadCells(rows, [row, col], text) {
  // Cells copied from a sheet: tab-separated, one line a row (no CSV commas: "5,5" is a number).
  const grid = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").map((line) => line.split("\t"));
  const numeric = new Set(["total", "exports", "imports"]);
  const mark = decimalMark(grid.flat());
  const out = rows.map((r) => [...r]);
  grid.forEach((cells, i) => {
    while (out.length <= row + i) out.push(COLUMNS.map(() => ""));
    cells.forEach((cell, j) => {
      const name = COLUMNS[col + j];
      if (!name) return;
      out[row + i][col + j] = numeric.has(name) ? plainNumber(cell, mark) : name === "estimate" || name === "splitEstimate" ? plainEstimate(cell) : cell.trim();
    });
  });
  return out;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function field(s) {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table's rows as the widget's CSV (header first), leaving out empty rows; `lines[i]` is
 * the table row written on the file's line i + 1 (so an error's line finds its cell).
 */
export function toCSVText(rows) {
  const lines = [null];
  const out = [COLUMNS.join(",")];
  rows.forEach((r, i) => {
    if (r.every((c) => c.trim() === "")) return;
    lines.push(i);
    out.push(r.map((c) => field(c.trim())).join(","));
  });
  return { text: `${out.join("\n")}\n`, lines };
}
