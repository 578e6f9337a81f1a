/**
 * Which fields are words (translated, one value per language) and which are the same in every
 * language (entered once, in the main language's file), read from the content schemas themselves:
 * text is words unless its schema is marked `sameInEveryLanguage` (phone, prices' names of plans,
 * times, addresses…); numbers, dates, choices, pictures and references are the same everywhere.
 * A third kind, marked `mayDifferByLanguage`, is set in the main language's file and may be set
 * again in another's (a Cal.com event whose booking page is in that language); where it is not,
 * the main language's value holds. It is not words: no translation needs it, and a fluent speaker
 * has nothing to review in it.
 *
 * A translation file (`src/content/<folder>/<language>/<name>`) holds only words (and values of
 * that third kind); `translate` lays them over the main language's entry, so a price or a phone
 * number is set once.
 */
import { z } from 'astro/zod';

/** The metadata key that marks text as the same in every language. */
const SAME_IN_EVERY_LANGUAGE = 'sameInEveryLanguage';

/** Marks text that is the same in every language (a phone number, a name, a time). */
export function sameInEveryLanguage<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.meta({ [SAME_IN_EVERY_LANGUAGE]: true }) as Schema;
}

/** The metadata key that marks a value another language may set for itself. */
const MAY_DIFFER_BY_LANGUAGE = 'mayDifferByLanguage';

/**
 * Marks a value set in the main language's file that another language's file may replace with
 * its own (a Cal.com event whose interface language is that language); where that file does not,
 * the main language's value holds.
 */
export function mayDifferByLanguage<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.meta({ [MAY_DIFFER_BY_LANGUAGE]: true }) as Schema;
}

type AnySchema = z.core.$ZodType;

/** The schema under optional, default, nullable and preprocess wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    innerType?: AnySchema;
    in?: AnySchema;
    out?: AnySchema;
  };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return unwrap(def.innerType as AnySchema);
    case 'pipe':
      // z.preprocess(fn, schema) is a pipe from a transform; any other pipe computes its value
      // (a picture, a reference) and is the same in every language.
      return (def.in as AnySchema)._zod.def.type === 'transform'
        ? unwrap(def.out as AnySchema)
        : schema;
    default:
      return schema;
  }
}

const marked = (schema: AnySchema, key: string) =>
  z.globalRegistry.get(schema as z.ZodType)?.[key] === true;

/** Whether a schema (unwrapped) is text that is translated. */
function isText(schema: AnySchema): boolean {
  return (
    schema._zod.def.type === 'string' &&
    !marked(schema, SAME_IN_EVERY_LANGUAGE) &&
    !marked(schema, MAY_DIFFER_BY_LANGUAGE)
  );
}

/**
 * Whether the text under `schema` is words: `some` of it (`hasWords`: the field is translated) or
 * `every` bit (`allWords`: a list of such items is translated as a whole).
 */
function wordsUnder(schema: AnySchema, quantifier: 'some' | 'every'): boolean {
  const inner = unwrap(schema);
  if (isText(inner)) return true;
  const under = (child: AnySchema) => wordsUnder(child, quantifier);
  if (inner instanceof z.ZodObject) {
    return (Object.values(inner.shape) as AnySchema[])[quantifier](under);
  }
  if (inner instanceof z.ZodArray) return under(inner.element);
  return false;
}

const hasWords = (schema: AnySchema) => wordsUnder(schema, 'some');
const allWords = (schema: AnySchema) => wordsUnder(schema, 'every');

/** The end of the problem `translate` reports for a word the translation does not have yet. */
const NOT_TRANSLATED = 'is not translated yet';

/** Whether a problem only says a word is missing (the entry is then not in that language yet). */
export const isMissingWord = (problem: string): boolean => problem.endsWith(`: ${NOT_TRANSLATED}`);

/** Whether `value` is a group of fields (a plain object, not a list). */
export const isGroup = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where a problem is: `steps.2`, `address.street`. */
const at = (path: readonly (string | number)[]) => path.join('.');

export interface Translation<Data> {
  /** The main language's entry with each word replaced by the translation's. */
  data: Data;
  /** `field: what is wrong`, one per problem; empty when the translation is complete. */
  problems: string[];
}

/**
 * Lays a translation over the main language's entry. `main` is the entry's parsed data; `words`
 * is the translation file's data. Each field that is words must be in the translation (no page is
 * half in one language) and valid under its own schema; a field that is the same in every
 * language must not be (or be equal), since the main language's file sets it; a field that may
 * differ by language is taken from the translation when it is there (and valid), else from `main`. A list whose items
 * are only words is translated as a whole; a list of items with both (navigation links) item by
 * item. Checks that span several fields (an image needs its description) are the main entry's.
 */
