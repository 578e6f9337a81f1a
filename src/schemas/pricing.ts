import { z } from 'astro/zod';
import { mayDifferByLanguage } from './translation';
import { kind, line } from './fields';

const CURRENCIES = ['USD'] as const;

/** A session length and its price. Tiers are listed from shortest to longest. */
export const pricingSchema = z.strictObject({
  durationMinutes: z
    .number(kind('a number of minutes'))
    .int({ error: 'must be a whole number of minutes' })
    .positive({ error: 'must be more than 0 minutes' })
    .max(240, { error: 'must be at most 240 minutes' })
    .describe('Length of the session in minutes, e.g. 60.'),
  price: z
    .number(kind('a number, e.g. 100 or 99.50'))
    .positive({ error: 'must be more than 0' })
    .multipleOf(0.01, { error: 'must be in whole cents, e.g. 99.50' })
    .describe('Price of the session in the currency below, e.g. 100 or 99.50.'),
  currency: z.enum(CURRENCIES, kind('USD')).default('USD').describe('Currency of the price.'),
  calEvent: mayDifferByLanguage(
    z
      .string(kind('a Cal.com event slug like 60min'))
      .regex(/^[a-z0-9][a-z0-9_-]*$/i, { error: 'must be a Cal.com event slug like 60min' }),
  ).describe(
    'The Cal.com event that books this session, e.g. 60min (tiers may share one multi-duration event); in another language’s column, optional: an event whose interface language is set to that language in Cal.com, e.g. 60min-es.',
  ),
  note: line(3, 160).optional().describe('Optional short note shown with the price.'),
});

export type PricingData = z.infer<typeof pricingSchema>;

export interface TierFile {
  /** The entry's file, e.g. `src/content/pricing/en/60-minutes.mdx`. */
  file: string;
  durationMinutes: unknown;
}

/**
 * Each session length has one price tier: booking buttons (`<BookTier minutes="60" />`) and links
 * find a tier by its length. One message per pair of files that share a length, naming both.
 */
export function duplicateDurationProblems(tiers: readonly TierFile[]): string[] {
  const firstWith = new Map<unknown, string>();
  const problems: string[] = [];
  for (const { file, durationMinutes } of tiers) {
    const first = firstWith.get(durationMinutes);
    if (first === undefined) {
      firstWith.set(durationMinutes, file);
    } else {
      problems.push(
        `durationMinutes: ${first} and ${file} are both ${String(durationMinutes)} minutes; each session length may have only one price tier`,
      );
    }
  }
  return problems;
}
