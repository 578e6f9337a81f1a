import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { group, imageAlt, kind, line, seoDescription, seoTitle, template } from './fields';

const heading = (hint: string) => line(3, 80).describe(hint);
const link = (hint: string) => line(5, 100).describe(hint);

/**
 * Facts a page states besides words: the date of a notice, written 2026-11-28 (a date in YAML, a
 * string from the CMS). Not `z.coerce.date()`: it turns a missing date into an invalid one before
 * the schema sees it, so the message could not say that the date is missing.
 */
const dated = (hint: string) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' ? new Date(value) : value),
      z.date(kind('a date like 2026-11-28')),
    )
    .describe(hint)
    // A day to the CMS (src/cms/config.ts picks its widget by it), as `day()` in ./fields.ts.
    .meta({ day: true });

/** One page of the registry (`PAGES`). */
interface PageDefinition {
  label: string;
  /** Root-relative, with a trailing slash: `/pricing/`. */
  path?: string;
  words: z.ZodType;
  facts?: z.ZodRawShape;
  /**
   * Built only when the content asks for it (the review pages: a Google Place ID; the locations
   * pages: two or more locations), so neither the navigation nor a notice may name it: the link
   * would lead nowhere without that content.
   */
  optional?: true;
}

/**
 * The registry of pages: every page of the site, declared once, in the order of the site's
 * navigation. For each: what staff call it in the CMS (`label`), where it is in the main language
 * (`path`; none for the page-not-found page, which is wherever a page is not), its own words
 * besides its title, introduction and body (`words`: section headings, link texts and sentences
 * between the page's data; what several pages share is in `src/content/settings/en/site.yaml`,
 * schemas/site.ts), and what it states besides words (`facts`, such as the day a notice was last
 * changed). Its file is `src/content/pages/<code>/<id>.mdx`; its templates are
 * `src/pages/<id>.astro` and `src/pages/[language]/[...<id>].astro`. The content collections,
 * the CMS's files, the pages a link or a notice may name and add-language's slugs are derived
 * from it (docs/developer-guide.md, "Adding a page").
 */
