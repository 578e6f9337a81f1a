/**
 * Field builders shared by the collection schemas. Each one carries the error text an editor sees,
 * so the same rule reads the same way in every collection.
 */
import { z } from 'astro/zod';

/** A required single line of text, trimmed, with a length range editors are told about. */
export function line(min: number, max: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(min, { error: `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });
}

/** A US state as two capital letters, e.g. OR. */
export const stateCode = z
  .string({ error: 'must be a two-letter state code' })
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter state code like OR' });

/** Position in lists: 1 comes first. */
export const order = z
  .number({ error: 'must be a whole number (1 comes first)' })
  .int({ error: 'must be a whole number (1 comes first)' })
  .min(1, { error: 'must be 1 or more (1 comes first)' })
  .describe('Position in lists: 1 comes first.');

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
