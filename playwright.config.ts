import { defineConfig } from '@playwright/test';
import {
  logTo,
  sharedConfig,
  standInServers,
} from './e2e-tests/playwrightShared';

/*
 * End-to-end tests of the whole portal: the local stand-ins (the development OIDC issuer), the
 * real backend (SQLite in memory, demo NKP fleet) and the real app dev server, driven in the
 * distribution's Chromium (scripts/chromium.sh finds or installs it; Playwright's own browser
 * download is not used). The servers' output goes to e2e-test-logs/ and is printed only when a
 * test fails. The production build has its own: playwright.production.config.ts.
 */
export default defineConfig({
  ...sharedConfig,
  testDir: 'e2e-tests',
  testIgnore: 'production/**',
  webServer: [
    ...standInServers,
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
  use: { ...sharedConfig.use, baseURL: 'http://localhost:3000' },
});
