import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { builtPages } from './site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const path of [...builtPages(), '/no-such-page/']) {
  test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = violations.map(
      ({ id, help, nodes }) =>
        `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
    expect(summary).toEqual([]);
  });
}
