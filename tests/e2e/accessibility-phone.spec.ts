import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { builtPages, languageOfPage, LANGUAGES, pathIn } from './site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * On a phone (the mobile project): every page of the main language, and each other language's
 * home page; tests/e2e/accessibility.spec.ts checks every page of every language on a desktop.
 */
const phonePages = builtPages().filter(
  (path) => languageOfPage(path) === LANGUAGES.main || path === pathIn('/', languageOfPage(path)),
);

for (const path of [...phonePages, '/no-such-page/']) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = violations.map(
      ({ id, help, nodes }) =>
        `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
    expect(summary).toEqual([]);
  });
}
