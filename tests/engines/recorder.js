// Put in front of every page by the journey server (before the page's own policy), in every
// engine alike: reports CSP violations, uncaught errors and console.error calls to the server,
// which keeps them across page loads for the test to read.
(() => {
  "use strict";
  const report = (kind, text) => navigator.sendBeacon(
    "/__journey/problem", `${kind}: ${text} (on ${location.pathname})`);
  document.addEventListener("securitypolicyviolation", (e) => report(
    "CSP violation", `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`),
  true);
  window.addEventListener("error", (e) => report(
    "error", e.message || `could not load ${e.target && (e.target.src || e.target.href)}`), true);
  window.addEventListener("unhandledrejection", (e) => report("unhandled rejection", String(e.reason)));
  const consoleError = console.error;
  console.error = (...args) => {
    report("console.error", args.map(String).join(" "));
    consoleError.apply(console, args);
  };
})();
