/**
 * Where each page is in each language. The main language's pages are where the registry puts them
 * (`/pricing/`, `/services/<id>/`: `PAGES` in src/schemas/pages.ts, `entryPages` in
 * src/collections.ts); another language's are under `/<code>/`, each at the slug its translation
 * gives (`/es/precios/`, `/es/servicios/masaje-terapeutico/`). Pages link with the main language's
 * paths and `linker` turns them into the page's language.
 */
import {
  COLLECTIONS,
  entryPath,
  listPath,
  ROUTED_COLLECTIONS,
  type CollectionDefinition,
  type CollectionName,
} from '../collections';
import {
  findPage,
  getEntries,
  hasSeveralLocations,
  languageOf,
  once,
  warnOnce,
  type EntryOf,
  type In,
} from '../lib/content';
import type { Language } from '../schemas/languages';
import { pagePath as mainPath, ROUTED_PAGE_IDS, type RoutedPageId } from '../schemas/pages';
import { LANGUAGES } from './languages';

/** The page collection `name`'s entry pages are under (`services`), if any. */
const pageAbove = (name: CollectionName): RoutedPageId | undefined =>
  (COLLECTIONS[name] as CollectionDefinition).entryPages?.under;

/** The file of `name`'s entry `id` in `language` (its translation), as the build names it. */
const fileOf = (name: CollectionName, language: Language, id: string): string =>
  `src/content/${COLLECTIONS[name].folder}/${language.code}/${id}.${COLLECTIONS[name].format}`;

/**
 * `/es/servicios/masaje/` → `servicios/masaje`: a page's path in `language` as the rest
 * parameter of its route under `src/pages/[language]/`; undefined for the language's home page.
 */
const restParam = (path: string, language: Language): string | undefined =>
  path.slice(language.code.length + 2, -1) || undefined;

/**
 * Each entry's address under `base`, by id, at its slug (`${base}${slug}/`), in the entries'
 * order. Two translations may give one slug (two locations both "Centro" in Spanish): two pages at
 * one address stop the build (Astro's prerender conflict), so after the first in order each next
 * one is at `${base}${slug}-${id}/`, and `clashes` says so, naming both files.
 * @param entries in order; `file` as the build names the entry's file
 */
export function entryPaths(
  base: string,
  entries: readonly { id: string; slug: string; file: string }[],
): { paths: Map<string, string>; clashes: string[] } {
  const paths = new Map<string, string>();
  const clashes: string[] = [];
  const taken = new Map<string, string>();
  for (const { id, slug, file } of entries) {
    let path = `${base}${slug}/`;
    const first = taken.get(path);
    if (first !== undefined) {
      path = `${base}${slug}-${id}/`;
      clashes.push(
        `${file}: its address ${base}${slug}/ is also ${first}'s, so it is at ${path} until their words differ`,
      );
    }
    taken.set(path, file);
    paths.set(id, path);
  }
  return { paths, clashes };
}

/**
 * Main-language path → the same page's path in `language`, for every page and service translated
 * into it (every one, in the main language).
 */
export function pathsIn(language: Language): Promise<Map<string, string>> {
  return once(`paths:${language.code}`, async () => {
    const map = new Map<string, string>();
    const main = language.code === LANGUAGES.main.code;
    const [pages, several] = await Promise.all([
      Promise.all(ROUTED_PAGE_IDS.map((id) => findPage(id, language))),
      hasSeveralLocations(),
    ]);
    const prefix = `/${language.code}/`;
    ROUTED_PAGE_IDS.forEach((id, index) => {
      const page = pages[index];
      // The locations pages exist only with two or more locations (and so their entries' pages).
      if (!page || (id === 'locations' && !several)) return;
      if (main) map.set(mainPath(id), mainPath(id));
      else map.set(mainPath(id), id === 'home' ? prefix : `${prefix}${page.source?.slug}/`);
    });
    for (const name of ROUTED_COLLECTIONS) {
      // Under a page: where that page is in this language (none where it is not translated);
      // else the collection's folder, under the language's prefix.
      const under = pageAbove(name);
      const list = listPath(name);
      const base = under ? map.get(list) : main ? list : `${prefix}${list.slice(1)}`;
      if (!base) continue;
      const entries = (await getEntries(name, language)).map(({ id, source }) => ({
        id,
        slug: main ? id : (source?.slug ?? id),
        file: fileOf(name, language, id),
      }));
      const { paths, clashes } = entryPaths(base, entries);
      for (const clash of clashes) warnOnce(clash);
      for (const [id, path] of paths) map.set(entryPath(name, id), path);
    }
    return map;
  });
}

