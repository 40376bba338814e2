/*
 * Sign-in as the demo configures it (`auth` of app-config.yaml and app-config.demo.yaml), through the real OpenID
 * Connect flow against the development issuer with the demo users (its demo.yaml): each demo user
 * becomes their catalog user (examples/org.yaml) with that user's groups; a person the issuer
 * knows but the catalog does not gets no Backstage identity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import oidcProviderModule from '@backstage/plugin-auth-backend-module-oidc-provider';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  demoConfigPath,
  readIssuerConfig,
  RunningIssuer,
  ScriptedBrowser,
  signInWithLoginForm,
  startIssuer,
} from '@nkp-lifecycle/dev-oidc-issuer';
import { parseAllDocuments } from 'yaml';
import { DEMO_CONFIG, loadPortalConfig } from './__testUtils__/portalConfig';

const root = path.resolve(__dirname, '../../..');
const orgEntities = parseAllDocuments(
  fs.readFileSync(`${root}/examples/org.yaml`, 'utf8'),
)
  .map(d => d.toJSON() as Entity)
  .filter(Boolean)
  // The memberOf relations the catalog's built-in processor derives from spec.memberOf
  .map(e => ({
    ...e,
    relations: ((e.spec?.memberOf as string[] | undefined) ?? []).map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  }));
const demo = readIssuerConfig(demoConfigPath);
// The portal's registered callback; the test backend listens elsewhere, so the browser below is
// sent on to it.
const registeredCallback = demo.clients[0].redirectUris[0];

// Starts the issuer and a backend with the auth and catalog plugins: seconds on a busy machine.
jest.setTimeout(60_000);

describe('sign-in through the OpenID Connect provider', () => {
  let issuer: RunningIssuer;
  let backendUrl: string;
  let appConfig: { app: { baseUrl: string }; auth: any };

  beforeAll(async () => {
    appConfig = (await loadPortalConfig(DEMO_CONFIG)).get() as any;
    issuer = await startIssuer({
      ...demo,
      issuer: 'http://localhost:0',
      users: [
        ...demo.users,
        {
          username: 'mallory',
          password: 'mallory-demo',
          email: 'mallory@elsewhere.example',
          name: 'Mallory',
        },
      ],
    });
    const auth = structuredClone(appConfig.auth);
    Object.assign(auth.providers.oidc[auth.environment], {
      metadataUrl: `${issuer.url}/.well-known/openid-configuration`,
      callbackUrl: registeredCallback,
    });
    const backend = await startTestBackend({
      features: [
        authPlugin,
        oidcProviderModule,
        catalogServiceMock.factory({ entities: orgEntities }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: appConfig.app.baseUrl }, auth },
        }),
      ],
    });
    backendUrl = `http://localhost:${backend.server.port()}`;
  });
  afterAll(() => issuer.close());

  /** Signs in like the app's popup does; answers the frame handler's page and the browser. */
  async function signIn(username: string, password: string) {
    const browser = new ScriptedBrowser();
    const start = new URL(`${backendUrl}/api/auth/oidc/start`);
    start.search = new URLSearchParams({
      env: appConfig.auth.environment,
      scope: 'openid profile email',
      origin: appConfig.app.baseUrl,
      flow: 'popup',
    }).toString();
    const { callbackUrl } = await signInWithLoginForm(
      browser,
      start.href,
      { username, password },
      registeredCallback,
    );
    expect(callbackUrl).toBeDefined();
    const frame = await browser.fetch(
      `${backendUrl}/api/auth/oidc/handler/frame${callbackUrl!.search}`,
    );
    return { browser, frame: await frame.text() };
  }

  /** What the app asks on every page load: the session's Backstage identity. */
  async function refresh(browser: ScriptedBrowser) {
    return browser.fetch(
      `${backendUrl}/api/auth/oidc/refresh?env=${appConfig.auth.environment}`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
  }

  it.each`
    username   | userEntityRef           | group
    ${'pat'}   | ${'user:default/pat'}   | ${'group:default/platform-team'}
    ${'gina'}  | ${'user:default/gina'}  | ${'group:default/team-globex'}
    ${'alice'} | ${'user:default/alice'} | ${'group:default/team-acme'}
  `(
    'signs $username in as $userEntityRef, member of $group',
    async ({ username, userEntityRef, group }) => {
      const user = demo.users.find(u => u.username === username)!;
      const { browser } = await signIn(username, user.password);
      const res = await refresh(browser);
      expect(res.status).toBe(200);
      const session = await res.json();
      expect(session.backstageIdentity.identity).toEqual({
        type: 'user',
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, group],
      });
      expect(session.profile).toMatchObject({
        email: user.email,
        displayName: user.name,
      });
    },
  );

  it('gives no identity to a person the issuer knows but the catalog does not', async () => {
    const { browser, frame } = await signIn('mallory', 'mallory-demo');
    expect(frame).not.toContain('backstageIdentity');
    const res = await refresh(browser);
    expect(res.status).not.toBe(200);
  });
});
