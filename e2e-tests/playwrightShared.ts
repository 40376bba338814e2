/*
 * What both Playwright configurations share (playwright.config.ts: the portal in development
 * mode; playwright.production.config.ts: the production build): the distribution's Chromium,
 * the local stand-ins of scripts/stand-ins.mjs as the first web servers, and server output in
 * e2e-test-logs/ (printed only when a test fails).
 */
import type { PlaywrightTestConfig } from '@playwright/test';
import fs from 'node:fs';
import { serverLogDir } from './reporters/serverLogsOnFailure';
import { standIns } from '../scripts/stand-ins.mjs';

const chromium = process.env.NKP_CHROMIUM;
if (!chromium) {
  throw new Error(
    'NKP_CHROMIUM is not set: run the e2e tests through ./scripts/test.sh',
  );
}

fs.mkdirSync(serverLogDir, { recursive: true });

/** Shell redirection of a server's output to e2e-test-logs/<name>.log. */
export const logTo = (name: string) => `> "${serverLogDir}/${name}.log" 2>&1`;

type WebServer = Extract<
  NonNullable<PlaywrightTestConfig['webServer']>,
  unknown[]
>[number];

/** The stand-ins, started before the backend (it reads the OIDC issuer when it starts). */
export const standInServers: WebServer[] = standIns.map(s => ({
  command: `${s.command} ${logTo(s.name)}`,
  url: s.readyUrl,
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
  gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
}));

export const sharedConfig: PlaywrightTestConfig = {
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
  use: {
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
};
