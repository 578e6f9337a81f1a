import { expect, test } from './fixtures';
import { builtPages, callLinkName, siteWords } from './site';

const words = siteWords();
const main = words.navigation.label;
const book = words.header.book;

test('the main navigation reaches every section and marks the current page', async ({ page }) => {
  await page.goto('/');
  for (const { href, label } of words.navigation.items) {
    const nav = page.getByRole('navigation', { name: main });
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(href);
    await expect(
      page.getByRole('navigation', { name: main }).getByRole('link', { name: label }),
    ).toHaveAttribute('aria-current', 'page');
  }
  await page.getByRole('banner').getByRole('link', { name: book, exact: true }).click();
  await expect(page).toHaveURL('/book/');
  await page.getByRole('banner').getByRole('link').first().click();
  await expect(page).toHaveURL('/');
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
      await expect(
        page.getByRole('banner').getByRole('link', { name: callLinkName() }),
      ).toBeInViewport();
      await expect(
        page.getByRole('banner').getByRole('link', { name: book, exact: true }),
      ).toBeInViewport();
    }
  });
}
