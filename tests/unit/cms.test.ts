import { existsSync } from 'node:fs';
import { z } from 'astro/zod';
import type { CmsCollection, CmsField } from 'decap-cms-core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { backendConfig, cmsConfig } from '../../src/cms/config';
import { itemInWords } from '../../src/cms/list-summaries';
import { addressesOf } from '../../src/cms/addresses';
import { SITE_URL } from '../../src/site.config';
import { authEndpointFor, NETLIFY_OAUTH } from '../../src/schemas/deploy';
import { bodyPreview } from '../../src/cms/body-preview';
import { bookTierComponent, calloutComponent } from '../../src/cms/editor-components';
import { contentSchemas, type ContentName } from '../../src/collections';
import {
  emptyFieldPaths,
  entryProblems,
  prepareForSave,
  translationProblems,
} from '../../src/cms/validate';
import { bookTierBlock, calloutBlock, escapeForMdx } from '../../src/lib/mdx-text';
import { duplicateDurationProblems } from '../../src/schemas/pricing';
import { problemWith, type MdxNode } from '../../src/lib/mdx-rules';
import { siteLanguages } from '../../src/schemas/languages';

/** A field with each widget's options readable, whichever widget it is. */
type ReadableField = CmsField & { [option: string]: unknown };

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  description?: string;
}

/** English and Spanish, as the project ships; nothing here depends on which the second one is. */
const languages = siteLanguages({ languages: ['en-US', 'es-US'] });
const config = cmsConfig({ local: false, languages });
type Collection = (typeof config.collections)[number];

/** The CMS fields of every collection and settings file in the main language, by content name. */
function cmsFields(): Record<ContentName, CmsField[]> {
  const byName: Partial<Record<ContentName, CmsField[]>> = {};
  for (const collection of config.collections as Collection[]) {
    if (languages.others.some(({ code }) => collection.name.endsWith(`-${code}`))) continue;
    if ('files' in collection) {
      for (const file of collection.files ?? []) {
        byName[file.name as ContentName] = file.fields.filter((field) => field.name !== 'body');
      }
    } else {
      byName[collection.name as ContentName] = (collection.fields ?? []).filter(
        (field) => field.name !== 'body' && field.name !== 'reviewed',
      );
    }
  }
  return byName as Record<ContentName, CmsField[]>;
}

/** A select's option values: Decap takes plain values or `{ label, value }`. */
const optionValues = (options: unknown) =>
  ((options ?? []) as (string | { value: string })[]).map((option) =>
    typeof option === 'string' ? option : option.value,
  );

/**
 * Walks schema and CMS fields together; every difference is reported as `path: what`. Inside an
 * optional group every field is optional to Decap (`inOptionalGroup`, see src/cms/fields.ts).
 */
function differences(
  schema: JsonSchema,
  fields: CmsField[],
  path = '',
  inOptionalGroup = false,
): string[] {
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  const required = new Set(inOptionalGroup ? [] : (schema.required ?? []));
  const names = fields.map((field) => field.name);
  // A group with nothing in it (a page without words of its own) is left out of the CMS.
  const empty = (property: JsonSchema) =>
    property.type === 'object' && Object.keys(property.properties ?? {}).length === 0;
  for (const [name, property] of Object.entries(properties))
    if (!names.includes(name) && !empty(property))
      problems.push(`${path}${name}: in the schema, not in the CMS`);
  for (const field of fields as ReadableField[]) {
    const property = properties[field.name];
    const where = `${path}${field.name}`;
    if (!property) {
      problems.push(`${where}: in the CMS, not in the schema`);
      continue;
    }
    if (Boolean(field.required) !== required.has(field.name))
      problems.push(`${where}: required differs`);
    if (property.description && field.hint !== property.description)
      problems.push(`${where}: hint differs from the description`);
    const kind = property.type;
    if (
      (kind === 'integer' || kind === 'number') &&
      (field.widget !== 'number' || field.value_type !== (kind === 'integer' ? 'int' : 'float'))
    ) {
      problems.push(
        `${where}: numbers must use the number widget with value_type ${kind === 'integer' ? 'int' : 'float'}`,
      );
    }
    if (kind === 'boolean' && field.widget !== 'boolean')
      problems.push(`${where}: not a boolean widget`);
    if (
      property.enum &&
      (field.widget !== 'select' || JSON.stringify(field.options) !== JSON.stringify(property.enum))
    ) {
      problems.push(`${where}: choices differ`);
    }
    if (kind === 'object')
      problems.push(
        ...differences(
          property,
          (field.fields as CmsField[] | undefined) ?? [],
          `${where}.`,
          !required.has(field.name),
        ),
      );
    if (kind === 'array' && property.items?.type === 'object')
      problems.push(
        ...differences(
          property.items,
          (field.fields as CmsField[] | undefined) ?? [],
          `${where}[].`,
        ),
      );
    if (
      kind === 'array' &&
      property.items?.enum &&
      (!field.multiple ||
        JSON.stringify(optionValues(field.options)) !== JSON.stringify(property.items.enum))
    ) {
      problems.push(`${where}: multiple choices differ`);
    }
  }
  return problems;
}

