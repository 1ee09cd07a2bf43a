// Type declarations for trade-target-chart (the ESM entry js/index.js).
//
//   import { mount, renderSVG, renderHTML, defaultSpec, parseCSV, SpecError } from "trade-target-chart";
//
// renderSVG, renderHTML, defaultSpec, parseCSV, ready, setWasmUrl and SpecError need no DOM: they work in browsers,
// Web Workers, Node ≥ 20, Deno and Bun. mount needs an element in a page. These declarations
// type-check without the DOM lib too (a Node project's tsconfig).
//
// Every spec field is optional: `{}` (or no spec at all) draws the default chart,
// China–Russia goods trade against the $200B target. A spec without `series` is laid
// over the built-in chart (change the title, the kind, …); a spec with `series` stands
// alone (no built-in target, milestones or source leak into it). Unknown keys are
// rejected; JSON `null` counts as a missing key.

/** One year of the series. */
export interface SeriesPoint {
  /** The calendar year, e.g. 2024. */
  year: number;
  /** The total for the year, in the chart's unit (US$ billions by default). */
  value: number;
  /** Exports (the first country's exports to the second), same unit; optional. */
  exports?: number;
  /** Imports (the first country's imports from the second), same unit; optional. */
  imports?: number;
  /** True when the value is derived or approximate: drawn as a hollow point and footnoted. */
  estimate?: boolean;
  /** True when the exports/imports split is derived, not reported (needs both): the breakdown outlines the parts, the tooltip says so. */
  splitEstimate?: boolean;
  /** A short note about this year's figure (where it was reported, how it was derived); at most 500 characters. */
  note?: string;
}

/** The goal the series is measured against, drawn as a dashed line. */
export interface Target {
  /** The target value, in the chart's unit (e.g. 200 for $200B). */
  value: number;
  /** The year the target is due (e.g. 2024). */
  year: number;
  /** The label at the right end of the target line, e.g. "$200B target (2024)". */
  label?: string;
  /** The year the target was set (e.g. 2018); used in the readout and notes. */
  set?: number;
}

/** A dated event marked on the series with a short label. */
export interface Milestone {
  /** The year the event falls in. */
  year: number;
  /** The short label shown beside the marker (or numbered under the chart at narrow widths). */
  label: string;
}

/** Where the data comes from, printed under the chart. */
export interface Source {
  /** The source line, e.g. "China's General Administration of Customs". */
  text: string;
  /** A link to the source; only http:// and https:// URLs are accepted. */
  url?: string;
}

/** How values are written. */
export interface Unit {
  /** Written before a value, e.g. "$" (at most 12 characters). */
  prefix?: string;
  /** Written after a value, e.g. "B" (at most 12 characters). */
  suffix?: string;
  /** The unit in words for the subtitle, e.g. "Yearly goods trade, US$ billions". */
  label?: string;
}

/**
 * A chart description. Every key is optional; unknown keys are rejected with a SpecError.
 * Without `series`, the spec's fields are laid over the built-in China–Russia chart;
 * with `series`, only what the spec gives is drawn. Texts are at most 500 characters.
 */
