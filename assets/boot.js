// Starts the stand-alone page (also the iframe embed) without an inline
// script, so a strict Content-Security-Policy allows it, and, inside an
// iframe, tells the parent page the content height so it can size the
// frame. Messages go only to the origins named by the "parent-origin"
// setting, never to "*".
import init from "./l5-selfcheck.js";

const root = document.getElementById("l5-selfcheck");

init({ module_or_path: new URL("./l5-selfcheck_bg.wasm", import.meta.url) })
  .then(() => {
    const origins = (root?.getAttribute("data-l5-parent-origins") || "").split(" ").filter(Boolean);
    if (!root || window.parent === window || origins.length === 0) return;
    let last = -1;
    const send = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      for (const origin of origins) {
        window.parent.postMessage({ type: "l5-selfcheck:height", height }, origin);
      }
    };
    new ResizeObserver(send).observe(root);
    send();
  })
  .catch((error) => {
    if (!root) return;
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = "The self-check could not start in this browser: " + error;
    root.append(message);
  });
