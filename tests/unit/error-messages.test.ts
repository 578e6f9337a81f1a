/**
 * A missing field is worded the same way everywhere: `field: is required: what it needs`, never
 * zod's "Invalid input: expected string, received undefined" or the "Did not match union" Astro
 * gives a `reference()`. Every collection and settings file is checked, as the CMS and the launch
 * check read it (`contentSchemas`) and as the build does (`src/content.config.ts`): an empty entry,
 * and each real content file with one field taken away. `build-errors.test.ts` pins how Astro prints
 * these messages.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { contentNameOf, contentSchemas, type ContentName } from '../../src/collections';
import { withoutFields } from '../../src/cms/validate';
import { collections } from '../../src/content.config';
import { readEntryFile } from '../../src/launch/entry-file';
import { deploySchema } from '../../src/schemas/deploy';
import { pageCollection, type PageId } from '../../src/schemas/pages';
import { problems } from './schema-helpers';
import { LANGUAGES } from '../../src/i18n/languages';

type Data = Record<string, unknown>;

const CONTENT = 'src/content';

/** Every content file's fields (front matter or YAML) in the main language, by its schema. */
const entries = new Map<ContentName, { file: string; data: Data }[]>();
const MAIN = LANGUAGES.main.code;
for (const folder of readdirSync(CONTENT)) {
  if (!existsSync(join(CONTENT, folder, MAIN))) continue;
  for (const name of readdirSync(join(CONTENT, folder, MAIN))) {
    const content = contentNameOf(`${folder}/${name}`);
    if (!content) continue;
    const file = join(CONTENT, folder, MAIN, name);
    const data = readEntryFile(file).doc.toJS() as Data;
    entries.set(content, [...(entries.get(content) ?? []), { file, data }]);
  }
}

/** The collection of `src/content.config.ts` that reads each content name (`page-faq` → `faqPage`). */
const buildCollection = (name: ContentName) =>
  (name.startsWith('page-')
    ? pageCollection(name.slice('page-'.length) as PageId)
    : name) as keyof typeof collections;

/** The build's schema for a content name; an image field is read as its path, as in the CMS. */
function buildSchema(name: ContentName): z.ZodType {
  const schema: unknown = collections[buildCollection(name)].schema;
  if (typeof schema !== 'function') return schema as z.ZodType;
  return (schema as (context: object) => z.ZodType)({ image: () => z.string() });
}

/** Words a message must not contain: zod's and Astro's defaults, and Markdown emphasis. */
const NOT_PLAIN = /union|invalid input|expected|received|\*\*|^\S+: required$/i;

/** Each field path of `data`, through objects and lists of objects: `hours.0.opens`. */
function fieldPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      item && typeof item === 'object' ? fieldPaths(item, [...path, index]) : [],
    );
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [
    [...path, key],
    ...fieldPaths(child, [...path, key]),
  ]);
}

/** `data` without the field at `path`. */
const without = (data: Data, path: (string | number)[]): Data =>
  withoutFields(data, [path]) as Data;

const names = Object.keys(contentSchemas) as ContentName[];

describe.each([
  ['as the CMS and the launch check read it', (name: ContentName) => contentSchemas[name]],
  ['as the build reads it', (name: ContentName) => buildSchema(name)],
])('every collection and settings file, %s', (_, schemaOf) => {
  test.each(names)('%s: each content file is valid', (name) => {
    const files = entries.get(name) ?? [];
    expect(files.length, `content files read with ${name}`).toBeGreaterThan(0);
    for (const { file, data } of files) expect(problems(schemaOf(name), data), file).toEqual([]);
  });

  test.each(names)('%s: each field taken away is named, with what it needs', (name) => {
    const schema = schemaOf(name);
    const required = new Set<string>();
    for (const { file, data } of entries.get(name) ?? []) {
      for (const path of fieldPaths(data)) {
        const found = problems(schema, without(data, path));
        if (found.length === 0) continue;
        const field = path.join('.');
        expect(found, `${file} without ${field}`).toEqual([
          expect.stringMatching(new RegExp(`^${field.replaceAll('.', '\\.')}: is required\\b`)),
        ]);
        expect(found[0], `${file} without ${field}`).not.toMatch(NOT_PLAIN);
        if (path.length === 1 && found[0]?.startsWith(`${field}: is required: `)) {
          required.add(field);
        }
      }
    }
    expect(required.size, `required fields of ${name}`).toBeGreaterThan(0);
    // An empty entry names every required field, and only those.
    const empty = problems(schema, {});
    expect(empty.map((message) => message.split(':')[0])).toEqual(
      expect.arrayContaining([...required]),
    );
    for (const message of empty) {
      expect(message).toMatch(/^\w+: is required: \S/);
      expect(message).not.toMatch(NOT_PLAIN);
      expect(required, message).toContain(message.split(':')[0]);
    }
  });
});