describe('the CMS configuration agrees with the content schemas', () => {
  const fields = cmsFields();

  test.each(Object.keys(contentSchemas) as ContentName[])('%s', (name) => {
    const schema = z.toJSONSchema(contentSchemas[name], {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchema;
    expect(fields[name], `no CMS fields for ${name}`).toBeDefined();
    expect(differences(schema, fields[name])).toEqual([]);
  });

  test('the agreement check notices a missing field and a changed requirement', () => {
    const schema = z.toJSONSchema(contentSchemas.pricing, { io: 'input' }) as JsonSchema;
    const broken = fields.pricing
      .filter((field) => field.name !== 'note')
      .map((field) => (field.name === 'price' ? { ...field, required: false } : field));
    expect(differences(schema, broken)).toEqual([
      'note: in the schema, not in the CMS',
      'price: required differs',
    ]);
  });

  test('prices and durations are numbers with the schema limits', () => {
    const [duration, price] = fields.pricing;
    expect(duration).toMatchObject({
      name: 'durationMinutes',
      widget: 'number',
      value_type: 'int',
      min: 1,
      max: 240,
    });
    expect(price).toMatchObject({
      name: 'price',
      widget: 'number',
      value_type: 'float',
      min: 0.01,
      step: 0.01,
    });
  });

  test('each collection folder and settings file exists, and images land where Astro optimises them', () => {
    for (const collection of config.collections as Collection[]) {
      if ('files' in collection)
        for (const file of collection.files) expect(existsSync(file.file), file.file).toBe(true);
      else expect(existsSync(collection.folder ?? ''), collection.folder).toBe(true);
    }
    const image = fields.services.find((field) => field.name === 'image');
    expect(image).toMatchObject({
      widget: 'image',
      media_folder: '/src/assets/images',
      public_folder: '/src/assets/images',
    });
    expect(config).toMatchObject({
      media_folder: 'src/assets/images',
      public_folder: '/src/assets/images',
    });
  });

  test('related services are chosen from the services collection', () => {
    expect(fields.faq.find((field) => field.name === 'services')).toMatchObject({
      widget: 'relation',
      collection: 'services',
      multiple: true,
    });
  });

  test('production saves to GitHub, local editing to decap-server, both with the editorial workflow', () => {
    expect(config).toMatchObject({
      backend: { name: 'github' },
      publish_mode: 'editorial_workflow',
    });
    expect(config).not.toHaveProperty('local_backend');
    const local = cmsConfig({ local: true, languages });
    expect(local).toMatchObject({ local_backend: true, publish_mode: 'editorial_workflow' });
  });

  test('staff log in on the site itself (/api/auth), or at /auth of Netlify’s provider', () => {
    // As shipped, and as setup writes it for Netlify and Cloudflare Pages: the login ships with the site.
    expect(config.backend).toMatchObject({ base_url: SITE_URL, auth_endpoint: 'api/auth' });
    expect(authEndpointFor(SITE_URL)).toBe('api/auth');
    expect(authEndpointFor('https://clinic-cms-login.example.workers.dev')).toBe('api/auth');
    expect(authEndpointFor(NETLIFY_OAUTH)).toBe('auth');
  });

  test('with Netlify Identity, the CMS saves through Git Gateway: the branch only, no login address', () => {
    const settings = {
      name: 'git-gateway',
      repo: 'my-clinic/website',
      branch: 'live',
      base_url: SITE_URL,
    } as const;
    expect(backendConfig(settings)).toEqual({ name: 'git-gateway', branch: 'live' });
    expect(backendConfig({ ...settings, name: 'github' })).toEqual({
      name: 'github',
      repo: 'my-clinic/website',
      branch: 'live',
      base_url: SITE_URL,
      auth_endpoint: 'api/auth',
    });
  });
});

describe('languages side by side', () => {
  const collection = (name: string) =>
    (config.collections as Collection[]).find((candidate) => candidate.name === name)!;
  const field = (fields: CmsField[] | undefined, name: string) =>
    fields?.find((candidate) => candidate.name === name) as ReadableField | undefined;

  test('every folder collection is shown in each language, main first, one folder per language', () => {
    expect(config.i18n).toEqual({
      structure: 'multiple_folders',
      locales: ['en', 'es'],
      default_locale: 'en',
    });
    for (const name of ['services', 'benefits', 'pricing', 'faq', 'faqCategories', 'insurance']) {
      expect(collection(name)).toMatchObject({ i18n: true });
      expect(collection(name).folder).not.toMatch(/\/en$/);
    }
  });

  test('words are translated; what is the same in every language is set once', () => {
    const faq = collection('faq').fields;
    expect(field(faq, 'question')?.i18n).toBe(true);
    expect(field(faq, 'body')?.i18n).toBe(true);
    expect(field(faq, 'category')?.i18n).toBe(false);
    expect(field(faq, 'order')?.i18n).toBe(false);
    const pricing = collection('pricing').fields;
    expect(field(pricing, 'price')?.i18n).toBe(false);
    expect(field(pricing, 'note')?.i18n).toBe(true);
    // A Cal.com event may differ by language: each language's column has the field.
    expect(field(pricing, 'calEvent')?.i18n).toBe(true);
    const services = collection('services').fields;
    expect(field(services, 'image')?.i18n).toBe(false);
    expect(field(services, 'imageAlt')?.i18n).toBe(true);
  });

  test('a language’s own pages and settings hold only its words, its slugs and the reviewed mark', () => {
    const spanish = collection('settings-es') as Collection & {
      files: { name: string; file: string; fields: CmsField[] }[];
    };
    const clinic = spanish.files.find(({ name }) => name === 'clinic')!;
    expect(clinic.file).toBe('src/content/settings/es/clinic.yaml');
    const names = clinic.fields.map(({ name }) => name);
    expect(names).toContain('reviewed');
    expect(names).toContain('paymentAccepted');
    for (const shared of ['name', 'phone', 'email', 'timeZone']) {
      expect(names).not.toContain(shared);
    }
    const brand = field(clinic.fields, 'brand')?.fields as CmsField[];
    expect(brand.map(({ name }) => name)).toEqual(['logoAlt']);
    const policy = field(clinic.fields, 'visitPolicy')?.fields as CmsField[];
    expect(policy.map(({ name }) => name)).toEqual(['cancellation', 'lateArrival', 'noShow']);
    const pages = collection('pages-es') as typeof spanish;
    const pricing = pages.files.find(({ name }) => name === 'page-pricing')!;
    expect(pricing.file).toBe('src/content/pages/es/pricing.mdx');
    expect(pricing.fields.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['reviewed', 'slug', 'title', 'body']),
    );
    expect(pricing.fields.map(({ name }) => name)).not.toContain('image');
  });

  test('a settings file’s translation cannot lose a word: every language’s site needs its settings', () => {
    // Deleting the optional logo text in the Spanish column: the build would stop for /es/.
    const main = {
      brand: { colour: '#24485e', logo: '/src/assets/images/logo.svg', logoAlt: 'Willow Creek' },
    };
    expect(translationProblems('clinic', { reviewed: true }, main)).toContain(
      'brand: is not translated yet',
    );
    expect(translationProblems('clinic', { reviewed: true, brand: {} }, main)).toContain(
      'brand: is not translated yet',
    );
    expect(
      translationProblems(
        'clinic',
        { reviewed: true, brand: { logoAlt: 'Willow Creek (logotipo)' } },
        main,
      ),
    ).not.toContain('brand: is not translated yet');
  });

  test('a translation is checked before saving as the build checks it, answer included', () => {
    const main = {
      question: 'Why do I need a prescription?',
      category: 'prescriptions',
      services: [],
      order: 1,
      body: 'Because.',
    };
    const spanish = { question: '¿Por qué necesito una receta?', body: 'Porque.', reviewed: false };
    expect(translationProblems('faq', spanish, main)).toEqual([]);
    // A word not translated yet does not stop a save: the entry stays out of that language.
    expect(translationProblems('faq', { body: 'Porque.' }, main)).toEqual([]);
    expect(translationProblems('faq', { ...spanish, category: 'about' }, main)).toEqual([
      'category: is the same in every language: change it in the main language (remove it here)',
    ]);
    expect(translationProblems('faq', { ...spanish, question: 'Sin pregunta' }, main)).toEqual([
      'question: must end with a question mark',
    ]);
  });

  test('with one language there is no i18n and each collection is the language’s folder', () => {
    const one = cmsConfig({ local: false, languages: siteLanguages({ languages: ['en-US'] }) });
    expect(one).not.toHaveProperty('i18n');
    const names = (one.collections as Collection[]).map(({ name }) => name);
    expect(names).not.toContain('pages-es');
    const faq = (one.collections as Collection[]).find(({ name }) => name === 'faq')!;
    expect(faq.folder).toBe('src/content/faq/en');
    expect(faq.fields?.map(({ name }) => name)).not.toContain('reviewed');
  });
});

describe('editor components', () => {
  test('a booking button is written as the approved component and read back', () => {
    const block = bookTierComponent.toBlock({ minutes: 60 });
    expect(block).toBe('<BookTier minutes="60" />');
    const match = block.match(bookTierComponent.pattern);
    expect(match && bookTierComponent.fromBlock(match)).toEqual({ minutes: 60 });
  });

  test('a callout keeps its Markdown text and is read back', () => {
    const block = calloutComponent.toBlock({ text: 'Bring your **prescription**.' });
    expect(block).toBe('<Callout>\n\nBring your **prescription**.\n\n</Callout>');
    const match = block.match(calloutComponent.pattern);
    expect(match && calloutComponent.fromBlock(match)).toEqual({
      text: 'Bring your **prescription**.',
    });
  });

  test('their blocks survive the escaping of text around them', () => {
    const body = `Text with {braces} and <tags>.\n\n${bookTierComponent.toBlock({ minutes: 30 })}\n\n${calloutComponent.toBlock({ text: 'Note {x} < y' })}`;
    expect(escapeForMdx(body)).toBe(
      'Text with \\{braces\\} and \\<tags>.\n\n<BookTier minutes="30" />\n\n<Callout>\n\nNote \\{x\\} \\< y\n\n</Callout>',
    );
  });
});

describe('escapeForMdx', () => {
  test('writes an autolink, as the editor writes a link whose text is its address, as a link', () => {
    expect(escapeForMdx('See <https://example.org/a_(b)> or \\<https://x.org> {1}')).toBe(
      'See [https://example.org/a_(b)](https://example.org/a_\\(b\\)) or \\<https://x.org> \\{1\\}',
    );
  });

  test('escapes what MDX reads as code and leaves the rest', () => {
    expect(escapeForMdx('a { b } < c > [d] *e* _f_ $ & # 😀 日本語')).toBe(
      'a \\{ b \\} \\< c > [d] *e* _f_ $ & # 😀 日本語',
    );
  });

  test('does not escape twice', () => {
    const once = escapeForMdx('{x} <y>');
    expect(escapeForMdx(once)).toBe(once);
  });

  test('a look-alike component with other attributes is escaped like any text', () => {
    expect(escapeForMdx('<BookTier minutes="60" onClick="x" />')).toBe(
      '\\<BookTier minutes="60" onClick="x" />',
    );
  });
});

describe('saving from the CMS', () => {
  test('escapes the body before it is written', () => {
    expect(prepareForSave({ title: 'x', body: 'Price {55} <b>' })).toEqual({
      title: 'x',
      body: 'Price \\{55\\} \\<b>',
    });
  });

  test('refuses an entry the schema rejects, naming the field', () => {
    expect(entryProblems('pricing', { durationMinutes: 60, price: 0, calEvent: '60min' })).toEqual([
      'price: must be more than 0',
    ]);
  });

  test('refuses an image without alt text', () => {
    const service = {
      title: 'Myofascial release',
      summary: 'x'.repeat(60),
      kind: 'modality',
      helpsWith: ['Stiffness'],
      order: 4,
      image: '/src/assets/images/new.jpg',
    };
    expect(entryProblems('services', service)).toEqual([
      'imageAlt: is required when the service has an image',
    ]);
  });

  test('accepts a valid entry, ignoring empty optional fields', () => {
    expect(
      entryProblems('pricing', { durationMinutes: 60, price: 100, calEvent: '60min', note: '' }),
    ).toEqual([]);
  });
});

describe('content text checks (the build fails on each problem)', () => {
  test.each<[string, MdxNode]>([
    ['text', { type: 'text' }],
    [
      'a booking button',
      {
        type: 'mdxJsxFlowElement',
        name: 'BookTier',
        attributes: [{ type: 'mdxJsxAttribute', name: 'minutes', value: '60' }],
      },
    ],
    ['a callout', { type: 'mdxJsxFlowElement', name: 'Callout', attributes: [] }],
  ])('allows %s', (_, node) => {
    expect(problemWith(node)).toBeUndefined();
  });

  test.each<[string, MdxNode, RegExp]>([
    [
      'a script element',
      { type: 'mdxJsxFlowElement', name: 'script', attributes: [] },
      /found <script: only <BookTier> and <Callout>/,
    ],
    ['an inline element', { type: 'mdxJsxTextElement', name: 'img', attributes: [] }, /found <img/],
    ['an expression', { type: 'mdxTextExpression' }, /write \\\{ and \\\} to show braces/],
    ['an import', { type: 'mdxjsEsm' }, /import and export statements are not allowed/],
    [
      'an event handler on a component',
      {
        type: 'mdxJsxFlowElement',
        name: 'BookTier',
        attributes: [{ type: 'mdxJsxAttribute', name: 'onClick', value: 'x' }],
      },
      /does not take the attribute onClick/,
    ],
    [
      'a computed attribute',
      {
        type: 'mdxJsxFlowElement',
        name: 'BookTier',
        attributes: [
          {
            type: 'mdxJsxAttribute',
            name: 'minutes',
            value: { type: 'mdxJsxAttributeValueExpression' },
          },
        ],
      },
      /does not take the attribute minutes/,
    ],
  ])('rejects %s', (_, node, message) => {
    expect(problemWith(node)).toMatch(message);
  });
});

describe('body previews show what the page will show', () => {
  const html = (markdown: string) => renderToStaticMarkup(bodyPreview(markdown));

  test('characters and tags typed as text stay text', () => {
    expect(html('Ask {us} <b>now</b> & 50% *off*')).toBe(
      '<div class="prose"><p>Ask {us} &lt;b&gt;now&lt;/b&gt; &amp; 50% <em>off</em></p></div>',
    );
  });

  test('the booking button and the callout are drawn as on the site', () => {
    const block = [bookTierBlock(90), calloutBlock('Bring your **prescription**.')].join('\n\n');
    expect(html(block)).toBe(
      '<div class="prose"><p><a class="preview-book-button">Book 90 minutes</a></p>' +
        '<aside class="preview-callout"><p>Bring your <strong>prescription</strong>.</p></aside></div>',
    );
  });

  test('a link the build would refuse has no address in the preview', () => {
    expect(html('[policy](javascript:alert(1)) and [map](https://example.org/map)')).toBe(
      '<div class="prose"><p><a>policy</a> and <a href="https://example.org/map">map</a></p></div>',
    );
  });

  test('indented text is a paragraph, as in MDX, not code', () => {
    expect(html('    four spaces')).toBe('<div class="prose"><p>four spaces</p></div>');
  });
});

describe('one price tier per session length', () => {
  test('names both files of a shared length', () => {
    expect(
      duplicateDurationProblems([
        { file: 'src/content/pricing/en/30-minutes.mdx', durationMinutes: 30 },
        { file: 'src/content/pricing/en/60-minutes.mdx', durationMinutes: 60 },
        { file: 'src/content/pricing/en/sixty.mdx', durationMinutes: 60 },
      ]),
    ).toEqual([
      'durationMinutes: src/content/pricing/en/60-minutes.mdx and src/content/pricing/en/sixty.mdx are both 60 minutes; each session length may have only one price tier',
    ]);
  });

  test('accepts distinct lengths', () => {
    expect(
      duplicateDurationProblems([
        { file: 'a.mdx', durationMinutes: 30 },
        { file: 'b.mdx', durationMinutes: 45 },
      ]),
    ).toEqual([]);
  });
});

describe('a cleared field is left out of the file', () => {
  test('empty strings and nulls, and objects of nothing else, are found; list items are kept', () => {
    expect(
      emptyFieldPaths({
        price: 100,
        note: '',
        body: '',
        hours: [{ days: ['Mon'], opens: '09:00', note: '' }, ''],
        letter: { request: '', privacyNote: null },
        address: { street: '1 Main St', unit: '' },
      }),
    ).toEqual([['note'], ['hours', 0, 'note'], ['letter'], ['address', 'unit']]);
  });
});

describe('hints and descriptions', () => {
  /** Every text staff read beside a collection or a field. */
  const texts: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && (key === 'hint' || key === 'description')) texts.push(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item));
    else if (value && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) walk(child, name);
    }
  };
  walk(config.collections);

  test('a menu path they name (A › B) is one staff can follow', () => {
    const menus = config.collections.map((collection) => collection.label ?? collection.name);
    let named = 0;
    for (const text of texts) {
      for (const [at] of [...text.matchAll(/ › /g)].map((match) => [match.index])) {
        const before = text.slice(0, at);
        const after = text.slice((at ?? 0) + 3);
        const menu = menus
          .filter((label) => before.endsWith(label))
          .sort((a, b) => b.length - a.length)[0];
        expect(menu, `“${text}” names a menu entry before ›`).toBeDefined();
        const collection = config.collections.find((candidate) => candidate.label === menu);
        const items = (collection?.files ?? []).map((file) => file.label ?? file.name);
        expect(
          items.some((item) => after.startsWith(item)),
          `“${text}”: ${menu} holds ${items.join(', ')}`,
        ).toBe(true);
        named += 1;
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  test('a collection they name in a hint is in the menu', () => {
    const named = texts.filter((text) => text.includes('the menu’s FAQ categories'));
    expect(named).not.toEqual([]);
    expect(config.collections.map((collection) => collection.label)).toContain('FAQ categories');
  });
});

describe('a list item, collapsed, in staff’s words', () => {
  const hours = ['days', 'opens', 'closes'];
  test.each<[Record<string, unknown>, string]>([
    [
      { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday'], opens: '08:00', closes: '18:00' },
      'Mon–Thu 08:00–18:00',
    ],
    [{ days: ['Friday'], opens: '08:00', closes: '14:00' }, 'Fri 08:00–14:00'],
    [
      { days: ['Saturday', 'Monday', 'Wednesday', 'Tuesday'], opens: '09:00', closes: '12:00' },
      'Mon–Wed, Sat 09:00–12:00',
    ],
    [{ days: ['Monday', 'Tuesday'], opens: '09:00' }, 'Mon, Tue 09:00'],
    [{}, ''],
  ])('%j → %s', (item, words) => {
    expect(itemInWords(item, hours)).toBe(words);
  });

  test('other lists keep their words, joined', () => {
    expect(itemInWords({ name: 'Aetna', planTypes: ['PPO', 'HMO'] }, ['name', 'planTypes'])).toBe(
      'Aetna · PPO, HMO',
    );
  });
});

describe('an entry’s address in every language', () => {
  const [en, es] = [languages.main, languages.others[0]!];
  const paths = {
    en: { '/services/': '/services/', '/pricing/': '/pricing/' },
    es: { '/services/': '/es/servicios/', '/pricing/': '/es/precios/' },
  };
  const services = { path: '/services/', page: true };
  const urls = (input: Omit<Parameters<typeof addressesOf>[0], 'languages' | 'paths'>) =>
    addressesOf({ ...input, languages: [en, es], paths }).map(
      ({ url, missing }) => url ?? `(${missing})`,
    );

  test('a service: its file name, and the translation’s slug or its title', () => {
    expect(
      urls({ list: services, id: 'lymph-drainage', data: { en: {}, es: { slug: 'drenaje' } } }),
    ).toEqual([`${SITE_URL}/services/lymph-drainage/`, `${SITE_URL}/es/servicios/drenaje/`]);
    expect(
      urls({ list: services, id: 'x', data: { en: {}, es: { title: 'Masaje terapéutico' } } }),
    ).toEqual([`${SITE_URL}/services/x/`, `${SITE_URL}/es/servicios/masaje-terapeutico/`]);
  });

  test('an entry page of a collection listed in its folder: under the language’s prefix', () => {
    const conditions = { path: '/conditions/', page: false };
    expect(urls({ list: conditions, id: 'neck-pain', data: { es: { slug: 'cuello' } } })).toEqual([
      `${SITE_URL}/conditions/neck-pain/`,
      `${SITE_URL}/es/conditions/cuello/`,
    ]);
  });

  test('a new service, and one not translated yet, say so', () => {
    expect(urls({ list: services, id: '', data: { en: {}, es: { title: '' } } })).toEqual([
      '(made from the title when first saved)',
      '(not translated yet)',
    ]);
  });

  test('a page: its id, and its slug in another language (or as published)', () => {
    expect(urls({ id: 'pricing', data: { es: { slug: 'tarifas' } } })).toEqual([
      `${SITE_URL}/pricing/`,
      `${SITE_URL}/es/tarifas/`,
    ]);
    expect(urls({ id: 'pricing', data: { en: {} } })).toEqual([
      `${SITE_URL}/pricing/`,
      `${SITE_URL}/es/precios/`,
    ]);
    expect(urls({ id: 'home', data: {} })).toEqual([`${SITE_URL}/`, `${SITE_URL}/es/`]);
  });
});

describe('the FAQ list', () => {
  test('filters by each category’s heading, in the categories’ order, and sorts by order', () => {
    const faq = cmsConfig({
      local: false,
      languages,
      faqCategories: [
        { id: 'about', heading: 'About medical massage' },
        { id: 'payment', heading: 'Payment and insurance' },
      ],
    }).collections.find((collection) => collection.name === 'faq') as CmsCollection & {
      view_filters?: unknown;
    };
    expect(faq.view_filters).toEqual([
      { label: 'About medical massage', field: 'category', pattern: '^about$' },
      { label: 'Payment and insurance', field: 'category', pattern: '^payment$' },
    ]);
    expect(faq.sortable_fields?.[0]).toEqual({ field: 'order', default_sort: true });
    expect(faq.summary).not.toContain('{{category}}');
  });
});
