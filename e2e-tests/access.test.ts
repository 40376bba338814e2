import {
  APIRequestContext,
  Browser,
  expect,
  Page,
  test,
} from '@playwright/test';
import { backstageSession, DemoUser, screenshot, signIn } from './helpers';

/*
 * Tenancy and access in the real portal, with the NKP permission policy (nkp.access): a tenant
 * developer (gina, team-globex) sees only her group's clusters, on every tab and through the
 * API, and cannot approve; the platform engineer (pat) sees the whole fleet and approves; a
 * tenant cannot register catalog entities, and the tenant file the demo registers, which imitates
 * an NKP release, changes nothing (examples/tenant-catalog/acme.yaml).
 */

const backend = 'http://localhost:7007';

// The demo fleet (examples/nkp-demo-fleet): Globex's clusters, and some of everyone else's.
const GLOBEX_CLUSTERS = [
  'globex-pay-dr',
  'globex-pay-prod',
  'globex-pay-staging',
];
const OTHER_TENANTS_CLUSTERS = [
  'acme-prod-01',
  'acme-dev-01',
  'initech-etl-01',
  'umbrella-sandbox',
  'hooli-nkp',
];
const OTHER_TENANTS = ['ACME Retail', 'Initech Analytics', 'Umbrella Labs'];

/** A signed-in API client: the session's token on every request. */
async function apiAs(page: Page) {
  const { token } = await backstageSession(page.request, backend);
  const headers = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => page.request.get(`${backend}${path}`, { headers }),
    post: (path: string, data: unknown) =>
      page.request.post(`${backend}${path}`, { headers, data }),
  };
}

/** A second person in their own browser context, signed in. */
async function personIn(browser: Browser, user: DemoUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { page, close: () => context.close() };
}

async function expectNoOtherTenants(page: Page) {
  for (const name of [...OTHER_TENANTS_CLUSTERS, ...OTHER_TENANTS]) {
    await expect(page.getByText(name)).toHaveCount(0);
  }
}

// Each test signs in one to three people through the real OIDC flow and loads the app for each.
test.describe.configure({ timeout: 240_000 });

async function json(response: Awaited<ReturnType<APIRequestContext['get']>>) {
  expect(response.status()).toBe(200);
  return response.json();
}

test('a tenant developer sees only their group’s clusters, on every tab and through the API', async ({
  page,
}) => {
  await signIn(page, 'gina');

  await openNkp(page, 'Overview');
  await expect(
    page.getByRole('img', { name: /^3 clusters: / }).first(),
  ).toBeVisible();
  await expectNoOtherTenants(page);
  await screenshot(page, 'tenant-overview');

  await openTab(page, 'Clusters');
  await expect(page.getByText('NKP clusters (3)')).toBeVisible();
  for (const name of GLOBEX_CLUSTERS) {
    await expect(
      page.getByRole('row').filter({ hasText: name }).first(),
    ).toBeVisible();
  }
  await expectNoOtherTenants(page);

  await openTab(page, 'My deadlines');
  await expect(page.getByRole('table')).toContainText('globex-pay-dr');
  await expectNoOtherTenants(page);

  for (const tab of ['Exceptions', 'Release calendar', 'Upgrade plans']) {
    await openTab(page, tab);
    await expectNoOtherTenants(page);
  }
  // The platform's actions are not offered
  await expect(
    page.getByRole('button', { name: 'Announce upgrade plan' }),
  ).toHaveCount(0);

  const api = await apiAs(page);
  const clusters = await json(await api.get('/api/nkp/clusters'));
  expect(clusters.totalCount).toBe(3);
  expect(clusters.items.map((c: { owner: string }) => c.owner)).toEqual(
    Array(3).fill('group:default/team-globex'),
  );
  expect((await json(await api.get('/api/nkp/summary'))).total).toBe(3);
  const tenants = await json(await api.get('/api/nkp/tenants'));
  expect(tenants.byOwner.map((t: { tenant: string }) => t.tenant)).toEqual([
    'group:default/team-globex',
  ]);
  expect(
    (await api.get('/api/nkp/clusters/default/demo-acme-prod-01')).status(),
  ).toBe(404);
  expect((await api.get('/api/nkp/audit')).status()).toBe(403);
  expect(
    (
      await api.post('/api/nkp/plans', {
        title: 'Not mine to announce',
        targetVersion: '2.17',
        announcedAt: new Date().toISOString().slice(0, 10),
        scope: { kind: 'fleet' },
      })
    ).status(),
  ).toBe(403);
});

