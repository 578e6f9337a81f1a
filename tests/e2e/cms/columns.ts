import type { Locator, Page } from '@playwright/test';
import { openCms, typeAtEnd } from '../../support/cms-editor';
import { PHONE } from '../../support/cms-phone';
import type { DevWorkspace } from '../../support/dev-workspace';
import { LANGUAGES } from '../site';
import { expect, test } from '../fixtures';

/**
 * The languages side by side in the editor, under `npm run dev` as staff use it
 * (src/cms/editor-workarounds.ts): words typed in the other language's column survive the
 * preview, the language toggle and the "Writing in" menu, the toolbar keeps saying they are not
 * saved and leaving asks first; every language's column can be reached on a laptop and on a
 * phone, whatever was toggled before; and no field is wider than a phone's screen. Declared by
 * tests/e2e/cms/dev.spec.ts inside its `npm run dev` run, on the same dev server.
 */
const ENTRY = '/collections/faq/entries/what-happens-in-a-session';
const MAIN = LANGUAGES.main;
const OTHER = LANGUAGES.others[0]!;
const DESKTOP = { width: 1280, height: 800 } as const;

/** The running `npm run dev` (set by `columnTests`). */
let devOf: () => DevWorkspace;

/** Decap's toggles, by the names staff read (Decap's own were "Toggle i18n", "Toggle preview"). */
const toggles = (page: Page) => ({
  column: page.getByRole('button', {
    name: new RegExp(`^Show the .* \\(${OTHER.code.toUpperCase()}\\) column$`),
  }),
  preview: page.getByRole('button', { name: /^Toggle preview/ }),
});

const unsaved = (page: Page) => page.getByText('Unsaved Changes', { exact: true });
const saved = (page: Page) => page.getByText('Changes saved', { exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

/**
 * A language's column, known by its "Writing in" menu (the last, as the other language's menu is
 * also in the left column while that column is written in it). Unlike tests/support/cms-editor.ts
 * `languagePane` it never stands for the whole page: a missing column is missing.
 */
function column(page: Page, code: string): Locator {
  const menu = page.getByText(`Writing in ${code.toUpperCase()}`, { exact: true });
  return page.locator('[class*="ControlPaneContainer"]').filter({ has: menu }).last();
}

/** A field of a language's column by its label (Decap's label and the widget beside it). */
function field(pane: Locator, label: string): Locator {
  return pane.locator('[class*="-ControlContainer"]').filter({
    has: pane.page().locator('label', { hasText: new RegExp(`^${label}$`) }),
  });
}

/** The main language's Category (a relation widget): what it shows, once its options are in. */
function category(page: Page): Locator {
  return field(column(page, MAIN.code), 'Category').locator('[class*="-control"]');
}

async function openEntry(page: Page): Promise<{ main: Locator; other: Locator; shown: string }> {
  await openCms(page, `${devOf().url}/admin/#${ENTRY}`, saveButton(page));
  const main = column(page, MAIN.code);
  const other = column(page, OTHER.code);
  // The relation widget sends its value again once its options are in (decap-cms-widget-relation
  // triggerInitialOnChange): the change that turned "Unsaved Changes" back into "Changes saved".
  await expect(category(page)).toHaveText(/\S/);
  const shown = await category(page).innerText();
  // Opening changes nothing.
  await expect(saved(page)).toBeVisible();
  await expect(saveButton(page)).toBeDisabled();
  return { main, other, shown };
}

/** A question that ends with `words` and its question mark. */
const endsWith = (words: string) => new RegExp(`${words}\\?$`);

/** Types into the other language's question and answer; returns what was typed in each. */
async function typeInOther(page: Page, other: Locator, mark: string) {
  const question = field(other, 'Question').getByRole('textbox');
  await question.scrollIntoViewIfNeeded();
  await question.click();
  // Before the question mark the question ends with (a rule of the site's: saving checks it).
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const words = { question: ` ${mark}`, answer: ` Palabras nuevas ${mark}.` };
  await page.keyboard.insertText(words.question);
  await expect(question).toHaveValue(endsWith(words.question));
  const answer = other.locator('[data-slate-editor="true"]');
  await answer.scrollIntoViewIfNeeded();
  await typeAtEnd(page, answer, words.answer);
  return words;
}

/** The typed words are in the other language's column, and the toolbar says they are not saved. */
async function stillThere(page: Page, other: Locator, words: { question: string; answer: string }) {
  await expect(field(other, 'Question').getByRole('textbox')).toHaveValue(endsWith(words.question));
  await expect(other.locator('[data-slate-editor="true"]')).toContainText(words.answer.trim());
  await expect(unsaved(page)).toBeVisible();
  await expect(saveButton(page)).toBeEnabled();
}

/** The main language's column drawn again, its Category shown again: its value was sent again. */
async function categoryShownAgain(page: Page, shown: string) {
  await expect(category(page)).toHaveText(shown);
  await expect(unsaved(page)).toBeVisible();
  await expect(saved(page)).toHaveCount(0);
}

/** Switches the left column's "Writing in" menu to `code`. */
async function writeIn(page: Page, from: string, code: string) {
  await page.getByText(`Writing in ${from.toUpperCase()}`, { exact: true }).first().click();
  await page.getByRole('menuitem', { name: code, exact: true }).click();
  await expect(page.getByText(`Writing in ${code.toUpperCase()}`, { exact: true })).toHaveCount(
    code === OTHER.code ? 2 : 1,
  );
}

/** Going back to the collection asks first (Decap's confirm); staying keeps every word. */
async function leavingAsks(page: Page) {
  const asked: string[] = [];
  // Answered from the listener: the click does not end while the question is open.
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: /Writing in .* collection/ }).click();
  await expect.poll(() => asked).toEqual(['confirm']);
  await expect(page).toHaveURL(new RegExp(`${ENTRY}$`));
}

