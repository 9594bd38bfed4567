// Starts the stand-alone page (also the iframe embed) without an inline
// script, so a strict Content-Security-Policy allows it. The app replaces
// the prerendered start page with the same markup. If WebAssembly cannot
// run here, the prerendered page stays, says why in one sentence, and
// offers the ladder's text (learn.html).
// The glue is imported here, not above: a failed load of it is caught
// below too, so a deep link is never left hidden behind early.js's cover.
const html = document.documentElement;

import("./l5-selfcheck.js")
  .then(({ default: init }) => init({ module_or_path: new URL("./l5-selfcheck_bg.wasm", import.meta.url) }))
  // The app marks the page ready itself once it listens (data-l5-ready).
  .catch((error) => {
    html.setAttribute("data-l5-failed", "");
    html.removeAttribute("data-l5-deep");
    html.removeAttribute("data-l5-opening");
    const blocked = typeof WebAssembly !== "object" || error instanceof WebAssembly.CompileError;
    const page = document.querySelector("#l5-selfcheck .l5-app") || document.getElementById("l5-selfcheck");
    if (!page) return;
    const message = document.createElement("div");
    message.className = "banner warning";
    message.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.textContent = blocked
      ? "The self-check cannot run here: this browser or page does not allow WebAssembly, which it needs."
      : "The self-check could not be loaded; check the connection and reload the page.";
    const link = document.createElement("a");
    link.href = "./learn.html";
    link.className = "button primary";
    link.textContent = "Read what the level means";
    const actions = document.createElement("p");
    actions.append(link);
    message.append(text, actions);
    page.prepend(message);
  });
