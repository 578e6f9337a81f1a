import { expect, test } from './fixtures';
import { SITE_URL } from '../../src/site.config';
import { formatDuration, formatPhone, formatPrice, weekdayName } from '../../src/lib/format';
import type { Weekday } from '../../src/schemas/clinic';
import { jsonLdBlocks, validate, type JsonLd } from '../support/structured-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builtPages,
  clinic,
  distDir,
  entries,
  languageOfPage,
  LANGUAGES,
  pathIn,
  siteWords,
} from './site';

const settings = clinic();
const words = siteWords();
const { language } = words;
const price = (amount: number) => formatPrice({ price: amount, currency: 'USD' }, language);

test('the sitemap lists exactly the public pages, and robots.txt points to it', async ({
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  expect(index).toContain(`<loc>${SITE_URL}/sitemap-0.xml</loc>`);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]).sort();
  expect(listed).toEqual(
    builtPages()
      .map((path) => `${SITE_URL}${path}`)
      .sort(),
  );
  expect(listed.some((url) => /\/(admin|404)/.test(url ?? ''))).toBe(false);

  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await robots.text()).toBe(
    `User-agent: *\nDisallow: /admin/\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`,
  );
});

test('every page has a unique title and description within limits, a canonical URL, lang and share tags', async ({
  page,
  request,
}) => {
  const titles = new Set<string>();
  const descriptions = new Set<string>();
  for (const path of builtPages()) {
    await page.goto(path);
    const head = page.locator('head');
    const title = await page.title();
    expect(title.length, `${path} title "${title}"`).toBeLessThanOrEqual(60);
    expect(titles.has(title), `${path} repeats "${title}"`).toBe(false);
    titles.add(title);
    const description =
      (await head.locator('meta[name="description"]').getAttribute('content')) ?? '';
    expect(description.length, `${path} description`).toBeGreaterThanOrEqual(50);
    expect(description.length, `${path} description`).toBeLessThanOrEqual(160);
    expect(descriptions.has(description), `${path} repeats its description`).toBe(false);
    descriptions.add(description);
    await expect(head.locator('link[rel="canonical"]'), path).toHaveAttribute(
      'href',
      `${SITE_URL}${path}`,
    );
    await expect(page.locator('html'), path).toHaveAttribute('lang', languageOfPage(path).tag);
    for (const [selector, expected] of [
      ['meta[property="og:title"]', title],
      ['meta[property="og:description"]', description],
      ['meta[property="og:url"]', `${SITE_URL}${path}`],
      ['meta[name="twitter:card"]', 'summary_large_image'],
      ['meta[name="twitter:title"]', title],
    ] as const) {
      await expect(head.locator(selector), `${path} ${selector}`).toHaveAttribute(
        'content',
        expected,
      );
    }
    const image = (await head.locator('meta[property="og:image"]').getAttribute('content')) ?? '';
    expect(image, path).toMatch(new RegExp(`^${SITE_URL}/_astro/.+\\.jpg$`));
    expect((await request.get(new URL(image).pathname)).status(), `${path} og:image`).toBe(200);
    await expect(head.locator('meta[name="twitter:image"]'), path).toHaveAttribute(
      'content',
      image,
    );
    expect(
      await head.locator('meta[property="og:image:alt"]').getAttribute('content'),
    ).toBeTruthy();
  }
});

test('a service with its own photo shares that photo', async ({ page }) => {
  await page.goto('/services/orthopedic-medical-massage/');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toContain('massage-in-progress');
  await page.goto('/services/myofascial-release/');
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toContain(
    'back-massage',
  );
});

test('favicons and the web manifest are served', async ({ request }) => {
  for (const path of [
    '/favicon.ico',
    '/favicon.svg',
    '/apple-touch-icon.png',
    '/icon-192.png',
    '/icon-512.png',
  ]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  const manifest = (await (await request.get('/site.webmanifest')).json()) as {
    name: string;
    icons: unknown[];
  };
  expect(manifest.name).toBe(settings.name);
  expect(manifest.icons).toHaveLength(2);
});

test('every page has one h1 and headings that never skip a level', async ({ page }) => {
  for (const path of [...builtPages(), '/no-such-page/']) {
    await page.goto(path);
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .filter((heading) => heading.checkVisibility())
        .map((heading) => Number(heading.tagName[1])),
    );
    expect(levels[0], path).toBe(1);
    expect(
      levels.filter((level) => level === 1),
      path,
    ).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0)
        expect(level - (levels[index - 1] ?? 1), `${path} heading ${index}`).toBeLessThanOrEqual(1);
    });
  }
});

