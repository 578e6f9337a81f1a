/**
 * Every page in every language at phone and desktop widths, as a phone shows it (the mobile
 * project): nothing scrolls sideways, and the phone number and Book stay on screen.
 */
import { expect, test } from './fixtures';
import { builtPages, callLinkName, languageOfPage, siteWords } from './site';

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
