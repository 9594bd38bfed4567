// Runs before the page is painted (a small classic script in <head>):
// - the prerendered quick check (index.html holds it beside the start
//   page) shows for `#/quick`, answerable before the app runs, to a person
//   with nothing stored yet on the plain page; answers given there are
//   kept (below) until the app takes them in;
// - any other deep link or a configured start page hides the prerendered
//   page until the app shows the right page, so it never flashes in
//   between;
// - a page that names its own content file shows neither the built-in
//   ladder's page nor its title;
// - a link clicked before the app is ready shows that it is on its way;
// - inside an iframe, the page reports its height from the first paint, to
//   the origins named by the "parent-origin" setting only (never to "*"),
//   and again whenever the page's host.js asks (it may start later).
(() => {
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const ready = () => root.hasAttribute("data-l5-ready");

  // Answers before the app. Only the plain page (no settings in its
  // address) is the widget "default" with the built-in ladder, which the
  // prerendered pages are.
  const plain = !["mode", "section", "content", "instance"].some((name) => query.has(name));
  const ladder = root.getAttribute("data-l5-ladder");
  const EARLY = "l5-selfcheck/default/~early";
  let storage = null;
  try {
    storage = window.localStorage;
  } catch {}
  const read = (key) => {
    try {
      return storage && storage.getItem(key);
    } catch {
      return null;
    }
  };
  // The prerendered check shows no answers, so it is offered only where
  // none are stored: otherwise the app shows the page with them.
  const fresh = plain && !!ladder && read(`l5-selfcheck/default/${ladder}`) === null;
  // Answers a visit closed before the app ran left behind: the app takes
  // them in (the engine decides, under the usual merge rules).
  if (plain && read(EARLY)) window.l5EarlyAnswers = read(EARLY);
  const page = (hash) => {
    if (/^#?\/?$/.test(hash)) return "start";
    if (fresh && /^#\/quick(\/[^/]*)?$/.test(hash)) return "quick";
    return null;
  };
  const deep = () => page(location.hash) !== "start" || query.has("mode") || query.has("section");
  if (page(location.hash) === "quick") root.setAttribute("data-l5-show", "quick");
  else if (deep()) root.setAttribute("data-l5-deep", "");

  // A choice on a prerendered page: kept in the stored answers' format,
  // with the time it was made, in memory and (where storage allows) under
  // a key of its own, so closing the page before the app runs loses none.
  const keep = (event) => {
    const input = event.target;
    if (ready() || !fresh || !(input instanceof Element) || !input.closest(".prerendered")) return;
    const radio = input.type === "radio";
    const base = radio ? input.name : input.id.replace(/-note$/, "");
    if (!base.startsWith("default-") || (!radio && input.localName !== "textarea")) return;
    let kept;
    try {
      kept = JSON.parse(window.l5EarlyAnswers || "null");
    } catch {}
    if (!kept || kept.ladder !== ladder || typeof kept.answers !== "object") kept = { ladder, answers: {} };
    const id = base.slice("default-".length);
    const answer = kept.answers[id] || {};
    const now = Date.now();
    if (radio) {
      const choice = input.id.slice(base.length + 1);
      answer.rating = /^\d+$/.test(choice) ? Number(choice) : choice === "role" ? "not-my-role" : "unsure";
      answer.changed_at = now;
    } else {
      answer.note = input.value;
      answer.note_changed_at = now;
      answer.changed_at = answer.changed_at || now;
    }
    kept.answers[id] = answer;
    window.l5EarlyAnswers = JSON.stringify(kept);
    try {
      storage && storage.setItem(EARLY, window.l5EarlyAnswers);
    } catch {}
  };
  document.addEventListener("change", keep);
  document.addEventListener("input", keep);

  // A page that names its own content file: not the built-in ladder's
  // title either (app.css hides its prerendered page).
  if (query.has("content")) root.setAttribute("data-l5-content", "");
  addEventListener("DOMContentLoaded", () => {
    const app = document.getElementById("l5-selfcheck");
    const own = app && (app.hasAttribute("data-content") || (query.has("content") && app.hasAttribute("data-content-from-url")));
    if (own && !ready()) document.title = "Self-check";
  });
  addEventListener("hashchange", () => {
    if (ready()) return;
    const next = plain ? page(location.hash) : null;
    if (!next) return root.setAttribute("data-l5-opening", "");
    // The start page's button opens the prerendered quick check at once.
    root.setAttribute("data-l5-show", next);
    root.removeAttribute("data-l5-deep");
    root.removeAttribute("data-l5-opening");
    const heading = document.querySelector(`.prerendered[data-l5-page="${next}"] h1`);
    if (heading) heading.focus();
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
