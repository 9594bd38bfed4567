import { defineConfig } from "@playwright/test";

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
  webServer: {
    // Same-origin test files: the example ladder and broken fixtures.
    command: `python3 ../static_server.py --port ${port} --dir ../../dist --mount /ladders/=../../assets/ladders --mount /fixtures/=fixtures`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
