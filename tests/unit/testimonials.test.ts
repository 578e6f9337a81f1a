/**
 * Testimonials: what the schema accepts (a first name or initials, never a full name; the day of
 * the client's written permission), and a site with none shows no trace of them, in any language
 * (tests/e2e/testimonials.spec.ts: the shipped examples, shown as quotes).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { contentSchemas } from '../../src/collections';
import { readLanguages } from '../../src/i18n/languages';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { problems } from './schema-helpers';

// As the CMS checks it: services are slugs (the build resolves them with reference()).
const schema = contentSchemas.testimonials;
const valid = {
  quote: 'The therapist explained every step and checked the pressure with me.',
  name: 'Maria G.',
  permissionDate: '2026-11-30',
  order: 1,
};

describe('testimonials schema', () => {
  test('accepts a quote with a first name and the day of the written permission', () => {
    expect(schema.parse(valid).services).toEqual([]);
  });

  test.each(['Maria', 'Maria G.', 'M. G.', 'M.G.', 'J.-P.', 'Zoë', 'José', "O'Neil", 'Ŝ. Ŕ.'])(
    'accepts the name %s',
    (name) => {
      expect(problems(schema, { ...valid, name })).toEqual([]);
    },
  );

  test.each(['Maria Gonzalez', 'Maria de la Cruz', 'Maria G. Gonzalez', 'maria g', 'M', 'Dr. M.'])(
    'refuses the name %s',
    (name) => {
      expect(problems(schema, { ...valid, name }).join('\n')).toMatch(/^name: must be/);
    },
  );

  test.each([
    [
      'a testimonial without the day of the permission',
      { permissionDate: undefined },
      'permissionDate: is required: the day the client’s written permission to show these words was recorded (keep the signed permission on file)',
    ],
    [
      'a day that is not one',
      { permissionDate: '30/11/2026' },
      'permissionDate: must be a day like 2026-12-24',
    ],
    [
      'a quote too long to be short',
      { quote: 'x'.repeat(301) },
      'quote: must be at most 300 characters',
    ],
    [
      'services that are not a list',
      { services: 'trigger-point-therapy' },
      'services: must be a list of services',
    ],
    ['a rating', { rating: 5 }, ': Unrecognized key: "rating"'],
  ])('refuses %s', (_, change, expected) => {
    expect(problems(schema, { ...valid, ...change })).toContain(expected);
  });
});

describe('a site with no testimonials', () => {
  let copy: ReturnType<typeof copyProject>;
  let output = '';

  beforeAll(() => {
    copy = copyProject('clinic-no-testimonials-');
    rmSync(join(copy.dir, 'src/content/testimonials'), { recursive: true });
    output = execFileSync(process.execPath, [...ASTRO, 'build'], {
      cwd: copy.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }, 180_000);

  afterAll(() => copy?.remove());

  test('builds, and no page shows a heading, a quote or a word of them', () => {
    expect(output).toContain('Complete!');
    const languages = readLanguages();
    const headings = languages.all.map(
      ({ code }) =>
        (
          parse(readFileSync(join('src/content/settings', code, 'site.yaml'), 'utf8')) as {
            sections: { testimonials: string };
          }
        ).sections.testimonials,
    );
    const dist = join(copy.dir, 'dist');
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith('admin'),
    );
    expect(pages).toContain('index.html');
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const heading of headings) expect(html, file).not.toContain(heading);
      expect(html, file).not.toContain('id="testimonials"');
      expect(html, file).not.toContain('<blockquote');
    }
  });
});
