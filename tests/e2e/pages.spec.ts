import { expect, test } from './fixtures';
import {
  cancellationRule,
  fill,
  formatDate,
  formatDuration,
  formatHours,
  formatList,
  formatPhone,
  formatPrice,
} from '../../src/lib/format';
import { isDiscountOrWellness } from '../../src/schemas/insurance';
import {
  bookingSettings,
  categoryFiles,
  bookTierLabel,
  builtHtml,
  builtPages,
  clinic,
  entries,
  languageOfPage,
  LANGUAGES,
  mainLocation,
  pageData,
  pathIn,
  plans,
  siteWords,
} from './site';

const settings = clinic();
const phone = formatPhone(settings.phone);
const words = siteWords();
const booking = bookingSettings().words;
const { language } = words;
const price = (amount: number) => formatPrice({ price: amount, currency: 'USD' }, language);
const tiers = entries<{ durationMinutes: number; price: number }>('pricing');

interface TherapistFile {
  name: string;
  credentials: string;
  licence: { number: string; board: string; lookupUrl: string };
  languages: string[];
  techniques: string[];
  draft?: boolean;
}
/** The `## ` headings of a body, as the page shows them. */
const bodyHeadings = (body: string) =>
  [...body.matchAll(/^##+ (.+)$/gm)].map(([, heading = '']) => heading.replace(/\\(.)/g, '$1'));

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
    const language = languageOfPage(path);
    const words = siteWords(language);
    const header = page.getByRole('banner');
    await expect(
      header.getByRole('link', { name: `${words.contact.call} ${phone}` }),
      path,
    ).toHaveAttribute('href', `tel:${settings.phone}`);
    await expect(
      header.getByRole('link', { name: words.header.book, exact: true }),
      path,
    ).toHaveAttribute('href', pathIn('/book/', language));
    await expect(page.getByRole('contentinfo').getByText(settings.email), path).toBeVisible();
    const policies = page
      .getByRole('contentinfo')
      .getByRole('navigation', { name: words.footer.label });
    for (const id of ['privacy', 'accessibility'] as const)
      await expect(
        policies.getByRole('link', { name: pageData(id, language).title }),
        path,
      ).toHaveAttribute('href', pathIn(`/${id}/`, language));
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
    const hsaFsa = LANGUAGES.all.map((language) => `${pathIn('/hsa-fsa/', language)}index.html`);
    const expected = hsaFsa.includes(file) ? 2 : 1;
    expect(tags, file).toEqual(Array(expected).fill('<script type="module">'));
    expect(html, file).toContain('closest(`a[data-booking]`)');
  }
});

