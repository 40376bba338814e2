import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import { serverLogDir } from './e2e-tests/reporters/serverLogsOnFailure';

/*
 * End-to-end tests of the whole portal: the real backend (SQLite in memory, demo NKP fleet) and
 * the real app dev server, driven in the distribution's Chromium (scripts/chromium.sh finds or
 * installs it; Playwright's own browser download is not used). The servers' output goes to
 * e2e-test-logs/ and is printed only when a test fails.
 */
const chromium = process.env.NKP_CHROMIUM;
if (!chromium) {
  throw new Error(
    'NKP_CHROMIUM is not set: run the e2e tests through ./scripts/test.sh',
  );
}

fs.mkdirSync(serverLogDir, { recursive: true });
const logTo = (name: string) => `> "${serverLogDir}/${name}.log" 2>&1`;

export default defineConfig({
  testDir: 'e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    ['./e2e-tests/reporters/serverLogsOnFailure.ts'],
  ],
  outputDir: 'e2e-test-results',
  webServer: [
    {
      command: `yarn workspace backend start ${logTo('backend')}`,
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `yarn workspace app start ${logTo('app')}`,
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromium,
      headless: true,
      // Root in a container, and a network that only reaches the package registries.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
