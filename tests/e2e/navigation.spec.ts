import { expect, test } from './fixtures';
import { LANGUAGES, pathIn, siteWords } from './site';

const words = siteWords();

for (const language of LANGUAGES.all) {
  test(`the main navigation reaches every section and marks the current page (${language.tag})`, async ({
    page,
  }) => {
    const words = siteWords(language);
    const main = words.navigation.label;
    const home = pathIn('/', language);
    await page.goto(home);
    for (const { href, label } of words.navigation.items) {
      const nav = page.getByRole('navigation', { name: main });
      await nav.getByRole('link', { name: label }).click();
      await expect(page).toHaveURL(pathIn(href, language));
      await expect(
        page.getByRole('navigation', { name: main }).getByRole('link', { name: label }),
      ).toHaveAttribute('aria-current', 'page');
    }
    const book = words.header.book;
    await page.getByRole('banner').getByRole('link', { name: book, exact: true }).click();
    await expect(page).toHaveURL(pathIn('/book/', language));
    await page.getByRole('banner').getByRole('link').first().click();
    await expect(page).toHaveURL(home);
  });
}

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/pricing/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: words.skipLink })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