export interface Spec {
  /** The headline above the chart; says the finding. Default (without `series`): the built-in title. */
  title?: string;
  /** The line under the title: the unit and the number that matters. Default: a readout computed from the data. */
  subtitle?: string;
  /** The yearly values (at most 10,000 points; years 1900–2200). Default: the built-in China–Russia data. */
  series?: SeriesPoint[];
  /**
   * CSV text whose rows become `series` (give one or the other): a header line naming the
   * columns in any order, `year` and `total` (or `value`) required, `exports`, `imports`,
   * `estimate` (yes/true/1 or empty), `splitEstimate` and `note` optional; quoted fields,
   * CRLF and a byte order mark are read. What `toCSV()` writes reads back. Errors name the
   * line and column: "csv line 7, column total: expected a number, found \"n/a\"".
   */
  csv?: string;
  /** The goal to draw. Default (without `series`): $200B by 2024, set in 2018. */
  target?: Target;
  /** Events to mark on the series (at most 20). Default (without `series`): the built-in milestones. */
  milestones?: Milestone[];
  /** The source line under the chart. Default (without `series`): China's General Administration of Customs. */
  source?: Source;
  /** How values are written. Default (without `series`): prefix "$", suffix "B", label "Yearly goods trade, US$ billions". */
  unit?: Unit;
  /** A line (default), bars, or stacked bars of exports and imports ("breakdown"). */
  kind?: "line" | "bars" | "breakdown";
  /** Draw with SVG elements (default) or onto a canvas (sharp at any devicePixelRatio). */
  renderer?: "svg" | "canvas";
  /** A fixed height in CSS pixels (160–2000); by default the height follows the width within bounds. */
  height?: number;
  /** Colours: "auto" (default) follows the reader's prefers-color-scheme, live. */
  theme?: "auto" | "light" | "dark";
  /** The language of every word the chart writes, and its number format. Default: the host's `lang`, else "en". */
  locale?: "en" | "ru" | "zh";
  /** "YYYY-MM-DD": draw the chart as a reader saw it that day, with the pace the target then needed. */
  asOf?: string;
  /** With `asOf`: also draw what happened afterwards, faintly. */
  reveal?: boolean;
  /** Names for the breakdown's parts. Default (without `series`): "China's exports to Russia", "China's imports from Russia". */
  parts?: { exports?: string; imports?: string };
  /** Show "Source", "Get the data" and "Download image" links under the chart (default true). */
  links?: boolean;
}

/** What a spec argument may be: an object, its JSON text, or nothing (the default chart). */
export type SpecInput = Spec | string | null | undefined;

/**
 * A spec the chart cannot draw. `message` is `"<path>: <what is wrong>"`, or just the
 * explanation when `path` is "" (the spec as a whole, or JSON that does not parse).
 */
export class SpecError extends Error {
  constructor(path: string, message: string, options?: ErrorOptions & { line?: number; column?: string });
  readonly name: "SpecError";
  /**
   * Where the problem is, as a JSON path like "series[3].value"; "" for the whole spec. For an
   * error in CSV text: "csv" (the spec's key) or the file's name given to {@link parseCSV}.
   */
  readonly path: string;
  /** For an error in CSV text: the file's line (1-based; the header is line 1). */
  readonly line?: number;
  /** For an error in one CSV cell: its column, as the header names it (e.g. "total"). */
  readonly column?: string;
}

/**
 * The DOM's HTMLElement when the project has the DOM lib; without it (Node, Deno, Bun
 * projects) a stand-in, so that these declarations still type-check there.
 */
type ChartElement = typeof globalThis extends { HTMLElement: { prototype: infer E } } ? E : { readonly nodeType: number };

/** A mounted chart. */
export interface ChartHandle {
  /** The element the chart was mounted into. */
  readonly element: ChartElement;
  /**
   * Redraws with a new spec, synchronously. On a bad spec it throws a SpecError and
   * leaves the chart drawn as it was.
   * @throws {SpecError}
   */
  update(spec?: SpecInput): void;
  /** The chart as currently drawn, as SVG text (also when drawn on a canvas). */
  toSVG(): string;
  /** The chart as currently drawn, as a PNG image; `scale` = pixels per CSS pixel (default 2). */
  toPNG(options?: { scale?: number }): Promise<Blob>;
  /** The data drawn, as CSV text: `year,total,exports,imports,estimate,note`. */
  toCSV(): string;
  /** Shows the tooltip for the `index`-th drawn year, as the arrow keys do. */
  showTooltip(index: number): void;
  /**
   * Stops following the element's size, empties the element and frees the chart's memory.
   * Calling it again does nothing; calling update/toSVG afterwards throws.
   */
  destroy(): void;
}

/** Options for renderSVG. */
export interface RenderOptions {
  /** The width in pixels. Default 640. */
  width?: number;
  /** The height in pixels. Default: the spec's height, else one that follows the width. */
  height?: number;
}

