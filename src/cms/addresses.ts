/**
 * Where an entry with a page of its own (a service, a page) is on the site in each language, as
 * its preview shows it: the main language's at the entry's file name, another language's at the
 * slug its translation gives, or one made from its title (src/i18n/paths.ts and
 * src/lib/content.ts `translationOf` decide the same on the site).
 */
import { SITE_URL } from '../site.config';
import type { Language } from '../schemas/languages';
import { asciiSlug, slugSource } from '../schemas/translation-meta';

/** One language's address of an entry, or why it has none yet. */
export interface Address {
  language: Language;
  /** The page's URL, or undefined while it has none. */
  url?: string;
  /** Why there is no URL yet. */
  missing?: string;
}

/** What `addressesOf` needs of the entry and of the site. */
export interface AddressInput {
  /**
   * For an entry page (a service), where its collection's pages are listed in the main language
   * (`listPath` of src/collections.ts, `/services/`) and whether that is a page of its own (else a
   * folder: `/<code>/<folder>/` in another language); none for a page file.
   */
  list?: { path: string; page: boolean } | undefined;
  /** The entry's file name (a service), or the page's id (`pricing`, `home`). */
  id: string;
  /** The main language first, then the others. */
  languages: Language[];
  /**
   * Each language's data in the draft (a translation's words and slug), by language code; a
   * language left out is read from `paths` as published.
   */
  data: Record<string, Record<string, unknown> | undefined>;
  /** Each language's published paths: main path → its own (`/services/` → `/es/servicios/`). */
  paths: Record<string, Record<string, string>>;
}

const absolute = (path: string) => new URL(path, SITE_URL).href;

/**
 * A translation's slug: its own, or made from its title or name (`slugSource`, as
 * src/lib/content.ts does).
 */
function slugOf(words: Record<string, unknown> | undefined): string {
  const slug = words?.['slug'];
  if (typeof slug === 'string' && slug) return slug;
  const source = slugSource(words);
  return source === undefined ? '' : asciiSlug(source);
}

/** Every language's address of an entry; see `AddressInput`. */
export function addressesOf({ list, id, languages, data, paths }: AddressInput): Address[] {
  const [main] = languages;
  return languages.map((language): Address => {
    const mainPath = list ? `${list.path}${id}/` : id === 'home' ? '/' : `/${id}/`;
    if (language.code === main?.code) {
      return id
        ? { language, url: absolute(mainPath) }
        : { language, missing: 'made from the title when first saved' };
    }
    if (!list && id === 'home') return { language, url: absolute(`/${language.code}/`) };
    const words = data[language.code];
    if (!words) {
      // Not in this draft (a page's other languages are files of their own): as published.
      const published = paths[language.code]?.[mainPath];
      return published
        ? { language, url: absolute(published) }
        : { language, missing: 'not translated yet' };
    }
    const base = !list
      ? `/${language.code}/`
      : list.page
        ? paths[language.code]?.[list.path]
        : `/${language.code}${list.path}`;
    if (!base) return { language, missing: 'the page above it is not translated yet' };
    const slug = slugOf(words);
    return slug
      ? { language, url: absolute(`${base}${slug}/`) }
      : { language, missing: 'not translated yet' };
  });
}
