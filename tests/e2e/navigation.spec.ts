import { expect, test } from './fixtures';
import { builtPages, callLinkName, languageOfPage, LANGUAGES, pathIn, siteWords } from './site';

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

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/pricing/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: words.skipLink })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

for (const width of [320, 375, 1280]) {
  test(`no page scrolls sideways at ${width} px, and the phone and Book controls are on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of builtPages()) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      const language = languageOfPage(path);
      await expect(
        page.getByRole('banner').getByRole('link', { name: callLinkName(language) }),
      ).toBeInViewport();
      await expect(
        page
          .getByRole('banner')
          .getByRole('link', { name: siteWords(language).header.book, exact: true }),
      ).toBeInViewport();
    }
  });
}
