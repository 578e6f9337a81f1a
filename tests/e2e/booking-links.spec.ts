import { expect, test } from './fixtures';
import {
  bookingSettings,
  bookTierLabel,
  builtPages,
  callLinkName,
  entries,
  languageOfPage,
  tierEvent,
} from './site';

const booking = bookingSettings();
const tiers = entries<{ durationMinutes: number; calEvent: string }>('pricing');

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('every booking link points at the Cal.com page of its event', async ({ page }) => {
    let checked = 0;
    for (const path of builtPages()) {
      await page.goto(path);
      for (const link of await page.locator('a[data-booking]').all()) {
        const text = await link.textContent();
        const tier = tiers.find(
          ({ data }) => bookTierLabel(data.durationMinutes, languageOfPage(path)) === text,
        );
        expect(tier, `${path}: "${await link.textContent()}"`).toBeDefined();
        // The event of the page's language where its translation names one, else the main one.
        await expect(link).toHaveAttribute(
          'href',
          `${booking.origin}/${booking.calLink}/${tierEvent(tier?.id ?? '', languageOfPage(path))}`,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(tiers.length * 3);
  });

  test('a booking link is followed as a plain link', async ({ page }) => {
    const requested: string[] = [];
    await page.route(`${booking.origin}/**`, (route) => {
      requested.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<title>Cal.com</title>' });
    });
    await page.goto('/pricing/');
    await page.getByRole('link', { name: bookTierLabel(60) }).click();
    await expect(page).toHaveTitle('Cal.com');
    const sixty = tiers.find(({ data }) => data.durationMinutes === 60);
    expect(requested).toEqual([`${booking.origin}/${booking.calLink}/${sixty?.data.calEvent}`]);
  });

  test('/book/ offers the Cal.com links, phone and email', async ({ page }) => {
    await page.goto('/book/');
    await expect(page.getByRole('region', { name: booking.words.inlineHeading })).toContainText(
      booking.words.inlineHint,
    );
    await expect(page.getByRole('main').getByRole('link', { name: callLinkName() })).toBeVisible();
  });
});
