import { z } from 'astro/zod';
import { day, daySpan, kind, line, type SchemaTools } from './fields';

/** The longest notice, in days (a year): longer is most likely a year typed wrong. */
const NOTICE_DAYS = 366;
import { PAGE_PATHS } from './pages';
import { sameInEveryLanguage } from './translation';

/**
 * The longest notice, in characters: one line on a phone 360 CSS pixels wide at the notice's type
 * size, even in a wide font (DejaVu Sans, where tests/e2e/notices.spec.ts measures it; phones'
 * Roboto and San Francisco are narrower). The issue's own example, "Closed 24–26 December, back on
 * the 27th", is 40.
 */
export const NOTICE_LENGTH = 42;

/** A page of the site (`/contact/`, `/services/…/`) or a full https:// address. */
const target = sameInEveryLanguage(
  z
    .string(kind('a page of the site like /contact/, or a full https:// address'))
    .regex(/^(\/([a-z0-9-]+\/)*|https:\/\/[^\s]+)$/, {
      error: 'must be a page of the site like /contact/, or a full https:// address',
    }),
);

/**
 * A notice: one short line above every page's heading (or the chosen pages') from its first to
 * its last day, in the clinic's time zone. One file per notice in `src/content/notices/<language>/`.
 */
export const noticeSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  daySpan(
    z.strictObject({
      text: line(5, NOTICE_LENGTH).describe(
        `The notice, at most ${NOTICE_LENGTH} characters to fit one line on a phone, e.g. Closed 24–26 December, back on the 27th.`,
      ),
      link: target
        .optional()
        .describe(
          'Optional: where the notice leads, a page of the site (/contact/, in each language its own page) or a full https:// address.',
        ),
      pages: z
        .array(
          z.enum(PAGE_PATHS, kind(`one of the pages: ${PAGE_PATHS.join(', ')}`)),
          kind('a list'),
        )
        .default([])
        .describe(
          'Show it only on these pages (/services/ includes every service page); none: on every page.',
        ),
      validFrom: day('The first day it shows (in the clinic’s time zone), e.g. 2026-12-01.'),
      validThrough: day('The last day it shows, e.g. 2026-12-26.'),
      locations: z
        .array(reference('locations'), kind('a list of locations'))
        .default([])
        .describe('The locations it is about; none: every location.'),
    }),
    NOTICE_DAYS,
    `makes the notice longer than ${NOTICE_DAYS} days (a year): check the years`,
  );
