import { expect, test } from '@playwright/test';
import { backstageSession, screenshot, signIn } from '../helpers';

/*
 * Production mode runs: the backend serves the built app and the NKP API, and a person signs
 * in through the OpenID Connect flow (the development issuer stands in for Dex) and calls the
 * API with the session's token.
 */

test('the built app is served by the backend, with the production sign-in page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Sign in to NKP Lifecycle' }),
  ).toBeVisible();
  await expect(page.getByText('NKP (Dex)')).toBeVisible();
  await expect(page.getByText('Sign in with your NKP account')).toBeVisible();
  await screenshot(page, 'production-sign-in-page');
});

test('the NKP API answers its health without credentials', async ({
  request,
}) => {
  const res = await request.get('/api/nkp/health');
  expect(res.status()).toBe(200);
});

test('a signed-in user calls the API with their token', async ({ page }) => {
  await signIn(page, 'pat');
  const session = await backstageSession(page.request);
  expect(session.identity.ownershipEntityRefs).toContain(
    'group:default/platform-team',
  );
  const me = await page.request.get(
    '/api/catalog/entities/by-name/user/default/pat',
    { headers: { Authorization: `Bearer ${session.token}` } },
  );
  expect(me.status()).toBe(200);
  expect((await me.json()).spec.profile.email).toBe('pat@demo.example');
  const clusters = await page.request.get('/api/nkp/clusters', {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  expect(clusters.status()).toBe(200);
  expect((await page.request.get('/api/nkp/clusters')).status()).toBe(401);
  await screenshot(page, 'production-signed-in');
});