describe('the words for a missing field', () => {
  const emptyQuestion = [
    'question: is required: the question as a client would ask it, ending with "?"',
    'category: is required: name an FAQ category (a file in src/content/faq-categories/)',
    'order: is required: position in lists (1 comes first)',
  ];

  test('an empty question, in the CMS and in the build', () => {
    expect(problems(contentSchemas.faq, {})).toEqual(emptyQuestion);
    expect(problems(buildSchema('faq'), {})).toEqual(emptyQuestion);
  });

  test('an empty therapist', () => {
    expect(problems(buildSchema('therapists'), {})).toEqual([
      'name: is required: full name as clients will see it',
      'credentials: is required: credentials written after the name, e.g. LMT (Licensed Massage Therapist)',
      'credentialName: is required: what the credential is, in full, e.g. Licensed Massage Therapist',
      'licence: is required: the licence to practise massage therapy',
      'languages: is required: languages the therapist speaks with clients, one each',
      'order: is required: position in lists (1 comes first)',
    ]);
  });

  test('a question naming a category by something other than a name', () => {
    const [question] = entries.get('faq') ?? [];
    expect(problems(buildSchema('faq'), { ...question?.data, category: 3 })).toEqual([
      'category: must name an FAQ category (a file in src/content/faq-categories/)',
    ]);
  });

  test.each([
    [
      'faqCategories',
      'everything',
      'heading: is required: the heading of this section of the FAQ page',
    ],
    [
      'pricing',
      'everything',
      'price: is required: price of the session in the currency below, e.g. 100 or 99.50',
    ],
    [
      'services',
      'everything',
      'kind: is required: "treatment" for the complete medical massage; "modality" for a technique used in it',
    ],
    [
      'page-home',
      'everything',
      'words: is required: the other headings, links and sentences of the page',
    ],
    ['page-privacy', 'updated', 'updated: is required: a date like 2026-11-28'],
    [
      'page-faq',
      'words.sectionsLabel',
      'words.sectionsLabel: is required: name of the list of FAQ categories, read out by screen readers',
    ],
    ['locations', 'address', 'address: is required: where clients come for their session'],
    [
      'locations',
      'address.street',
      'address.street: is required: street and number, e.g. 123 Main Street, Suite 4',
    ],
    [
      'clinic',
      'hsaFsa.letter.examples.reason',
      'hsaFsa.letter.examples.reason: is required: text of 2–60 characters',
    ],
    [
      'locations',
      'hours.0.opens',
      'hours.0.opens: is required: opening time, 24-hour clock, e.g. 09:00',
    ],
    [
      'booking',
      'everything',
      'words: is required: the words of the booking buttons, calendar and messages',
    ],
    [
      'site',
      'navigation.items',
      'navigation.items: is required: the links under the clinic name on every page, in order',
    ],
  ] as const)('%s without %s', (name, field, expected) => {
    const [entry] = entries.get(name) ?? [];
    const data = field === 'everything' ? {} : without(entry?.data ?? {}, field.split('.'));
    expect(problems(contentSchemas[name], data)).toContain(expected);
  });

  test('the deploy settings (launch check and setup)', () => {
    expect(problems(deploySchema, {})).toEqual([
      'host: is required: where the site is published: netlify, cloudflare or github-pages',
      'backend: is required: how staff log in to the CMS: github (each with a GitHub account) or git-gateway (email invitations with Netlify Identity, on Netlify only)',
      'siteUrl: is required: the address the site is published at, e.g. https://www.your-clinic.com',
      'repo: is required: the GitHub repository of this site, owner/name',
      'branch: is required: the branch that is published (the production branch)',
      'loginEndpoint: is required: where staff log in to the CMS: the site’s own address on Netlify or Cloudflare Pages (the login ships with the site), the login Worker’s address for a site on GitHub Pages, or https://api.netlify.com for Netlify’s GitHub provider',
    ]);
  });

  // A typo in an address was a TypeError (Invalid URL) from the schema's own check, which ended
  // setup with every answer lost and crashed launch-check and the CMS.
  test.each([
    [
      'www.your-clinic.com',
      'siteUrl: must be a full https:// address like https://www.your-clinic.com',
    ],
    [
      'https//www.your-clinic.com',
      'siteUrl: must be a full https:// address like https://www.your-clinic.com',
    ],
    ['', 'siteUrl: must be a full https:// address like https://www.your-clinic.com'],
  ])('the deploy settings with the site address %j: named, not thrown', (siteUrl, expected) => {
    const settings = {
      host: 'netlify',
      backend: 'github',
      siteUrl,
      repo: 'my-clinic/website',
      branch: 'main',
      loginEndpoint: 'https://api.netlify.com',
    };
    expect(problems(deploySchema, settings)).toEqual([expected]);
  });

  // A login that cannot work on the host is refused where it is set, naming the host.
  test.each([
    [
      'Netlify Identity off Netlify',
      { host: 'cloudflare', backend: 'git-gateway' },
      'backend: git-gateway (Netlify Identity) works only on Netlify, and the host is cloudflare: use github, or publish on Netlify',
    ],
    [
      'GitHub Pages with no login Worker',
      { host: 'github-pages', loginEndpoint: 'https://www.your-clinic.com' },
      'loginEndpoint: is the site’s own address, but GitHub Pages runs no login: deploy the login Worker (login-worker/) and give its address',
    ],
    [
      'Netlify’s GitHub provider on Cloudflare Pages',
      { host: 'cloudflare', loginEndpoint: 'https://api.netlify.com' },
      'loginEndpoint: Netlify’s GitHub provider works only for a site on Netlify, and the host is cloudflare: use the site’s own address',
    ],
  ])('the deploy settings with %s: refused', (_, change, expected) => {
    const netlify = {
      host: 'netlify',
      backend: 'github',
      siteUrl: 'https://www.your-clinic.com',
      repo: 'my-clinic/website',
      branch: 'main',
      loginEndpoint: 'https://www.your-clinic.com',
    };
    expect(problems(deploySchema, Object.assign(netlify, change))).toEqual([expected]);
  });

  test.each([
    ['netlify', 'git-gateway', 'https://www.your-clinic.com'],
    ['netlify', 'github', 'https://api.netlify.com'],
    ['cloudflare', 'github', 'https://www.your-clinic.com'],
    ['github-pages', 'github', 'https://cms-login.my-clinic.workers.dev'],
  ])('the deploy settings on %s with %s, logging in at %s: accepted', (host, backend, login) => {
    const settings = {
      host,
      backend,
      siteUrl: 'https://www.your-clinic.com',
      repo: 'my-clinic/website',
      branch: 'main',
      loginEndpoint: login,
    };
    expect(problems(deploySchema, settings)).toEqual([]);
  });

  test.each(['cal.com', 'https//cal.com', 'cal com'])(
    'the booking origin %j: named, not thrown',
    (origin) => {
      const [booking] = entries.get('booking') ?? [];
      expect(problems(contentSchemas.booking, { ...booking?.data, origin })).toEqual([
        'origin: must be a full address like https://cal.com',
      ]);
    },
  );
});
