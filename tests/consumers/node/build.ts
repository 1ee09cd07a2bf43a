// The build script of render.mjs, as a TypeScript project without the DOM lib would write it
// (tsconfig.json): the package's declarations must type-check there.
import { renderSVG, renderHTML, defaultSpec, parseCSV, setWasmUrl, SpecError, type Spec, type SeriesPoint } from "trade-target-chart";
import { writeFile } from "node:fs/promises";

setWasmUrl(null);
const spec: Spec = { ...(await defaultSpec()), kind: "bars" };
try {
  await writeFile("chart.svg", await renderSVG(spec, { width: 640 }));
  const fragment: string = await renderHTML(spec, { width: 640 });
  await writeFile("chart.html", fragment);
} catch (e) {
  if (e instanceof SpecError) console.error(e.path, e.message);
}
// A sheet published as CSV: its rows as the series, or the CSV in the spec.
try {
  const series: SeriesPoint[] = await parseCSV("year,total\n2020,1\n", "data.csv");
  await renderSVG({ ...spec, series });
  await renderSVG({ title: "From a sheet", csv: "year,total\n2020,1\n" });
} catch (e) {
  if (e instanceof SpecError) console.error(e.path, e.line, e.column, e.message);
}
