/**
 * What the end-to-end tests check pages against: the built pages in `dist/` and the real content
 * in `src/content/`, read straight from the files (Playwright cannot import `astro:content`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

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

export interface ClinicFile {
  name: string;
  phone: string;
  email: string;
  address: { street: string; city: string; region: string; postalCode: string };
  hsaFsa: { checklist: { item: string }[] };
}

export function clinic(): ClinicFile {
  return parse(readFileSync(join(contentDir, 'settings/clinic.yaml'), 'utf8')) as ClinicFile;
}

export interface BookingFile {
  calLink: string;
  origin: string;
  beforeYourVisit: { heading: string; items: string[] };
}

export function bookingSettings(): BookingFile {
  return parse(readFileSync(join(contentDir, 'settings/booking.yaml'), 'utf8')) as BookingFile;
}
