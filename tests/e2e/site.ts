/**
 * What the end-to-end tests check pages against: the built pages in `dist/` and the real content
 * in `src/content/`, read straight from the files (Playwright cannot import `astro:content`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { fill, formatDuration } from '../../src/lib/format';
import type { BookingData } from '../../src/schemas/booking';
import { contentSchemas } from '../../src/collections';
import type { ClinicData } from '../../src/schemas/clinic';
import type { LocationData } from '../../src/schemas/locations';
import { insuranceSchema, type InsuranceData } from '../../src/schemas/insurance';
import type { PageId, PageWords } from '../../src/schemas/pages';
import type { SiteData } from '../../src/schemas/site';
import { readLanguages } from '../../src/i18n/languages';
import type { Language } from '../../src/schemas/languages';

const root = resolve(import.meta.dirname, '../..');
export const distDir = join(root, 'dist');
const contentDir = join(root, 'src/content');

/** The site's languages (`src/content/settings/languages.yaml`), main first. */
export const LANGUAGES = readLanguages();
const MAIN = LANGUAGES.main;

/** The CMS's page: built into `dist/` but not a public page. */
const isAdmin = (file: string) => file.split(sep)[0] === 'admin';

/** Whether a built page asks not to be indexed: the short /review/ address and the review card. */
const isNoindex = (file: string) =>
  readFileSync(join(distDir, file), 'utf8').includes('<meta name="robots" content="noindex">');

/**
 * URL paths of every public page in `dist/` (`/`, `/pricing/`, …), as the sitemap lists them: 404,
 * /admin/ and the pages not to be indexed left out (the review pages: tests/e2e/review.spec.ts).
 */
export function builtPages(): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !isAdmin(file) && !isNoindex(file))
    .map((file) => `/${file.split(sep).slice(0, -1).join('/')}/`.replace('//', '/'))
    .sort();
}

/** The built HTML file of every public page, 404 included, as `[urlPath, html]`. */
export function builtHtml(): [string, string][] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !isAdmin(file))
    .map((file) => [
      `/${relative(distDir, join(distDir, file)).split(sep).join('/')}`,
      readFileSync(join(distDir, file), 'utf8'),
    ]);
}

export interface Entry<T> {
  id: string;
  data: T;
  body: string;
}

/** Frontmatter and body of each MDX entry of a collection, as written in `language`'s folder. */
export function entries<T>(collection: string, language: Language = MAIN): Entry<T>[] {
  const folder = join(contentDir, collection, language.code);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(folder, file), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
      return { id: file.replace(/\.mdx$/, ''), data: parse(frontmatter) as T, body };
    });
}

/**
 * The Cal.com event a price tier (`60-minutes`) books on `language`'s pages: its translation's own
 * (`calEvent` may differ by language), else the main language's.
 */
export function tierEvent(tier: string, language: Language = MAIN): string {
  const own = (code: string) => {
    const file = join(contentDir, 'pricing', code, `${tier}.mdx`);
    if (!existsSync(file)) return undefined;
    const [, frontmatter = ''] = /^---\n([\s\S]*?)\n?---/.exec(readFileSync(file, 'utf8')) ?? [];
    return (parse(frontmatter) as { calEvent?: string } | null)?.calEvent;
  };
  const event = own(language.code) ?? own(MAIN.code);
  if (!event) throw new Error(`src/content/pricing/${MAIN.code}/${tier}.mdx names no calEvent`);
  return event;
}

/** The insurance plans, read as the build reads them (defaults filled in). */
export function plans(): Entry<InsuranceData>[] {
  return entries<unknown>('insurance').map((entry) => ({
    ...entry,
    data: insuranceSchema.parse(entry.data),
  }));
}

/** The clinic settings, read as the build reads them. */
export function clinic(): ClinicData {
  const file = parse(readFileSync(join(contentDir, 'settings', MAIN.code, 'clinic.yaml'), 'utf8'));
  // As the CMS reads it: the logo is its path (no image import outside Astro).
  return contentSchemas.clinic.parse(file) as ClinicData;
}

/**
 * The main location (`src/content/locations/<main>/`, the first in `order`): its address, hours
 * and Google Place ID, as the CMS reads the file.
 */
