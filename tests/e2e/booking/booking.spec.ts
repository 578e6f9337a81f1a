import type { Locator, Page, Request } from '@playwright/test';
import { expect, recordCspViolations, test, visitEach } from '../fixtures';
import { CAL_STAND_IN_ORIGIN } from '../../../playwright.config';
import { LANGUAGE_EVENTS } from '../../support/language-events.mjs';
import { fill, formatDuration } from '../../../src/lib/format';
import {
  bookingSettings,
  bookTierLabel,
  builtPages,
  callLinkName,
  entries,
  siteWords,
  LANGUAGES,
  pathIn,
} from '../site';

// The booking site is built while the other projects' tests run (tests/support/booking-site.mjs):
// its server holds each request until then, so this first one waits for the build.
test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  const site = await fetch(String(testInfo.project.use.baseURL));
  expect(site.status, await site.clone().text()).toBe(200);
});

const booking = bookingSettings();
const { words } = booking;
const duration = (minutes: number | undefined) =>
  formatDuration(minutes ?? 0, siteWords().language);
const tiers = entries<{ durationMinutes: number; calEvent: string }>('pricing');
const eventFor = (minutes: number) =>
  tiers.find(({ data }) => data.durationMinutes === minutes)?.data.calEvent ?? '';

/** Requests the page makes to the booking origin, from now on. */
function bookingRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(CAL_STAND_IN_ORIGIN)) seen.push(request);
  });
  return seen;
}

const embedFrame = (page: Page) => page.locator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`);

test('no public page contacts the booking origin before a visitor asks to book', async ({
  browser,
}) => {
  const visited: string[] = [];
  await visitEach(
    browser,
    builtPages(),
    async (page, path) => {
      const requests = bookingRequests(page);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(
        requests.map((request) => request.url()),
        path,
      ).toEqual([]);
      expect(scripts, path).toEqual([]);
      visited.push(path);
    },
    // A phone-sized screen, on which the inline booking of /book/ starts below the fold: it loads
    // when it comes into view, which is intent too (see the /book/ test).
    { options: { viewport: { width: 375, height: 667 } } },
  );
  expect(visited.toSorted()).toEqual(builtPages().toSorted());
});

test('"Book 60 minutes" on /pricing/ opens the popup for the 60-minute event at the configured origin', async ({
  page,
}) => {
  const violations = await recordCspViolations(page);
  const requests = bookingRequests(page);
  await page.goto('/pricing/');
  await page.getByRole('link', { name: bookTierLabel(60) }).click();
  const frame = embedFrame(page);
  await expect(frame).toBeVisible();
  const src = new URL((await frame.getAttribute('src')) ?? '');
  expect(src.origin).toBe(CAL_STAND_IN_ORIGIN);
  expect(src.pathname).toBe(`/${booking.calLink}/${eventFor(60)}/embed`);
  expect(src.searchParams.get('embedType')).toBe('modal');
  await expect(
    page.frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`).getByRole('heading'),
  ).toHaveText(`Stand-in booking for ${booking.calLink}/${eventFor(60)}`);
  expect(new URL(page.url()).pathname).toBe('/pricing/');
  expect(requests.length).toBeGreaterThan(0);
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
  expect(scripts.every((url) => url.startsWith(new URL(page.url()).origin))).toBe(true);
  const policy = await page
    .locator('meta[http-equiv="content-security-policy"]')
    .getAttribute('content');
  expect(policy).toContain(`frame-src ${CAL_STAND_IN_ORIGIN}`);
  expect(violations).toEqual([]);
});

test('the booking frame, and only the booking frame, may take a payment', async ({ page }) => {
  const response = await page.goto('/pricing/');
  expect(response?.headers()['permissions-policy']).toContain(
    `payment=(self "${CAL_STAND_IN_ORIGIN}")`,
  );
  await page.getByRole('link', { name: bookTierLabel(60) }).click();
  await expect(embedFrame(page)).toBeVisible();
  await expect(embedFrame(page)).toHaveAttribute('allow', /\bpayment\b/);
  const bookingFrame = page.frames().find((frame) => frame.url().startsWith(CAL_STAND_IN_ORIGIN));
  const allows = (document: string) =>
    `(document.featurePolicy?.allowsFeature(${document}) ?? null)`;
  expect(await bookingFrame?.evaluate(allows("'payment'"))).toBe(true);
  expect(await page.evaluate(allows("'payment', 'https://elsewhere.example'"))).toBe(false);
});

