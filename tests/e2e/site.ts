/**
 * What the end-to-end tests check pages against: the built pages in `dist/` and the real content
 * in `src/content/`, read straight from the files (Playwright cannot import `astro:content`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { fill, formatDuration } from '../../src/lib/format';
import type { BookingData } from '../../src/schemas/booking';
import { contentSchemas } from '../../src/cms/schemas';
import type { ClinicData } from '../../src/schemas/clinic';
import { insuranceSchema, type InsuranceData } from '../../src/schemas/insurance';
import type { PageId, PageWords } from '../../src/schemas/pages';
import type { SiteData } from '../../src/schemas/site';

const root = resolve(import.meta.dirname, '../..');
export const distDir = join(root, 'dist');
const contentDir = join(root, 'src/content');

/** The CMS's page: built into `dist/` but not a public page. */
const isAdmin = (file: string) => file.split(sep)[0] === 'admin';

/** URL paths of every public page in `dist/` (`/`, `/pricing/`, …); 404 and /admin/ left out. */
export function builtPages(): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !isAdmin(file))
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

/** Frontmatter and body of each MDX entry of a collection. */
export function entries<T>(collection: string): Entry<T>[] {
  const folder = join(contentDir, collection);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => {
      const text = readFileSync(join(folder, file), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
      return { id: file.replace(/\.mdx$/, ''), data: parse(frontmatter) as T, body };
    });
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
  const file = parse(readFileSync(join(contentDir, 'settings/clinic.yaml'), 'utf8'));
  // As the CMS reads it: the logo is its path (no image import outside Astro).
  return contentSchemas.clinic.parse(file) as ClinicData;
}

export interface BookingFile {
  calLink: string;
  origin: string;
  beforeYourVisit: { heading: string; items: string[] };
  words: BookingData['words'];
}

export function bookingSettings(): BookingFile {
  return parse(readFileSync(join(contentDir, 'settings/booking.yaml'), 'utf8')) as BookingFile;
}

/** The words every page shares (`src/content/settings/en/site.yaml`). */
export function siteWords(): SiteData {
  return parse(readFileSync(join(contentDir, 'settings/site.yaml'), 'utf8')) as SiteData;
}

/** A page's title, heading and words. */
export function pageData<Id extends PageId>(
  id: Id,
): { title: string; heading: string; words: PageWords<Id> } {
  const page = entries<{ title: string; heading: string; words: PageWords<Id> }>('pages').find(
    (entry) => entry.id === id,
  );
  if (!page) throw new Error(`src/content/pages/en/${id}.mdx is missing`);
  return page.data;
}

/** The FAQ categories (`src/content/faq-categories/en/`), in their order, with their file names. */
export function categoryFiles(): { id: string; heading: string; order: number }[] {
  const folder = join(contentDir, 'faq-categories');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({
      id: file.replace(/\.yaml$/, ''),
      ...(parse(readFileSync(join(folder, file), 'utf8')) as { heading: string; order: number }),
    }))
    .sort((a, b) => a.order - b.order);
}

/** The name of a call link: the content's word for "Call", then the number. */
export function callLinkName(): RegExp {
  return new RegExp(`^${RegExp.escape(siteWords().contact.call)} `);
}

/** The text of the button that books a session of `minutes`, as the pages write it. */
export function bookTierLabel(minutes: number): string {
  const duration = formatDuration(minutes, siteWords().language);
  return fill(bookingSettings().words.bookTier, { duration });
}