test('home: what it is, the three elements, benefits, prices, plans and a call to action', async ({
  page,
}) => {
  await page.goto('/');
  const home = pageData('home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(home.heading);
  const treatment = entries<{ kind: string; steps?: string[] }>('services').find(
    ({ data }) => data.kind === 'treatment',
  );
  const steps = page
    .getByRole('region', { name: words.sections.treatmentSteps })
    .getByRole('listitem');
  await expect(steps).toHaveText(treatment?.data.steps ?? []);
  const benefits = entries<{ title: string }>('benefits');
  const benefitItems = page
    .getByRole('region', { name: home.words.benefits })
    .getByRole('listitem');
  await expect(benefitItems).toHaveCount(benefits.length);
  for (const { data } of benefits)
    await expect(benefitItems.getByText(data.title, { exact: true })).toBeVisible();
  const prices = page.getByRole('region', { name: home.words.prices, exact: true });
  for (const { data } of tiers) {
    await expect(
      prices.getByText(formatDuration(data.durationMinutes, language), { exact: true }),
    ).toBeVisible();
    await expect(prices.getByText(price(data.price), { exact: true })).toBeVisible();
  }
  const insurance = page.getByRole('region', { name: home.words.insurance });
  for (const { data } of plans().filter(({ data }) => !isDiscountOrWellness(data)))
    await expect(insurance).toContainText(data.name);
  await expect(
    page.getByRole('main').getByRole('link', { name: booking.bookSession }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByRole('link', { name: `${booking.orCall} ${phone}` })
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
    const region = page.getByRole('region', { name: pageData('services').words.questions });
    if (related.length === 0) await expect(region).toHaveCount(0);
    for (const question of related)
      await expect(region.getByRole('heading', { name: question.data.question })).toBeVisible();
  }
});

test('pricing: every tier with its price, and the HSA/FSA note', async ({ page }) => {
  await page.goto('/pricing/');
  for (const { data } of tiers) {
    await expect(
      page.getByRole('link', { name: bookTierLabel(data.durationMinutes) }),
    ).toBeVisible();
    await expect(
      page.getByRole('main').getByText(price(data.price), { exact: true }),
    ).toBeVisible();
  }
  await expect(page.getByRole('region', { name: pageData('hsa-fsa').title })).toContainText(
    settings.hsaFsa.statement,
  );
});

test('insurance: plans grouped by kind, checking coverage, HSA/FSA checklist, receipt, other care', async ({
  page,
}) => {
  await page.goto('/insurance/');
  const insurance = pageData('insurance');
  const healthPlans = page.getByRole('region', { name: insurance.words.healthPlans });
  const programs = page.getByRole('region', { name: insurance.words.programs });
  for (const { data } of plans()) {
    const isProgram = isDiscountOrWellness(data);
    const item = (isProgram ? programs : healthPlans)
      .getByRole('listitem')
      .filter({ hasText: data.name });
    await expect(item, data.name).toHaveCount(1);
    for (const type of data.planTypes) await expect(item).toContainText(words.planTypes[type]);
  }
  const withCoverageLink = plans().filter(({ data }) => data.coverageUrl && data.coverageNote);
  for (const { data } of withCoverageLink) {
    await expect(
      page.getByRole('link', { name: fill(insurance.words.checkCoverage, { plan: data.name }) }),
    ).toHaveAttribute('href', data.coverageUrl ?? '');
  }
  const main = page.getByRole('main');
  const body = entries('pages').find(({ id }) => id === 'insurance')?.body ?? '';
  const headings = bodyHeadings(body);
  expect(headings.length).toBeGreaterThan(0);
  // The build sets straight apostrophes as typographic ones.
  const typeset = (text: string) =>
    new RegExp(`^${text.split("'").map(RegExp.escape).join("['’]")}$`);
  for (const heading of headings)
    await expect(main.getByRole('heading', { name: typeset(heading) })).toBeVisible();
  const checklist = page
    .getByRole('region', { name: pageData('hsa-fsa').title })
    .getByRole('listitem');
  await expect(checklist).toHaveCount(settings.hsaFsa.checklist.length);
  for (const { item, example } of settings.hsaFsa.checklist) {
    const text = example ? `${item} (${fill(words.forExample, { example })})` : item;
    await expect(checklist.filter({ hasText: text })).toHaveCount(1);
  }
  await expect(main).toContainText(settings.hsaFsa.receipt);
});

test('faq: grouped by category, every answer linkable by its anchor', async ({ page }) => {
  const questions = entries<{ question: string }>('faq');
  await page.goto('/faq/');
  const categories = categoryFiles();
  const sections = page.getByRole('navigation', { name: pageData('faq').words.sectionsLabel });
  await expect(sections.getByRole('link')).toHaveText(categories.map(({ heading }) => heading));
  for (const { id, heading } of categories) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toHaveAttribute('id', id);
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
  await expect(main.getByRole('link', { name: `${words.contact.call} ${phone}` })).toHaveAttribute(
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
  const { address } = mainLocation();
  await expect(main).toContainText(address.street);
  await expect(main).toContainText(`${address.city}, ${address.region} ${address.postalCode}`);
  await expect(main.getByRole('region', { name: words.hours.heading })).toContainText(
    new Intl.DateTimeFormat(language, { weekday: 'long' }).format(new Date(2024, 0, 1)),
  );
  await expect(main.getByRole('link', { name: `${words.contact.call} ${phone}` })).toBeVisible();
  await expect(main.getByRole('link', { name: settings.email })).toBeVisible();
  await expect(main.getByRole('link', { name: words.contact.directions })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('an unknown path is answered with the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pageData('not-found').heading);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: words.breadcrumbs.home })).toHaveAttribute(
    'href',
    '/',
  );
  for (const { label, href } of words.navigation.items)
    await expect(main.getByRole('link', { name: label })).toHaveAttribute('href', href);
  await expect(main.getByRole('link', { name: booking.bookSession })).toHaveAttribute(
    'href',
    '/book/',
  );
});

test('print: navigation and buttons are left out, the content stays', async ({ page }) => {
  await page.goto('/pricing/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: words.navigation.label })).toBeHidden();
  await expect(page.getByRole('link', { name: bookTierLabel(60) })).toBeHidden();
  const [first] = tiers;
  await expect(
    page.getByRole('main').getByText(price(first?.data.price ?? 0), { exact: true }),
  ).toBeVisible();
});

test('therapists: each with licence, lookup, languages and techniques; service pages name them', async ({
  page,
}) => {
  const therapists = entries<TherapistFile>('therapists').filter(({ data }) => !data.draft);
  const { words: therapistWords } = pageData('therapists');
  expect(therapists.length).toBeGreaterThan(0);
  await page.goto('/therapists/');
  for (const { id, data, body } of therapists) {
    const section = page.getByRole('region', { name: `${data.name}, ${data.credentials}` });
    await expect(section).toHaveAttribute('id', id);
    await expect(section).toContainText(
      fill(therapistWords.licence, { number: data.licence.number, board: data.licence.board }),
    );
    await expect(section.getByRole('link', { name: therapistWords.lookup })).toHaveAttribute(
      'href',
      data.licence.lookupUrl,
    );
    await expect(section).toContainText(
      fill(therapistWords.languages, { languages: formatList(data.languages, language) }),
    );
    // The start of the biography (the build typesets apostrophes later in it).
    await expect(section).toContainText(body.trim().split(/\s+/).slice(0, 3).join(' '));
    await expect(section.getByRole('listitem')).toHaveCount(data.techniques.length);
  }
  for (const { id, data } of therapists) {
    for (const service of data.techniques) {
      await page.goto(`/services/${service}/`);
      await expect(
        page
          .getByRole('region', { name: therapistWords.practisedBy })
          .getByRole('link', { name: `${data.name}, ${data.credentials}` }),
      ).toHaveAttribute('href', `/therapists/#${id}`);
    }
  }
});

test('your visit: what to bring, and the policy with the notice period the booking panel states too', async ({
  page,
}) => {
  await page.goto('/your-visit/');
  const visit = pageData('your-visit');
  await expect(
    page.getByRole('region', { name: visit.words.beforeVisit }).getByRole('listitem'),
  ).toHaveText(bookingSettings().beforeYourVisit.items);
  const rule = cancellationRule(settings.visitPolicy, language);
  expect(rule).toContain(formatHours(settings.visitPolicy.cancellationNoticeHours, language));
  const policy = page.getByRole('region', { name: visit.words.policy });
  await expect(policy).toContainText(rule);
  await expect(policy).toContainText(settings.visitPolicy.lateArrival);
  await expect(policy).toContainText(settings.visitPolicy.noShow);
  // The panel shown after a booking says the same, on every page.
  await expect(page.locator('#before-your-visit')).toContainText(rule);
});

test('privacy notice and accessibility statement: their contact and date', async ({ page }) => {
  for (const [id, field] of [
    ['privacy', 'updated'],
    ['accessibility', 'reviewed'],
  ] as const) {
    await page.goto(`/${id}/`);
    const data = entries<Record<string, string>>('pages').find((entry) => entry.id === id)?.data;
    const words = pageData(id).words as Record<string, string>;
    const contact = page.getByRole('region', { name: words['contact'] ?? '' });
    await expect(
      contact.getByRole('link', { name: `${siteWords().contact.call} ${phone}` }),
    ).toBeVisible();
    await expect(contact.getByRole('link', { name: settings.email })).toBeVisible();
    const date = formatDate(new Date(String(data?.[field])), language);
    await expect(page.getByRole('main')).toContainText(fill(words[field] ?? '', { date }));
  }
});