test('/book/ loads the inline booking only once it scrolls into view, and switches tier without a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 640 });
  const requests = bookingRequests(page);
  await page.goto('/book/', { waitUntil: 'networkidle' });
  const section = page.getByRole('region', { name: words.inlineHeading });
  await expect(section).not.toBeInViewport();
  expect(requests).toEqual([]);
  await expect(page.locator('script[src*="embed"]')).toHaveCount(0);

  await section.scrollIntoViewIfNeeded();
  const frame = section.locator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`);
  await expect(frame).toBeVisible();
  const [first] = [...tiers].sort((a, b) => a.data.durationMinutes - b.data.durationMinutes);
  await expect(frame).toHaveAttribute(
    'src',
    new RegExp(`/${booking.calLink}/${first?.data.calEvent}/embed\\?`),
  );
  await expect(
    section.getByText(fill(words.ready, { duration: duration(first?.data.durationMinutes) })),
  ).toBeVisible();

  let reloaded = false;
  page.on('load', () => (reloaded = true));
  await page.getByRole('link', { name: bookTierLabel(90) }).click();
  await expect(frame).toHaveAttribute(
    'src',
    new RegExp(`/${booking.calLink}/${eventFor(90)}/embed\\?`),
  );
  await expect(frame).toHaveCount(1);
  await expect(page).toHaveURL(/\/book\/\?tier=90$/);
  await expect(page.getByRole('link', { name: bookTierLabel(90) })).toHaveAttribute(
    'aria-current',
    'true',
  );
  expect(reloaded).toBe(false);
});

test('/book/?tier=60 starts the inline booking on the 60-minute event', async ({ page }) => {
  await page.goto('/book/?tier=60');
  await page.getByRole('region', { name: words.inlineHeading }).scrollIntoViewIfNeeded();
  await expect(embedFrame(page)).toHaveAttribute('src', new RegExp(`/${eventFor(60)}/embed\\?`));
});

test('a successful booking shows the before-your-visit panel, with nothing from the event as HTML', async ({
  page,
}) => {
  await page.goto('/pricing/');
  await page.getByRole('link', { name: bookTierLabel(30) }).click();
  await page
    .frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`)
    .getByRole('button', { name: 'Confirm booking' })
    .click();
  const panel = page.getByRole('dialog', { name: booking.beforeYourVisit.heading });
  await expect(panel).toBeVisible();
  for (const item of booking.beforeYourVisit.items)
    await expect(panel.getByText(item)).toBeVisible();
  const [bookedBefore = ''] = words.booked.split('{when}');
  await expect(panel.getByText(new RegExp(`^${RegExp.escape(bookedBefore)}.*2026`))).toBeVisible();
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('injected');
  await panel.getByRole('button', { name: words.close }).click();
  await expect(panel).toBeHidden();
});

