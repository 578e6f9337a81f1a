import { expect, test } from './fixtures';
import { formatPhone, formatPrice } from '../../src/lib/format';
import { builtHtml, builtPages, clinic, entries } from './site';

const settings = clinic();
const phone = formatPhone(settings.phone);

interface PageFront {
  title: string;
  heading: string;
}
const pageWords = Object.fromEntries(entries<PageFront>('pages').map(({ id, data }) => [id, data]));

test('every built page has its own title, one h1, the header and footer, and no paragraph twice', async ({
  page,
}) => {
  const titles = new Set<string>();
  for (const path of builtPages()) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const title = await page.title();
    expect(title, path).toMatch(new RegExp(`\\| ${settings.name.replace(/[()]/g, '\\$&')}$`));
    expect(titles.has(title), `${path} repeats the title "${title}"`).toBe(false);
    titles.add(title);
    // Counted in the document itself: once the inline booking loads, the Cal.com embed's shadow DOM
    // brings headings of its own.
    expect(await page.evaluate(() => document.querySelectorAll('h1').length), path).toBe(1);
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: `Call ${phone}` }), path).toHaveAttribute(
      'href',
      `tel:${settings.phone}`,
    );
    await expect(header.getByRole('link', { name: 'Book', exact: true }), path).toHaveAttribute(
      'href',
      '/book/',
    );
    await expect(page.getByRole('contentinfo').getByText(settings.email), path).toBeVisible();
    // The page's own text says each thing once (the footer's contact details are site chrome).
    const repeated = await page.getByRole('main').evaluate((main) => {
      const texts = [...main.querySelectorAll('p')]
        .filter((paragraph) => paragraph.checkVisibility())
        .map((paragraph) => paragraph.innerText.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      return texts.filter((text, index) => texts.indexOf(text) !== index);
    });
    expect(repeated, `${path} prints a paragraph twice`).toEqual([]);
  }
});

test('pages load no script file; the inline booking listener is the only script', async ({
  page,
}) => {
  // On a phone-sized screen the inline booking of /book/ starts below the fold; once in view, it
  // loads the booking widget (tests/e2e/booking/).
  await page.setViewportSize({ width: 375, height: 667 });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  for (const path of builtPages()) await page.goto(path);
  expect(scripts).toEqual([]);
  for (const [file, html] of builtHtml()) {
    // Structured data and speculation rules are data, not scripts (tests/e2e/quality.spec.ts).
    const data = ['<script type="application/ld+json">', '<script type="speculationrules">'];
    const tags = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !data.includes(tag));
    // The HSA/FSA page adds its print button's few lines (tests/e2e/hsa-fsa.spec.ts).
    const expected = file === '/hsa-fsa/index.html' ? 2 : 1;
    expect(tags, file).toEqual(Array(expected).fill('<script type="module">'));
    expect(html, file).toContain('closest(`a[data-booking]`)');
  }
});

