/**
 * Every word a visitor reads comes from `src/content/`: on a temporary copy, every string of the
 * content that can be words is pseudo-localised (each letter accented: `Prices` → `Ƥŕíçéš`, same
 * length, so every limit still holds), the site's language is set to Japanese (whose dates, times,
 * lengths and lists `Intl` writes without a Latin letter), and the site is built. Then every text a
 * visitor can see or hear on every built page (text nodes, dialogs, alt texts, accessible names, the
 * booking script's messages) must have no plain Latin letter left, apart from ALLOWED below.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseHtml } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse, stringify } from 'yaml';
import type { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSchemas, type ContentName } from '../../src/collections';
import { weekdayName } from '../../src/lib/format';
import { translate, wordsOf } from '../../src/schemas/translation';
import type { SiteData } from '../../src/schemas/site';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const LOWER = 'áƀçđéƒĝĥíĵķĺɱñóþʠŕšţúṽŵẋýž';
const UPPER = 'ÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ';

/** Each ASCII letter accented, one character for one; `{places}` the site fills stay as they are. */
function accent(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/[a-z]/gi, (letter) => {
            const code = letter.charCodeAt(0);
            return code >= 97 ? (LOWER[code - 97] ?? letter) : (UPPER[code - 65] ?? letter);
          }),
    )
    .join('');
}

/** Addresses, links and paths in the content are not words, whatever the schema says. */
const NOT_WORDS = /^(\/|https?:|mailto:|tel:|#|\+)|^[^\s@]+@[^\s@]+$/;

/** Body text accented outside its syntax: link targets, tags and components, escapes, entities. */
function accentBody(body: string): string {
  return body
    .split(/(\\.|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?:\/\/\S+|&#?\w+;)/)
    .map((part, index) => (index % 2 === 1 ? part : accent(part)))
    .join('');
}

type Data = Record<string, unknown>;

/** Whether each word of a translation (its slug and reviewed mark aside) passes its own rule. */
function wordsAccepted(schema: z.ZodType, data: Data): boolean {
  const words = wordsOf(data);
  return translate(schema, words, words, 'main').problems.length === 0;
}

/**
 * Accents each string of `data` the schema still accepts accented: an enum, a reference, a time or
 * a state code is refused and stays as it is. Returns the paths that stayed.
 */
function accentData(data: Data, schema: z.ZodType, translation: boolean): string[] {
  const kept: string[] = [];
  // A translation holds only words: each is checked on its own, as the build checks it.
  const accepted = () =>
    translation ? wordsAccepted(schema, data) : schema.safeParse(data).success;
  const visit = (holder: Data | unknown[], key: string | number, path: string) => {
    const value = (holder as Data)[key as string];
    if (typeof value === 'string') {
      if (NOT_WORDS.test(value)) return;
      (holder as Data)[key as string] = accent(value);
      if (!accepted()) {
        (holder as Data)[key as string] = value;
        kept.push(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((_, index) => visit(value, index, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const inner of Object.keys(value)) visit(value as Data, inner, `${path}.${inner}`);
    }
  };
  for (const key of Object.keys(data)) {
    // A translation's slug and reviewed mark are not words.
    if (!(translation && (key === 'slug' || key === 'reviewed'))) visit(data, key, key);
  }
  return kept;
}

/** The CMS's name for the schema of a content file (`pages/en/home.mdx` → `page-home`). */
function schemaName(file: string): ContentName {
  const parts = file.replace(/\.(mdx|yaml)$/, '').split('/');
  const folder = parts[0] ?? '';
  const name = parts.at(-1) ?? '';
  if (folder === 'pages') return `page-${name}` as ContentName;
  if (folder === 'settings') return name as ContentName;
  if (folder === 'faq-categories') return 'faqCategories';
  return folder as ContentName;
}

/**
 * What may stay in plain Latin letters, each for a reason: the clinic's email address (an address,
 * not a word), its state code (`OR`: the schema asks for two capital letters, the postal code
 * of the address) and the site's own short review address on the review card
 * (`clinic.example.com/review/`, a web address to type).
 */
const ALLOWED = [
  /[^\s@]+@[^\s@]+\.[a-z]+/gi,
  /\b[A-Z]{2}(?= \d{5}\b)/g,
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[\w/-]*/gi,
];

const kept: string[] = [];
/** The shared words of each language as they were, before the transformation. */
const siteWords = (code: string) =>
  parse(readFileSync(`src/content/settings/${code}/site.yaml`, 'utf8')) as SiteData;
/**
 * The copy's languages: the main one is Japanese, by configuration and the main language's
 * folders renamed alone (`src/content/*\/en/` → `ja/`); the other one is Spanish, as shipped.
 */
const MAIN = { tag: 'ja-JP', code: 'ja', words: siteWords('en') };
const OTHER = { tag: 'es-US', code: 'es', words: siteWords('es') };
let copy: ReturnType<typeof copyProject>;

beforeAll(() => {
  copy = copyProject('clinic-pseudo-');
  const content = join(copy.dir, 'src/content');
  for (const folder of readdirSync(content)) {
    if (existsSync(join(content, folder, 'en'))) {
      renameSync(join(content, folder, 'en'), join(content, folder, MAIN.code));
    }
  }
  writeFileSync(
    join(content, 'settings/languages.yaml'),
    stringify({ languages: [MAIN.tag, OTHER.tag] }),
  );
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(mdx|yaml)$/.test(file) && file !== 'settings/languages.yaml')
    .map((file) => file.split(sep).join('/'));
  for (const file of files) {
    const path = join(content, file);
    const schema = contentSchemas[schemaName(file)];
    const translated = file.split('/')[1] === OTHER.code;
    const text = readFileSync(path, 'utf8');
    if (file.endsWith('.yaml')) {
      const data = parse(text) as Data;
      kept.push(...accentData(data, schema, translated).map((field) => `${file}: ${field}`));
      writeFileSync(path, stringify(data));
    } else {
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
      const data = parse(frontmatter) as Data;
      kept.push(...accentData(data, schema, translated).map((field) => `${file}: ${field}`));
      writeFileSync(path, `---\n${stringify(data)}---\n${accentBody(body)}`);
    }
  }
  execFileSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}, 240_000);

afterAll(() => copy?.remove());

/** The texts a visitor sees or hears: text nodes, alt texts and accessible names. */
function visibleTexts(node: Node, found: string[] = []): string[] {
  if (node.nodeName === '#text' && 'value' in node) found.push(node.value);
  if ('tagName' in node) {
    const element = node as Element;
    if (['script', 'style', 'template'].includes(element.tagName)) return found;
    for (const { name, value } of element.attrs) {
      if (['alt', 'aria-label', 'title', 'placeholder'].includes(name)) found.push(value);
      // The booking script's messages, written into the page from the content.
      if (name === 'data-messages') {
        // Their `{places}` are filled in by the script, with content or Intl words.
        for (const [key, message] of Object.entries(JSON.parse(value) as Record<string, string>))
          if (key !== 'language') found.push(message.replace(/\{\w+\}/g, ''));
      }
    }
  }
  if ('childNodes' in node) for (const child of node.childNodes) visibleTexts(child, found);
  return found;
}

/** Latin letters left in a text once the allowed parts are taken out. */
function untranslated(text: string, intl: ReadonlySet<string>): string | undefined {
  const rest = ALLOWED.reduce((remaining, pattern) => remaining.replace(pattern, ''), text)
    .split(/[\s–-]+/)
    .filter((word) => !intl.has(word.replace(/^[(\d:]+|[),]+$/g, '')))
    .join(' ');
  return /[a-z]/i.test(rest) ? text.trim() : undefined;
}

/**
 * The words `Intl` writes in `tag` on these pages (days, months, minutes and hours, times, the
 * "and" and "or" of lists), taken from `Intl` itself: in a language written in Latin letters
 * (Spanish) they are not content, yet not left-over English either.
 */
function intlWords(tag: string): Set<string> {
  const days = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2026, 10, 23 + day)));
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15)));
  const samples = [
    ...days.map((day) => day.toLocaleDateString(tag, { weekday: 'long', timeZone: 'UTC' })),
    ...months.map((month) => month.toLocaleDateString(tag, { dateStyle: 'long', timeZone: 'UTC' })),
    ...[9, 18].map((hour) =>
      new Date(Date.UTC(2026, 0, 1, hour)).toLocaleTimeString(tag, {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'UTC',
      }),
    ),
    ...(['minute', 'hour'] as const).flatMap((unit) =>
      [1, 24, 60].map((n) =>
        new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
      ),
    ),
    new Intl.ListFormat(tag, { type: 'conjunction' }).format(['1', '2']),
    new Intl.ListFormat(tag, { type: 'disjunction' }).format(['1', '2']),
  ];
  return new Set(
    samples
      .join(' ')
      .split(/[\s\d:,–-]+/)
      .filter(Boolean),
  );
}