test('with the booking origin unreachable, the popup gives way to a fallback with the direct link, phone and email', async ({
  page,
}) => {
  await page.route(`${CAL_STAND_IN_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
  await page.goto('/pricing/');
  await page.getByRole('link', { name: bookTierLabel(60) }).click();
  const fallback = page.getByRole('dialog', { name: words.unavailableHeading });
  // The widget gives the calendar 6 s to say it is ready before it offers the fallback.
  await expect(fallback).toBeVisible({ timeout: 30_000 });
  await expect(fallback.getByRole('link', { name: 'our online booking page' })).toHaveAttribute(
    'href',
    `${CAL_STAND_IN_ORIGIN}/${booking.calLink}/${eventFor(60)}`,
  );
  await expect(fallback.getByRole('link', { name: callLinkName() })).toHaveAttribute(
    'href',
    /^tel:/,
  );
  await expect(fallback.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:/);
  await expect(page.locator('cal-modal-box')).toHaveCount(0);
});

test('with the booking origin unreachable, the inline booking on /book/ shows the fallback, not an empty box', async ({
  page,
}) => {
  await page.route(`${CAL_STAND_IN_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
  await page.goto('/book/?tier=90');
  const section = page.getByRole('region', { name: words.inlineHeading });
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('heading', { name: words.unavailableHeading })).toBeVisible({
    timeout: 30_000,
  });
  await expect(section.getByRole('link', { name: 'our online booking page' })).toHaveAttribute(
    'href',
    `${CAL_STAND_IN_ORIGIN}/${booking.calLink}/${eventFor(90)}`,
  );
  await expect(section.locator('iframe')).toHaveCount(0);
});

/** A message shaped like the embed's booking event, for the namespace of the open popup. */
function forgedBooking(namespace: string, data: unknown) {
  return {
    originator: 'CAL',
    type: 'bookingSuccessfulV2',
    namespace,
    fullType: `CAL:${namespace}:bookingSuccessfulV2`,
    data,
  };
}

test('forged or malformed booking messages are ignored, without an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/pricing/');
  await page.getByRole('link', { name: bookTierLabel(30) }).click();
  const frame = embedFrame(page);
  await expect(frame).toBeVisible();
  const namespace =
    new URL((await frame.getAttribute('src')) ?? '').searchParams.get('embed') ?? '';
  // A date the stand-in's real booking never sends: if it shows, a forged message got through.
  const forgedData = { startTime: '2030-01-01T10:00:00.000Z' };

  // From the page itself (any script or window holding a reference to it).
  await page.evaluate(
    (message) => window.postMessage(message, '*'),
    forgedBooking(namespace, forgedData),
  );
  // From a frame at another origin that the page did not create for booking.
  await page.evaluate(
    (src) => {
      const other = document.createElement('iframe');
      other.src = src;
      other.title = 'Another site';
      document.body.append(other);
    },
    new URL('/', page.url()).href.replace('127.0.0.1', 'localhost'),
  );
  const stranger = page.frameLocator('iframe[title="Another site"]');
  await expect(stranger.locator('body')).toBeAttached();
  await page
    .frames()
    .find((candidate) => candidate.url().startsWith('http://localhost'))
    ?.evaluate((message) => parent.postMessage(message, '*'), forgedBooking(namespace, forgedData));
  // From the real booking frame, but with data that is not a booking, or no data at all.
  const bookingFrame = page
    .frames()
    .find((candidate) => candidate.url().startsWith(CAL_STAND_IN_ORIGIN));
  for (const data of [null, 'text', { startTime: 42 }, { startTime: 'not a date' }]) {
    await bookingFrame?.evaluate(
      (message) => parent.postMessage(message, '*'),
      forgedBooking(namespace, data),
    );
  }
  await bookingFrame?.evaluate(() => parent.postMessage(null, '*'));
  await bookingFrame?.evaluate(() => parent.postMessage({ fullType: 42 }, '*'));

  // The real booking still works afterwards, and is the only thing that opened the panel (the
  // panel keeps the first booking it was opened for).
  const panel = page.getByRole('dialog', { name: booking.beforeYourVisit.heading });
  await page
    .frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`)
    .getByRole('button', { name: 'Confirm booking' })
    .click();
  const [bookedBefore = ''] = words.booked.split('{when}');
  await expect(panel.getByText(new RegExp(`^${RegExp.escape(bookedBefore)}.*2026`))).toBeVisible();
  await expect(panel).not.toContainText('2030');
  expect(errors).toEqual([]);
});

/** The requests for a booking page of `event` (the frame's document, not its scripts or data). */
const embedLoads = (requests: Request[], event: string) =>
  requests.filter((request) => new URL(request.url()).pathname.endsWith(`/${event}/embed`));

/** The Cal.com stand-in answers this browser's booking frames with `handshake` (see the stand-in). */
const speak = (page: Page, handshake: '1.5.3' | 'current' | 'silent' | 'hung') =>
  page
    .context()
    .addCookies([{ name: 'stand-in-handshake', value: handshake, url: CAL_STAND_IN_ORIGIN }]);

/** The types of the embed messages the page receives, recorded from its first script on. */
async function embedMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { embedMessages: string[] }).embedMessages = seen;
    addEventListener(
      'message',
      (event) => {
        const type: unknown = (event.data as { type?: unknown } | null)?.type;
        if (typeof type === 'string') seen.push(type);
      },
      true,
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { embedMessages: string[] }).embedMessages);
}

/** A popup frame opened on the tap, not prerendered. */
const FRESH_POPUP = /embedType=modal(?!.*prerender=true)/;

/**
 * Taps `link`, whose popup was prerendered but cannot be shown: a fresh popup opens and becomes
 * ready, the 60-minute booking page was loaded twice (the prerender, the fresh one), one popup is on
 * screen and the fallback is not.
 */
async function tapOpensFreshPopup(
  page: Page,
  link: Locator,
  messages: () => Promise<string[]>,
  requests: Request[],
): Promise<void> {
  await link.click();
  await expect(embedFrame(page)).toHaveAttribute('src', FRESH_POPUP);
  await expect(embedFrame(page)).toBeVisible();
  await expect.poll(messages).toContain('linkReady');
  expect(embedLoads(requests, eventFor(60))).toHaveLength(2);
  await expect(page.locator('cal-modal-box')).toHaveCount(1);
  await expect(page.getByRole('dialog', { name: words.unavailableHeading })).toBeHidden();
}

test('pointing at "Book 60 minutes" prerenders its calendar out of sight, and the tap shows that same frame (embed-core 1.5.3’s handshake)', async ({
  page,
}) => {
  await speak(page, '1.5.3');
  const messages = await embedMessages(page);
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  expect(requests).toEqual([]);
  const book60 = page.getByRole('link', { name: bookTierLabel(60) });
  await book60.hover();

  // The widget asks Cal.com (here the stand-in) to prerender this tier's event, hidden.
  await expect.poll(() => embedLoads(requests, eventFor(60)).length).toBe(1);
  const [prerender] = embedLoads(requests, eventFor(60));
  expect(new URL(prerender?.url() ?? '').searchParams.get('prerender')).toBe('true');
  const calendar = page.frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`);
  await expect(calendar.getByRole('heading')).toHaveText(
    `Stand-in booking for ${booking.calLink}/${eventFor(60)}`,
  );
  await expect(embedFrame(page)).toBeHidden();
  await expect(page.locator('body')).not.toHaveCSS('overflow', 'hidden');
  // The prerendered page said it is listening; embed.js sends `connect` only after that.
  await expect.poll(messages).toContain('__iframeReady');

  await book60.click();
  await expect(embedFrame(page)).toBeVisible();
  // The same frame, told the visitor's choice; nothing loaded again, no second popup.
  await expect(calendar.getByText(/^Connected: /)).toContainText('layout=month_view');
  await expect.poll(messages).toContain('linkReady');
  expect(embedLoads(requests, eventFor(60))).toHaveLength(1);
  await expect(page.locator('cal-modal-box')).toHaveCount(1);
  await expect(embedFrame(page)).toHaveCount(1);
});