test('home: what it is, the three elements, benefits, prices, plans and a call to action', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageWords.home?.heading ?? '');
  const steps = page.getByRole('region', { name: 'How a treatment works' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toContainText('assess your needs and your medical condition');
  const benefits = entries<{ title: string }>('benefits');
  const benefitItems = page
    .getByRole('region', { name: 'What medical massage can do for you' })
    .getByRole('listitem');
  await expect(benefitItems).toHaveCount(11);
  for (const { data } of benefits)
    await expect(benefitItems.getByText(data.title, { exact: true })).toBeVisible();
  const prices = page.getByRole('region', { name: 'Prices' });
  for (const { data } of entries<{ durationMinutes: number; price: number }>('pricing')) {
    await expect(
      prices.getByText(`${data.durationMinutes} minutes`, { exact: true }),
    ).toBeVisible();
    await expect(
      prices.getByText(formatPrice({ price: data.price, currency: 'USD' }), { exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Insurance and HSA/FSA' })).toContainText(
    'Capital Blue Cross',
  );
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Book a session' }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByRole('link', { name: `or call ${phone}` })
      .first(),
  ).toBeVisible();
  const hero = page.getByRole('img', { name: /massaging the back/ });
  await expect(hero).toBeVisible();
  expect(await hero.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.(avif|webp)$/);
});

test('services: the index lists every service and each page shows its body and related questions', async ({
  page,
}) => {
  const services = entries<{ title: string; summary: string; draft?: boolean }>('services').filter(
    ({ data }) => !data.draft,
  );
  const questions = entries<{ question: string; services?: string[] }>('faq');
  await page.goto('/services/');
  for (const { id, data } of services) {
    await expect(
      page.getByRole('main').getByRole('link', { name: data.title, exact: true }),
    ).toHaveAttribute('href', `/services/${id}/`);
  }
  for (const { id, data, body } of services) {
    await page.goto(`/services/${id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.title);
    const firstSentence = body.trim().split('\n').join(' ').split('. ')[0] ?? '';
    await expect(page.getByRole('main')).toContainText(firstSentence.replace(/\*\*/g, ''));
    const related = questions.filter((question) => question.data.services?.includes(id));
    const region = page.getByRole('region', { name: 'Questions' });
    if (related.length === 0) await expect(region).toHaveCount(0);
    for (const question of related)
      await expect(region.getByRole('heading', { name: question.data.question })).toBeVisible();
  }
});

test('pricing: every tier with its price, and the HSA/FSA note', async ({ page }) => {
  await page.goto('/pricing/');
  for (const { data } of entries<{ durationMinutes: number; price: number }>('pricing')) {
    await expect(
      page.getByRole('link', { name: `Book ${data.durationMinutes} minutes` }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('main')
        .getByText(formatPrice({ price: data.price, currency: 'USD' }), { exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Paying with HSA or FSA' })).toContainText(
    'Health Savings Account (HSA)',
  );
});

test('insurance: plans grouped by kind, checking coverage, HSA/FSA checklist, receipt, other care', async ({
  page,
}) => {
  await page.goto('/insurance/');
  const plans = entries<{ name: string; planTypes?: string[]; viaWellnessProgram?: boolean }>(
    'insurance',
  );
  const healthPlans = page.getByRole('region', { name: 'Health plans we are listed with' });
  const programs = page.getByRole('region', { name: 'Discount and wellness programs' });
  for (const { data } of plans) {
    const isProgram = data.viaWellnessProgram || data.planTypes?.includes('Discount program');
    const item = (isProgram ? programs : healthPlans)
      .getByRole('listitem')
      .filter({ hasText: data.name });
    await expect(item, data.name).toHaveCount(1);
    for (const type of data.planTypes ?? []) await expect(item).toContainText(type);
  }
  await expect(programs.getByRole('link', { name: /Check coverage for/ })).toHaveCount(2);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'How to check your coverage' })).toBeVisible();
  const checklist = page
    .getByRole('region', { name: 'Paying with HSA or FSA' })
    .getByRole('listitem');
  await expect(checklist).toHaveCount(settings.hsaFsa.checklist.length);
  for (const text of [
    'medically necessary',
    'two sessions per week for 6 weeks',
    'massage therapy or manual therapy',
    'diagnosis code',
  ]) {
    await expect(checklist.filter({ hasText: text })).toHaveCount(1);
  }
  await expect(main).toContainText('customized receipt');
  await expect(
    main.getByRole('heading', { name: /Workers[’'] compensation and auto accidents/ }),
  ).toBeVisible();
  await expect(main).toContainText('automobile accidents');
  await expect(
    main.getByRole('heading', { name: 'Working with your other providers' }),
  ).toBeVisible();
  await expect(main).toContainText('acupuncturist, chiropractor, physical therapist');
});

test('faq: grouped by category, every answer linkable by its anchor', async ({ page }) => {
  const questions = entries<{ question: string }>('faq');
  await page.goto('/faq/');
  for (const heading of [
    'About medical massage',
    'Prescriptions',
    'Payment, insurance and HSA/FSA',
    'Your visit',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  for (const { id, data } of questions) {
    await expect(page.getByRole('link', { name: data.question })).toHaveAttribute('href', `#${id}`);
  }
  const target = questions.find(({ id }) => id === 'workers-compensation');
  await page.goto('/faq/#workers-compensation');
  await expect(page.locator(':target')).toHaveAttribute('id', 'workers-compensation');
  await expect(page.locator(':target')).toContainText(target?.data.question ?? '');
  await expect(page.locator(':target')).toBeInViewport();
});

test('book: until online booking, phone and email', async ({ page }) => {
  await page.goto('/book/');
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: `Call ${phone}` })).toHaveAttribute(
    'href',
    `tel:${settings.phone}`,
  );
  await expect(main.getByRole('link', { name: settings.email })).toHaveAttribute(
    'href',
    `mailto:${settings.email}`,
  );
});

test('contact: address, hours, phone, email and a map link, with no embedded map', async ({
  page,
}) => {
  await page.goto('/contact/');
  const main = page.getByRole('main');
  await expect(main).toContainText(settings.address.street);
  await expect(main).toContainText(
    `${settings.address.city}, ${settings.address.region} ${settings.address.postalCode}`,
  );
  await expect(main.getByRole('region', { name: 'Opening hours' })).toContainText('Monday');
  await expect(main.getByRole('link', { name: `Phone: ${phone}` })).toBeVisible();
  await expect(main.getByRole('link', { name: settings.email })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Directions on a map' })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('an unknown path is answered with the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    pageWords['not-found']?.heading ?? '',
  );
  await expect(page.getByRole('main').getByRole('link', { name: 'Pricing' })).toBeVisible();
});

test('print: navigation and buttons are left out, the content stays', async ({ page }) => {
  await page.goto('/pricing/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Book 60 minutes' })).toBeHidden();
  await expect(page.getByRole('main').getByText('$100', { exact: true })).toBeVisible();
});
