/**
 * Staff's everyday jobs in the CMS, as done on a phone (375 px wide): change Friday's opening
 * hours, change a price, correct an FAQ answer, each saved, moved to Ready and published. Shared
 * by tests/e2e/cms/phone.spec.ts and `npm run screenshots` (the phone pictures in docs/staff-guide.md).
 */
import { expect, type Page } from '@playwright/test';
import { languagePane, openCms, typeAtEnd } from './cms-editor.ts';

export { publish, save } from './cms-editor.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The main language's code (`en`), the first of `src/content/settings/languages.yaml`; read here
 * directly, as `npm run screenshots` runs this file in Node without the build's module resolution.
 */
const LANGUAGE_TAGS = (
  parse(readFileSync('src/content/settings/languages.yaml', 'utf8')) as { languages: string[] }
).languages;
export const MAIN = LANGUAGE_TAGS[0]!.split('-')[0]!.toLowerCase();
/** The first other language's code (`es`), for the side-by-side picture; the main one if none. */
export const OTHER = (LANGUAGE_TAGS[1] ?? LANGUAGE_TAGS[0]!).split('-')[0]!.toLowerCase();

export const PHONE = { width: 375, height: 740 } as const;

/** The editor is open and its toolbar fits the screen. */
async function openEditor(page: Page, base: string, hash: string): Promise<void> {
  await openCms(
    page,
    `${base}/admin/#${hash}`,
    page.getByRole('button', { name: 'Save', exact: true }),
  );
}

/** Every toolbar button staff need is on screen, none off the right edge. */
export async function toolbarFits(page: Page): Promise<void> {
  for (const name of [/^Save$/, /^Status:|^Published$|^Publish$/]) {
    const button = page.getByRole('button', { name }).first();
    if (!(await button.isVisible())) continue;
    const box = await button.boundingBox();
    expect(box, `${String(name)} button`).not.toBeNull();
    expect(
      (box?.x ?? 0) + (box?.width ?? 0),
      `${String(name)} button's right edge`,
    ).toBeLessThanOrEqual(PHONE.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
}

/** Locations › the main location › Hours: Friday closes at `closes` (e.g. '16:00'). Leaves it unsaved. */
export async function changeFridayHours(page: Page, base: string, closes: string): Promise<void> {
  await openEditor(page, base, '/collections/locations/entries/main');
  await toolbarFits(page);
  // Each set of hours, collapsed, reads as staff write it (`Fri 09:00–14:00`, src/cms/list-summaries.ts);
  // its item's first button (a chevron Decap leaves unnamed) opens it.
  const friday = languagePane(page, MAIN).getByText(/^Fri \d\d:\d\d–\d\d:\d\d$/);
  await friday.scrollIntoViewIfNeeded();
  await friday.locator('xpath=ancestor::div[.//button][1]').getByRole('button').first().click();
  const closesField = languagePane(page, MAIN).getByLabel('Closes', { exact: true }).last();
  await expect(closesField).toBeVisible();
  await closesField.fill(closes);
  await expect(closesField).toHaveValue(closes);
}

/** Prices › 60 minutes: a new price. Leaves it unsaved. */
export async function changePrice(page: Page, base: string, price: string): Promise<void> {
  await openEditor(page, base, '/collections/pricing/entries/60-minutes');
  await toolbarFits(page);
  await languagePane(page, MAIN).getByLabel('Price').fill(price);
}

/** FAQ › `entry`: `text` added at the end of the answer. Leaves it unsaved. */
export async function correctAnswer(
  page: Page,
  base: string,
  text: string,
  entry = 'auto-accidents',
): Promise<void> {
  await openEditor(page, base, `/collections/faq/entries/${entry}`);
  await toolbarFits(page);
  const answer = languagePane(page, MAIN).locator('[data-slate-editor="true"]');
  await answer.scrollIntoViewIfNeeded();
  await typeAtEnd(page, answer, text);
}
