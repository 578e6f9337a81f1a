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
  const done = page.getByRole('button', { name: `Status: ${status}` });
  // Again until the toolbar shows it: a menu closed by a re-render (after a refused publish, say)
  // loses the choice, and on a loaded machine the backend may take a while to move the draft.
  await expect(async () => {
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('menuitem', { name: status, exact: true }).click({ timeout: 5_000 });
    await done.waitFor({ timeout: 20_000 });
  }).toPass({ timeout: 90_000 });
}

/** Ticks "Translation checked by a fluent speaker" in a language's column (`languagePane`). */
export async function markChecked(pane: Locator): Promise<void> {
  const checked = pane.getByRole('switch', { name: /^Translation checked by a fluent speaker/ });
  await checked.click();
  await expect(checked).toHaveAttribute('aria-checked', 'true');
}

/** Saves the open entry as a draft, and waits until the toolbar says it is saved. */
export async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The toolbar, not the notice (which fades out on its own schedule), says it is saved.
  await expect(page.getByText('Changes saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Status:/ })).toBeVisible();
}

/** Moves the open draft to Ready and publishes it. */
export async function publish(page: Page): Promise<void> {
  await setStatus(page, 'Ready');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  await expect(page.getByRole('button', { name: 'Published', exact: true })).toBeVisible();
}

/**
 * Types `text` at the end of a rich-text field. Decap's editor (Slate) takes the caret from a
 * click a moment later, which can undo a move to the end made at once: this waits until the
 * browser's caret really is at the end before typing.
 */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+End');
    const atEnd = await editor.evaluate((element) => {
      const selection = element.ownerDocument.getSelection();
      if (!selection?.isCollapsed || !selection.focusNode) return false;
      const after = element.ownerDocument.createRange();
      after.setStart(selection.focusNode, selection.focusOffset);
      after.setEnd(element, element.childNodes.length);
      return after.toString().trim() === '';
    });
    expect(atEnd, 'the caret is at the end of the text').toBe(true);
  }).toPass({ timeout: 15_000 });
  await page.keyboard.insertText(text);
  await expect(editor).toContainText(text.trim());
}

/**
 * The editor's column for one language (`en`, `es`): with several languages Decap shows them side
 * by side, each under its "Writing in EN" menu, and a field's label is in each column that has it.
 * Where there is one language only (the settings and pages of a language) it is the whole page.
 */
export function languagePane(page: Page, code: string): Locator {
  // By its text, not its role: while a modal (the media library) closes, Decap hides the page
  // from assistive technology, and the column must not turn into the whole page meanwhile.
  const menu = page.getByText(`Writing in ${code.toUpperCase()}`, { exact: true });
  // Decap's column of fields (its styled component's label stays in the class name).
  const pane = page.locator('[class*="ControlPaneContainer"]').filter({ has: menu }).last();
  // A collection in one language only (the settings, the pages) has no such menu: the whole page.
  return pane.or(page.locator('body').filter({ hasNot: menu }));
}
