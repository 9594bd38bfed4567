// Loads host.js late, as a slow wiki page might: by then the frame has
// painted and sent its first height, which nobody heard.
setTimeout(() => {
  const script = document.createElement("script");
  script.src = "/tools/l5/host.js";
  document.head.append(script);
}, 1500);
