import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { wcagContrast } from 'culori';
import { group, imageAlt, kind, line, template } from './fields';
import { sameInEveryLanguage } from './translation';

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** A time of day, 24-hour (`09:00`), the same in every language. */
export const clockTime = sameInEveryLanguage(
  z
    .string(kind('a time like 09:00'))
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a 24-hour time like 09:00 or 17:30' }),
);

/** Whether `name` is a time zone this JavaScript engine knows (IANA, e.g. America/Los_Angeles). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name (`Area/Location`, or `UTC`), as the IANA tz database and `Intl` name it. */
const timeZone = sameInEveryLanguage(
  z
    .string(kind('a time zone like America/Los_Angeles'))
    .regex(/^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/, {
      error: 'must be a time zone like America/Los_Angeles (see the IANA time zone list)',
    })
    .refine(isTimeZone, { error: 'is not a time zone known to the IANA time zone database' }),
);

/**
 * The backgrounds text and links sit on, and the text on buttons, as `src/styles/global.css` sets
 * them (`--color-bg`, `--color-surface`, `--color-surface-alt`, `--color-on-accent`; a unit test
 * keeps the two the same). The brand colour is used for links and buttons on each of them.
 */
export const SITE_BACKGROUNDS = {
  'the page background': '#fbfaf7',
  'the header and cards': '#ffffff',
  'the navigation and footer': '#eef4f1',
} as const;

/** WCAG 2.2 AA for normal text: 4.5:1. */
const MIN_CONTRAST = 4.5;

/** What keeps a brand colour from being readable, or undefined when it reaches AA everywhere. */
export function brandColourProblem(colour: string): string | undefined {
  for (const [where, background] of Object.entries(SITE_BACKGROUNDS)) {
    const ratio = wcagContrast(colour, background);
    if (ratio < MIN_CONTRAST) {
      return `${colour} reaches only ${ratio.toFixed(2)}:1 against ${where} (${background}); links and buttons need ${MIN_CONTRAST}:1 (WCAG AA). Choose a darker colour.`;
    }
  }
  return undefined;
}

const hexColour = sameInEveryLanguage(
  z
    .string(kind('a colour like #1f5f57'))
    .regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour like #1f5f57' }),
);

/**
 * The clinic's profiles on other sites, by the name the site's words give each (`profiles` in
 * `settings/<language>/site.yaml`), and the hosts each profile's address may be on: the forms
 * each site gives its share links (Google Business Profile: `https://g.page/r/…`,
 * `https://maps.app.goo.gl/…`, `https://www.google.com/maps/place/…`, `https://g.co/kgs/…`).
 * Linked as plain links (no script, no widget) and listed in the business's JSON-LD `sameAs`.
 */
const PROFILE_HOSTS = {
  google: ['google.com', 'maps.google.com', 'g.page', 'maps.app.goo.gl', 'goo.gl', 'g.co'],
  yelp: ['yelp.com'],
  facebook: ['facebook.com', 'fb.com'],
  instagram: ['instagram.com'],
  healthgrades: ['healthgrades.com'],
} as const satisfies Record<string, readonly string[]>;

export type Profile = keyof typeof PROFILE_HOSTS;
export const PROFILES = Object.keys(PROFILE_HOSTS) as Profile[];

/** Whether `hostname` is `domain` or one of its subdomains (`www.yelp.com`, `m.facebook.com`). */
const onDomain = (hostname: string, domain: string) =>
  hostname === domain || hostname.endsWith(`.${domain}`);

/** An https:// address of one of `profile`'s hosts, the same in every language. */
const profileUrl = (profile: Profile, example: string) => {
  const hosts = PROFILE_HOSTS[profile];
  return sameInEveryLanguage(
    z.url({ protocol: /^https$/, ...kind(`a full https:// address like ${example}`) }).refine(
      (value) => {
        // Also run when z.url() has refused the value, which then says what is wrong.
        const url = URL.parse(value);
        return !url || hosts.some((domain) => onDomain(url.hostname, domain));
      },
      { error: `must be an address on ${hosts.join(', ')}, like ${example}` },
    ),
  ).optional();
};

/** A US phone number in international form (`+15415550123`), the same in every language. */
export const phoneNumber = sameInEveryLanguage(
  z
    .string(kind('a phone number'))
    .regex(/^\+1\d{10}$/, { error: 'must be a US number written like +15415550123' }),
);

/**
 * Profiles on other sites, by the name the site's words give each: the clinic's (`clinic.yaml`)
 * and a location's own (src/schemas/locations.ts). schema.org's `sameAs`.
 */
export const profilesGroup = (whose: 'clinic’s' | 'location’s') =>
  group({
    google: profileUrl('google', 'https://g.page/r/CdXf4yz').describe(
      `Optional: the ${whose} Google Business Profile: the link Google gives it (its Share button, then Copy link), e.g. https://g.page/r/… or https://maps.app.goo.gl/….`,
    ),
    yelp: profileUrl('yelp', 'https://www.yelp.com/biz/your-clinic').describe(
      `Optional: the ${whose} page on Yelp.`,
    ),
    facebook: profileUrl('facebook', 'https://www.facebook.com/your-clinic').describe(
      `Optional: the ${whose} page on Facebook.`,
    ),
    instagram: profileUrl('instagram', 'https://www.instagram.com/your-clinic').describe(
      `Optional: the ${whose} profile on Instagram.`,
    ),
    healthgrades: profileUrl(
      'healthgrades',
      'https://www.healthgrades.com/group-directory/your-clinic',
    ).describe(`Optional: the ${whose} page on Healthgrades.`),
  });

