// The try page (try.html): a team checks its own content file before a
// page uses it. The checking is the app's own (the same code that reads a
// file on a page), through two exports of the wasm: check_ladder lists
// every problem and warning with its place, mount_preview shows the
// self-check in the file's words with answers kept in memory only. Text
// from the file is only ever set as text.
import init, { check_ladder, mount_preview } from "./l5-selfcheck.js";

const $ = (id) => document.getElementById(id);
const text = $("try-text");
const summary = $("try-summary");
const lists = $("try-lists");
const section = $("try-preview-section");

// The built-in ladder, to tell a copy that kept its id.
const ready = init({ module_or_path: new URL("./l5-selfcheck_bg.wasm", import.meta.url) }).then(() =>
  fetch(new URL("./ladder.json", import.meta.url))
    .then((response) => (response.ok ? response.text() : ""))
    .catch(() => ""),
);
ready.catch(() => {
  summary.textContent = "The checker could not be loaded here: this browser or page does not allow WebAssembly, or the files did not load.";
});

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function list(title, items, kind) {
  if (!items.length) return;
  const heading = document.createElement("h2");
  heading.textContent = title;
  const ol = document.createElement("ol");
  ol.className = `report ${kind}`;
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = item;
    ol.append(li);
  }
  lists.append(heading, ol);
}

async function check() {
  const builtIn = await ready;
  // The checks are their own file, fetched the first time (see parts.rs).
  const report = await check_ladder(text.value, builtIn);
  if (report === undefined) {
    summary.textContent = "The checker's code did not arrive (offline, or blocked on the way). Try again.";
    return;
  }
  const { problems, warnings } = JSON.parse(report);
  lists.replaceChildren();
  summary.textContent = problems.length
    ? `${plural(problems.length, "problem", "problems")}: the file cannot be used until they are fixed.`
    : warnings.length
      ? `No problems; ${plural(warnings.length, "warning", "warnings")} worth a look. The preview is below.`
      : "No problems and no warnings: the file is ready. The preview is below.";
  list("Problems", problems, "problems");
  list("Warnings", warnings, "warnings");
  section.hidden = problems.length > 0;
  if (!problems.length) {
    // A fresh element each time: the previous preview goes with its own.
    const fresh = document.createElement("div");
    fresh.id = "try-preview";
    $("try-preview").replaceWith(fresh);
    mount_preview(fresh, text.value);
  }
}

async function load(file) {
  if (!file) return;
  text.value = await file.text();
  check();
}

$("try-check").addEventListener("click", check);
$("try-file").addEventListener("change", (event) => load(event.target.files[0]));
const drop = $("try-drop");
drop.addEventListener("dragover", (event) => event.preventDefault());
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  load(event.dataTransfer.files[0]);
});
