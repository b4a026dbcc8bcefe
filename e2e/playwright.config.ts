import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer in Debian's Chromium against the headless backend over the loopback
 * transport (main/ipc/loopback): the same contract the desktop window uses, so this is how the UI is
 * tested end to end without an Electron binary. CI reads the JSON report; screenshots of every page are
 * artifacts in test-results/screenshots/.
 */
const results = path.resolve(__dirname, '..', 'test-results');
// CI passes `--reporter=list,json`, which drops the config's reporter options: the file still goes here.
process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ??= path.join(results, 'e2e-results.json');

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(results, 'e2e-artifacts'),
  globalSetup: './fixtures/globalSetup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One at a time: each spec runs its own backend, and the 100 000-row measurement should not share the CPU.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The flags this machine needs (no sandbox as root; no background or update traffic on a closed
      // network), plus precise memory figures for the 100 000-event measurement. Playwright adds --headless.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--enable-precise-memory-info',
      ],
    },
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
});
