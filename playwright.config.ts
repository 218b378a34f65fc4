import { defineConfig } from '@playwright/test';

// One suite, two targets: browser mode (always) and Electron (only where its binary exists; otherwise every
// Electron test is skipped with the reason printed). Debian's Chromium, never a downloaded browser.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/artifacts/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One at a time: on 2 cores the end-to-end tests are CPU-bound (Chromium and the app), so two workers took as
  // long in total and made each test twice as slow (docs/testing.md).
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    // A failed test keeps its trace (actions, console, network) and a screenshot. No DOM snapshots or screencast:
    // recording them for every test (kept or not) doubled the suite's time (docs/testing.md §CI time).
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Playwright gives each launch a fresh temporary user-data-dir. These flags keep Chromium from calling
      // out to Google's services, which this network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser', use: { target: 'browser' } as never },
    { name: 'electron', use: { target: 'electron' } as never },
  ],
});
