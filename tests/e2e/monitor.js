// What a page's error monitor sees (window error and unhandledrejection events,
// console.error, CSP violations), installed before the page's scripts (tests only: the
// Playwright harness adds it as an init script, the cross-engine runner's server injects
// it into every page). Each event is reported through window.__ttcMonitor (a Playwright
// binding) when there is one, and always kept in window.__ttcErrors, which a WebDriver
// test reads (a frame also reports to its parent's list, if the parent is same-origin).
(() => {
  const seen = (window.__ttcErrors = window.__ttcErrors || []);
  const report = (text) => {
    seen.push(text);
    try {
      if (window.parent !== window && window.parent.__ttcErrors) window.parent.__ttcErrors.push(`frame ${location.pathname}: ${text}`);
    } catch {
      // A cross-origin parent: the frame's own list still has it.
    }
    if (typeof window.__ttcMonitor === "function") window.__ttcMonitor(text).catch?.(() => {});
  };
  window.addEventListener(
    "error",
    (e) => {
      const t = e.target;
      if (t && t !== window && t.nodeType === 1) {
        report(`error: failed to load <${t.localName}> ${t.src || t.href || ""}`);
      } else {
        report(`error: ${e.message || (e.error && e.error.message) || e.error}`);
      }
    },
    true,
  );
  window.addEventListener("unhandledrejection", (e) => {
    const r = e.reason;
    report(`unhandledrejection: ${(r && r.message) || r}`);
  });
  // Monitors hook console.error too, and report CSP violations (composed: ones raised in a
  // shadow root reach the document).
  const consoleError = console.error;
  console.error = function (...args) {
    report(`console.error: ${args.map(String).join(" ")}`);
    return consoleError.apply(this, args);
  };
  document.addEventListener("securitypolicyviolation", (e) => {
    report(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
})();
