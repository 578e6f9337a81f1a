import { z } from 'astro/zod';
import { day, kind, line, order, type SchemaTools } from './fields';
import { sameInEveryLanguage } from './translation';

/**
 * A client's name as a testimonial may give it: a first name, a first name and one initial, or
 * initials (`Maria`, `Maria G.`, `M. G.`, `J.-P.`), in any script. Health privacy (HIPAA's
 * identifiers include full names, 45 CFR 164.514(b)(2)) keeps a full name off the site.
 */
const CLIENT_NAME =
  /^(?:\p{L}[\p{L}\p{M}'’-]*(?: \p{Lu}\.)?|\p{Lu}\p{M}*\.(?:-?\s?\p{Lu}\p{M}*\.){0,2})$/u;

/**
 * A short quote from a client, shown on the home page and on the service pages it names, with the
 * client's first name or initials: as a quotation, never as a review or rating (Google ignores
 * self-serving reviews of a business on its own site; the FTC's rule on consumer reviews and
 * testimonials, 16 CFR Part 465, applies: docs/staff-guide.md, "Testimonials").
 */
export function testimonialsSchema({ reference }: Pick<SchemaTools, 'reference'>) {
  return z.strictObject({
    quote: line(20, 300).describe(
      'The client’s own words, as they gave them in writing, shortened only with their agreement (20–300 characters).',
    ),
    name: sameInEveryLanguage(
      z
        .string(kind('a first name or initials'))
        .trim()
        .min(2, { error: 'must be at least 2 characters' })
        .max(30, { error: 'must be at most 30 characters' })
        .regex(CLIENT_NAME, {
          error:
            'must be a first name or initials only, e.g. "Maria", "Maria G." or "M. G." (a full name identifies a client)',
        }),
    ).describe(
      'The client’s first name, or first name and initial, or initials: never a full name.',
    ),
    permissionDate: day(
      'The day the client’s written permission to show these words was recorded (keep the signed permission on file).',
    ),
    services: z
      .array(reference('services'), kind('a list of services'))
      .default([])
      .describe('Service pages that show this quote (it is always on the home page).'),
    order,
  });
}
