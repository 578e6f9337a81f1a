/**
 * Testimonials: each client's quote on the home page and on the service pages it names, in every
 * language, as a quotation with the client's first name or initials, and never as review or rating
 * markup (tests/unit/testimonials.test.ts: a site with none shows no trace of them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { LANGUAGES, pathIn, siteWords } from './site';
import type { Language } from '../../src/schemas/languages';

interface Testimonial {
  id: string;
  quote: string;
  name: string;
  services: string[];
  order: number;
}

const folder = join(import.meta.dirname, '../../src/content/testimonials');

/** The testimonials as `language`'s pages show them: translated ones only, in their order. */
function testimonials(language: Language): Testimonial[] {
  const read = (code: string, file: string) =>
    parse(readFileSync(join(folder, code, file), 'utf8')) as Partial<Testimonial>;
  const files = readdirSync(join(folder, LANGUAGES.main.code)).filter((file) =>
    file.endsWith('.yaml'),
  );
  const translated = (file: string) =>
    language.code === LANGUAGES.main.code ||
    readdirSync(join(folder, language.code)).includes(file);
  return files
    .filter(translated)
    .map((file) => {
      const main = read(LANGUAGES.main.code, file);
      const words = language.code === LANGUAGES.main.code ? {} : read(language.code, file);
      return { id: file, services: [], ...main, ...words } as Testimonial;
    })
    .sort((a, b) => a.order - b.order);
}

const SERVICES = readdirSync(join(import.meta.dirname, '../../src/content/services/en')).map(
  (file) => file.replace(/\.mdx$/, ''),
);

for (const language of LANGUAGES.all) {
  const heading = siteWords(language).sections.testimonials;
  const shown = testimonials(language);

  test(`${language.tag}: the home page and each service page show their clients’ quotes, as quotes`, async ({
    page,
  }) => {
    expect(shown.length, 'the shipped examples').toBeGreaterThan(0);
    const pages: [string, Testimonial[]][] = [
      ['/', shown],
      ...SERVICES.map((id): [string, Testimonial[]] => [
        `/services/${id}/`,
        shown.filter(({ services }) => services.includes(id)),
      ]),
    ];
    for (const [path, expected] of pages) {
      await page.goto(pathIn(path, language));
      const section = page.getByRole('region', { name: heading });
      if (expected.length === 0) {
        await expect(section, path).toHaveCount(0);
        continue;
      }
      const figures = section.getByRole('figure');
      await expect(figures, path).toHaveCount(expected.length);
      for (const [index, { quote, name }] of expected.entries()) {
        const figure = figures.nth(index);
        await expect(figure.locator('blockquote'), path).toHaveText(quote);
        await expect(figure.locator('figcaption'), path).toHaveText(name);
      }
      // A quote, not a review: no rating markup, no stars.
      const jsonLd = (
        await page.locator('script[type="application/ld+json"]').allTextContents()
      ).join();
      expect(jsonLd, path).not.toMatch(/Review|Rating/);
      await expect(page.locator('[itemtype*="Review"], [itemprop="reviewRating"]')).toHaveCount(0);
      expect(await section.textContent(), path).not.toMatch(/[★☆⭐]/u);
    }
  });
}
