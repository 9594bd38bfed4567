import { defineConfig } from "@playwright/test";
import { CSP, WIDGET_PORT, WIKI_PORT } from "./servers";

// The release build in ../../dist, served the way a wiki would serve it:
// plain static files. ./dev test builds it before running these tests.
const port = Number(process.env.L5_E2E_PORT ?? 4173);


export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium; tools' own browser downloads fail on this network.
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // The release build as a wiki would serve it: plain static files, plus
      // same-origin test files (the example ladder and broken fixtures).
      command: `python3 ../static_server.py --port ${port} --dir ../../dist --mount /ladders/=../../assets/ladders --mount /fixtures/=fixtures --mount /teams/=teams`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The same build under a sub-path, with the strict CSP header, and
      // embeddable only by the test wiki.
      command: `python3 ../static_server.py --port ${WIDGET_PORT} --dir ../../dist --prefix /wiki/tools/l5/ --csp "${CSP}; frame-ancestors http://127.0.0.1:${WIKI_PORT}"`,
      url: `http://127.0.0.1:${WIDGET_PORT}/wiki/tools/l5/`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A test wiki on another origin: the host pages, and the widget's files
      // deployed under /tools/l5/ for the script embed, under the same CSP.
      command: `python3 ../static_server.py --port ${WIKI_PORT} --dir host --mount /tools/l5/=../../dist --csp "${CSP}; frame-src http://127.0.0.1:${WIDGET_PORT}"`,
      url: `http://127.0.0.1:${WIKI_PORT}/wiki.html`,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