export function translate<Data>(
  schema: AnySchema,
  main: Data,
  words: unknown,
  mainFile: string,
): Translation<Data> {
  const problems: string[] = [];
  const walk = (
    node: AnySchema,
    value: unknown,
    given: unknown,
    path: (string | number)[],
  ): unknown => {
    const inner = unwrap(node);
    if (marked(inner, MAY_DIFFER_BY_LANGUAGE)) {
      if (given === undefined) return value;
      const result = z.safeParse(inner, given);
      if (result.success) return result.data;
      for (const issue of result.error.issues) problems.push(`${at(path)}: ${issue.message}`);
      return value;
    }
    if (!hasWords(inner)) {
      if (given !== undefined && !same(given, value)) {
        problems.push(
          `${at(path)}: is the same in every language: change it in ${mainFile} (remove it here)`,
        );
      }
      return value;
    }
    if (given === undefined) {
      if (value !== undefined) problems.push(`${at(path)}: ${NOT_TRANSLATED}`);
      return value;
    }
    if (isText(inner) || (inner instanceof z.ZodArray && allWords(inner.element))) {
      const result = z.safeParse(inner, given);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        problems.push(`${at([...path, ...(issue.path as (string | number)[])])}: ${issue.message}`);
      }
      return value;
    }
    if (inner instanceof z.ZodArray) {
      if (!Array.isArray(given) || !Array.isArray(value) || given.length !== value.length) {
        problems.push(
          `${at(path)}: must be a list of ${Array.isArray(value) ? value.length : 0} items, one for each in ${mainFile}`,
        );
        return value;
      }
      return value.map((item, index) => walk(inner.element, item, given[index], [...path, index]));
    }
    if (inner instanceof z.ZodObject) {
      if (!isGroup(given)) {
        problems.push(`${at(path)}: must be a group of fields`);
        return value;
      }
      const shape = inner.shape as Record<string, AnySchema>;
      for (const key of Object.keys(given)) {
        if (!(key in shape)) problems.push(`${at([...path, key])}: is not a field here`);
      }
      const base = isGroup(value) ? value : {};
      const merged: Record<string, unknown> = { ...base };
      for (const [key, field] of Object.entries(shape)) {
        const translated = walk(field, base[key], given[key], [...path, key]);
        if (translated !== undefined) merged[key] = translated;
      }
      return merged;
    }
    return value;
  };
  const data = walk(schema, main, words ?? {}, []) as Data;
  return { data, problems };
}

/**
 * The paths of the words a translation file holds (`title`, `steps`, `navigation.items.0.label`),
 * for listing what a fluent speaker has yet to review.
 */
export function wordPaths(schema: AnySchema, words: unknown, path: string[] = []): string[] {
  const inner = unwrap(schema);
  if (words === undefined || !hasWords(inner)) return [];
  if (isText(inner) || (inner instanceof z.ZodArray && allWords(inner.element)))
    return [path.join('.')];
  if (inner instanceof z.ZodArray && Array.isArray(words)) {
    return words.flatMap((item, index) => wordPaths(inner.element, item, [...path, String(index)]));
  }
  if (inner instanceof z.ZodObject && isGroup(words)) {
    return Object.entries(inner.shape as Record<string, AnySchema>).flatMap(([key, field]) =>
      wordPaths(field, words[key], [...path, key]),
    );
  }
  return [];
}

/**
 * The words of `data` under `schema`, nothing else: what a new translation file starts from
 * (`npm run add-language`), in the shape `translate` reads.
 */
export function pickWords(schema: AnySchema, data: unknown): unknown {
  const inner = unwrap(schema);
  if (data === undefined || !hasWords(inner)) return undefined;
  if (isText(inner) || (inner instanceof z.ZodArray && allWords(inner.element))) return data;
  if (inner instanceof z.ZodArray && Array.isArray(data)) {
    return data.map((item) => pickWords(inner.element, item) ?? {});
  }
  if (inner instanceof z.ZodObject && isGroup(data)) {
    const picked = Object.entries(inner.shape as Record<string, AnySchema>)
      .map(([key, field]) => [key, pickWords(field, data[key])] as const)
      .filter(([, value]) => value !== undefined);
    return picked.length ? Object.fromEntries(picked) : undefined;
  }
  return undefined;
}

/**
 * Whether `data` holds words to translate under `schema` (`pickWords` finds any): an entry without
 * them (a price tier with no note) is the same in every language and needs no translation file.
 */
export function hasWordsToTranslate(schema: AnySchema, data: unknown): boolean {
  const words = pickWords(schema, data);
  return (
    words !== undefined &&
    !(words !== null && typeof words === 'object' && Object.keys(words).length === 0)
  );
}

/** A translation's data without what it says of itself (`reviewed`, `slug`): its words. */
export function wordsOf(data: unknown): Record<string, unknown> {
  return isGroup(data)
    ? Object.fromEntries(
        Object.entries(data).filter(([key]) => key !== 'reviewed' && key !== 'slug'),
      )
    : {};
}

/**
 * Whether a translation file says nothing yet: no value (its reviewed mark and slug aside) and no
 * body. Decap writes such a file for a new entry whose other languages were left empty; it counts
 * as no translation (the entry is not published in that language), not as a translation with
 * every word missing.
 */
export function isEmptyTranslation(data: unknown, body?: string): boolean {
  // Any value counts, not only text: a price written into a translation must reach the check
  // that refuses it, not be ignored as an empty file.
  const hasValue = (value: unknown): boolean =>
    typeof value === 'string'
      ? value.trim() !== ''
      : Array.isArray(value)
        ? value.some(hasValue)
        : isGroup(value)
          ? Object.values(value).some(hasValue)
          : value !== undefined && value !== null;
  return !hasValue(wordsOf(data)) && !body?.trim();
}