/**
 * Draws a chart into `element`, following the element's width as it changes.
 * Loads the WebAssembly module first if needed (once per page).
 *
 * Rejects with a {@link SpecError} on a bad spec (the element then shows an error box),
 * or with the load error if the WebAssembly module could not be loaded (the element then
 * shows a short message). Mounting again into the same element destroys the chart
 * that was there. Needs a DOM: without an element (in Node, a worker) it rejects with a
 * TypeError; use {@link renderSVG} there.
 */
export function mount(element: ChartElement, spec?: SpecInput): Promise<ChartHandle>;

/**
 * Renders a spec to SVG text without touching the page: in a browser, a Web Worker, Node,
 * Deno or Bun, the same bytes as the native CLI for that width. Loads the WebAssembly module
 * first if needed. Rejects with a {@link SpecError} on a bad spec.
 */
export function renderSVG(spec?: SpecInput, options?: RenderOptions): Promise<string>;

/**
 * Renders a spec to a pre-rendered HTML fragment, paste-ready: a `<trade-target-chart>`
 * element whose declarative shadow root holds the SVG (with its title and description), the
 * Source link and the data table (in a `<details>`), with the spec in its `spec` attribute.
 * Readers see it with JavaScript off.
 *
 * With no `width` (the default) the fragment fits every column: one layout per width band
 * (280–1000 px) chosen by container queries in one fixed `<style>` (allow it under a strict
 * CSP by the `'sha256-…'` source the README publishes), dark for a dark-mode reader when the
 * theme is "auto", and the element script answers its tooltips, touch and keyboard from what
 * the fragment holds, with no wasm. With a `width`, one layout at that width, no `<style>`,
 * which the element script takes over on the reader's first intent (`loading="interaction"`,
 * the default), when the page is idle (`loading="idle"`) or at once (`loading="eager"`);
 * `height` needs a `width`. The same bytes as the native CLI's `render --html` with the same
 * options. Rejects with a {@link SpecError} on a bad spec.
 */
export function renderHTML(spec?: SpecInput, options?: RenderOptions): Promise<string>;

/**
 * Takes over a chart pre-rendered by {@link renderHTML}: `element` is the `.box` in the
 * fragment's shadow root, `width` × `height` its `rendered` size. What <trade-target-chart>
 * calls; a page using the element never needs it.
 */
export function hydrate(element: ChartElement, spec: SpecInput, size: { width: number; height: number }): Promise<ChartHandle>;

/**
 * Reads CSV text with the widget's columns (see {@link Spec.csv}) into series points, in the
 * file's order, with the core's reader: the one the spec's `csv` key, `<trade-target-chart
 * src="data.csv">` and the CLI use. Rejects with a {@link SpecError} whose message names
 * `name` (default "csv"), the line and the column, e.g.
 * `data.csv line 7, column total: expected a number, found "n/a"`, and which carries `line`
 * and `column`. Every check the chart makes on a series is made (whole years 1900–2200, no
 * year twice, values 0–1e15, notes ≤ 500 characters). `chart.toCSV()` reads back to the
 * same series.
 */
export function parseCSV(text: string, name?: string): Promise<SeriesPoint[]>;

/**
 * The default spec: the built-in China–Russia data, target, milestones and texts, as a
 * fresh plain object (a good starting point to edit). It comes from the WebAssembly
 * module, so this loads the module if it is not loaded yet.
 */
export function defaultSpec(): Promise<Spec>;

/**
 * Starts loading the WebAssembly module (once per page or process) and resolves when it is ready.
 * Optional: mount, renderSVG and defaultSpec load it themselves. A failed load is
 * retried by the next call.
 */
export function ready(): Promise<void>;

/**
 * Loads the WebAssembly binary from `url` instead of `../../pkg/trade_target_chart_bg.wasm`
 * next to this module (e.g. a CDN copy). http(s) URLs are fetched (streaming compilation);
 * file: URLs are read from disk in Node, Deno and Bun (the default there). Must be called
 * before anything starts loading it; throws otherwise (a failed load does not count).
 * `null` restores the default.
 */
export function setWasmUrl(url: string | URL | null): void;