test('every JSON-LD block parses, has @context and its type, and passes the offline validator', async ({
  page,
}) => {
  for (const path of builtPages()) {
    await page.goto(path);
    const blocks = jsonLdBlocks(await page.content());
    for (const block of blocks) {
      expect(block['@context'], path).toBe('https://schema.org');
    }
    const types = blocks.map((block) => block['@type']);
    const language = languageOfPage(path);
    const expected = ['Physiotherapy'];
    if (path !== pathIn('/', language)) expected.push('BreadcrumbList');
    if (path === pathIn('/faq/', language)) expected.push('FAQPage');
    const services = pathIn('/services/', language);
    if (path.startsWith(services) && path !== services) expected.push('Service');
    // A condition's page is a MedicalWebPage, on any site, in place of the WebPage.
    const conditions = pathIn('/conditions/', language);
    const condition = path.startsWith(conditions) && path !== conditions;
    if (condition) expected.push('MedicalWebPage');
    // On a site in several languages, the page itself, in its language.
    if (LANGUAGES.all.length > 1) {
      const pageType = condition ? 'MedicalWebPage' : 'WebPage';
      if (!condition) expected.push(pageType);
      const webPage = blocks.find((block) => block['@type'] === pageType);
      expect(webPage?.['inLanguage'], path).toBe(language.tag);
      const business = blocks.find((block) => block['@type'] === 'Physiotherapy') as JsonLd & {
        contactPoint?: { availableLanguage?: string[] };
      };
      expect(business.contactPoint?.availableLanguage, path).toEqual(
        LANGUAGES.all.map(({ tag }) => tag),
      );
    }
    expect(types.sort(), path).toEqual(expected.sort());
    const errors = (await validate(blocks)).filter((issue) => issue.severity === 'ERROR');
    expect(errors, path).toEqual([]);
  }
});

test('the business data agrees with what the page shows', async ({ page }) => {
  await page.goto('/contact/');
  const business = jsonLdBlocks(await page.content()).find(
    (block) => block['@type'] === 'Physiotherapy',
  ) as JsonLd & {
    name: string;
    telephone: string;
    address: {
      streetAddress: string;
      addressLocality: string;
      addressRegion: string;
      postalCode: string;
    };
    openingHoursSpecification: { dayOfWeek: string[] }[];
    paymentAccepted: string;
    priceRange: string;
  };
  const main = page.getByRole('main');
  await expect(page.getByRole('banner')).toContainText(business.name);
  await expect(
    page.getByRole('banner').getByRole('link', {
      name: `${words.contact.call} ${formatPhone(business.telephone)}`,
    }),
  ).toBeVisible();
  await expect(main).toContainText(business.address.streetAddress);
  await expect(main).toContainText(
    `${business.address.addressLocality}, ${business.address.addressRegion} ${business.address.postalCode}`,
  );
  const openDays = business.openingHoursSpecification.flatMap(({ dayOfWeek }) =>
    dayOfWeek.map((day) => day.replace('https://schema.org/', '') as Weekday),
  );
  for (const day of openDays) {
    await expect(
      main
        .getByRole('region', { name: words.hours.heading })
        .getByText(weekdayName(day, language), { exact: true }),
    ).toBeVisible();
  }
  expect(business.paymentAccepted).toBe(settings.paymentAccepted.join(', '));
  const prices = entries<{ price: number }>('pricing').map(({ data }) => data.price);
  expect(business.priceRange).toBe(`${price(Math.min(...prices))}–${price(Math.max(...prices))}`);
});

test('the business lists its therapists, each with the licence the therapists page shows', async ({
  page,
}) => {
  await page.goto('/therapists/');
  const business = jsonLdBlocks(await page.content()).find(
    (block) => block['@type'] === 'Physiotherapy',
  ) as JsonLd & {
    employee: {
      '@id': string;
      name: string;
      hasCredential: { identifier: string; url: string; recognizedBy: { name: string } };
    }[];
  };
  const shown = await page.locator('section.therapist').evaluateAll((sections) =>
    sections.map((section) => ({
      id: section.id,
      heading: section.querySelector('h2')?.textContent ?? '',
      text: section.textContent ?? '',
      lookup: section.querySelector<HTMLAnchorElement>('a[href^="https:"]')?.href ?? '',
    })),
  );
  expect(shown.length).toBeGreaterThan(0);
  expect(business.employee.map((person) => person['@id'])).toEqual(
    shown.map(({ id }) => `${SITE_URL}/therapists/#${id}`),
  );
  business.employee.forEach((person, index) => {
    const section = shown[index];
    expect(section?.heading).toContain(person.name);
    expect(section?.text).toContain(person.hasCredential.identifier);
    expect(section?.text).toContain(person.hasCredential.recognizedBy.name);
    expect(section?.lookup).toBe(person.hasCredential.url);
  });
});

