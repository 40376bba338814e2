/*
 * What every portal test does: sign in as the demo guest, and keep screenshots (saved under
 * e2e-test-results/ and attached to the HTML report) so a person can look at the pages.
 */
import { expect, Page, test } from '@playwright/test';

export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('heading', { name: 'NKP Lifecycle demo Catalog' }),
  ).toBeVisible();
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
