import { z } from 'astro/zod';
import { group, kind, line, template } from './fields';
import { sameInEveryLanguage } from './translation';

/**
 * The booking origin: Cal.com itself, a self-hosted Cal.com, or, for the tests, a local stand-in
 * on this machine (the only place plain http is accepted).
 */
const origin = z
  .url(kind('a full address like https://cal.com'))
  .refine(
    (value) => {
      // Also run when z.url() has refused the value (`cal.com`), which then says what is wrong.
      const url = URL.parse(value);
      if (!url) return true;
      const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      return (url.protocol === 'https:' || local) && url.pathname === '/' && !url.search;
    },
    { error: 'must be an https:// address with nothing after the host, like https://cal.com' },
  )
  .transform((value) => new URL(value).origin);

/** A Cal.com username or team link (`your-clinic`, `team/your-clinic`), the same in every language. */
export const calLink = sameInEveryLanguage(
  z.string(kind('text')).regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)?$/i, {
    error: 'must be a Cal.com username or team link like your-clinic or team/your-clinic',
  }),
);

/** Online booking through Cal.com. One file: `src/content/settings/en/booking.yaml`. */
export const bookingSchema = z.strictObject({
  calLink: calLink.describe(
    'Your Cal.com username, or team/team-name for a team. Each price tier names its event.',
  ),
  origin: origin
    .default('https://cal.com')
    .describe('Where your booking pages live: https://cal.com, or your own Cal.com address.'),
  theme: z
    .enum(['light', 'dark', 'auto'], kind('light, dark or auto'))
    .default('light')
    .describe('Light or dark booking window; auto follows the visitor’s device.'),
  beforeYourVisit: group({
    heading: line(5, 80).describe('Heading of the panel shown once a booking is made.'),
    items: z
      .array(line(5, 160), kind('a list'))
      .min(1, { error: 'needs at least one item' })
      .describe('What to bring and do before the first visit, one item each.'),
  }).describe('Shown to the visitor right after a successful booking.'),
  words: group({
    bookSession: line(5, 30).describe('The booking button of every page.'),
    orCall: line(2, 30).describe(
      'Between the booking button and the phone number, e.g. "or call".',
    ),
    bookTier: template(5, 40, ['duration']).describe(
      'The button of one session length; {duration} becomes e.g. "60 minutes".',
    ),
    inlineHeading: line(5, 60).describe('Heading of the calendar on the booking page.'),
    inlineHint: line(10, 200).describe('Shown there until a session length is chosen.'),
    calendarLanguage: line(10, 200)
      .optional()
      .describe(
        'Optional sentence under that heading on the language in which the calendar appears: Cal.com shows it in the visitor’s browser language, whatever the page’s.',
      ),
    loading: template(10, 120, ['duration']).describe('Shown while the calendar loads.'),
    ready: template(5, 120, ['duration']).describe('Shown once the calendar is there.'),
    booked: template(5, 80, ['when']).describe(
      'After a booking; {when} becomes the date and time of the session.',
    ),
    unavailableHeading: line(10, 80).describe('Heading when the booking calendar cannot load.'),
    unavailable: template(10, 200, ['link']).describe(
      'What the visitor can do instead; {link} becomes the link below.',
    ),
    unavailableLink: line(5, 60).describe('The link to the booking page on Cal.com.'),
    close: line(2, 20).describe('The button that closes a booking message.'),
  }).describe('The words of the booking buttons, calendar and messages.'),
});

export type BookingData = z.infer<typeof bookingSchema>;
