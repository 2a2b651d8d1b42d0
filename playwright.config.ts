import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

const onCI = Boolean(process.env['CI']);

// Debian's Chromium, never a downloaded one (`playwright install` is not part of this project).
function systemChromium(): string {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium was not found; install it with: apt-get install -y chromium fonts-noto-cjk');
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Builds a stale renderer and web bundle before the first test, outside any test's timeout.
  globalSetup: './e2e/globalSetup.ts',
  // Every test has a web host and a database of its own and could run beside another, but the browser keeps a
  // core busy: on the two-core machine two workers took 197 s against one worker's 170 s.
  workers: 1,
  fullyParallel: false,
  retries: onCI ? 1 : 0,
  forbidOnly: onCI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: systemChromium(),
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