/** Every field on screen lies within the screen's width (its whole box), none wider. */
async function fieldsFit(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const fields = page.locator(
    '[class*="ControlPaneContainer"] :is(input:not([type="hidden"]), textarea, [data-slate-editor], [class*="-control"])',
  );
  const boxes = await fields.evaluateAll((elements) =>
    elements
      .map((element) => {
        const { left, right, width } = element.getBoundingClientRect();
        return { name: element.outerHTML.slice(0, 80), left, right, width };
      })
      .filter((box) => box.width > 0),
  );
  expect(boxes.length).toBeGreaterThan(3);
  expect(
    boxes.filter((box) => box.left < 0 || box.right > width + 0.5),
    `fields past the ${width} px screen`,
  ).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
}

/** A language's column can be scrolled to and is on screen: its menu and its question field. */
async function reachable(pane: Locator) {
  const question = field(pane, 'Question').getByRole('textbox');
  const menu = pane.getByText(/^Writing in /);
  // Again until each is on screen when scrolled to: a narrowed screen draws the columns anew, and
  // a field found just before it did is gone ("not attached to the DOM", once on a loaded machine).
  await expect(async () => {
    await expect(question).toHaveCount(1);
    await question.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await expect(question).toBeInViewport({ timeout: 10_000 });
    await menu.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await expect(menu).toBeInViewport({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
}

/** Declares the tests above on the `npm run dev` that `dev` returns once started. */
export function columnTests(dev: () => DevWorkspace): void {
  devOf = dev;
  test.describe('on a laptop', () => {
    test.use({ viewport: DESKTOP });

    test('words typed in the other language survive the preview, the column toggle and the Writing in menu; leaving asks', async ({
      page,
    }) => {
      const { main, other, shown } = await openEntry(page);
      const words = await typeInOther(page, other, 'PALABRA');
      await stillThere(page, other, words);
      const { column, preview } = toggles(page);
      await expect(column).toBeVisible();

      // The preview takes the other column's place: its words are kept, still unsaved.
      await preview.click();
      await expect(page.locator('#preview-pane')).toBeVisible();
      await expect(other).toBeHidden();
      await categoryShownAgain(page, shown);
      await leavingAsks(page);

      // Turning the preview off brings the other column back (Decap showed none).
      await preview.click();
      await expect(page.locator('#preview-pane')).toHaveCount(0);
      await stillThere(page, other, words);
      await categoryShownAgain(page, shown);

      // The preview again, then the column by its own button.
      await preview.click();
      await expect(page.locator('#preview-pane')).toBeVisible();
      await column.click();
      await stillThere(page, other, words);
      await categoryShownAgain(page, shown);
      // The column's button never hides it.
      await column.click();
      await stillThere(page, other, words);

      // The left column written in the other language, and back.
      await writeIn(page, MAIN.code, OTHER.code);
      await expect(
        page.getByText(`Writing in ${MAIN.code.toUpperCase()}`, { exact: true }),
      ).toHaveCount(0);
      await writeIn(page, OTHER.code, MAIN.code);
      await stillThere(page, other, words);
      await categoryShownAgain(page, shown);
      await expect(main).toBeVisible();
      await fieldsFit(page);

      await leavingAsks(page);
      await stillThere(page, other, words);
      // Closing the tab asks too (the browser's own "Leave site?").
      const asked = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const dialog = await asked;
      expect(dialog.type()).toBe('beforeunload');
      await dialog.dismiss();
    });

    test('a line dragged off the side and a preview left on, then the screen narrowed to a phone: each column is there', async ({
      page,
    }) => {
      // What another screen left in this browser: the dividing line dragged far right (pixels).
      await page.goto(`${devOf().url}/robots.txt`);
      await page.evaluate(() => localStorage.setItem('cms.split-pane-position', '3000'));
      const { main, other } = await openEntry(page);
      await reachable(main);
      await reachable(other);
      await fieldsFit(page);

      await toggles(page).preview.click();
      await expect(page.locator('#preview-pane')).toBeVisible();
      await expect(other).toBeHidden();
      // A tablet turned, a window narrowed: below 800 px the columns are one above the other.
      await page.setViewportSize(PHONE);
      await reachable(main);
      await reachable(other);
      await fieldsFit(page);
    });
  });

  test.describe('on a laptop, after saving', () => {
    test.use({ viewport: DESKTOP });

    test('words saved in the other language stay saved through the toggles, and leaving asks nothing', async ({
      page,
    }) => {
      const { other, shown } = await openEntry(page);
      const words = await typeInOther(page, other, 'GUARDADO');
      await saveButton(page).click();
      await expect(saved(page)).toBeVisible();
      await expect(page.getByRole('button', { name: /^Status:/ })).toBeVisible();
      expect(devOf().draftBranches()).toContain('cms/faq/what-happens-in-a-session');

      const { preview } = toggles(page);
      await preview.click();
      await expect(page.locator('#preview-pane')).toBeVisible();
      await expect(category(page)).toHaveText(shown);
      await preview.click();
      await expect(category(page)).toHaveText(shown);
      await expect(field(other, 'Question').getByRole('textbox')).toHaveValue(
        endsWith(words.question),
      );
      await expect(saved(page)).toBeVisible();
      await expect(unsaved(page)).toHaveCount(0);

      const asked: string[] = [];
      page.on('dialog', (dialog) => {
        asked.push(dialog.type());
        void dialog.dismiss();
      });
      await page.getByRole('link', { name: /Writing in .* collection/ }).click();
      await expect(page).toHaveURL(/#\/collections\/faq$/);
      expect(asked).toEqual([]);
    });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

    for (const remembered of ['preview', 'none']) {
      test(`with "${remembered}" remembered from a laptop, both columns are reachable, fit the screen and keep their words`, async ({
        page,
      }) => {
        // The toggles Decap remembers in this browser (localStorage), as a laptop left them.
        await page.goto(`${devOf().url}/robots.txt`);
        await page.evaluate((pane) => localStorage.setItem('cms.right-pane', pane), remembered);
        const { main, other, shown } = await openEntry(page);
        await reachable(main);
        await reachable(other);
        await fieldsFit(page);

        const words = await typeInOther(page, other, 'MÓVIL');
        await stillThere(page, other, words);
        await writeIn(page, MAIN.code, OTHER.code);
        await writeIn(page, OTHER.code, MAIN.code);
        await stillThere(page, other, words);
        await categoryShownAgain(page, shown);
        await reachable(main);
        await reachable(other);
        await fieldsFit(page);
        await leavingAsks(page);
        await stillThere(page, other, words);
      });
    }
  });
}
