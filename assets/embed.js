// Script embed: mounts L5 Self-Check into every placeholder on the page,
//   <script type="module" src="/tools/l5/embed.js"></script>
//   <div data-l5-selfcheck data-instance="team-a" data-mode="quick"></div>
// Each widget lives in its own shadow root: the page's CSS cannot reach
// it and its CSS cannot leak out. Settings are the placeholder's data-*
// attributes (docs/embedding.md); only the settings a script embed has are
// copied, so a script embed never reads the page's address.
const base = new URL(".", import.meta.url);
const ladder = new URL("ladder.json", base).href;
const SETTINGS = ["mode", "section", "theme", "content", "instance", "compact"];

// Where the app cannot run, each widget shows its ladder's text instead.
let mount;
try {
  const glue = await import("./l5-selfcheck.js");
  await glue.default({ module_or_path: new URL("l5-selfcheck_bg.wasm", base) });
  mount = (root) => glue.mount_embed(root, ladder);
} catch (error) {
  const blocked = typeof WebAssembly !== "object" || error instanceof WebAssembly.CompileError;
  const { showFallback } = await import("./fallback.js");
  mount = (root) => showFallback(root, ladder, blocked);
}

let count = 0;
for (const host of document.querySelectorAll("[data-l5-selfcheck]")) {
  if (host.shadowRoot) continue;
  count += 1;
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("app.css", base).href;
  const root = document.createElement("div");
  for (const name of SETTINGS) {
    const value = host.getAttribute(`data-${name}`);
    if (value !== null) root.setAttribute(`data-${name}`, value);
  }
  // Without a name, widgets would share answers; number them by order.
  if (!root.hasAttribute("data-instance")) root.setAttribute("data-instance", `embed-${count}`);
  shadow.append(style, root);
  mount(root);
}