describe('pseudo-localised content', () => {
  test('the only values the schemas refuse accented are choices, references and codes', () => {
    // Each is shown through content (plan types, FAQ categories) or Intl (days), or not at all.
    const fields = new Set(kept.map((path) => path.split(': ')[1]?.replace(/\.\d+/g, '')));
    expect([...fields].sort()).toEqual([
      'address.country',
      'address.region',
      'calEvent',
      'calLink',
      'category',
      'currency',
      'googlePlaceId',
      'hours.days',
      'kind',
      'licence.state',
      'planTypes',
      'reviewedBy',
      'services',
      'techniques',
      'theme',
      'timeZone',
    ]);
  });

  test('every page, the 404 page and the booking dialogs show only content and Intl words', () => {
    const dist = join(copy.dir, 'dist');
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith(`admin${sep}`),
    );
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      const language = file.startsWith(`${OTHER.code}${sep}`) ? OTHER : MAIN;
      const intl = intlWords(language.tag);
      const document = parseHtml(html);
      for (const text of visibleTexts(document)) {
        const left = untranslated(text, intl);
        if (left) problems.push(`${relative(dist, join(dist, file))}: "${left}"`);
      }
      expect(html, file).toMatch(new RegExp(`<html lang="${language.tag}"`));
      expect(html, file).toContain('booking-fallback');
      // The words are there, transformed (not left out): the skip link, and the first link.
      expect(html, file).toContain(accent(language.words.skipLink));
      expect(html, file).toContain(accent(language.words.navigation.items[0]?.label ?? ''));
    }
    // And what Intl writes is in each page's language.
    const contact = readFileSync(join(dist, 'contact/index.html'), 'utf8');
    expect(contact).toContain(weekdayName('Monday', MAIN.tag));
    expect(contact).not.toContain(`>${weekdayName('Monday', 'en-US')}<`);
    const contacto = readFileSync(join(dist, 'es/contacto/index.html'), 'utf8');
    expect(contacto).toContain(weekdayName('Monday', OTHER.tag));
    expect([...new Set(problems)]).toEqual([]);
  });
});
