/**
 * A condition the clinic treats ("Sciatica"), with a page of its own: `src/content/conditions/`.
 * The entry's body is the page's text. Health content is held to a higher standard: each page
 * names the therapist who reviewed it and the day (schema.org `MedicalWebPage`'s `reviewedBy` and
 * `lastReviewed`), and `approvedByReviewer` stays false until that therapist has read it and
 * approved it: until then `npm run launch-check` lists it and a production build refuses it
 * (`launchRequires`, read by src/launch/check.ts).
 */
import { z } from 'astro/zod';
import { day, kind, line, order, seoDescription, type SchemaTools } from './fields';

/** What launch-check says of a condition page its reviewer has not approved yet. */
const NOT_APPROVED =
  'is health content not yet approved by the therapist it names as its reviewer: they read the page, correct it, set the review day and tick “Approved by the reviewing therapist” in the CMS (or set approvedByReviewer: true)';

export function conditionsSchema({ reference }: Pick<SchemaTools, 'reference'>) {
  return z.strictObject({
    title: line(3, 45).describe('The condition as clients name it, e.g. "Sciatica".'),
    summary: seoDescription.describe(
      'One or two sentences for the list of conditions and search results (50–160 characters).',
    ),
    services: z
      .array(reference('services'), kind('a list of services'))
      .min(1, { error: 'needs at least one service' })
      .describe('The services that help with it; its page links to each, and each links back.'),
    reviewedBy: reference('therapists').describe(
      'The therapist of the clinic who reviewed this page; the page names them.',
    ),
    lastReviewed: day('The day the therapist last reviewed this page, e.g. 2026-12-01.'),
    // Not approved unless said: a page new in the CMS waits for its reviewer's tick.
    approvedByReviewer: z
      .boolean(kind('true or false'))
      .default(false)
      .describe(
        'true once the therapist named as reviewer has read this page and approved what it says; until then npm run launch-check lists it and a production build refuses it.',
      )
      .meta({ launchRequires: NOT_APPROVED }),
    order,
    draft: z
      .boolean(kind('true or false'))
      .default(false)
      .describe('A draft is not published on the site.'),
  });
}