export const PAGES = {
  home: {
    label: 'Home page',
    path: '/',
    words: group({
      moreAbout: template(5, 80, ['service']).describe(
        'The link under the treatment’s steps; {service} becomes the treatment’s name.',
      ),
      benefits: heading('Heading of the benefits.'),
      prices: heading('Heading of the prices.'),
      pricesLink: link('The link to the prices page, under the prices.'),
      insurance: heading('Heading of the insurance and HSA/FSA section.'),
      plansIntro: line(10, 160).describe('The sentence before the list of health plans.'),
      insuranceLink: link('The link to the insurance page, under the plans.'),
    }),
  },
  services: {
    label: 'Services (the list, and the words of every service page)',
    path: '/services/',
    words: group({
      helpsWith: heading('Heading of the list of what a service helps with.'),
      about: template(5, 80, ['service']).describe(
        'Heading of a service page’s text; {service} becomes the service’s name.',
      ),
      questions: heading('Heading of the questions shown on a service page.'),
      related: heading('Heading of the other techniques, on a technique’s page.'),
    }),
  },
  conditions: {
    label: 'Conditions we treat (the list, and the words of every condition page)',
    path: '/conditions/',
    words: group({
      services: heading('Heading of the services that help, on a condition page.'),
      reviewedBy: template(10, 120, ['name']).describe(
        'The line naming who reviewed a condition page; {name} becomes the therapist with their credentials.',
      ),
      lastReviewed: template(5, 60, ['date']).describe(
        'When a condition page was last reviewed; {date} is filled in.',
      ),
      helpedConditions: heading('Heading on a service page, before the conditions it helps with.'),
    }),
  },
  pricing: {
    label: 'Pricing',
    path: '/pricing/',
    words: group({
      hsaFsaLink: link('The link to the HSA/FSA page.'),
    }),
  },
  insurance: {
    label: 'Insurance',
    path: '/insurance/',
    words: group({
      healthPlans: heading('Heading of the health plans.'),
      programs: heading('Heading of the discount and wellness programs.'),
      programsCheck: line(10, 200).describe(
        'The sentence under the programs: how a visitor finds out whether their insurer offers one (shown only when there are programs).',
      ),
      checkCoverage: template(5, 100, ['plan']).describe(
        'The link to check coverage; {plan} becomes the plan’s name.',
      ),
      hsaFsaLink: link('The link to the HSA/FSA page.'),
    }),
  },
  'hsa-fsa': {
    label: 'Paying with HSA/FSA',
    path: '/hsa-fsa/',
    words: group({
      prescription: heading('Heading of what the prescription should say.'),
      receipt: heading('Heading of the customized receipt.'),
      request: heading('Heading of the printable request.'),
      print: line(5, 40).describe('The print button.'),
    }),
  },
  faq: {
    label: 'FAQ',
    path: '/faq/',
    words: group({
      sectionsLabel: line(3, 40).describe(
        'Name of the list of FAQ categories, read out by screen readers.',
      ),
    }),
  },
  book: {
    label: 'Book a session',
    path: '/book/',
    words: group({
      sessions: heading('Heading of the session lengths.'),
      otherWays: heading('Heading of the phone and email.'),
    }),
  },
  contact: {
    label: 'Contact',
    path: '/contact/',
    words: group({
      details: heading('Heading of the address, phone and email.'),
      area: heading('Heading of the areas the clinic serves.'),
    }),
  },
  therapists: {
    label: 'Therapists',
    path: '/therapists/',
    words: group({
      licence: template(10, 120, ['number', 'board']).describe(
        'The licence line; {number} and {board} come from the therapist.',
      ),
      lookup: link('The link to the state board’s licence lookup.'),
      techniques: heading('Heading of the techniques a therapist practises.'),
      languages: template(5, 80, ['languages']).describe(
        'The languages line; {languages} becomes the list, e.g. "English and Spanish".',
      ),
      practisedBy: heading('Heading on a service page, before the therapists who practise it.'),
    }),
  },
  'your-visit': {
    label: 'Your visit (first visit, policy)',
    path: '/your-visit/',
    words: group({
      beforeVisit: heading('Heading of what to bring and do (the list is in Online booking).'),
      policy: heading('Heading of the cancellation, late-arrival and no-show policy.'),
    }),
  },
  privacy: {
    label: 'Privacy notice',
    path: '/privacy/',
    words: group({
      contact: heading('Heading of who to contact about your data.'),
      updated: template(5, 60, ['date']).describe(
        'When the notice was last changed; {date} is filled in.',
      ),
    }),
    facts: { updated: dated('The day the notice was last changed.') },
  },
  accessibility: {
    label: 'Accessibility statement',
    path: '/accessibility/',
    words: group({
      contact: heading('Heading of how to ask for help or report a barrier.'),
      reviewed: template(5, 60, ['date']).describe(
        'When the statement was last reviewed; {date} is filled in.',
      ),
    }),
    facts: { reviewed: dated('The day the statement was last reviewed.') },
  },
  review: {
    label: 'Leave a review (the short /review/ address: only with a Google Place ID)',
    path: '/review/',
    optional: true,
    words: group({
      go: link('The link to Google’s review form, for a browser that does not go there by itself.'),
    }),
  },
  'review-card': {
    label: 'Review card (printable, with a QR code: only with a Google Place ID)',
    path: '/review-card/',
    optional: true,
    words: group({
      scan: line(5, 80).describe('The words beside the QR code, e.g. "Scan to leave us a review".'),
      qrCode: template(5, 120, ['address']).describe(
        'What the QR code is, read out by screen readers; {address} becomes the address it leads to.',
      ),
      orVisit: template(5, 80, ['address']).describe(
        'The line under the QR code; {address} becomes the short review address, e.g. example.com/review/.',
      ),
    }),
  },
  locations: {
    label: 'Locations (the list, and the words of every location page: only with two or more)',
    path: '/locations/',
    // Built only with two or more locations (src/content/locations/): with one, the contact page
    // and the footer say where the clinic is, and nothing links here.
    optional: true,
    words: group({
      summary: template(20, 160, ['location', 'address']).describe(
        'The search description and introduction of a location’s page; {location} becomes its name, {address} its address.',
      ),
      more: template(5, 80, ['location']).describe(
        'The link to a location’s own page (footer, contact and booking pages); {location} becomes its name.',
      ),
      choose: heading('Heading of the list of locations on the contact and booking pages.'),
      directions: heading('Heading of how to get there, on a location’s page.'),
      therapists: heading('Heading of the therapists who work at a location, on its page.'),
      book: template(5, 80, ['location']).describe(
        'Heading of booking at one location (its page and the booking page); {location} becomes its name.',
      ),
      worksAt: template(5, 120, ['locations']).describe(
        'The line on the therapists page naming where a therapist works; {locations} becomes the list, e.g. "Downtown and Eastside".',
      ),
    }),
  },
  'not-found': {
    label: 'Page not found',
    words: group({}).default({}),
  },
} as const satisfies Record<string, PageDefinition>;

