/**
 * Content changes reach what visitors and search engines read: a price edited in
 * `src/content/pricing/en/` changes the offers in the built pages' JSON-LD, and a clinic with no
 * discount or wellness programmes gets no section for them. Builds a temporary copy of the project.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LANGUAGES } from '../../src/i18n/languages';
import { readEntryFile } from '../../src/launch/entry-file';
import { insuranceSchema, isDiscountOrWellness } from '../../src/schemas/insurance';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { jsonLdBlocks } from '../support/structured-data';

/** The insurance files (in every language) of the discount and wellness programmes, removed. */
const programmes: string[] = [];

let copy: ReturnType<typeof copyProject>;

beforeAll(() => {
  copy = copyProject();
  const tier = join(copy.dir, 'src/content/pricing/en/60-minutes.mdx');
  const before = readFileSync(tier, 'utf8');
  const after = before.replace(/^price: 100$/m, 'price: 112.5');
  expect(after).not.toBe(before);
  writeFileSync(tier, after);
  const insurance = join(copy.dir, 'src/content/insurance');
  for (const file of readdirSync(join(insurance, LANGUAGES.main.code))) {
    const { doc } = readEntryFile(join(insurance, LANGUAGES.main.code, file));
    if (!isDiscountOrWellness(insuranceSchema.parse(doc.toJS()))) continue;
    programmes.push(file);
    for (const { code } of LANGUAGES.all) rmSync(join(insurance, code, file), { force: true });
  }
  execFileSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}, 180_000);

afterAll(() => copy?.remove());

test('an edited price changes the JSON-LD offer and the page', () => {
  const html = readFileSync(join(copy.dir, 'dist/services/myofascial-release/index.html'), 'utf8');
  const service = jsonLdBlocks(html).find((block) => block['@type'] === 'Service') as {
    offers: { price: number; eligibleDuration: { value: number } }[];
  };
  expect(service.offers.find((offer) => offer.eligibleDuration.value === 60)?.price).toBe(112.5);
  const pricing = readFileSync(join(copy.dir, 'dist/pricing/index.html'), 'utf8');
  expect(pricing).toContain('$112.50');
  const business = jsonLdBlocks(pricing).find((block) => block['@type'] === 'Physiotherapy');
  expect(business?.['priceRange']).toBe('$55–$150');
});

test('with no discount or wellness programmes, the insurance page has no section for them, nor words about them', () => {
  expect(programmes.length).toBeGreaterThan(0);
  const page = readFileSync(join(copy.dir, 'dist/insurance/index.html'), 'utf8');
  expect(page).not.toContain('id="programs"');
  expect(page).not.toContain('Discount and wellness programs');
  expect(page).not.toContain('whether your insurer offers it');
  const spanish = readFileSync(join(copy.dir, 'dist/es/seguros/index.html'), 'utf8');
  expect(spanish).not.toContain('id="programs"');
  expect(spanish).not.toMatch(/enlace de cada programa|programa que aparece/);
  // The health plans are still listed.
  expect(page).toContain('id="health-plans"');
  expect(page).toContain('Providence Health Plan');
});
