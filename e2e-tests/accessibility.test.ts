import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { DemoUser, signIn } from './helpers';

/*
 * Every NKP view, checked with axe-core against WCAG 2.1 A and AA in the real portal. Only what
 * the NKP page shows is checked: its header and content, not Backstage's sidebar and tab list. Serious and critical violations fail the test; every violation is attached to the
 * report with the elements it concerns.
 */

// Each view as the person who uses it: the platform engineer (pat), a tenant developer (gina).
const views: Array<[string, string, string, DemoUser]> = [
  ['overview', '/nkp/overview', 'Fleet policy state', 'pat'],
  ['my deadlines', '/nkp/my-deadlines', 'My upgrade deadlines', 'gina'],
  ['clusters', '/nkp/clusters', 'Clusters', 'pat'],
  ['upgrade plans', '/nkp/plans', 'Upgrade plans', 'pat'],
  ['exceptions', '/nkp/exceptions', 'Exceptions', 'pat'],
  ['release calendar', '/nkp/calendar', 'Support windows', 'pat'],
  [
    'a cluster page',
    '/catalog/default/resource/demo-globex-pay-dr',
    'Policy',
    'gina',
  ],
];

async function violations(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .exclude('nav[aria-label="sidebar nav"]')
    // The page header's tabs come from Backstage's own page layout (@backstage/ui), whose tabs
    // point aria-controls at panels it does not render; not ours to fix.
    .exclude('[role="tablist"]')
    // Sortable column headers of Backstage's Table (material-table) nest focusable parts in a
    // role=button (axe: nested-interactive); also upstream. Everything else in tables is checked.
    .exclude('th .MuiTableSortLabel-root')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await test.info().attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(n => n.target.join(' '))
          .join('; ')}`,
    );
}

for (const [name, path, heading, user] of views) {
  test(`the ${name} view has no serious accessibility violations`, async ({
    page,
  }) => {
    await signIn(page, user);
    await page.goto(path);
    await expect(page.getByText(heading).first()).toBeVisible();
    // Let the data-driven parts (tables, bars) finish rendering.
    await page.waitForLoadState('networkidle');
    expect(await violations(page, name)).toEqual([]);
  });
}
