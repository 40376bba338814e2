import { expect, test } from '@playwright/test';
import {
  backstageSession,
  completeLogin,
  demoUser,
  DemoUser,
  openLoginForm,
  screenshot,
  signIn,
} from './helpers';

/*
 * Sign-in through the real OpenID Connect flow, as each demo user: the sign-in page offers the
 * demo identity provider, its login form takes the demo user's password, and the person becomes
 * their catalog user with their groups (examples/org.yaml). The backend's API takes the
 * session's token and nothing less.
 */

const backend = 'http://localhost:7007';

const people: Array<[DemoUser, string, string]> = [
  ['pat', 'user:default/pat', 'group:default/platform-team'],
  ['gina', 'user:default/gina', 'group:default/team-globex'],
  ['alice', 'user:default/alice', 'group:default/team-acme'],
];

for (const [username, userEntityRef, group] of people) {
  test(`${username} signs in through the demo identity provider as ${userEntityRef}`, async ({
    page,
  }) => {
    await signIn(page, username);
    const session = await backstageSession(page.request, backend);
    expect(session.identity.userEntityRef).toBe(userEntityRef);
    expect(session.identity.ownershipEntityRefs).toEqual(
      expect.arrayContaining([userEntityRef, group]),
    );

    // The API answers the session's token, and refuses a request without one
    const clusters = `${backend}/api/nkp/clusters`;
    expect((await page.request.get(clusters)).status()).toBe(401);
    const answered = await page.request.get(clusters, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(answered.status()).toBe(200);

    // A reload keeps the session (the refresh token), and the profile says who it is
    await page.goto('/settings');
    await expect(
      page.getByText(demoUser(username).name, { exact: true }).first(),
    ).toBeVisible();
    await screenshot(page, `signed-in-${username}`);
  });
}

test('the sign-in page offers the demo identity provider, whose login form refuses a wrong password', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Demo identity provider')).toBeVisible();
  await expect(page.getByText(/guest/i)).toHaveCount(0);
  await screenshot(page, 'sign-in-page');

  const login = await openLoginForm(page);
  await expect(
    login.getByRole('table').getByRole('row', { name: /gina/ }),
  ).toContainText('Developer, Globex Payments');
  await login.getByLabel('Username').fill('gina');
  await login.getByLabel('Password').fill('not-her-password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.getByRole('alert')).toContainText(
    'Wrong username or password',
  );
  await expect(login.getByLabel('Password')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await screenshot(login, 'login-form-refused');

  // The right password then gets through
  await completeLogin(page, login, 'gina');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/settings');
  await page.getByTestId('user-settings-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(
    page.getByRole('heading', { name: 'Sign in to NKP Lifecycle' }),
  ).toBeVisible();
  const refreshed = await page.request.get(
    `${backend}/api/auth/oidc/refresh?env=default`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(refreshed.status()).not.toBe(200);
});
