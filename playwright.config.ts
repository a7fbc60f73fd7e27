import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "@playwright/test";
import { E2E_DIALECT, E2E_ENV, E2E_PORT } from "./e2e/env";

/** Playwright's own Chromium where installed, else PLAYWRIGHT_CHROMIUM_PATH, else Debian's. */
function chromiumPath(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return undefined;
  } catch {
    // not installed: fall through
  }
  return process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";
}

const baseURL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A real SMTP server for the mail tests, running as long as the run (e2e/support/mail-catcher.ts).
  globalSetup: "./e2e/support/mail-catcher.ts",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // *.pg.spec.ts need PostgreSQL (several instances on one database): the PostgreSQL run only.
    // The specs that check only how pages look and read (axe, error pages, notices, the
    // pseudo-locale's words) do not depend on the database: the SQLite run covers them, and
    // the PostgreSQL run skips them.
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: E2E_DIALECT === "postgres" ? /(\.last|\/a11y|\/error-pages|\/notices|\/pseudo-locale)\.spec\.ts/ : /\.(last|pg)\.spec\.ts/ },
    // Tests that may leave the shared database unusable for others run after all of them.
    { name: "last", use: { ...devices["Desktop Chrome"] }, dependencies: ["chromium"], testMatch: /\.last\.spec\.ts/ },
  ],
  webServer: {
    // Resets, migrates and seeds the throwaway database (SQLite, or PostgreSQL with
    // E2E_DB=postgres), then serves the production build.
    command: `npx tsx e2e/prepare-db.ts && npx next start -p ${E2E_PORT}`,
    url: `${baseURL}/login`,
    env: E2E_ENV,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
