import { defineConfig } from '@playwright/test';

// One suite, two targets: browser mode (always) and Electron (only where its binary exists; otherwise every
// Electron test is skipped with the reason printed). Debian's Chromium, never a downloaded browser.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/artifacts/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two spec files at a time: each test starts its own app (data folder, port, browser context), so they never
  // share state, and most of a test's time is spent waiting on the app, not on the CPU (docs/testing.md).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
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
