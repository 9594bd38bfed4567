// Where the app cannot run (WebAssembly blocked by policy, or its files did
// not load): the widget says why in one sentence and shows the text of its
// ladder instead: what each part of the level means, in practice, and ways
// to grow. The ladder is the page's own content file, or the built-in one,
// so a team's page never shows another ladder's words. Text only, set with
// textContent: nothing in the file is read as markup.
export async function showFallback(root, builtIn, blocked) {
  const query = new URLSearchParams(location.search).get("content");
  const named = root.getAttribute("data-content") || (root.hasAttribute("data-content-from-url") && query) || "";
  const make = (tag, text, cls) => {
    const el = document.createElement(tag);
    if (text) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  };
  const page = make("div", "", "l5-app fallback");
  const banner = make("div", "", "banner warning");
  banner.setAttribute("role", "alert");
  banner.append(
    make("p", blocked
      ? "The self-check cannot run here: this browser or page does not allow WebAssembly, which it needs. What the level asks is below."
      : "The self-check could not be loaded; check the connection and reload the page. What the level asks is below."),
  );
  page.append(banner);
  root.replaceChildren(page);
  let ladder;
  try {
    const response = await fetch(new URL(named || builtIn, location.href), { cache: named ? "no-cache" : "default" });
    ladder = await response.json();
  } catch {
    banner.append(make("p", "The text of the level could not be loaded either."));
    return;
  }
  const text = (value) => (typeof value === "string" ? value : "");
  const list = (items, title) => {
    if (!Array.isArray(items) || items.length === 0) return [];
    const ul = make("ul");
    for (const item of items) ul.append(make("li", text(item)));
    return [make("h3", title), ul];
  };
  const main = make("main");
  main.append(make("h1", `What ${text(ladder.title)} means`));
  if (ladder.about) main.append(make("p", text(ladder.about), "lead"));
  for (const section of Array.isArray(ladder.sections) ? ladder.sections : []) {
    const card = make("section", "", "card");
    card.append(make("h2", text(section.title)), make("p", text(section.summary)));
    card.append(...list(section.in_practice, "In practice"), ...list(section.growth, "Ways to grow"));
    main.append(card);
  }
  page.append(main);
  if (ladder.title) document.title = `What ${text(ladder.title)} means`;
}
