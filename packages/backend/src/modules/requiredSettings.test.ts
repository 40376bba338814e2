/*
 * Production cannot run on demo values: the sign-in settings exist only in the demo overlay and,
 * in production, in environment variables; an unset variable stops the backend at start-up,
 * naming it.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import {
  DEMO_CONFIG,
  loadPortalConfig,
  PRODUCTION_CONFIG,
} from '../__testUtils__/portalConfig';
import {
  authModuleRequiredSettings,
  missingSettingsMessage,
} from './requiredSettings';

const productionEnv = {
  AUTH_SESSION_SECRET: 'a-long-random-production-secret',
  OIDC_METADATA_URL:
    'https://nkp.acme.example/dex/.well-known/openid-configuration',
  OIDC_CLIENT_ID: 'nkp-lifecycle-portal',
  OIDC_CLIENT_SECRET: 'production-client-secret',
  NKP_ORG_FILE: '/etc/portal/org.yaml',
};

describe('the sign-in settings', () => {
  it('are complete in the demo', async () => {
    expect(missingSettingsMessage(await loadPortalConfig(DEMO_CONFIG))).toBe(
      undefined,
    );
  });

  it('are complete in production when every variable is set, with none of the demo values', async () => {
    const config = await loadPortalConfig(PRODUCTION_CONFIG, productionEnv);
    expect(missingSettingsMessage(config)).toBe(undefined);
    expect(config.getString('auth.session.secret')).toBe(
      productionEnv.AUTH_SESSION_SECRET,
    );
    expect(config.getString('auth.providers.oidc.default.clientSecret')).toBe(
      productionEnv.OIDC_CLIENT_SECRET,
    );
  });

  it.each(Object.keys(productionEnv).filter(v => v !== 'NKP_ORG_FILE'))(
    'are incomplete in production without %s, and the message names it',
    async variable => {
      const env: Record<string, string> = { ...productionEnv };
      delete env[variable];
      const message = missingSettingsMessage(
        await loadPortalConfig(PRODUCTION_CONFIG, env),
      );
      expect(message).toMatch(/^Sign-in is not configured: /);
      expect(message).toContain(`(set ${variable})`);
      expect(message!.match(/\(set /g)).toHaveLength(1);
    },
  );

  it('name every unset variable in production', async () => {
    const message = missingSettingsMessage(
      await loadPortalConfig(PRODUCTION_CONFIG),
    );
    expect(message).toBe(
      'Sign-in is not configured: auth.session.secret (set AUTH_SESSION_SECRET), auth.providers.oidc.default.metadataUrl (set OIDC_METADATA_URL), auth.providers.oidc.default.clientId (set OIDC_CLIENT_ID), auth.providers.oidc.default.clientSecret (set OIDC_CLIENT_SECRET). app-config.production.yaml reads each from that environment variable; the demo has them in app-config.demo.yaml.',
    );
  });

  it('leave production with no demo NKP sources and no demo organisation', async () => {
    const config = await loadPortalConfig(PRODUCTION_CONFIG, productionEnv);
    expect(config.getOptional('catalog.providers.nkp')).toBeUndefined();
    expect(
      config
        .getConfigArray('catalog.locations')
        .map(l => l.getString('target')),
    ).toEqual(['./catalog-info.yaml', productionEnv.NKP_ORG_FILE]);
  });

  it('stop the backend at start-up when missing or empty', async () => {
    const config = await loadPortalConfig(PRODUCTION_CONFIG, {
      ...productionEnv,
      AUTH_SESSION_SECRET: '',
    });
    await expect(
      startTestBackend({
        features: [
          authPlugin,
          authModuleRequiredSettings,
          mockServices.rootConfig.factory({
            data: {
              ...(config.get() as object),
              // This test is about the settings, not PostgreSQL.
              backend: {
                baseUrl: 'http://localhost:7007',
                database: { client: 'better-sqlite3', connection: ':memory:' },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/auth\.session\.secret \(set AUTH_SESSION_SECRET\)/);
  });
});