/** An email address, the same in every language. */
export const emailAddress = sameInEveryLanguage(z.email(kind('an email address')));

/**
 * The clinic's own facts, those of the organisation: one file
 * (`src/content/settings/en/clinic.yaml`), each fact set once. Where it is (address, map, hours,
 * Google Place ID) is each location's (src/schemas/locations.ts).
 */
export const clinicSchema = ({ image }: Pick<SchemaContext, 'image'>) =>
  z.strictObject({
    name: sameInEveryLanguage(line(2, 60)).describe(
      'The clinic name as it appears in the header, titles and search results.',
    ),
    phone: phoneNumber.describe(
      'Phone number in international form, e.g. +15415550123. Shown as (541) 555-0123.',
    ),
    email: emailAddress.describe('Email address for questions.'),
    profiles: profilesGroup('clinic’s')
      .optional()
      .describe(
        'Optional: the clinic’s profiles on other sites, linked in the footer and on the contact page, and named to search engines. Leave a profile out and nothing is shown for it.',
      ),
    timeZone: timeZone.describe(
      'The clinic’s time zone (an IANA name, e.g. America/Los_Angeles). Every date staff enter (a closure, a notice) means that day in this zone, and the site changes at its midnight.',
    ),
    serviceArea: z
      .array(sameInEveryLanguage(line(2, 60)), kind('a list of places'))
      .min(1, { error: 'needs at least one place' })
      .describe('Towns or areas the clinic serves.'),
    paymentAccepted: z
      .array(line(2, 60), kind('a list'))
      .min(1, { error: 'needs at least one way to pay' })
      .describe('Ways to pay, as search engines should list them, e.g. "HSA card".'),
    hsaFsa: group({
      statement: line(20, 300).describe('Short statement that HSA/FSA cards can pay for sessions.'),
      checklistIntro: line(20, 300).describe('Sentence introducing the prescription checklist.'),
      checklist: z
        .array(
          group({
            item: line(3, 120).describe('What the prescription must state.'),
            example: line(3, 120).optional().describe('Optional example wording.'),
          }),
          kind('a list'),
        )
        .min(1, { error: 'needs at least one item' })
        .describe(
          'What the physician should write on the prescription so HSA/FSA plans accept it.',
        ),
      receipt: line(20, 300).describe('What the clinic provides to help with HSA/FSA claims.'),
      receiptIncludes: z
        .array(line(3, 120), kind('a list'))
        .min(1, { error: 'needs at least one item' })
        .describe('What the customized receipt shows, one item each.'),
      letter: group({
        heading: line(5, 80).describe('Title of the printable request to the physician.'),
        greeting: line(2, 40).describe(
          'How the request addresses the physician, e.g. "Dear Doctor,".',
        ),
        request: line(20, 400).describe('The paragraph asking the physician for the prescription.'),
        privacyNote: line(20, 300).describe(
          'Tells visitors that what they type stays in their browser (shown on screen, not printed).',
        ),
        modalityOptions: z
          .array(line(3, 40), kind('a list'))
          .min(1, { error: 'needs at least one modality' })
          .describe('The modalities the physician can tick, e.g. Massage therapy.'),
        examples: group({
          reason: line(2, 60),
          treatments: line(1, 20),
          frequency: line(2, 60),
          duration: line(2, 60),
        }).describe('Example wording shown under each field, e.g. "two sessions per week".'),
        labels: group({
          patientName: line(2, 60),
          reason: line(2, 60),
          treatments: line(2, 60),
          frequency: line(2, 60),
          duration: line(2, 60),
          diagnosisCode: line(2, 60),
          modality: line(2, 60),
          techniques: template(10, 160, ['techniques']).describe(
            'The sentence naming the techniques; {techniques} is replaced by their list.',
          ),
          physicianName: line(2, 60),
          licence: line(2, 60),
          signature: line(2, 60),
          date: line(2, 60),
        }).describe('The label of each field of the request, as printed.'),
      }).describe('The printable prescription request on the HSA/FSA page.'),
    }).describe('Paying with a Health Savings Account or Flexible Spending Account.'),
    visitPolicy: group({
      cancellationNoticeHours: z
        .number(kind('a whole number of hours'))
        .int({ error: 'must be a whole number of hours' })
        .min(1, { error: 'must be 1 hour or more' })
        .max(168, { error: 'must be at most 168 hours (a week)' })
        .describe('How many hours before a session a client must cancel or move it.'),
      cancellation: template(20, 300, ['notice']).describe(
        'The cancellation rule; {notice} becomes the notice period, e.g. "24 hours".',
      ),
      lateArrival: line(20, 300).describe('What happens when a client arrives late.'),
      noShow: line(20, 300).describe('What happens when a client misses a session without notice.'),
    }).describe(
      'The visit policy, on the Your visit page; the cancellation rule also in the booking panel.',
    ),
    brand: group({
      colour: hexColour
        .refine((colour) => brandColourProblem(colour) === undefined, {
          error: (issue) => brandColourProblem(String(issue.input)) ?? 'is not readable',
        })
        .describe(
          'The clinic’s colour as #rrggbb, for links, buttons and the booking window. It must be dark enough to read on the site’s light backgrounds (4.5:1).',
        ),
      logo: image().optional().describe('Optional logo (SVG, PNG or JPEG) beside the clinic name.'),
      logoAlt: imageAlt.optional(),
    })
      .refine((brand) => brand.logo === undefined || brand.logoAlt !== undefined, {
        error: 'is required when there is a logo',
        path: ['logoAlt'],
      })
      .describe('The clinic’s colour and logo.'),
  });

export type ClinicData = z.infer<ReturnType<typeof clinicSchema>>;
