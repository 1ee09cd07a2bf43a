// The build script of render.mjs, as a TypeScript project without the DOM lib would write it
// (tsconfig.json): the package's declarations must type-check there.
import { renderSVG, renderHTML, defaultSpec, setWasmUrl, SpecError, type Spec } from "trade-target-chart";
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
