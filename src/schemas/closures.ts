import { z } from 'astro/zod';
import { clockTime } from './clinic';
import { day, daySpan, kind, line, type SchemaTools } from './fields';

/** The longest closure, in days: longer is a change of the weekly hours (or a year typed wrong). */
const CLOSURE_DAYS = 92;

/**
 * A closure or special hours: days the clinic keeps other hours than its weekly ones (a holiday,
 * the therapist away). One file per closure in `src/content/closures/<language>/`; the days are the
 * clinic's (its time zone, `timeZone` in clinic.yaml). Closed all day unless `opens` and `closes`
 * are given; only at the `locations` it names, or at every location. As schema.org's `OpeningHoursSpecification` with `validFrom`/`validThrough`.
 */
export const closureSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  daySpan(
    z.strictObject({
      reason: line(3, 60).describe(
        'What the days are, in a few words, e.g. Thanksgiving or Therapist away.',
      ),
      validFrom: day('The first day (in the clinic’s time zone), e.g. 2026-12-24.'),
      validThrough: day('The last day: the same as the first for one day, e.g. 2026-12-26.'),
      opens: clockTime
        .optional()
        .describe('Empty when closed all day; else the opening time on these days, e.g. 09:00.'),
      closes: clockTime
        .optional()
        .describe('Empty when closed all day; else the closing time on these days, e.g. 12:00.'),
      locations: z
        .array(reference('locations'), kind('a list of locations'))
        .default([])
        .describe('The locations it applies to; none: every location.'),
    }),
    CLOSURE_DAYS,
    `makes the closure longer than ${CLOSURE_DAYS} days (three months): check the years; for longer, change the weekly opening hours`,
  )
    .refine((closure) => Boolean(closure.opens) === Boolean(closure.closes), {
      error: 'needs both an opening and a closing time, or neither (closed all day)',
      path: ['closes'],
    })
    .refine((closure) => !closure.opens || !closure.closes || closure.closes > closure.opens, {
      error: 'must be later than the opening time',
      path: ['closes'],
    });

export type ClosureData = z.infer<ReturnType<typeof closureSchema>>;