test('service offers agree with the prices on /pricing/', async ({ page }) => {
  await page.goto('/pricing/');
  const shown = await page
    .locator('.tier')
    .evaluateAll((tiers) =>
      tiers.map(
        (tier) =>
          tier.querySelector('.duration')?.textContent +
          ' ' +
          tier.querySelector('.price')?.textContent,
      ),
    );
  await page.goto('/services/orthopedic-medical-massage/');
  const service = jsonLdBlocks(await page.content()).find(
    (block) => block['@type'] === 'Service',
  ) as JsonLd & {
    provider: { '@id': string };
    offers: {
      price: number;
      priceCurrency: string;
      eligibleDuration: { value: number; unitCode: string };
    }[];
  };
  expect(service.provider['@id']).toBe(`${SITE_URL}/#business`);
  expect(
    service.offers.map(
      (offer) => `${formatDuration(offer.eligibleDuration.value, language)} ${price(offer.price)}`,
    ),
  ).toEqual(shown);
  expect(
    service.offers.every(
      (offer) => offer.priceCurrency === 'USD' && offer.eligibleDuration.unitCode === 'MIN',
    ),
  ).toBe(true);
});

test('the FAQ data holds every question shown, with its answer as plain text', async ({ page }) => {
  await page.goto('/faq/');
  const faq = jsonLdBlocks(await page.content()).find(
    (block) => block['@type'] === 'FAQPage',
  ) as JsonLd & {
    mainEntity: { name: string; acceptedAnswer: { text: string } }[];
  };
  const shown = await page.getByRole('main').locator('article h3').allTextContents();
  expect(faq.mainEntity.map(({ name }) => name).sort()).toEqual(shown.sort());
  expect(faq.mainEntity).toHaveLength(entries('faq').length);
  for (const { name, acceptedAnswer } of faq.mainEntity) {
    expect(acceptedAnswer.text, name).not.toMatch(/[<>[\]*]/);
    // The page sets typographic quotes (’) where the content has straight ones (').
    const answer = await page
      .locator('article')
      .filter({ has: page.getByRole('heading', { name, exact: true }) })
      .textContent();
    const shownText = (answer ?? '')
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ');
    for (const paragraph of acceptedAnswer.text.split('\n\n'))
      expect(shownText, name).toContain(paragraph);
  }
});

test('breadcrumb data matches the breadcrumbs shown', async ({ page }) => {
  const homes = LANGUAGES.all.map((language) => pathIn('/', language));
  for (const path of builtPages().filter((path) => !homes.includes(path))) {
    await page.goto(path);
    const crumbs = jsonLdBlocks(await page.content()).find(
      (block) => block['@type'] === 'BreadcrumbList',
    ) as JsonLd & {
      itemListElement: { position: number; name: string; item: string }[];
    };
    const shown = await page
      .getByRole('navigation', { name: siteWords(languageOfPage(path)).breadcrumbs.label })
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((link) => [link.textContent, (link as HTMLAnchorElement).pathname]),
      );
    expect(
      crumbs.itemListElement.map(({ name, item }) => [name, new URL(item).pathname]),
      path,
    ).toEqual(shown);
    expect(crumbs.itemListElement.at(-1)?.item, path).toBe(`${SITE_URL}${path}`);
  }
});

/** `<link rel="alternate" hreflang>` of a built page, as `hreflang → absolute URL`. */
function hreflangs(path: string): Map<string, string> {
  const html = readFileSync(join(distDir, path, 'index.html'), 'utf8');
  return new Map(
    [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(
      ([, lang = '', href = '']) => [lang, href],
    ),
  );
}

test('every page names itself in each language it exists in, both ways, absolute, with x-default; the sitemap says the same', () => {
  const sitemap = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  for (const path of builtPages()) {
    const links = hreflangs(path);
    if (LANGUAGES.all.length === 1) {
      expect(links.size, path).toBe(0);
      continue;
    }
    // Itself, in its own language, and the main language's page for everyone else.
    expect(links.get(languageOfPage(path).tag), path).toBe(`${SITE_URL}${path}`);
    expect(links.get('x-default'), path).toBe(links.get(LANGUAGES.main.tag));
    for (const [lang, href] of links) {
      expect(href, `${path} ${lang}`).toMatch(new RegExp(`^${SITE_URL}/`));
      if (lang === 'x-default') continue;
      // Both ways: the page it names names this one back under this one's language.
      expect(hreflangs(new URL(href).pathname), `${href} names ${path}`).toEqual(links);
    }
    // The sitemap lists the page with the same alternates.
    const entry = new RegExp(
      `<url><loc>${RegExp.escape(`${SITE_URL}${path}`)}</loc>(.*?)</url>`,
    ).exec(sitemap)?.[1];
    expect(entry, `${path} in the sitemap`).toBeDefined();
    const alternates = new Map(
      [
        ...(entry ?? '').matchAll(
          /<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g,
        ),
      ].map(([, lang = '', href = '']) => [lang, href]),
    );
    expect(alternates, path).toEqual(links);
  }
});
