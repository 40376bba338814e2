import { defineConfig } from '@playwright/test';
import {
  logTo,
  sharedConfig,
  standInServers,
} from './e2e-tests/playwrightShared';

/*
 * Smoke test of production mode: the built backend alone (./scripts/production.sh serve, on
 * PostgreSQL, with app-config.yaml + app-config.production.yaml) serving the built app on :7007,
 * signing in through the development issuer in Dex's place. Build and install first:
 * `./scripts/production.sh build && ./scripts/production.sh install` (./scripts/test.sh does).
 */
export default defineConfig({
  ...sharedConfig,
  testDir: 'e2e-tests/production',
  webServer: [
    ...standInServers,
    {
      command: `./scripts/production.sh serve --fresh-database ${logTo(
        'production-backend',
      )}`,
      env: { ...process.env, POSTGRES_DATABASE_PREFIX: 'nkp_smoke_' } as Record<
        string,
        string
      >,
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: false,
      timeout: 180_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
  use: { ...sharedConfig.use, baseURL: 'http://localhost:7007' },
});