export function mainLocation(): LocationData & { id: string } {
  const folder = join(contentDir, 'locations', MAIN.code);
  const [first] = readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({
      id: file.replace(/\.yaml$/, ''),
      ...contentSchemas.locations.parse(parse(readFileSync(join(folder, file), 'utf8'))),
    }))
    .sort((a, b) => a.order - b.order);
  if (!first) throw new Error(`${folder} has no location`);
  return first;
}

export interface BookingFile {
  calLink: string;
  origin: string;
  beforeYourVisit: { heading: string; items: string[] };
  words: BookingData['words'];
}

export function bookingSettings(language: Language = MAIN): BookingFile {
  const main = parse(readFileSync(join(contentDir, 'settings', MAIN.code, 'booking.yaml'), 'utf8'));
  if (language.code === MAIN.code) return main as BookingFile;
  const words = parse(
    readFileSync(join(contentDir, 'settings', language.code, 'booking.yaml'), 'utf8'),
  ) as Partial<BookingFile>;
  return { ...main, ...words } as BookingFile;
}

/** The words every page shares in `language` (`src/content/settings/<code>/site.yaml`), and its tag. */
export function siteWords(language: Language = MAIN): SiteData & { language: string } {
  const read = (code: string) =>
    parse(readFileSync(join(contentDir, 'settings', code, 'site.yaml'), 'utf8')) as SiteData;
  const words = read(language.code);
  // A translation holds the links' words; where they lead is the main language's.
  const hrefs = read(MAIN.code).navigation.items.map(({ href }) => href);
  const items = words.navigation.items.map((item, index) => ({ ...item, href: hrefs[index]! }));
  return { ...words, navigation: { ...words.navigation, items }, language: language.tag };
}

/** A page's title, heading and words. */
export function pageData<Id extends PageId>(
  id: Id,
  language: Language = MAIN,
): { title: string; heading: string; words: PageWords<Id> } {
  const page = entries<{ title: string; heading: string; words: PageWords<Id> }>(
    'pages',
    language,
  ).find((entry) => entry.id === id);
  if (!page) throw new Error(`src/content/pages/en/${id}.mdx is missing`);
  return page.data;
}

/** The FAQ categories (`src/content/faq-categories/en/`), in their order, with their file names. */
export function categoryFiles(): { id: string; heading: string; order: number }[] {
  const folder = join(contentDir, 'faq-categories', MAIN.code);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({
      id: file.replace(/\.yaml$/, ''),
      ...(parse(readFileSync(join(folder, file), 'utf8')) as { heading: string; order: number }),
    }))
    .sort((a, b) => a.order - b.order);
}

/** The name of a call link: the content's word for "Call", then the number. */
export function callLinkName(language: Language = MAIN): RegExp {
  return new RegExp(`^${RegExp.escape(siteWords(language).contact.call)} `);
}

/** The text of the button that books a session of `minutes`, as the pages write it. */
export function bookTierLabel(minutes: number, language: Language = MAIN): string {
  const duration = formatDuration(minutes, language.tag);
  return fill(bookingSettings(language).words.bookTier, { duration });
}

/** The language of a built page: the one whose `/<code>/` its path starts with, else the main one. */
export function languageOfPage(path: string): Language {
  return LANGUAGES.others.find(({ code }) => path.startsWith(`/${code}/`)) ?? MAIN;
}

/**
 * Where the page at main-language `path` (`/pricing/`, `/faq/#payment`) is in `language`, as the
 * built page's `hreflang` links say (`/es/precios/`).
 */
export function pathIn(path: string, language: Language): string {
  if (language.code === MAIN.code) return path;
  const [pathname = '', hash] = path.split('#');
  const html = readFileSync(join(distDir, pathname, 'index.html'), 'utf8');
  const link = new RegExp(`<link rel="alternate" hreflang="${language.tag}" href="([^"]+)"`).exec(
    html,
  )?.[1];
  if (!link) throw new Error(`${pathname} has no ${language.tag} page`);
  const translated = new URL(link).pathname;
  return hash === undefined ? translated : `${translated}#${hash}`;
}
