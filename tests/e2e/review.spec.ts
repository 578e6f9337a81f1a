/**
 * The clinic's profiles and asking for reviews, with the shipped example settings (every profile
 * and a Google Place ID; a copy with none is built by tests/unit/second-clinic.test.ts): the plain
 * profile links where visitors look for them, /review/ leading to Google's review form, and the
 * printable card whose QR code reads back as the short address, in every language.
 */
import { reviewUrl } from '../../src/lib/profiles';
import { PROFILES } from '../../src/schemas/clinic';
import { SITE_URL } from '../../src/site.config';
import { decodeQr, modulesOfPath } from '../support/qr-decode';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { clinic, LANGUAGES, mainLocation, pageData, pathIn, siteWords } from './site';

const settings = clinic();
const placeId = mainLocation().googlePlaceId ?? '';
const review = reviewUrl(placeId);

/** Where a page with no hreflang links (the review pages) is in `language`: its slug's page. */
const reviewPath = (id: 'review' | 'review-card', language: (typeof LANGUAGES.all)[number]) => {
  if (language.code === LANGUAGES.main.code) return `/${id}/`;
  const slug = (pageData(id, language) as { slug?: string }).slug;
  return `/${language.code}/${slug}/`;
};

test('the shipped settings have every profile and a Place ID (the rest of this file needs them)', () => {
  expect(Object.keys(settings.profiles ?? {}).sort()).toEqual([...PROFILES].sort());
  expect(placeId).not.toBe('');
});

for (const language of LANGUAGES.all) {
  const words = siteWords(language).profiles;

  for (const main of ['/', '/contact/']) {
    test(`${language.tag}: ${main} links each profile and the review form, as plain links`, async ({
      page,
    }) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathIn(main, language));
      // In the footer, and on the contact page in its own column too.
      const times = main === '/' ? 1 : 2;
      await expect(page.getByRole('heading', { name: words.heading })).toHaveCount(times);
      const expectLinks = async (name: string, href: string) => {
        const links = page.getByRole('link', { name, exact: true });
        await expect(links).toHaveCount(times);
        for (const link of await links.all()) await expect(link).toHaveAttribute('href', href);
      };
      await expectLinks(words.review, review);
      for (const profile of PROFILES) {
        await expectLinks(words[profile], settings.profiles?.[profile] ?? '');
      }
      // Nothing is asked of those sites until a visitor follows a link.
      expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
    });
  }

  test(`${language.tag}: the business's JSON-LD names every profile as sameAs`, async ({
    page,
  }) => {
    await page.goto(pathIn('/', language));
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const business = blocks
      .map((text) => JSON.parse(text) as { '@type': string; sameAs?: string[] })
      .find((data) => data['@type'] === 'Physiotherapy');
    expect(business?.sameAs).toEqual(PROFILES.map((profile) => settings.profiles?.[profile]));
  });

  test(`${language.tag}: the short review address leads to Google's review form`, async ({
    page,
  }) => {
    await page
      .context()
      .route('https://search.google.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Google review form</title>' }),
      );
    const path = reviewPath('review', language);
    const arrived = page.waitForURL(review);
    await page.goto(path);
    await arrived;
    expect(page.url()).toBe(review);
    // Without following the refresh: a link there, and a page not to be indexed.
    const response = await page.request.get(path);
    const html = await response.text();
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${review}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`>${pageData('review', language).words.go}</a>`);
  });

  test(`${language.tag}: the review card's QR code reads back as the short address, and passes axe`, async ({
    page,
  }) => {
    await page.goto(reviewPath('review-card', language));
    const address = `${SITE_URL}${reviewPath('review', language)}`;
    const shown = address.replace(/^https:\/\//, '');
    const words = pageData('review-card', language).words;
    const qr = page.getByRole('img', { name: words.qrCode.replace('{address}', shown) });
    const [viewBox, path] = await Promise.all([
      qr.getAttribute('viewBox'),
      qr.locator('path').getAttribute('d'),
    ]);
    expect(decodeQr(modulesOfPath(path ?? '', viewBox ?? ''))).toBe(address);
    await expect(page.getByText(words.orVisit.replace('{address}', shown))).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the card alone: no header, navigation or footer.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('footer')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
    await expect(qr).toBeVisible();
  });
}

test('the review pages are not in the sitemap', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  for (const language of LANGUAGES.all) {
    for (const id of ['review', 'review-card'] as const) {
      expect(sitemap).not.toContain(`${SITE_URL}${reviewPath(id, language)}<`);
    }
  }
});
