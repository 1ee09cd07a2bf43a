// Type declarations for trade-target-chart/element (js/element.js).
//
//   import "trade-target-chart/element";   // registers <trade-target-chart> (once per page)
//
// Attributes: `spec` (the spec as JSON text), `src` (a URL of the spec as JSON, or of CSV data
// when it is served as text/csv or ends in .csv), and
// `loading`: "lazy" (draw when the element comes near the viewport; the default), "eager" (at
// once), "idle" (when the page is idle, or on the reader's first intent if sooner) or
// "interaction" (on the reader's first intent: pointer entering, focus, touch).
// A pre-rendered chart (renderHTML, the CLI's --html: a declarative shadow root and a
// `rendered="WxH"` attribute) is shown at first paint without any script and taken over in
// place; its `loading` defaults to "interaction".
// Without them, a child <script type="application/json"> holds the spec and a child
// <script type="text/csv"> the data (its rows are the series; the JSON child's spec lays over
// CSV data from either place); with nothing, the
// default chart is drawn. A child with slot="fallback" (an <img>, <picture> or <svg>) is shown
// instead if the chart cannot be loaded.
//
// Events (bubbling): "ttc:render" after each draw; "ttc:error" with detail.error (a SpecError
// for a bad spec, which the element shows as an error box, or the load error).
import type { ChartHandle } from "./index.js";

export class TradeTargetChartElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The mounted chart (update, toSVG), or null before it is drawn or after an error. */
  readonly chart: ChartHandle | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "trade-target-chart": TradeTargetChartElement;
  }
}
