/**
 * What a translation file says of itself besides its words: the URL segment of its page in its
 * language, and whether a fluent speaker has reviewed it.
 */
import { z } from 'astro/zod';
import { kind } from './fields';

/**
 * `Masaje terapéutico` → `masaje-terapeutico`: a URL segment in ASCII letters, digits and hyphens,
 * accents dropped (Unicode canonical decomposition, combining marks removed), the way Decap writes
 * file names (`slug: { encoding: 'ascii', clean_accents: true }` in src/cms/config.ts).
 */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The words a translation's slug is made from when it gives none: its title (a page, a service),
 * else its name (a location, whose name is its title).
 */
export function slugSource(words: Record<string, unknown> | undefined): string | undefined {
  const source = words?.['title'] ?? words?.['name'];
  return typeof source === 'string' ? source : undefined;
}

export const translationMetaSchema = z.strictObject({
  slug: z
    .string(kind('text'))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'must be lower-case ASCII letters, digits and hyphens, like masaje-terapeutico',
    })
    .optional()
    .describe(
      'The last part of the page’s address in this language; from the title when left out (Masaje terapéutico → masaje-terapeutico).',
    ),
  reviewed: z
    .boolean(kind('true or false'))
    .optional()
    .describe(
      'true once a fluent speaker has reviewed the translation; until then npm run launch-check lists its words and a production build refuses them.',
    ),
});
