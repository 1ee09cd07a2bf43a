// SpecError on its own, so the element script can tell a bad spec from a failed load
// without importing the engine (index.js re-exports this very class).

/**
 * A spec the chart cannot draw: `path` says where (e.g. "series[3].value"; "" for the
 * spec as a whole), `message` says what is wrong, prefixed with the path.
 */
export class SpecError extends Error {
  constructor(path, message, options) {
    const p = typeof path === "string" ? path : "";
    super(p ? `${p}: ${message}` : String(message), options);
    this.name = "SpecError";
    this.path = p;
  }
}
