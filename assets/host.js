// For the wiki page around an iframe embed: sizes each frame marked
//   <iframe data-l5-selfcheck-frame src="https://tools.example/l5/?parent-origin=https://wiki.example">
// to the height its widget reports, so the page never shows a scroll box.
// A message counts only when it comes from that frame's window and from
// an allowed origin: the frame's own origin, or the space-separated list
// in data-l5-origins. Our own code, public domain in spirit, no tracking.
(() => {
  const MAX_HEIGHT = 100000;
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "l5-selfcheck:height" || typeof data.height !== "number") return;
    for (const frame of document.querySelectorAll("iframe[data-l5-selfcheck-frame]")) {
      if (frame.contentWindow !== event.source) continue;
      const allowed = (frame.getAttribute("data-l5-origins") || new URL(frame.src, location.href).origin).split(" ");
      if (!allowed.includes(event.origin)) return;
      const height = Math.max(0, Math.min(Math.ceil(data.height), MAX_HEIGHT));
      frame.style.height = `${height}px`;
      return;
    }
  });
  // A frame that reported before this script ran (it is loaded with defer,
  // and a fast frame can be first) is asked to report again, now and when
  // it has loaded.
  for (const frame of document.querySelectorAll("iframe[data-l5-selfcheck-frame]")) {
    const ask = () =>
      frame.contentWindow?.postMessage({ type: "l5-selfcheck:measure" }, new URL(frame.src, location.href).origin);
    ask();
    frame.addEventListener("load", ask);
  }
})();
