/**
 * Content changes reach what search engines read: a price edited in `src/content/pricing/en/` changes
 * the offers in the built pages' JSON-LD. Builds a temporary copy of the project.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyProject } from '../support/project-copy.mjs';
import { jsonLdBlocks } from '../support/structured-data';

let copy: ReturnType<typeof copyProject>;

beforeAll(() => {
  copy = copyProject();
  const tier = join(copy.dir, 'src/content/pricing/en/60-minutes.mdx');
  const before = readFileSync(tier, 'utf8');
  const after = before.replace(/^price: 100$/m, 'price: 112.5');
  expect(after).not.toBe(before);
  writeFileSync(tier, after);
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
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
