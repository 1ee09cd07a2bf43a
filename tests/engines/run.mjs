// The reader checks (checks.mjs) in Firefox ESR, WebKitGTK and Chromium over WebDriver: one
// server, one browser session per engine reused across checks (plus one with JavaScript off
// for the checks that need it), engines one after another (2 cores). Any error the page's
// monitor saw (tests/e2e/monitor.js: window error, unhandledrejection, console.error, CSP
// violations; in Chromium also its console log) fails the check.
//
//   node tests/engines/run.mjs [firefox] [webkit] [chromium] [--only=<part of a check name>]
//
// Prints one line per check, a line per engine (counts, time), and last
// "engines: N passed, N failed, N skipped, N flaky"; exits 1 on any failure. A failed check is
// tried once more; passing then, it counts as passed but is printed FLAKY with the first error.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../e2e/harness.mjs";
import { CHECKS, Skip } from "./checks.mjs";
import { startEngine } from "./drivers.mjs";
import { PAGES, prerenderedPages } from "./pages.mjs";
import { startFront } from "./server.mjs";

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--only="))?.slice(7);
const engines = args.filter((a) => !a.startsWith("--"));
const names = engines.length ? engines : (process.env.TTC_ENGINES || "firefox,webkit,chromium").split(",");

if (!existsSync(path.join(ROOT, "pkg", "trade_target_chart_bg.wasm"))) {
  console.error("pkg/ is not built: run bash .ci/build.sh first");
  process.exit(1);
}
const goldens = new Map();
const golden = (name) => {
  if (!goldens.has(name)) goldens.set(name, readFileSync(path.join(ROOT, "tests", "golden", name), "utf8"));
  return goldens.get(name);
};
const checks = CHECKS.filter((c) => !only || c.name.includes(only));

/** What the page's monitor saw (the top document; frames report to it too), and Chromium's console. */
async function pageErrors(driver, engine) {
  const seen = (await driver.executeScript(() => window.__ttcErrors ?? []).catch((e) => [`could not read the monitor: ${e.message}`])) ?? [];
  if (engine === "chromium") {
    const logs = await driver.manage().logs().get("browser").catch(() => []);
    for (const l of logs) if (l.level.name === "SEVERE") seen.push(`console: ${l.message}`);
  }
  return seen;
}

const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
const started = Date.now();
const front = await startFront({ ...PAGES, ...(await prerenderedPages()) });
try {
  for (const name of names) {
    const t0 = Date.now();
    const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
    const record = (check, outcome, detail, ms) => {
      counts[outcome]++;
      totals[outcome]++;
      if (outcome === "flaky") {
        counts.passed++;
        totals.passed++;
      }
      const tag = { passed: "ok  ", failed: "FAIL", skipped: "skip", flaky: "FLAKY" }[outcome];
      console.log(`  ${tag} ${name.padEnd(8)} ${check.name}${ms === undefined ? "" : ` (${ms} ms)`}${detail ? `\n         ${detail.replace(/\n/g, "\n         ")}` : ""}`);
    };
    let engine;
    try {
      engine = await startEngine(name);
    } catch (e) {
      for (const check of checks) record(check, "failed", `${name} did not start: ${e.message}`);
      continue;
    }
    let version = "?";
    try {
      for (const script of [true, false]) {
        const group = checks.filter((c) => (c.script ?? true) === script);
        if (!group.length) continue;
        let driver;
        try {
          driver = await engine.session({ script });
          const caps = await driver.getCapabilities();
          if (script) version = `${caps.get("browserName")} ${caps.get("browserVersion")}`;
        } catch (e) {
          for (const check of group) record(check, "failed", `no ${name} session: ${e.message}\n${engine.log().slice(-1000)}`);
          continue;
        }
        try {
          const attempt = async (check) => {
            await check.run({ driver, url: front.url, engine: name, golden, requests: front.requests });
            const errors = script ? await pageErrors(driver, name) : [];
            if (errors.length) throw new Error(`the page's error monitor saw:\n${errors.join("\n")}`);
          };
          for (const check of group) {
            const c0 = Date.now();
            try {
              await attempt(check);
              record(check, "passed", "", Date.now() - c0);
            } catch (e) {
              // A failed check may leave the page in any state: the next try starts afresh.
              await driver.get("about:blank").catch(() => {});
              if (e instanceof Skip) {
                record(check, "skipped", e.message);
                continue;
              }
              // Tried once more, so a rare timing failure does not stop CI; it is printed as
              // FLAKY with the first failure and counted in the last line, never hidden.
              try {
                await attempt(check);
                record(check, "flaky", `passed on the second try; the first failed with:\n${e.message}`, Date.now() - c0);
              } catch (again) {
                record(check, "failed", again === e ? e.message : `${again.message}\n(first try: ${e.message})`, Date.now() - c0);
                await driver.get("about:blank").catch(() => {});
              }
            }
          }
        } finally {
          await driver.quit().catch(() => {});
        }
      }
    } finally {
      await engine.stop();
    }
    const s = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${name} (${version}${engine.display ? `, Xvfb ${engine.display}` : ""}): ${counts.passed} passed (${counts.flaky} flaky), ${counts.failed} failed, ${counts.skipped} skipped in ${s} s`);
  }
} finally {
  await front.close();
}
console.log(`engines: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.flaky} flaky (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = totals.failed ? 1 : 0;