/**
 * For a page in `where`'s language: a function turning a main-language path (`/pricing/`,
 * `/faq/#payment`) into that language's. A page not translated into it keeps the main language's
 * path, so a link never leads nowhere.
 */
export async function linker(where: In): Promise<(path: string) => string> {
  const paths = await pathsIn(languageOf(where));
  return (path) => {
    const [pathname = '', hash] = path.split('#');
    const translated = paths.get(pathname) ?? pathname;
    return hash === undefined ? translated : `${translated}#${hash}`;
  };
}

/** The main-language path of the page at `pathname` (in any language), if it is one of ours. */
export async function mainPathOf(pathname: string): Promise<string | undefined> {
  for (const language of LANGUAGES.all) {
    for (const [main, path] of await pathsIn(language)) if (path === pathname) return main;
  }
  return undefined;
}

export interface Alternate {
  language: Language;
  /** Root-relative path of the same page in that language. */
  path: string;
  /** Whether that is the same page; else the nearest page that is translated. */
  same: boolean;
}

/**
 * The page at main-language path `main` in every language of the site, in the languages' order:
 * the same page where it is translated, else the nearest translated page above it (a service's
 * list, then the home page).
 */
export async function alternatesOf(main: string): Promise<Alternate[]> {
  return Promise.all(
    LANGUAGES.all.map(async (language) => {
      const paths = await pathsIn(language);
      const same = paths.get(main);
      if (same) return { language, path: same, same: true };
      const above = [...ROUTED_COLLECTIONS.map(listPath), mainPath('home')].filter(
        (path) => main.startsWith(path) && paths.has(path),
      );
      return { language, path: paths.get(above[0] ?? '/') ?? '/', same: false };
    }),
  );
}

/**
 * `getStaticPaths` of a page's route in the other languages (`src/pages/[language]/[...<param>].astro`):
 * one path per language the page is translated into, its slug as the rest parameter `param`.
 */
export async function translatedRoutes(id: RoutedPageId, param: string) {
  const routes = await Promise.all(
    LANGUAGES.others.map(async (language) => {
      const path = (await pathsIn(language)).get(mainPath(id));
      if (!path) return [];
      const slug = restParam(path, language);
      const params =
        id === 'home' ? { language: language.code } : { language: language.code, [param]: slug };
      return [{ params, props: { language } }];
    }),
  );
  return routes.flat();
}

/**
 * `getStaticPaths` of collection `name`'s entry pages in the other languages
 * (`src/pages/[language]/[...<param>].astro`): one path per entry translated into each language,
 * its address as the rest parameter `param`, and as props the language, the entry and every
 * entry of the collection in that language.
 */
export async function translatedEntryRoutes<Name extends CollectionName>(
  name: Name,
  param: string,
) {
  const routes = await Promise.all(
    LANGUAGES.others.map(async (language) => {
      const [entries, paths] = await Promise.all([getEntries(name, language), pathsIn(language)]);
      return entries.flatMap((entry) => {
        const path = paths.get(entryPath(name, entry.id));
        if (!path) return [];
        return [
          {
            params: { language: language.code, [param]: restParam(path, language) },
            props: { language, entry, entries },
          },
        ];
      });
    }),
  );
  return routes.flat();
}

/** What `translatedEntryRoutes` gives each page of collection `Name`. */
export interface EntryRouteProps<Name extends CollectionName> {
  language: Language;
  entry: EntryOf<Name>;
  entries: EntryOf<Name>[];
}
