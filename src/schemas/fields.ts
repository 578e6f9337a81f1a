/**
 * Field builders shared by the collection schemas. Each one carries the error text an editor sees,
 * so the same rule reads the same way in every collection.
 */
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { dayOf, daysBetween, isDay } from '../lib/dates';
import { sameInEveryLanguage } from './translation';

type Issue = z.core.$ZodRawIssue;

/**
 * The field's description (the hint the CMS shows beside it) as the end of a sentence:
 * `The question as a client would ask it.` → `the question as a client would ask it`.
 */
function hintOf(issue: Issue): string | undefined {
  const hint = issue.inst && z.globalRegistry.get(issue.inst as z.core.$ZodType)?.description;
  return hint?.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase()).replace(/\.$/, '');
}

/**
 * The error of a kind of value, given as `z.string(kind('text'))`: `must be text` for a value of
 * another kind and, for no value at all, `is required:` and what the field needs, in the words of
 * its description, else `missing` (`is required: text`). Without it, zod 4 reports a missing field
 * as "Invalid input: expected string, received undefined" and the build, through Astro's error
 * map, as "**field**: Required": only a schema's own error outranks Astro's map.
 */
export function kind(need: string, missing = need) {
  return {
    error: (issue: Issue) =>
      issue.input === undefined ? `is required: ${hintOf(issue) ?? missing}` : `must be ${need}`,
  };
}

/** A group of fields inside an entry (an address, a page's words): a strict object with `kind`. */
export function group<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const names = Object.keys(shape);
  return z.strictObject(
    shape,
    kind(names.length ? `a group of fields (${names.join(', ')})` : 'a group of fields'),
  );
}

/**
 * A field naming another entry by its file name, e.g. `prescriptions` for
 * `src/content/faq-categories/en/prescriptions.yaml`; `what` says what it names, e.g. `an FAQ
 * category (a file in src/content/faq-categories/)` (from the registry, src/collections.ts). The
 * build pipes it into Astro's `reference()`, a zod union with no message of its own, which the
 * build words as "Did not match union".
 */
export function entryName(what: string) {
  const names = `name ${what}`;
  return sameInEveryLanguage(
    z.string({
      error: (issue) => (issue.input === undefined ? `is required: ${names}` : `must ${names}`),
    }),
  );
}

/**
 * A field naming an entry of another collection, as a schema sees it: the entry's file name in
 * the file, `{ id, collection }` on the site (Astro's `reference()`).
 */
export type EntryReference = z.ZodType<{ id: string; collection: string }, string>;

/**
 * What a collection's schema is built with (src/collections.ts gives them): the build's `image()`
 * and `reference()` (`src/content.config.ts`), or, in the CMS and the launch check, an image as
 * the path Decap writes and a reference as the slug it names. `reference(collection)` takes a
 * collection of the registry that others may name (one with an `entryName`).
 */
export interface SchemaTools {
  image: SchemaContext['image'];
  reference: (collection: string) => EntryReference;
}

/** A required single line of text, trimmed, with a length range editors are told about. */
export function line(min: number, max: number) {
  return z
    .string(kind('text', `text of ${min}–${max} characters`))
    .trim()
    .min(min, { error: `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });
}

/** A US state as two capital letters, e.g. OR. */
export const stateCode = sameInEveryLanguage(
  z
    .string(kind('a two-letter state code'))
    .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter state code like OR' }),
);

/** Position in lists (1 comes first). */
export const order = z
  .number(kind('a whole number (1 comes first)'))
  .int({ error: 'must be a whole number (1 comes first)' })
  .min(1, { error: 'must be 1 or more (1 comes first)' })
  .describe('Position in lists (1 comes first).');

/** Page title shown in the browser tab and search results; the clinic name is added after it. */
export const seoTitle = line(3, 45).describe(
  'Short page title for the browser tab and search results (3–45 characters; the clinic name is added after it).',
);

/** Meta description: search engines show about 160 characters. */
export const seoDescription = line(50, 160).describe(
  'One or two sentences shown under the title in search results (50–160 characters).',
);

export const imageAlt = line(5, 150).describe(
  'What the picture shows, for people who cannot see it (5–150 characters).',
);

/**
 * A line with places the site fills in, such as `Book {duration}`: each named place must be in it
 * (the site puts the value there), and no other `{…}`.
 */
export function template(min: number, max: number, places: readonly string[]) {
  const named = places.map((place) => `{${place}}`).join(', ');
  return line(min, max)
    .refine((text) => places.every((place) => text.includes(`{${place}}`)), {
      error: `must contain ${named} where the site fills it in`,
    })
    .refine((text) => (text.match(/\{[^}]*\}/g) ?? []).every((used) => named.includes(used)), {
      error: `may only contain ${named} in { }`,
    });
}

/**
 * A calendar day, `2026-12-24`: that day in the clinic's time zone (src/lib/dates.ts). YAML reads an
 * unquoted day as a `Date` at midnight UTC; it is turned back into the day written, so a build in
 * any time zone reads the same day. Kept as a `YYYY-MM-DD` string.
 */
export function day(hint: string) {
  return z
    .preprocess(
      (value) => (value instanceof Date ? dayOf(value) : value),
      // Described too, so that a missing day is reported with the field's own words.
      sameInEveryLanguage(
        z
          .string(kind('a day like 2026-12-24'))
          .refine(isDay, { error: 'must be a day like 2026-12-24' }),
      ).describe(hint),
    )
    .describe(hint)
    .meta({ day: true });
}

interface Days {
  validFrom: string;
  validThrough: string;
}

/** Whether an entry's first and last day are both real days (else each field reports its own). */
const bothDays = ({ validFrom, validThrough }: Days) => isDay(validFrom) && isDay(validThrough);

/**
 * The rules of an entry's first and last day (`validFrom`, `validThrough`): the last is not before
 * the first, and the span is shorter than `maxDays` days (longer is most likely a year typed
 * wrong); `tooLong` is that error's words. Both are reported on `validThrough`.
 */
export function daySpan<Schema extends z.ZodType<Days>>(
  schema: Schema,
  maxDays: number,
  tooLong: string,
): Schema {
  return schema
    .refine((days) => days.validThrough >= days.validFrom, {
      error: 'must be the first day or later',
      path: ['validThrough'],
    })
    .refine((days) => !bothDays(days) || daysBetween(days.validFrom, days.validThrough) < maxDays, {
      error: tooLong,
      path: ['validThrough'],
    });
}

/**
 * The fields of an entry's `schema` marked `.meta({ launchRequires: why })`, a statement that must
 * be true before the site goes live (a condition page's `approvedByReviewer`,
 * src/schemas/conditions.ts), that `data` (as its file holds it) does not make true: each as
 * `[field, why]`. Read by launch-check (listed, so a production build refuses them) and by the CMS
 * before publishing.
 */
export function unmetRequirements(schema: z.ZodType, data: object): [string, string][] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape).flatMap(([field, fieldSchema]) => {
    const why = z.globalRegistry.get(fieldSchema)?.['launchRequires'];
    return typeof why === 'string' && (data as Record<string, unknown>)[field] !== true
      ? [[field, why] as [string, string]]
      : [];
  });
}
