import { defineConfig } from '@playwright/test';

// The packaged-app smoke test (smoke.spec.ts), run by .github/workflows/package.yml on Linux after
// electron-builder: `dbus-run-session -- xvfb-run -a npx playwright test --config e2e-electron/playwright.config.ts`.
// Kept apart from the root playwright.config.ts (testDir e2e/), which drives the web host in Debian's Chromium:
// this one needs a built Electron app, so it cannot run where `npm test` runs.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  timeout: 300_000,
  expect: { timeout: 15_000 },
});
