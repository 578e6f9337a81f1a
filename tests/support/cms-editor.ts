/**
 * Steps in Decap's own UI, shared by the CMS tests and `npm run screenshots`: waits are on what
 * the page shows, never on time.
 */
import type { Locator, Page } from '@playwright/test';

/**
 * Opens the CMS at `url` in a fresh load (not an in-app navigation from the last editor), logging
 * in first unless this browser already did, and waits until `ready` shows.
 */
export async function openCms(page: Page, url: string, ready: Locator): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  const login = page.getByRole('button', { name: 'Login' });
  await login.or(ready).waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await ready.waitFor({ timeout: 60_000 });
}

/** Moves the open draft to a column of the editorial workflow. */
export async function setStatus(page: Page, status: 'Draft' | 'In review' | 'Ready') {
  await page.getByRole('button', { name: /^Status:/ }).click();
  await page.getByRole('menuitem', { name: status, exact: true }).click();
  await page.getByRole('button', { name: `Status: ${status}` }).waitFor({ timeout: 15_000 });
}
