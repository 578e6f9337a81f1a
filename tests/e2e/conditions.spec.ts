/**
 * Conditions we treat: the list and a page per condition in every language, each naming its
 * reviewer (linking to them) and its review day in the page's language, linking to the services
 * that help, which link back; and each page's `MedicalWebPage`, validated offline. Expected words
 * come from the content.
 */
import { expect, test } from './fixtures';
import { fill, formatDate } from '../../src/lib/format';
import { asUtcDate } from '../../src/lib/dates';
import { jsonLdBlocks, validate } from '../support/structured-data';
import { entries, LANGUAGES, pageData, pathIn, siteWords } from './site';

interface ConditionFile {
  title: string;
  summary: string;
  services: string[];
  reviewedBy: string;
  lastReviewed: string | Date;
  draft?: boolean;
}

const conditions = entries<ConditionFile>('conditions').filter(({ data }) => !data.draft);
const therapists = entries<{ name: string; credentials: string }>('therapists');
const day = (value: string | Date) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : value;

test('the shipped examples are there to be reviewed', () => {
  expect(conditions.length).toBeGreaterThanOrEqual(3);
});

for (const language of LANGUAGES.all) {
  test(`${language.tag}: the list leads to each condition, which names its reviewer and day and links both ways with its services`, async ({
    page,
  }) => {
    const { heading, words } = pageData('conditions', language);
    const listPath = pathIn('/conditions/', language);
    await page.goto(listPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // In the navigation, under its word in this language.
    const label = siteWords(language).navigation.items.find(
      ({ href }) => href === '/conditions/',
    )?.label;
    await expect(
      page
        .getByRole('navigation', { name: siteWords(language).navigation.label })
        .getByRole('link', {
          name: label ?? '',
          exact: true,
        }),
    ).toHaveAttribute('href', listPath);

    for (const { id, data } of conditions) {
      const path = pathIn(`/conditions/${id}/`, language);
      const title =
        entries<{ title: string }>('conditions', language).find((entry) => entry.id === id)?.data
          .title ?? data.title;
      await page.goto(listPath);
      await page.getByRole('link', { name: title, exact: true }).click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

      const reviewer = therapists.find((therapist) => therapist.id === data.reviewedBy)!;
      const name = `${reviewer.data.name}, ${reviewer.data.credentials}`;
      await expect(
        page.getByRole('link', { name: fill(words.reviewedBy, { name }) }),
      ).toHaveAttribute('href', `${pathIn('/therapists/', language)}#${reviewer.id}`);
      const date = formatDate(asUtcDate(day(data.lastReviewed)), language.tag);
      await expect(page.getByRole('main')).toContainText(fill(words.lastReviewed, { date }));

      const helping = page.getByRole('region', { name: words.services }).getByRole('link');
      await expect(helping).toHaveCount(data.services.length);
      const blocks = jsonLdBlocks(await page.content());
      const medical = blocks.find((block) => block['@type'] === 'MedicalWebPage');
      expect(medical).toMatchObject({
        inLanguage: language.tag,
        lastReviewed: day(data.lastReviewed),
        reviewedBy: { '@type': 'Person', name: reviewer.data.name },
        about: { '@type': 'MedicalCondition', name: title },
      });
      expect(blocks.filter((block) => block['@type'] === 'WebPage')).toEqual([]);
      expect(
        (await validate(blocks)).filter(({ severity }) => severity === 'ERROR'),
        path,
      ).toEqual([]);

      // Each service that helps links back to the condition, in the same language.
      for (const service of data.services) {
        const servicePath = pathIn(`/services/${service}/`, language);
        await expect(helping.and(page.locator(`[href="${servicePath}"]`))).toHaveCount(1);
        await page.goto(servicePath);
        await expect(
          page
            .getByRole('region', { name: words.helpedConditions })
            .getByRole('link', { name: title, exact: true }),
        ).toHaveAttribute('href', path);
        await page.goto(path);
      }
    }
  });
}
