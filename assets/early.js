// Runs before the page is painted (a small classic script in <head>):
// - a deep link or a configured start page hides the prerendered start page
//   until the app shows the right page, so it never flashes in between;
// - a page that names its own content file shows neither the built-in
//   ladder's page nor its title;
// - a link clicked before the app is ready shows that it is on its way;
// - inside an iframe, the page reports its height from the first paint, to
//   the origins named by the "parent-origin" setting only (never to "*"),
//   and again whenever the page's host.js asks (it may start later).
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const deep = () => !/^#?\/?$/.test(location.hash) || query.has("mode") || query.has("section");
  if (deep()) root.setAttribute("data-l5-deep", "");
  // A page that names its own content file: not the built-in ladder's
  // title either (app.css hides its prerendered page).
  if (query.has("content")) root.setAttribute("data-l5-content", "");
  addEventListener("DOMContentLoaded", () => {
    const app = document.getElementById("l5-selfcheck");
    const own = app && (app.hasAttribute("data-content") || (query.has("content") && app.hasAttribute("data-content-from-url")));
    if (own && !root.hasAttribute("data-l5-ready")) document.title = "Self-check";
  });
  addEventListener("hashchange", () => {
    if (!root.hasAttribute("data-l5-ready")) root.setAttribute("data-l5-opening", "");
  });
  const origins = (query.get("parent-origin") || "")
    .split(/[ ,]+/)
    .map((o) => o.replace(/\/$/, ""))
    .filter((o) => /^https?:\/\/[A-Za-z0-9.\-:[\]]+$/.test(o));
  if (window.parent === window || origins.length === 0) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    for (const origin of origins) window.parent.postMessage({ type: "l5-selfcheck:height", height }, origin);
  };
  new ResizeObserver(send).observe(root);
  // A frame below the fold may get no rendering updates at all (browsers
  // throttle offscreen frames from other sites), and then ResizeObserver
  // stays silent: measure at these moments too.
  addEventListener("DOMContentLoaded", send);
  addEventListener("load", send);
  new MutationObserver(send).observe(root, { attributes: true, attributeFilter: ["data-l5-ready"] });
  // The wiki page's host.js asks again if it started after our first report.
  addEventListener("message", (event) => {
    if (event.source !== window.parent || !origins.includes(event.origin)) return;
    if (event.data && event.data.type === "l5-selfcheck:measure") {
      last = -1;
      send();
    }
  });
})();