test('a booking control scrolled past under a still pointer is not intent', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  const book30 = page.getByRole('link', { name: bookTierLabel(30) });
  const box = await book30.boundingBox();
  // The pointer rests where the page carries every "Book" button past it, as a wheel or a
  // trackpad scrolls the page; Chromium then reports the pointer as over each of them.
  await page.mouse.move(box ? box.x + box.width / 2 : 100, 333);
  const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  let scrolled = await page.evaluate(() => scrollY);
  while (scrolled < end) {
    await page.mouse.wheel(0, 60);
    const before = scrolled;
    await page.waitForFunction((from) => scrollY !== from, before);
    scrolled = await page.evaluate(() => scrollY);
  }

  // Then a real gesture on one control: only its event is prerendered.
  await page.getByRole('link', { name: bookTierLabel(90) }).hover();
  await expect.poll(() => embedLoads(requests, eventFor(90)).length).toBe(1);
  const events = requests
    .map((request) => new URL(request.url()).pathname)
    .filter((path) => path.endsWith('/embed'));
  expect(events).toEqual([`/${booking.calLink}/${eventFor(90)}/embed`]);
});

test('keyboard focus on a booking control is intent too', async ({ page }) => {
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: bookTierLabel(30) }).focus();
  await expect.poll(() => embedLoads(requests, eventFor(30)).length).toBe(1);
});

