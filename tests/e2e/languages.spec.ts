/**
 * Each page leads to itself in every other language of the site (desktop only: the link is the
 * same element on a phone, where tests/e2e/widths.spec.ts checks it fits).
 */
import { expect, test } from './fixtures';
import { builtPages, languageOfPage, LANGUAGES, siteWords } from './site';

test('each page links to itself in every other language, named in that language, and back', async ({
  page,
}) => {
  for (const path of builtPages()) {
    const language = languageOfPage(path);
    for (const other of LANGUAGES.all.filter(({ code }) => code !== language.code)) {
      await page.goto(path);
      const name = siteWords(other).languageName;
      const link = page.getByRole('banner').getByRole('link', { name, exact: true });
      await expect(link, path).toHaveAttribute('hreflang', other.tag);
      await expect(link, path).toHaveAttribute('lang', other.tag);
      // By keyboard, as a visitor without a mouse switches.
      await link.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('html'), path).toHaveAttribute('lang', other.tag);
      const back = page
        .getByRole('banner')
        .getByRole('link', { name: siteWords(language).languageName, exact: true });
      await expect(back, path).toHaveAttribute('href', path);
    }
  }
});
