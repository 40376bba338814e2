import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './helpers';

// The platform engineer sees the whole fleet.

test('the catalog shows the demo NKP fleet', async ({ page }) => {
  await signIn(page, 'pat');

  // The catalog is the landing page; NKP clusters are Resources.
  await page.goto('/?filters%5Bkind%5D=resource&filters%5Buser%5D=all');
  const table = page.getByRole('table');
  await expect(
    table.getByRole('link', { name: 'nkp-mgmt', exact: true }).first(),
  ).toBeVisible();
  await screenshot(page, 'catalog-resources');

  // The management cluster shows its NKP facts on its own page.
  await table
    .getByRole('link', { name: 'nkp-mgmt', exact: true })
    .first()
    .click();
  await expect(page.getByText('NKP cluster', { exact: true })).toBeVisible();
  await expect(page.getByText('Kubernetes version')).toBeVisible();
  await screenshot(page, 'cluster-entity');
});

test('the NKP fleet page lists the clusters with versions', async ({
  page,
}) => {
  await signIn(page, 'pat');
  await page.goto('/nkp/clusters');
  await expect(page.getByText(/NKP clusters \(\d+\)/)).toBeVisible();
  await expect(
    page.getByRole('columnheader', { name: 'Kubernetes' }),
  ).toBeVisible();
  // Each cluster carries its policy evaluation; the demo fleet has compliant and unsupported ones.
  await expect(
    page.getByRole('columnheader', { name: 'Policy' }),
  ).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'nkp-mgmt' })).toContainText('compliant');
  await expect(rows.filter({ hasText: 'initech-etl-01' })).toContainText(
    'unsupported',
  );
  await screenshot(page, 'fleet-page');
});
