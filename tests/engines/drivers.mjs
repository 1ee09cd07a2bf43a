// The three engines through their WebDriver servers, started here and stopped after: Debian's
// Firefox ESR with geckodriver (crates.io), WebKitGTK's MiniBrowser with WebKitWebDriver under
// its own Xvfb display, Chromium with chromedriver. selenium-webdriver talks to the server
// we started (usingServer), so Selenium Manager never runs and nothing is downloaded.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, readdirSync } from "node:fs";
import { Builder } from "selenium-webdriver";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";

const cargoBin = (name) => `${process.env.HOME}/.cargo/bin/${name}`;
const which = (name) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

// WebKitGTK's browser, shipped in libwebkit2gtk-4.1-0 (which webkit2gtk-driver pulls in),
// under the architecture's library directory.
const MINIBROWSER =
  process.env.MINIBROWSER ||
  readdirSync("/usr/lib")
    .map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`)
    .find(existsSync);

/** Window size asked of every engine (each gives roughly this; checks size their own columns). */
const WINDOW = { width: 1024, height: 900 };

/**
 * The engines: how to start each one's driver and what to ask it for. `script: false` asks
 * for a browser with JavaScript off.
 */
export const ENGINES = {
  firefox: {
    driver: () => process.env.GECKODRIVER || (existsSync(cargoBin("geckodriver")) ? cargoBin("geckodriver") : which("geckodriver")),
    // --websocket-port 0: parallel runs would all take BiDi's default 9222.
    args: (port) => [`--port=${port}`, "--websocket-port=0"],
    capabilities: ({ script = true } = {}) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX || "/usr/bin/firefox-esr",
        args: ["-headless", `--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
        prefs: { "javascript.enabled": script, "browser.shell.checkDefaultBrowser": false },
      },
    }),
  },
  webkit: {
    driver: () => process.env.WEBKITWEBDRIVER || which("WebKitWebDriver"),
    args: (port) => [`--port=${port}`],
    display: true,
    capabilities: ({ script = true } = {}) => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: MINIBROWSER,
        args: ["--automation", ...(script ? [] : ["--enable-javascript-markup=false"])],
      },
    }),
  },
  chromium: {
    driver: () => process.env.CHROMEDRIVER || which("chromedriver") || "/usr/bin/chromedriver",
    args: (port) => [`--port=${port}`],
    capabilities: ({ script = true } = {}) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: CHROMIUM,
        args: [...CHROMIUM_ARGS, `--window-size=${WINDOW.width},${WINDOW.height}`, ...(script ? [] : ["--blink-settings=scriptEnabled=false"])],
      },
      "goog:loggingPrefs": { browser: "ALL" },
    }),
  },
};

/** A free TCP port on 127.0.0.1 (asked of the OS, then released for the driver to take). */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide. */
async function startXvfb() {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let err = "";
  xvfb.stderr.on("data", (d) => (err += d));
  const display = await new Promise((ok, fail) => {
    let out = "";
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) ok(`:${out.trim()}`);
    });
    xvfb.once("exit", (code) => fail(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
    setTimeout(() => fail(new Error(`Xvfb gave no display in 10 s: ${err.trim()}`)), 10_000);
  });
  return { display, stop: () => stop(xvfb) };
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      ok();
    });
    child.kill("SIGTERM");
  });
}

/** Waits until the driver answers /status. */
async function waitForDriver(url, child, log) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`driver exited (${child.exitCode}): ${log().slice(-500)}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`driver did not answer in 20 s: ${log().slice(-500)}`);
}

/**
 * Starts `name`'s driver (and its display). Returns { session(options), stop() }: session
 * opens a browser (options.script = false for JavaScript off), to be quit by the caller.
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const binary = engine.driver();
  if (!binary || !existsSync(binary)) throw new Error(`${name}: no WebDriver server found (run bash .ci/setup.sh --test)`);
  if (name === "webkit" && !MINIBROWSER) throw new Error("webkit: MiniBrowser not found (apt-get install webkit2gtk-driver)");
  const xvfb = engine.display ? await startXvfb() : null;
  const port = await freePort();
  const env = { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) };
  const child = spawn(binary, engine.args(port), { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr.on("data", (d) => (log = (log + d).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(url, child, () => log);
  } catch (e) {
    await stop(child);
    await xvfb?.stop();
    throw e;
  }
  return {
    display: xvfb?.display,
    log: () => log,
    async session(options = {}) {
      const driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities(options)).build();
      await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
      return driver;
    },
    async stop() {
      await stop(child);
      await xvfb?.stop();
    },
  };
}
