import { createHash, randomBytes } from 'node:crypto';
import type { IssuerConfig } from '../config/IssuerConfig';
import {
  ScriptedBrowser,
  signInWithLoginForm,
} from '../testing/ScriptedBrowser';
import { RunningIssuer, startIssuer } from './startIssuer';

const redirectUri = 'http://localhost:7007/api/auth/oidc/handler/frame';
const config: IssuerConfig = {
  issuer: 'http://localhost:0',
  clients: [
    {
      id: 'portal',
      secret: 'portal-secret',
      name: 'NKP Lifecycle portal',
      redirectUris: [redirectUri],
    },
  ],
  users: [
    {
      username: 'gina',
      password: 'gina-demo',
      email: 'gina@demo.example',
      name: 'Gina Globex',
      description: 'Developer, Globex Payments',
    },
  ],
};
const basic = `Basic ${Buffer.from('portal:portal-secret').toString('base64')}`;

describe('startIssuer', () => {
  let issuer: RunningIssuer;
  const logged: string[] = [];

  beforeAll(async () => {
    issuer = await startIssuer(config, { log: m => logged.push(m) });
  });
  afterAll(() => issuer.close());

  /** An authorization request like the portal's, with PKCE. */
  function authorizationUrl() {
    const verifier = randomBytes(32).toString('base64url');
    const params = new URLSearchParams({
      client_id: 'portal',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    return { verifier, url: `${issuer.url}/auth?${params}` };
  }

  async function token(body: Record<string, string>) {
    return fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: {
        authorization: basic,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(body),
    });
  }

  it('publishes its discovery document', async () => {
    const res = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    expect(await res.json()).toMatchObject({
      issuer: issuer.url,
      authorization_endpoint: `${issuer.url}/auth`,
      token_endpoint: `${issuer.url}/token`,
      userinfo_endpoint: `${issuer.url}/me`,
      response_types_supported: ['code'],
    });
  });

  it('shows a login form with the demo users as hints', async () => {
    const browser = new ScriptedBrowser();
    const start = await browser.fetch(authorizationUrl().url);
    expect(start.status).toBe(303);
    const login = await browser.fetch(
      new URL(start.headers.get('location')!, issuer.url),
    );
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toContain(
      "form-action 'self' http://localhost:7007",
    );
    const html = await login.text();
    expect(html).toContain('NKP Lifecycle portal asks you to sign in');
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain(
      '<tr><td><code>gina</code></td><td><code>gina-demo</code></td><td>Developer, Globex Payments</td></tr>',
    );
  });

  it.each`
    case                    | username    | password
    ${'a wrong password'}   | ${'gina'}   | ${'secret-guess-1'}
    ${'an unknown user'}    | ${'nobody'} | ${'gina-demo'}
    ${'an empty form'}      | ${''}       | ${''}
    ${'markup in the name'} | ${'<b>x'}   | ${'secret-guess-2'}
  `(
    'refuses $case with the form again and an alert',
    async ({ username, password }) => {
      const { refused, callbackUrl } = await signInWithLoginForm(
        new ScriptedBrowser(),
        authorizationUrl().url,
        { username, password },
        redirectUri,
      );
      expect(callbackUrl).toBeUndefined();
      expect(refused!.status).toBe(401);
      const html = await refused!.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toContain('<b>x');
      expect(logged.join('\n')).not.toContain(password || '\0');
    },
  );

  it('answers an unknown or expired interaction with an error page', async () => {
    const res = await fetch(`${issuer.url}/interaction/unknown-uid`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Start again from the portal');
  });

  it('signs a user in through the authorization code flow, with refresh tokens', async () => {
    const { verifier, url } = authorizationUrl();
    const { callbackUrl } = await signInWithLoginForm(
      new ScriptedBrowser(),
      url,
      { username: 'gina', password: 'gina-demo' },
      redirectUri,
    );
    expect(callbackUrl!.searchParams.get('state')).toBe('state-1');
    const code = callbackUrl!.searchParams.get('code')!;

    const tokens = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).then(r => r.json());
    expect(tokens).toMatchObject({ token_type: 'Bearer' });
    expect(tokens.refresh_token).toBeTruthy();
    const idToken = JSON.parse(
      Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString(),
    );
    expect(idToken).toMatchObject({
      iss: issuer.url,
      aud: 'portal',
      sub: 'gina',
      nonce: 'nonce-1',
    });

    const userinfo = await fetch(`${issuer.url}/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    }).then(r => r.json());
    expect(userinfo).toEqual({
      sub: 'gina',
      email: 'gina@demo.example',
      email_verified: true,
      name: 'Gina Globex',
      preferred_username: 'gina',
    });

    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(logged).toContain('Signed in gina for portal');
  });

  it('refuses a redirect URI that is not registered', async () => {
    const params = new URLSearchParams({
      client_id: 'portal',
      redirect_uri: 'https://evil.example/callback',
      response_type: 'code',
      scope: 'openid',
    });
    const res = await fetch(`${issuer.url}/auth?${params}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });
});