test('a popup prerendered by a booking page on Cal.com’s current handshake is not connected: the tap opens a fresh popup at once', async ({
  page,
}) => {
  await speak(page, 'current');
  const messages = await embedMessages(page);
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  const book60 = page.getByRole('link', { name: bookTierLabel(60) });
  await book60.hover();
  // The prerendered page is done, and said so the current way (1.5.3's page says nothing here).
  await expect.poll(messages).toContain('linkPrerendered');

  await tapOpensFreshPopup(page, book60, messages, requests);
  // embed.js 1.5.3's `connect` would have stopped that page right after `__connectInitiated`.
  expect(await messages()).not.toContain('__connectInitiated');
});

test('a prerendered popup whose page never says a word gives way to a fresh popup at the tap, not to the fallback', async ({
  page,
}) => {
  await speak(page, 'silent');
  const messages = await embedMessages(page);
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  const book60 = page.getByRole('link', { name: bookTierLabel(60) });
  await book60.hover();
  // The prerendered page has loaded all it needs (its free times), and said nothing.
  await expect
    .poll(() => requests.filter((request) => request.url().endsWith('/stand-in/slots')).length)
    .toBe(1);
  expect(await messages()).toEqual([]);

  await tapOpensFreshPopup(page, book60, messages, requests);
});

test('a prerendered popup that does not answer `connect` gives way to a fresh popup, never to an empty box', async ({
  page,
}) => {
  await speak(page, 'hung');
  const messages = await embedMessages(page);
  const requests = bookingRequests(page);
  await page.goto('/pricing/', { waitUntil: 'networkidle' });
  const book60 = page.getByRole('link', { name: bookTierLabel(60) });
  await book60.hover();
  await expect.poll(messages).toContain('__iframeReady');

  // The tap sends `connect`, which a page of this handshake answers with `linkReady` in 700 ms;
  // this one never does, and the widget stops waiting for it soon after.
  await tapOpensFreshPopup(page, book60, messages, requests);
});

