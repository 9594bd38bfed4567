// Loads host.js only once the frame has painted (and so has already sent
// its first height, which nobody heard), as a slow wiki page might.
const frame = document.querySelector("iframe[data-l5-selfcheck-frame]");
frame.addEventListener("load", () => {
  setTimeout(() => {
    const script = document.createElement("script");
    script.src = "/tools/l5/host.js";
    document.head.append(script);
  }, 300);
});
