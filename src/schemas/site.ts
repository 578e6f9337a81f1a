import { z } from 'astro/zod';
import { group, kind, line, template } from './fields';
import { PLAN_TYPES } from './insurance';
import { PAGE_PATHS } from './pages';

const label = (max: number, hint: string) => line(2, max).describe(hint);

/**
 * The words every page shares: navigation, header, footer, skip link, contact and opening hours,
 * in each language: `src/content/settings/<language>/site.yaml`.
 */
export const siteSchema = z.strictObject({
  languageName: label(
    30,
    'The name of this language, in this language (English, Español): the link to these pages from the others.',
  ),
  skipLink: label(40, 'The first link for keyboard users, jumping over the navigation.'),
  navigation: group({
    label: label(40, 'Name of the main navigation, read out by screen readers.'),
    items: z
      .array(
        group({
          label: line(2, 30).describe('The text of the link.'),
          href: z
            .enum(PAGE_PATHS, kind(`one of the pages: ${PAGE_PATHS.join(', ')}`))
            .describe('The page it leads to.'),
        }),
        kind('a list'),
      )
      .min(1, { error: 'needs at least one link' })
      .max(8, { error: 'must have at most 8 links, to fit on a phone' })
      .describe('The links under the clinic name on every page, in order.'),
  }).describe('The main navigation.'),
  breadcrumbs: group({
    label: label(40, 'Name of the breadcrumb trail, read out by screen readers.'),
    home: label(30, 'The first link of every trail, and of the page-not-found list.'),
  }).describe('The trail above each page’s heading.'),
  header: group({ book: label(20, 'The short booking button beside the phone number.') }).describe(
    'The top of every page.',
  ),
  footer: group({
    label: label(
      40,
      'Name of the footer’s links (privacy, accessibility), read out by screen readers.',
    ),
  }).describe('The bottom of every page.'),
  contact: group({
    heading: label(40, 'Heading of the contact details in the footer.'),
    call: label(20, 'Written before the phone number on call links, e.g. "Call".'),
    email: label(20, 'Written before the email address, e.g. "Email".'),
    directions: label(60, 'The link to the clinic on a map.'),
  }).describe('Contact details, as the footer and the contact page show them.'),
  profiles: group({
    heading: label(
      40,
      'Heading of the clinic’s profiles on other sites and the review link (footer and contact page).',
    ),
    google: label(40, 'The link to the clinic’s Google Business Profile.'),
    yelp: label(40, 'The link to the clinic’s Yelp page.'),
    facebook: label(40, 'The link to the clinic’s Facebook page.'),
    instagram: label(40, 'The link to the clinic’s Instagram profile.'),
    healthgrades: label(40, 'The link to the clinic’s Healthgrades page.'),
    review: label(
      60,
      'The link to write a review of the clinic on Google (shown only with a Google Place ID).',
    ),
  }).describe(
    'The clinic’s profiles on other sites (their addresses are in the clinic settings): shown only for a profile that is set.',
  ),
  hours: group({
    heading: label(40, 'Heading of the opening hours (footer and contact page).'),
    closed: label(30, 'Shown for a day the clinic is closed.'),
    changes: label(
      60,
      'Heading of the closures and holiday hours of the next weeks, beside the weekly hours.',
    ),
    specialHours: template(5, 60, ['hours']).describe(
      'Days the clinic keeps other hours (a closure with hours); {hours} becomes them, e.g. Open {hours}.',
    ),
  }).describe('Opening hours.'),
  notice: label(
    40,
    'Name of the notice shown above the page’s heading while one runs, read out by screen readers.',
  ),
  sections: group({
    treatmentSteps: label(80, 'Heading of the treatment’s steps (home and treatment pages).'),
    techniques: label(80, 'Heading of the techniques (home and treatment pages).'),
    testimonials: label(
      80,
      'Heading of the clients’ quotes (home and service pages; shown only where there are testimonials).',
    ),
  }).describe('Headings that several pages share.'),
  planTypes: group(
    Object.fromEntries(PLAN_TYPES.map((type) => [type, line(2, 40)])) as Record<
      (typeof PLAN_TYPES)[number],
      ReturnType<typeof line>
    >,
  ).describe('How each plan type is written after a plan’s name.'),
  forExample: template(5, 60, ['example']).describe(
    'How example wording is introduced, e.g. for example, "{example}".',
  ),
});

export type SiteData = z.infer<typeof siteSchema>;
