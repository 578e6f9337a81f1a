/**
 * axe-core on built pages, one test per page: no WCAG 2.2 A/AA violation. The tests share their
 * worker's page (`workerPage`), going from one built page to the next.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LANGUAGES } from './site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 A/AA violations on `page` as it is now, a line each:
 * `rule: help (the elements' selectors; …)`; none is `[]`.
 *
 * axe runs in the page itself (`axe.run`, AxeBuilder's legacy mode) and returns its violations
 * in full, the other results only counted (`resultTypes`). AxeBuilder's default runs axe in each
 * frame and puts the parts together in a new blank page, for frames from other origins; the site's
 * pages have none, and that default took twice the time (1.6 s a page against 0.7 s here).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations.map(
    ({ id, help, nodes }) =>
      `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
}

/**
 * A test for each of `paths` and each language's page-not-found page (an unknown path under the
 * language's prefix, as the served host's rule answers it): axe finds no A/AA violation.
 */
export function axeTests(paths: readonly string[]): void {
  const notFound = [
    '/no-such-page/',
    ...LANGUAGES.others.map(({ code }) => `/${code}/no-such-page/`),
  ];
  for (const path of [...paths, ...notFound]) {
    test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ workerPage: page }) => {
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
