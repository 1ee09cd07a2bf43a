// SpecError on its own, so the element script can tell a bad spec from a failed load
// without importing the engine (index.js re-exports this very class).

/**
 * A spec the chart cannot draw: `path` says where (e.g. "series[3].value"; "" for the
 * spec as a whole), `message` says what is wrong, prefixed with the path.
 */
export class SpecError extends Error {
  constructor(path, message, options) {
    const p = typeof path === "string" ? path : "";
    // An error in CSV text also names the file's line and the column (the core's
    // SpecError Display: "data.csv line 7, column total: expected a number, …").
    const line = Number.isInteger(options?.line) ? options.line : undefined;
    const column = typeof options?.column === "string" ? options.column : undefined;
    const where = p + (line ? ` line ${line}` : "") + (column ? `, column ${column}` : "");
    super(where ? `${where}: ${message}` : String(message), options);
    this.name = "SpecError";
    this.path = p;
    if (line) this.line = line;
    if (column) this.column = column;
  }
}
