/*
 * What every portal test does: sign in as a demo user through the real OpenID Connect flow (the
 * sign-in page's popup, the development issuer's login form), and keep screenshots (saved under
 * e2e-test-results/ and attached to the HTML report) so a person can look at the pages.
 */
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The demo users, one per role (examples/org.yaml has their groups). */
export type DemoUser = 'pat' | 'gina' | 'alice';

type IssuerUser = { username: string; password: string; name: string };

// The passwords live once, in the development issuer's configuration.
const issuerUsers: IssuerUser[] = parse(
  fs.readFileSync(
    path.resolve(__dirname, '..', 'packages/dev-oidc-issuer/demo.yaml'),
    'utf8',
  ),
).users;

export function demoUser(username: DemoUser): IssuerUser {
  const user = issuerUsers.find(u => u.username === username);
  if (!user) {
    throw new Error(`${username} is not a user of the development issuer`);
  }
  return user;
}

/** Opens the login popup from the sign-in page; answers the popup with its form. */
export async function openLoginForm(page: Page) {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Sign in to NKP Lifecycle' }),
  ).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const login = await popup;
  await expect(
    login.getByRole('heading', { name: 'Sign in to the NKP Lifecycle demo' }),
  ).toBeVisible();
  return login;
}

/** Fills in the login form as a demo user and waits until the portal has signed them in. */
export async function completeLogin(
  page: Page,
  login: Page,
  username: DemoUser,
) {
  await login.getByLabel('Username').fill(username);
  await login.getByLabel('Password').fill(demoUser(username).password);
  const closed = login.waitForEvent('close');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  await expect(
    page.getByRole('heading', { name: 'NKP Lifecycle demo Catalog' }),
  ).toBeVisible();
}

/** Signs in as a demo user through the sign-in page and the issuer's login form. */
export async function signIn(page: Page, username: DemoUser) {
  await completeLogin(page, await openLoginForm(page), username);
}

/**
 * The signed-in session as the app sees it on every page load: the Backstage identity and the
 * token for API calls. `request` shares the page's cookies (page.request).
 */
export async function backstageSession(
  request: APIRequestContext,
  backendUrl = 'http://localhost:7007',
) {
  const res = await request.get(
    `${backendUrl}/api/auth/oidc/refresh?env=default`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.status()).toBe(200);
  const body = await res.json();
  return body.backstageIdentity as {
    token: string;
    identity: { userEntityRef: string; ownershipEntityRefs: string[] };
  };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: test.info().outputPath(`${name}.png`),
    fullPage: true,
  });
  await test.info().attach(name, {
    path: test.info().outputPath(`${name}.png`),
    contentType: 'image/png',
  });
}
