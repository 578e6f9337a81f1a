/**
 * The tests' `test`: every request that would leave this machine is refused, so no test depends on
 * (or reaches) Cal.com, a map site or any other third party. Third parties are local stand-ins.
 */
import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

const OFF_MACHINE = /^(https?|wss?):\/\/(?!(127\.0\.0\.1|localhost)[:/])/;

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.route(OFF_MACHINE, (route) => route.abort('blockedbyclient'));
    await use(context);
  },
});

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
