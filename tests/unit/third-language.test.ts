/**
 * A third language is content and configuration only: on a copy of the project, a made-up language
 * (`qaa`, from ISO 639's range reserved for local use) is added with `npm run add-language`, its
 * name and one page's words are written in it, and the site is built. No code names a language.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cmsConfig } from '../../src/cms/config';
import { readLanguages } from '../../src/i18n/languages';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

const TAG = 'qaa-US';
const CODE = 'qaa';
let copy: ReturnType<typeof copyProject>;
let added = '';
let built = '';

/** Runs a project script; its output (standard output and errors), or an error with it. */
function node(args: string[]): string {
  const run = spawnSync(process.execPath, args, {
    cwd: copy.dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(output);
  return output;
}
const html = (path: string) => readFileSync(join(copy.dir, 'dist', path, 'index.html'), 'utf8');

beforeAll(() => {
  copy = copyProject('clinic-third-language-', ['scripts']);
  added = node(['scripts/add-language.mjs', TAG]);
  // A speaker of the made-up language names it, and gives the prices page its own words.
  const site = join(copy.dir, 'src/content/settings', CODE, 'site.yaml');
  writeFileSync(site, stringify({ ...parse(readFileSync(site, 'utf8')), languageName: 'Qaaish' }));
  const pricing = join(copy.dir, 'src/content/pages', CODE, 'pricing.mdx');
  writeFileSync(
    pricing,
    readFileSync(pricing, 'utf8')
      .replace(/^slug: .*$/m, 'slug: qaa-prices')
      .replace(/^title: .*$/m, 'title: Qaa prices'),
  );
  // One service's translation lacks a word the main language has (its summary).
  const service = join(copy.dir, 'src/content/services', CODE, 'muscle-testing.mdx');
  writeFileSync(service, readFileSync(service, 'utf8').replace(/^summary: .*\n(^ +.*\n)*/m, ''));
  built = node([...ASTRO, 'build']);
}, 240_000);
afterAll(() => copy?.remove());

describe('a made-up third language', () => {
  test('add-language lists it and writes its files from the main language’s words, to review', () => {
    expect(readLanguages(new URL(`file://${copy.dir}/`)).all.map(({ tag }) => tag)).toEqual([
      'en-US',
      'es-US',
      TAG,
    ]);
    expect(added).toContain(`src/content/faq/${CODE}/why-a-prescription.mdx`);
    const faq = readFileSync(
      join(copy.dir, 'src/content/faq', CODE, 'why-a-prescription.mdx'),
      'utf8',
    );
    expect(faq).toMatch(/^---\nreviewed: false\n/);
    // Only words: where the question belongs is set once, in the main language's file.
    expect(faq).not.toMatch(/^(category|order|services):/m);
  });

  test('its pages are under /qaa/, at their own slugs, in its language', () => {
    expect(existsSync(join(copy.dir, 'dist', CODE, 'index.html'))).toBe(true);
    const prices = html(`${CODE}/qaa-prices`);
    expect(prices).toContain(`<html lang="${TAG}"`);
    expect(prices).toContain('<title>Qaa prices');
  });

  test('every page names its three languages and x-default, and switches to the other two', () => {
    const pricing = html('pricing');
    for (const [lang, href] of [
      ['en-US', '/pricing/'],
      ['es-US', '/es/precios/'],
      [TAG, `/${CODE}/qaa-prices/`],
      ['x-default', '/pricing/'],
    ]) {
      expect(pricing).toContain(
        `<link rel="alternate" hreflang="${lang}" href="https://clinic.example.com${href}">`,
      );
    }
    expect(pricing).toMatch(
      new RegExp(
        `<a class="language" href="/${CODE}/qaa-prices/" hreflang="${TAG}" lang="${TAG}"[^>]*>Qaaish</a>`,
      ),
    );
    expect(pricing).toMatch(/<a class="language" href="\/es\/precios\/" hreflang="es-US"/);
    const sitemap = readFileSync(join(copy.dir, 'dist/sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(
      `<xhtml:link rel="alternate" hreflang="${TAG}" href="https://clinic.example.com/${CODE}/qaa-prices/"/>`,
    );
  });

  test('an entry missing a word is left out of that language, with a warning, not a failed build', () => {
    expect(existsSync(join(copy.dir, 'dist', CODE, 'services', 'muscle-testing'))).toBe(false);
    expect(built).toContain(
      `Not in ${TAG} until translated: src/content/services/${CODE}/muscle-testing.mdx: summary: is not translated yet`,
    );
    expect(existsSync(join(copy.dir, 'dist/services/muscle-testing/index.html'))).toBe(true);
  });

  test('the CMS shows it beside the others', () => {
    const config = cmsConfig({
      local: false,
      languages: readLanguages(new URL(`file://${copy.dir}/`)),
    });
    expect(config.i18n).toMatchObject({ locales: ['en', 'es', CODE], default_locale: 'en' });
    expect(config.collections.map(({ name }) => name)).toContain(`pages-${CODE}`);
  });
});
