/**
 * Steps in Decap's own UI, shared by the CMS tests and `npm run screenshots`: waits are on what
 * the page shows, never on time.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens the CMS at `url` in a fresh load (not an in-app navigation from the last editor), logging
 * in first unless this browser already did, and waits until `ready` shows.
 */
export async function openCms(page: Page, url: string, ready: Locator): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  const login = page.getByRole('button', { name: 'Login' });
  // Under `npm run dev`, Vite may reload the page once while it optimises Decap's dependencies on
  // the first visit, bringing the login back: log in again until the editor shows.
  await expect(async () => {
    await login.or(ready).first().waitFor({ timeout: 60_000 });
    if (await login.isVisible()) await login.click();
    await ready.waitFor({ timeout: 15_000 });
  }).toPass({ timeout: 120_000 });
}

/** Moves the open draft to a column of the editorial workflow. */
export async function setStatus(page: Page, status: 'Draft' | 'In review' | 'Ready') {
  await page.getByRole('button', { name: /^Status:/ }).click();
  await page.getByRole('menuitem', { name: status, exact: true }).click();
  await page.getByRole('button', { name: `Status: ${status}` }).waitFor({ timeout: 15_000 });
}
