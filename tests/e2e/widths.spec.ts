/**
 * Every page in every language at phone and desktop widths, as a phone shows it (the mobile
 * project): nothing scrolls sideways, and the phone number and Book stay on screen. Each page is
 * loaded once and looked at in each width (the screen resized, as a phone turned or a window
 * narrowed): the pages' layout is CSS alone, drawn again at each width.
 */
import { expect, test } from './fixtures';
import { builtPages, callLinkName, languageOfPage, siteWords } from './site';

const WIDTHS = [320, 375, 1280];

test(`no page scrolls sideways at ${WIDTHS.join(', ')} px, and the phone and Book controls are on screen`, async ({
  page,
}) => {
  for (const path of builtPages()) {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
    await page.goto(path);
    const language = languageOfPage(path);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expect
        .poll(() => page.evaluate(() => window.innerWidth), `${path} at ${width} px`)
        .toBe(width);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      await expect(
        page.getByRole('banner').getByRole('link', { name: callLinkName(language) }),
        `${path} at ${width} px`,
      ).toBeInViewport();
      await expect(
        page
          .getByRole('banner')
          .getByRole('link', { name: siteWords(language).header.book, exact: true }),
        `${path} at ${width} px`,
      ).toBeInViewport();
    }
  }
});
