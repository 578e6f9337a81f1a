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

export const test = base.extend({
  context: async ({ context }, use) => {
    await refuseOffMachine(context);
    await use(context);
  },
});

/**
 * Runs `visit` on each of `paths`, each in a page of a new browser context (made with `options`,
 * refusing off-machine requests as the `context` fixture does), `concurrency` at a time: a visit
 * that waits for the network to go quiet (500 ms without a request) then waits beside the others.
 * `visit` opens the page itself, after setting up what it watches.
 * @returns when every visit has ended; rejects with the first visit's error.
 */
export async function visitEach(
  browser: Browser,
  paths: readonly string[],
  visit: (page: Page, path: string) => Promise<void>,
  { concurrency = 4, options = {} }: { concurrency?: number; options?: BrowserContextOptions } = {},
): Promise<void> {
  const queue = [...paths];
  const next = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const context = await browser.newContext(options);
      try {
        await refuseOffMachine(context);
        await visit(await context.newPage(), path);
      } finally {
        await context.close();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, next));
}

/** Collects the page's Content Security Policy violations, from its first script on. */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
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
