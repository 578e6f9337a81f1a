/**
 * Every word a visitor reads comes from `src/content/`: on a temporary copy, every string of the
 * content that can be words is pseudo-localised (each letter accented: `Prices` → `Ƥŕíçéš`, same
 * length, so every limit still holds), the site's language is set to Japanese (whose dates, times,
 * lengths and lists `Intl` writes without a Latin letter), and the site is built. Then every text a
 * visitor can see or hear on every built page (text nodes, dialogs, alt texts, accessible names, the
 * booking script's messages) must have no plain Latin letter left, apart from ALLOWED below.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseHtml } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parse, stringify } from 'yaml';
import type { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSchemas, type ContentName } from '../../src/cms/schemas';
import { weekdayName } from '../../src/lib/format';
import type { SiteData } from '../../src/schemas/site';
import { copyProject } from '../support/project-copy.mjs';

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

/**
 * Accents each string of `data` the schema still accepts accented: an enum, a reference, a time or
 * a state code is refused and stays as it is. Returns the paths that stayed.
 */
function accentData(data: Data, schema: z.ZodType): string[] {
  const kept: string[] = [];
  const visit = (holder: Data | unknown[], key: string | number, path: string) => {
    const value = (holder as Data)[key as string];
    if (typeof value === 'string') {
      if (NOT_WORDS.test(value)) return;
      (holder as Data)[key as string] = accent(value);
      if (!schema.safeParse(data).success) {
        (holder as Data)[key as string] = value;
        kept.push(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((_, index) => visit(value, index, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const inner of Object.keys(value)) visit(value as Data, inner, `${path}.${inner}`);
    }
  };
  for (const key of Object.keys(data)) visit(data, key, key);
  return kept;
}

/** The CMS's name for the schema of a content file (`pages/home.mdx` → `page-home`). */
function schemaName(file: string): ContentName {
  const [folder = '', name = ''] = file.replace(/\.(mdx|yaml)$/, '').split('/');
  if (folder === 'pages') return `page-${name}` as ContentName;
  if (folder === 'settings') return name as ContentName;
  if (folder === 'faq-categories') return 'faqCategories';
  return folder as ContentName;
}

/**
 * What may stay in plain Latin letters, each for a reason: the clinic's email address (an address,
 * not a word) and its state code (`OR`: the schema asks for two capital letters, the postal code
 * of the address).
 */
const ALLOWED = [/[^\s@]+@[^\s@]+\.[a-z]+/gi, /\b[A-Z]{2}(?= \d{5}\b)/g];

const kept: string[] = [];
/** The shared words as they were, before the transformation. */
const site = parse(readFileSync('src/content/settings/en/site.yaml', 'utf8')) as SiteData;
let copy: ReturnType<typeof copyProject>;

beforeAll(() => {
  copy = copyProject('clinic-pseudo-');
  const content = join(copy.dir, 'src/content');
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(mdx|yaml)$/.test(file))
    .map((file) => file.split(sep).join('/'));
  for (const file of files) {
    const path = join(content, file);
    const schema = contentSchemas[schemaName(file)];
    const text = readFileSync(path, 'utf8');
    if (file.endsWith('.yaml')) {
      const data = parse(text) as Data;
      kept.push(...accentData(data, schema).map((field) => `${file}: ${field}`));
      if (file === 'settings/site.yaml') data['language'] = 'ja-JP';
      writeFileSync(path, stringify(data));
    } else {
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
      const data = parse(frontmatter) as Data;
      kept.push(...accentData(data, schema).map((field) => `${file}: ${field}`));
      writeFileSync(path, `---\n${stringify(data)}---\n${accentBody(body)}`);
    }
  }
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
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
function untranslated(text: string): string | undefined {
  const rest = ALLOWED.reduce((remaining, pattern) => remaining.replace(pattern, ''), text);
  return /[a-z]/i.test(rest) ? text.trim() : undefined;
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
      'hours.days',
      'kind',
      'language',
      'licence.state',
      'planTypes',
      'services',
      'techniques',
      'theme',
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
      const document = parseHtml(html);
      for (const text of visibleTexts(document)) {
        const left = untranslated(text);
        if (left) problems.push(`${relative(dist, join(dist, file))}: "${left}"`);
      }
      expect(html, file).toMatch(/<html lang="ja-JP"/);
      expect(html, file).toContain('booking-fallback');
      // The words are there, transformed (not left out): the skip link, and the first link.
      expect(html, file).toContain(accent(site.skipLink));
      expect(html, file).toContain(accent(site.navigation.items[0]?.label ?? ''));
    }
    // And what Intl writes is in the site's language.
    const contact = readFileSync(join(dist, 'contact/index.html'), 'utf8');
    expect(contact).toContain(weekdayName('Monday', 'ja-JP'));
    expect(contact).not.toContain(`>${weekdayName('Monday', 'en-US')}<`);
    expect([...new Set(problems)]).toEqual([]);
  });
});
