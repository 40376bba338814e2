/*
 * Just enough of a browser to sign in through the issuer's login form in tests: cookies per
 * origin, redirects followed one at a time, the form posted as a browser posts it.
 */

export class ScriptedBrowser {
  readonly #jars = new Map<string, Map<string, string>>();

  #cookies(url: URL) {
    let jar = this.#jars.get(url.origin);
    if (!jar) {
      jar = new Map();
      this.#jars.set(url.origin, jar);
    }
    return jar;
  }

  /** One request, redirects not followed; cookies sent and kept as a browser would. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.#cookies(target);
    const headers = new Headers(init.headers);
    if (jar.size) {
      headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
    return res;
  }

  /** Posts a form (application/x-www-form-urlencoded). */
  post(url: string | URL, form: Record<string, string>) {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  }

  /**
   * Follows redirects from `res` until one points at a URL that starts with `stopAt` (returned,
   * not requested), or until a response is not a redirect (returned).
   */
  async follow(
    res: Response,
    stopAt?: string,
  ): Promise<{ response: Response } | { stoppedAt: URL }> {
    let current = res;
    let currentUrl = new URL(res.url || 'http://invalid');
    for (let hops = 0; hops < 20; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) {
        return { response: current };
      }
      const next = new URL(location, currentUrl);
      if (stopAt && next.href.startsWith(stopAt)) {
        return { stoppedAt: next };
      }
      current = await this.fetch(next);
      currentUrl = next;
    }
    throw new Error('more than 20 redirects');
  }
}

/**
 * Opens `authorizationUrl` (a request to the issuer's authorization endpoint, or a client URL
 * that redirects there), fills in the login form and follows the redirects back. Answers where
 * the flow ended: the client's callback URL (starting with `callbackPrefix`, not requested), or
 * the issuer's response when it did not let the user through.
 */
export async function signInWithLoginForm(
  browser: ScriptedBrowser,
  authorizationUrl: string,
  credentials: { username: string; password: string },
  callbackPrefix: string,
): Promise<{ callbackUrl?: URL; refused?: Response }> {
  const toLogin = await browser.follow(
    await browser.fetch(authorizationUrl),
    undefined,
  );
  if (!('response' in toLogin) || toLogin.response.status !== 200) {
    throw new Error('the authorization request did not lead to a login form');
  }
  const form = await toLogin.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1];
  if (!action) {
    throw new Error('no login form');
  }
  const loginUrl = new URL(
    action.replace(/&amp;/g, '&'),
    toLogin.response.url || authorizationUrl,
  );
  const submitted = await browser.post(loginUrl, credentials);
  const ended = await browser.follow(submitted, callbackPrefix);
  return 'stoppedAt' in ended
    ? { callbackUrl: ended.stoppedAt }
    : { refused: ended.response };
}
