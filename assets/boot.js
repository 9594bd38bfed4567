// Loads the app without an inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it.
import init from "./l5-selfcheck.js";

init({ module_or_path: new URL("./l5-selfcheck_bg.wasm", import.meta.url) }).catch((error) => {
  const root = document.getElementById("l5-selfcheck");
  if (root) {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = "The self-check could not start in this browser: " + error;
    root.append(message);
  }
});
