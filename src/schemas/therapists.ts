import { z } from 'astro/zod';
import { group, imageAlt, kind, line, order, stateCode, type SchemaTools } from './fields';
import { sameInEveryLanguage } from './translation';

/**
 * A therapist of the clinic. The entry body is their short biography. `reference` names the
 * services they practise: Astro's `reference('services')` for the site, a slug check in the CMS.
 */
export function therapistsSchema({ image, reference }: SchemaTools) {
  return z
    .strictObject({
      name: sameInEveryLanguage(line(2, 80)).describe('Full name as clients will see it.'),
      credentials: line(2, 40).describe(
        'Credentials written after the name, e.g. LMT (Licensed Massage Therapist).',
      ),
      credentialName: line(5, 80).describe(
        'What the credential is, in full, e.g. Licensed Massage Therapist.',
      ),
      licence: group({
        number: sameInEveryLanguage(line(2, 40)).describe(
          'The licence number as the state board writes it.',
        ),
        state: stateCode.describe('The state that issued the licence, e.g. OR.'),
        board: line(5, 120).describe(
          'The board that issued it, e.g. Oregon Board of Massage Therapists.',
        ),
        lookupUrl: sameInEveryLanguage(
          z.url({ protocol: /^https$/, ...kind('a full https:// address') }),
        ).describe('The state board’s public licence lookup, where clients can check it.'),
      }).describe('The licence to practise massage therapy.'),
      photo: image().optional().describe('Optional portrait photo.'),
      photoAlt: imageAlt.optional(),
      techniques: z
        .array(reference('services'), kind('a list of services'))
        .default([])
        .describe('The services this therapist practises; their pages name the therapist.'),
      languages: z
        .array(line(2, 40), kind('a list'))
        .min(1, { error: 'needs at least one language' })
        .describe('Languages the therapist speaks with clients, one each.'),
      locations: z
        .array(reference('locations'), kind('a list of locations'))
        .default([])
        .describe('The locations where this therapist works; none: every location.'),
      order,
      draft: z
        .boolean(kind('true or false'))
        .default(false)
        .describe('A draft is not published on the site.'),
    })
    .refine((therapist) => therapist.photo === undefined || therapist.photoAlt !== undefined, {
      error: 'is required when the therapist has a photo',
      path: ['photoAlt'],
    });
}
