import fs from "node:fs";

import { defineConfig, devices } from "@playwright/test";

import { E2E_PORT, e2eServerEnv, nextStartArgs } from "./e2e/support/server";

/**
 * E2E against the production build (`next build` runs first, in `npm test`).
 * Browsers cannot be downloaded here: Debian's chromium drives the tests when it
 * is installed; elsewhere Playwright's own browser is used.
 */
const PORT = E2E_PORT;
const baseURL = `http://127.0.0.1:${PORT}`;
const debianChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry on CI, where a loaded 2-core machine makes timing races likelier; a retried test is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : 2,
  // Generous for slow, shared 2-core machines; web-first assertions return as soon as they pass.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalTeardown: "./e2e/support/log-check.ts",
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /fuzz\.spec\.ts$/ },
    // Compares the whole database before and after: runs alone, after every other spec
    // (`npx playwright test --project=fuzz --no-deps` runs it by itself).
    { name: "fuzz", use: { ...devices["Desktop Chrome"], launchOptions }, testMatch: /fuzz\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // Its stdout and stderr also go to test-results/server.log, which the global teardown
    // greps for the passwords, tokens and cookies the specs recorded (Playwright clears
    // test-results before it starts the server, and tears down the server last). A second
    // instance on PORT + 1 is started by e2e/two-instances.spec.ts itself (e2e/support/server.ts)
    // and logs to test-results/server-b.log, which the teardown checks too.
    command: `mkdir -p test-results && node ${nextStartArgs(PORT).join(" ")} 2>&1 | tee test-results/server.log`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore", // every request is logged: the full log is test-results/server.log
    stderr: "pipe",
    env: e2eServerEnv,
  },
});
