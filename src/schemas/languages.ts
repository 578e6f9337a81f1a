/**
 * The site's languages: `src/content/settings/languages.yaml`, read when the site is built and by
 * the CMS. The first language is the main one: its pages are at the site's root with the URLs the
 * pages' files give them, its content files in each folder's `<code>/` (`src/content/services/en/`),
 * and it is the language a search engine is sent to when no other fits (`x-default`). Each other
 * language has its pages under `/<code>/` with slugs written in its own content.
 */
import { z } from 'astro/zod';
import { kind } from './fields';

/** A language as the site uses it. */
export interface Language {
  /** BCP 47 language tag (RFC 5646), e.g. `es-US`: `<html lang>`, `hreflang`, `Intl`. */
  tag: string;
  /** Its primary language subtag, e.g. `es`: the URL prefix, the content folder, the CMS locale. */
  code: string;
}

/** `es-US` → `es`: the part of a language tag before the first hyphen, lower case. */
export const languageCode = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** A well-formed BCP 47 tag of a language and region (`Intl.getCanonicalLocales` throws on others). */
const languageTag = z.string(kind('a language tag like en-US')).refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag)[0] === tag && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(tag);
    } catch {
      return false;
    }
  },
  { error: 'must be a language tag like en-US or es-US (BCP 47, written as Intl writes it)' },
);

export const languagesSchema = z
  .strictObject({
    languages: z
      .array(languageTag, kind('a list of language tags'))
      .min(1, { error: 'needs at least one language' })
      .refine((tags) => new Set(tags.map(languageCode)).size === tags.length, {
        error: 'must not hold two tags of one language (each has its own /<language>/ pages)',
      })
      .describe(
        'The languages of the site, like en-US and es-US; the first is the main language, at the site’s root.',
      ),
    physicians: languageTag
      .optional()
      .describe(
        'The language of the printable request to the physician (one of the languages above); the main language when empty.',
      ),
  })
  .refine((data) => data.physicians === undefined || data.languages.includes(data.physicians), {
    error: 'must be one of the languages',
    path: ['physicians'],
  });

export type LanguagesData = z.infer<typeof languagesSchema>;

/** The languages of a site, main one first. */
export interface SiteLanguages {
  all: Language[];
  main: Language;
  /** Those with pages under `/<code>/`. */
  others: Language[];
  /** The language of the printable request to the physician. */
  physicians: Language;
}

/** `{ languages: ['en-US', 'es-US'] }` → each as a `Language`, main first. */
export function siteLanguages(data: LanguagesData): SiteLanguages {
  const all = data.languages.map((tag) => ({ tag, code: languageCode(tag) }));
  const main = all[0]!;
  const physicians = all.find(({ tag }) => tag === data.physicians) ?? main;
  return { all, main, others: all.slice(1), physicians };
}
