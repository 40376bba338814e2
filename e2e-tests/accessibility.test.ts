import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './helpers';

/*
 * Every NKP view, checked with axe-core against WCAG 2.1 A and AA in the real portal. Only what
 * the NKP page shows is checked: its header and content, not Backstage's sidebar and tab list. Serious and critical violations fail the test; every violation is attached to the
 * report with the elements it concerns.
 */

const views: Array<[string, string, string]> = [
  ['overview', '/nkp/overview', 'Fleet policy state'],
  ['my deadlines', '/nkp/my-deadlines', 'My upgrade deadlines'],
  ['clusters', '/nkp/clusters', 'Clusters'],
  ['upgrade plans', '/nkp/plans', 'Upgrade plans'],
  ['exceptions', '/nkp/exceptions', 'Exceptions'],
  ['release calendar', '/nkp/calendar', 'Support windows'],
  ['a cluster page', '/catalog/default/resource/demo-globex-pay-dr', 'Policy'],
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

for (const [name, path, heading] of views) {
  test(`the ${name} view has no serious accessibility violations`, async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto(path);
    await expect(page.getByText(heading).first()).toBeVisible();
    // Let the data-driven parts (tables, bars) finish rendering.
    await page.waitForLoadState('networkidle');
    expect(await violations(page, name)).toEqual([]);
  });
}
