// The builder's pictures for the README: node tests/e2e/builder-shots.mjs
// Writes www/builder-1280.png (the first screen, the China–Russia chart as the draft) and
// www/builder-360.png (a phone: a block pasted from a Russian sheet, its bad cell marked).
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";

const NBSP = "\u00a0";
const PASTED = `Год\tТоварооборот, млн долл.\n2021\t146${NBSP}887,4\n2022\t190${NBSP}271,1\n2023\t240${NBSP}110,0\n2024\tн/д\n`;

const env = await setup();
try {
  const wide = await env.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await wide.goto(`${env.url}/`);
  await wide.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  await wide.screenshot({ path: path.join(ROOT, "www", "builder-1280.png") });

  const phone = await env.newPage({ viewport: { width: 360, height: 800 }, colorScheme: "light" });
  await phone.goto(`${env.url}/`);
  await phone.waitForSelector("html[data-ready=true]", { timeout: 20_000 });
  await phone.click("#start-empty");
  await phone.fill("#paste", PASTED);
  await phone.waitForSelector("#data-table td.bad .cell-reason");
  await phone.locator("#data-heading").scrollIntoViewIfNeeded();
  await phone.evaluate(() => document.getElementById("data-heading").scrollIntoView());
  await phone.screenshot({ path: path.join(ROOT, "www", "builder-360.png") });
  for (const p of [wide, phone]) if (p.errors.length) console.warn(p.errors.join("\n"));
} finally {
  await env.close();
}
