import { createHash, randomBytes } from 'node:crypto';
import type { IssuerConfig } from '../config/IssuerConfig';
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

/** The cookies a browser would keep for the issuer, enough for the authorization flow. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(res: Response) {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('startIssuer', () => {
  let issuer: RunningIssuer;
  const logged: string[] = [];

  beforeAll(async () => {
    issuer = await startIssuer(config, { log: m => logged.push(m) });
  });
  afterAll(() => issuer.close());

  async function get(url: string, jar: CookieJar) {
    const res = await fetch(new URL(url, issuer.url), {
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.take(res);
    return res;
  }

  /** Starts an authorization request like the portal does; answers the login page. */
  async function authorize(jar: CookieJar) {
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
    const start = await get(`/auth?${params}`, jar);
    expect(start.status).toBe(303);
    const loginUrl = start.headers.get('location')!;
    const login = await get(loginUrl, jar);
    return { verifier, loginUrl, login };
  }

  async function submit(loginUrl: string, jar: CookieJar, form: object) {
    const res = await fetch(new URL(`${loginUrl}/login`, issuer.url), {
      method: 'POST',
      headers: {
        cookie: jar.header(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form as Record<string, string>),
      redirect: 'manual',
    });
    jar.take(res);
    return res;
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
    const { login } = await authorize(new CookieJar());
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
      const jar = new CookieJar();
      const { loginUrl } = await authorize(jar);
      const res = await submit(loginUrl, jar, { username, password });
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toContain('<b>x');
      expect(logged.join('\n')).not.toContain(password || '\0');
    },
  );

  it('answers an unknown or expired interaction with an error page', async () => {
    const res = await get('/interaction/unknown-uid', new CookieJar());
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Start again from the portal');
  });

  it('signs a user in through the authorization code flow, with refresh tokens', async () => {
    const jar = new CookieJar();
    const { verifier, loginUrl } = await authorize(jar);
    let res = await submit(loginUrl, jar, {
      username: 'gina',
      password: 'gina-demo',
    });
    // login → resume → consent (implicit for configured clients) → resume → the client
    while (
      res.status === 303 &&
      !res.headers.get('location')!.startsWith(redirectUri)
    ) {
      res = await get(res.headers.get('location')!, jar);
    }
    const callback = new URL(res.headers.get('location')!);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const basic = Buffer.from('portal:portal-secret').toString('base64');
    const token = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    }).then(r => r.json());
    expect(token).toMatchObject({ token_type: 'Bearer' });
    expect(token.refresh_token).toBeTruthy();
    const idToken = JSON.parse(
      Buffer.from(token.id_token.split('.')[1], 'base64url').toString(),
    );
    expect(idToken).toMatchObject({
      iss: issuer.url,
      aud: 'portal',
      sub: 'gina',
      nonce: 'nonce-1',
    });

    const userinfo = await fetch(`${issuer.url}/me`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    }).then(r => r.json());
    expect(userinfo).toEqual({
      sub: 'gina',
      email: 'gina@demo.example',
      email_verified: true,
      name: 'Gina Globex',
      preferred_username: 'gina',
    });

    const refreshed = await fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: token.refresh_token,
      }),
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
    const res = await get(`/auth?${params}`, new CookieJar());
    expect(res.status).toBe(400);
  });
});