test('a tenant cannot approve, not in the UI and not through the API; the platform engineer approves', async ({
  page,
  browser,
}) => {
  // Alice (ACME) asks for an exception for one of her clusters
  const alice = await personIn(browser, 'alice');
  const reason = `E2E ${Date.now()}: ACME peak season, upgrade in January`;
  const expiresAt = new Date(Date.now() + 30 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const requested = await (
    await apiAs(alice.page)
  ).post('/api/nkp/exceptions', {
    target: { cluster: 'resource:default/demo-acme-prod-01' },
    reason,
    expiresAt,
  });
  expect(requested.status()).toBe(201);
  const { id } = await requested.json();
  await openNkp(alice.page, 'Exceptions');
  const own = alice.page.getByRole('row').filter({ hasText: reason });
  await expect(own).toContainText('awaiting approval');
  await expect(own.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await alice.close();

  // Gina (Globex) neither sees it nor may approve it
  await signIn(page, 'gina');
  const gina = await apiAs(page);
  const listed = await json(await gina.get('/api/nkp/exceptions'));
  expect(listed.items.map((e: { id: string }) => e.id)).not.toContain(id);
  const refused = await gina.post(`/api/nkp/exceptions/${id}/approve`, {});
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toContain(
    'nkp.exception.approve',
  );
  await openNkp(page, 'Exceptions');
  await expect(page.getByText(reason)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Approve/ })).toHaveCount(0);

  // Pat (platform team) approves it
  const pat = await personIn(browser, 'pat');
  await openNkp(pat.page, 'Exceptions');
  const row = pat.page.getByRole('row').filter({ hasText: reason });
  await row
    .getByRole('button', {
      name: 'Approve the exception for resource:default/demo-acme-prod-01',
    })
    .click();
  const dialog = pat.page.getByRole('dialog', { name: 'Approve exception' });
  await dialog.getByLabel('Comment (audit log)').fill('Agreed with ACME');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(/active until|approved/);
  await expect(row).toContainText('approved by');
  await screenshot(pat.page, 'platform-exception-approved');

  await openTab(pat.page, 'Overview');
  await expect(
    pat.page.getByRole('img', { name: /^\d+ clusters: / }).first(),
  ).toBeVisible();
  await expect(pat.page.getByText('Initech Analytics').first()).toBeVisible();
  await screenshot(pat.page, 'platform-overview');
  await pat.close();
});

test('a tenant cannot register catalog entities, and an entity imitating an NKP release changes nothing', async ({
  page,
}) => {
  await signIn(page, 'alice');
  const alice = await apiAs(page);
  const registration = await alice.post('/api/catalog/locations', {
    type: 'url',
    target: 'https://git.acme.example/acme/catalog/blob/main/catalog-info.yaml',
  });
  expect(registration.status()).toBe(403);

  // The tenant file the demo registers: its component is in, its NKP "release" is not
  await expect
    .poll(
      async () =>
        (
          await alice.get(
            '/api/catalog/entities/by-name/component/default/acme-storefront',
          )
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);
  expect(
    (
      await alice.get(
        '/api/catalog/entities/by-name/resource/default/demo-release-nkp-2.16.0-extended',
      )
    ).status(),
  ).toBe(404);

  // And the release calendar does not carry its date
  const calendar = await json(await alice.get('/api/nkp/calendar'));
  expect(JSON.stringify(calendar)).not.toContain('2099-12-31');
  await openNkp(page, 'Release calendar');
  await expect(
    page.getByRole('img', { name: /Support windows of .* Kubernetes minors/ }),
  ).toBeVisible();
  await expect(page.getByText(/2099/)).toHaveCount(0);
});

/** Opens the NKP page from the sidebar (the app is loaded after sign-in), then tab `name`. */
async function openNkp(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'NKP fleet' })
    .click();
  await openTab(page, name);
}

/**
 * Opens the NKP tab `name` the way a user does, inside the running app (a full page load of the
 * development bundle per tab costs tens of seconds on a loaded 2-core machine).
 */
async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await tabLoaded(page, name);
}

/** The NKP tab `name` is selected and has finished loading (no progress bar left). */
async function tabLoaded(page: Page, name: string) {
  await expect(page.getByRole('tab', { name, selected: true })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}