/** The `<html lang>` of the booking page in the popup or the inline calendar (one at a time). */
const calendarLanguage = (page: Page) =>
  page.frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`).locator('html');

test.describe('with a Spanish-speaking browser', () => {
  test.use({ locale: 'es-US' });

  test('the popup and the inline calendar are in Spanish: Cal.com follows the browser’s language', async ({
    page,
  }) => {
    await page.goto('/pricing/');
    await page.getByRole('link', { name: bookTierLabel(60) }).click();
    await expect(calendarLanguage(page)).toHaveAttribute('lang', 'es');

    await page.goto('/book/?tier=60');
    await page.getByRole('region', { name: words.inlineHeading }).scrollIntoViewIfNeeded();
    await expect(calendarLanguage(page)).toHaveAttribute('lang', 'es');
  });
});

/** The stand-in's booking page in the popup or the inline calendar: its event and language. */
const calendarPage = (page: Page) => page.frameLocator(`iframe[src^="${CAL_STAND_IN_ORIGIN}/"]`);

test.describe('with an English-speaking browser', () => {
  test.use({ locale: 'en-US' });

  // The booking build names an event of its own for some tiers of another language
  // (tests/support/language-events.mjs), set to that language in Cal.com (the stand-in).
  for (const { language: code, tier: file, calEvent } of LANGUAGE_EVENTS) {
    const language = LANGUAGES.others.find((other) => other.code === code);
    const minutes = tiers.find(({ id }) => id === file)?.data.durationMinutes ?? 0;
    test(`a ${code} page books ${minutes} minutes through its own event, in its language (popup and inline)`, async ({
      page,
    }) => {
      if (!language) throw new Error(`${code} is not a language of the site`);
      const booking = bookingSettings(language).words;
      await page.goto(pathIn('/pricing/', language));
      await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
      const link = page.getByRole('link', { name: bookTierLabel(minutes, language) });
      // Without JavaScript too: the link itself leads to that event.
      await expect(link).toHaveAttribute(
        'href',
        `${CAL_STAND_IN_ORIGIN}/${bookingSettings().calLink}/${calEvent}`,
      );
      await link.click();
      await expect(calendarPage(page).getByRole('heading')).toHaveText(
        `Stand-in booking for ${bookingSettings().calLink}/${calEvent}`,
      );
      await expect(calendarLanguage(page)).toHaveAttribute('lang', code);
      await expect(
        calendarPage(page).getByText(`Language: ${code} (the event type’s)`),
      ).toBeVisible();

      await page.goto(`${pathIn('/book/', language)}?tier=${minutes}`);
      const inline = page.getByRole('region', { name: booking.inlineHeading });
      await inline.scrollIntoViewIfNeeded();
      await expect(inline.locator(`iframe[src*="/${calEvent}/embed?"]`)).toBeVisible();
      await expect(calendarLanguage(page)).toHaveAttribute('lang', code);
      // Its calendar is in the page's language: no sentence says otherwise.
      await expect(
        inline.getByText(fill(booking.ready, { duration: formatDuration(minutes, language.tag) })),
      ).toBeVisible();
      if (booking.calendarLanguage)
        await expect(inline.getByText(booking.calendarLanguage)).toBeHidden();
    });
  }

  for (const language of LANGUAGES.others) {
    const own = new Set(
      LANGUAGE_EVENTS.filter((event) => event.language === language.code).map(({ tier }) => tier),
    );
    const main = tiers.find(({ id }) => !own.has(id));
    if (!main) continue;
    const minutes = main.data.durationMinutes;
    test(`a ${language.tag} tier with no event of its own books the main event, in the browser’s language, and the page says so`, async ({
      page,
    }) => {
      const booking = bookingSettings(language).words;
      await page.goto(pathIn('/pricing/', language));
      await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
      await page.getByRole('link', { name: bookTierLabel(minutes, language) }).click();
      await expect(calendarPage(page).getByRole('heading')).toHaveText(
        `Stand-in booking for ${bookingSettings().calLink}/${main.data.calEvent}`,
      );
      // Cal.com takes no language from the embedding page: the calendar follows the browser.
      await expect(calendarLanguage(page)).toHaveAttribute('lang', 'en');
      await expect(calendarPage(page).getByText('Language: en (the browser’s)')).toBeVisible();

      await page.goto(`${pathIn('/book/', language)}?tier=${minutes}`);
      const inline = page.getByRole('region', { name: booking.inlineHeading });
      await inline.scrollIntoViewIfNeeded();
      await expect(inline.locator(`iframe[src*="/${main.data.calEvent}/embed?"]`)).toBeVisible();
      await expect(calendarLanguage(page)).toHaveAttribute('lang', 'en');
      // In plain words, from the content: the calendar follows the browser, not the page.
      expect(booking.calendarLanguage).toBeTruthy();
      await expect(inline.getByText(booking.calendarLanguage ?? '')).toBeVisible();
    });
  }
});

test('a page prerendered by the browser does nothing until the visitor opens it', async ({
  page,
}) => {
  // Chromium will not prerender while DevTools (so Playwright) is attached; the page is told it
  // is prerendering the way the browser tells it, and later that it was shown (`npm run bench`
  // exercises a real prerender).
  await page.addInitScript(() => {
    let prerendering = true;
    Object.defineProperty(Document.prototype, 'prerendering', {
      configurable: true,
      get: () => prerendering,
    });
    (window as unknown as { activate: () => void }).activate = () => {
      prerendering = false;
      document.dispatchEvent(new Event('prerenderingchange'));
    };
  });
  const requests = bookingRequests(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/book/?tier=60', { waitUntil: 'networkidle' });
  const section = page.getByRole('region', { name: words.inlineHeading });
  await section.scrollIntoViewIfNeeded();
  await expect(section).toBeInViewport();
  await page.getByRole('link', { name: bookTierLabel(90) }).hover();
  // A sentinel request from the page: everything the page asked for before it has been seen.
  await page.evaluate(() => fetch('/robots.txt'));
  expect(requests).toEqual([]);
  expect(scripts).toEqual([]);

  await page.evaluate(() => (window as unknown as { activate: () => void }).activate());
  await expect(section.locator(`iframe[src*="/${eventFor(60)}/embed?"]`)).toBeVisible();
});
