// Starts the stand-alone page (also the iframe embed) without an inline
// script, so a strict Content-Security-Policy allows it. The app replaces
// the prerendered start page with the same markup; it reads the ladder
// from ladder.json beside it (fetched while the wasm loads; index.html
// preloads it) unless the page names another content file. If the app
// cannot run here, the page says why and shows the ladder's text instead
// (fallback.js).
const html = document.documentElement;
const ladder = new URL("./ladder.json", import.meta.url).href;

// The glue is imported here, not above: a failed load of it is caught
// below too, so a deep link is never left hidden behind early.js's cover.
import("./l5-selfcheck.js")
  .then(async (glue) => {
    await glue.default({ module_or_path: new URL("./l5-selfcheck_bg.wasm", import.meta.url) });
    // The app marks the page ready itself once it listens (data-l5-ready).
    glue.start_page(ladder);
  })
  .catch((error) => {
    html.setAttribute("data-l5-failed", "");
    html.removeAttribute("data-l5-deep");
    html.removeAttribute("data-l5-opening");
    const root = document.getElementById("l5-selfcheck");
    const blocked = typeof WebAssembly !== "object" || error instanceof WebAssembly.CompileError;
    if (root) import("./fallback.js").then(({ showFallback }) => showFallback(root, ladder, blocked));
  });
