// Writes www/static.html: the default chart pre-rendered to fit every column into the page template.
// `node www/build-static.mjs` (a test checks the file is what this writes). The build step a
// news site runs is the same few lines (README, "Static first").
import { readFile, writeFile } from "node:fs/promises";
import { renderHTML } from "../src/js/index.js";

export async function staticPage() {
  const template = await readFile(new URL("static.template.html", import.meta.url), "utf8");
  const chart = await renderHTML({}); // {} = the default chart; no width: fits every column
  // split/join, not replace(): a replacement string reads "$&", "$'" and "$$" as patterns,
  // and any spec with a "$" in its texts (most) has them in its spec attribute.
  return template.split("<!-- chart -->").join(chart.trimEnd());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(new URL("static.html", import.meta.url), await staticPage());
}
