import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./tests/helpers/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const graphPort = Number(process.env.FAKE_GRAPH_PORT ?? 3199);
const executablePath = findChromium() ?? undefined;
const launchOptions = { executablePath, args: chromiumArgs };

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/e2e-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: { baseURL: `http://localhost:${port}`, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 860 }, launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx tests/fakes/graph-server-cli.ts`,
      url: `http://127.0.0.1:${graphPort}/__health`,
      env: { FAKE_GRAPH_PORT: String(graphPort) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // A production build on a fresh embedded database: the same thing a new user runs.
      command: `rm -rf .data/e2e && node_modules/.bin/next build && node_modules/.bin/next start -p ${port}`,
      url: `http://localhost:${port}/sign-in`,
      env: {
        PGLITE_DIR: ".data/e2e/pglite",
        DATA_DIR: ".data/e2e",
        ROOT_DOMAIN: `localhost:${port}`,
        META_GRAPH_URL: `http://127.0.0.1:${graphPort}`,
        NEXT_DIST_DIR: ".next-e2e",
      },
      reuseExistingServer: !process.env.CI,
      timeout: 600_000,
      stdout: "pipe",
    },
  ],
});