export type PageId = keyof typeof PAGES;
type Page<Id extends PageId> = (typeof PAGES)[Id];
export type PageWords<Id extends PageId> = z.infer<Page<Id>['words']>;
/** What page `Id` states besides words (`facts`), as a zod shape; none for most pages. */
type PageFacts<Id extends PageId> =
  Page<Id> extends { facts: infer Facts extends z.ZodRawShape } ? Facts : Record<never, never>;
export const PAGE_IDS = Object.keys(PAGES) as PageId[];

/** The pages with an address of their own: every page but the page-not-found page. */
export type RoutedPageId = {
  [Id in PageId]: Page<Id> extends { path: string } ? Id : never;
}[PageId];
export const ROUTED_PAGE_IDS = PAGE_IDS.filter((id): id is RoutedPageId => 'path' in PAGES[id]);
/** Where a page is in the main language: `pricing` → `/pricing/`. */
export const pagePath = (id: RoutedPageId): string => PAGES[id].path;

/** The public pages a navigation link or a notice may name, in the navigation's order. */
export type PagePath = Page<RoutedPageId>['path'];
export const PAGE_PATHS = ROUTED_PAGE_IDS.filter((id) => !('optional' in PAGES[id])).map(
  pagePath,
) as [PagePath, ...PagePath[]];

/** `hsa-fsa` → `hsaFsa`: a page id as a name in code. */
type Camel<Id extends string> = Id extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : Id;
/** The build's collection of page `Id` (`src/content.config.ts`): `hsa-fsa` → `hsaFsaPage`. */
export type PageCollection<Id extends PageId> = `${Camel<Id>}Page`;
export const pageCollection = <Id extends PageId>(id: Id) =>
  `${id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Page` as PageCollection<Id>;

/** The words of page `id`, as `pageSchema` builds its schema. */
export const pageWords = <Id extends PageId>(id: Id): Page<Id>['words'] => PAGES[id].words;
/** What page `id` states besides words (`{}` for most pages). */
const pageFacts = <Id extends PageId>(id: Id): PageFacts<Id> =>
  ('facts' in PAGES[id] ? PAGES[id].facts : {}) as PageFacts<Id>;

/**
 * The schema of page `Id`'s file: `pageSchema` with its words and facts. (`& z.ZodType` lets a
 * page's words, a type of `Id`, meet `pageSchema`'s constraint; it changes nothing they parse.)
 */
export type PageSchema<Id extends PageId> = ReturnType<
  typeof pageSchema<Page<Id>['words'] & z.ZodType, PageFacts<Id>>
>;
/** The schema of page `id`'s file, with the build's or the CMS's `image`. */
export const pageSchemaOf = <Id extends PageId>(
  id: Id,
  context: Pick<SchemaContext, 'image'>,
): PageSchema<Id> =>
  pageSchema(pageWords(id) as Page<Id>['words'] & z.ZodType, context, pageFacts(id));

/**
 * The words around a page's data: its title, search description, heading and introduction, its
 * own words (`PAGES`), and its body, the page's own prose. One file per page:
 * `src/content/pages/en/<id>.mdx`.
 */
export function pageSchema<
  Words extends z.ZodType,
  Facts extends z.ZodRawShape = Record<never, never>,
>(words: Words, { image }: Pick<SchemaContext, 'image'>, facts?: Facts) {
  return z
    .strictObject({
      title: seoTitle,
      description: seoDescription,
      heading: line(3, 80).describe('The main heading at the top of the page.'),
      lede: line(20, 300).describe('The introduction under the heading.'),
      image: image().optional().describe('Optional photo shown beside the introduction.'),
      imageAlt: imageAlt.optional(),
      words: words.describe('The other headings, links and sentences of the page.'),
      ...(facts as Facts),
    })
    .refine(
      (page: { image?: unknown; imageAlt?: unknown }) =>
        page.image === undefined || page.imageAlt !== undefined,
      {
        error: 'is required when the page has an image',
        path: ['imageAlt'],
      },
    );
}
