/**
 * The tests' `test`: every request that would leave this machine is refused, so no test depends on
 * (or reaches) Cal.com, a map site or any other third party. Third parties are local stand-ins.
 */
import {
  test as base,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

export { expect } from '@playwright/test';

const OFF_MACHINE = /^(https?|wss?):\/\/(?!(127\.0\.0\.1|localhost)[:/])/;

/** Refuses every request of `context` that would leave this machine. */
async function refuseOffMachine(context: BrowserContext): Promise<void> {
  await context.route(OFF_MACHINE, (route) => route.abort('blockedbyclient'));
}

export const test = base.extend<object, { workerPage: Page }>({
  context: async ({ context }, use) => {
    await refuseOffMachine(context);
    await use(context);
  },
  /**
   * One page for all of a worker's tests that only look at pages (axe on each built page), made
   * with the project's screen (viewport, scale, touch, user agent) and base URL, and refusing
   * off-machine requests like `context`. Going from page to page in it, as a visitor does, costs
   * half the CPU of a new context per test, which starts a renderer process each time. Public pages
   * store nothing (tests/e2e/privacy.spec.ts), so one test's visit leaves nothing for the next.
   */
  workerPage: [
    async ({ browser }, use, workerInfo) => {
      const { use: project } = workerInfo.project;
      const screen = [
        'viewport',
        'userAgent',
        'deviceScaleFactor',
        'isMobile',
        'hasTouch',
        'baseURL',
      ];
      const context = await browser.newContext(
        Object.fromEntries(
          Object.entries(project).filter(
            ([option, value]) => screen.includes(option) && value !== undefined,
          ),
        ) as BrowserContextOptions,
      );
      await refuseOffMachine(context);
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/**
 * Runs `visit` on each of `paths`, `concurrency` at a time: a visit that waits for the network to go
 * quiet (500 ms without a request) then waits beside the others. Each of the `concurrency` lanes is
 * one page in a browser context of its own (made with `options`, refusing off-machine requests as
 * the `context` fixture does), which goes from one path to the next as a visitor would: a page in a
 * new context costs a renderer process, about twice the CPU of the visit itself.
 *
 * Each visit still sees the page as a first visit does: the page's HTTP cache is off (DevTools'
 * `Network.setCacheDisabled`), and before the next visit the listeners `visit` added are removed
 * and the cookies and storage of the site are cleared. `visit` opens the page itself, after
 * setting up what it watches.
 * @returns when every visit has ended; rejects with the first visit's error.
 */
export async function visitEach(
  browser: Browser,
  paths: readonly string[],
  visit: (page: Page, path: string) => Promise<void>,
  { concurrency = 4, options = {} }: { concurrency?: number; options?: BrowserContextOptions } = {},
): Promise<void> {
  const queue = [...paths];
  const lane = async (): Promise<void> => {
    const context = await browser.newContext(options);
    try {
      await refuseOffMachine(context);
      const page = await context.newPage();
      const devtools = await context.newCDPSession(page);
      await devtools.send('Network.enable');
      await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await visit(page, path);
        page.removeAllListeners();
        await context.clearCookies();
        await page.evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        });
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

/** Where each page's Content Security Policy violations go: the list of its latest recording. */
const cspRecordings = new WeakMap<Page, { violations: string[] }>();

/**
 * Collects the page's Content Security Policy violations, from its first script on. Called again
 * on the same page (the next visit of a `visitEach` lane), the new list collects from then on.
 */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  const recording = cspRecordings.get(page);
  if (recording) {
    recording.violations = violations;
    return violations;
  }
  const current = { violations };
  cspRecordings.set(page, current);
  await page.exposeFunction('reportCspViolation', (text: string) => current.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return violations;
}

/**
 * The icons and manifest a page links: the browser fetches them on its own schedule (often after
 * the page went quiet), so tests that count a page's requests leave them out.
 */
export async function iconUrls(page: Page): Promise<string[]> {
  return page
    .locator('link[rel~="icon"], link[rel="manifest"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
}

/**
 * Opens `url` in `page` and waits for the network to go quiet; returns the bytes it transferred
 * (response bodies and headers), leaving out `icons` (see `iconUrls`).
 */
export async function transferredBytes(
  page: Page,
  url: string,
  icons: ReadonlySet<string>,
): Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (icons.has(request.url())) return;
    sizes.push(
      request
        .sizes()
        .then(
          ({ responseBodySize, responseHeadersSize }) => responseBodySize + responseHeadersSize,
        ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}
