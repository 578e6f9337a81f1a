/**
 * axe-core on built pages, one test per page: no WCAG 2.2 A/AA violation. The tests share their
 * worker's page (`workerPage`), going from one built page to the next.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { LANGUAGES } from './site';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

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
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const summary = violations.map(
        ({ id, help, nodes }) =>
          `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
      );
      expect(summary).toEqual([]);
    });
  }
}
