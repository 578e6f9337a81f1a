import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { group, imageAlt, kind, line, seoDescription, seoTitle, template } from './fields';

const heading = (hint: string) => line(3, 80).describe(hint);
const link = (hint: string) => line(5, 100).describe(hint);

/**
 * Each page's own words besides its title, introduction and body: section headings, link texts
 * and sentences that sit between the page's data. What several pages share is in
 * `src/content/settings/en/site.yaml` (schemas/site.ts).
 */
export const PAGE_WORDS = {
  home: group({
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
  services: group({
    helpsWith: heading('Heading of the list of what a service helps with.'),
    about: template(5, 80, ['service']).describe(
      'Heading of a service page’s text; {service} becomes the service’s name.',
    ),
    questions: heading('Heading of the questions shown on a service page.'),
    related: heading('Heading of the other techniques, on a technique’s page.'),
  }),
  pricing: group({
    hsaFsaLink: link('The link to the HSA/FSA page.'),
  }),
  insurance: group({
    healthPlans: heading('Heading of the health plans.'),
    programs: heading('Heading of the discount and wellness programs.'),
    checkCoverage: template(5, 100, ['plan']).describe(
      'The link to check coverage; {plan} becomes the plan’s name.',
    ),
    hsaFsaLink: link('The link to the HSA/FSA page.'),
  }),
  'hsa-fsa': group({
    prescription: heading('Heading of what the prescription should say.'),
    receipt: heading('Heading of the customized receipt.'),
    request: heading('Heading of the printable request.'),
    print: line(5, 40).describe('The print button.'),
  }),
  faq: group({
    sectionsLabel: line(3, 40).describe(
      'Name of the list of FAQ categories, read out by screen readers.',
    ),
  }),
  book: group({
    sessions: heading('Heading of the session lengths.'),
    otherWays: heading('Heading of the phone and email.'),
  }),
  contact: group({
    details: heading('Heading of the address, phone and email.'),
    area: heading('Heading of the areas the clinic serves.'),
  }),
  therapists: group({
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
  'your-visit': group({
    beforeVisit: heading('Heading of what to bring and do (the list is in Online booking).'),
    policy: heading('Heading of the cancellation, late-arrival and no-show policy.'),
  }),
  privacy: group({
    contact: heading('Heading of who to contact about your data.'),
    updated: template(5, 60, ['date']).describe(
      'When the notice was last changed; {date} is filled in.',
    ),
  }),
  accessibility: group({
    contact: heading('Heading of how to ask for help or report a barrier.'),
    reviewed: template(5, 60, ['date']).describe(
      'When the statement was last reviewed; {date} is filled in.',
    ),
  }),
  'not-found': group({}).default({}),
} as const;

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
    .describe(hint);

export const PAGE_FACTS = {
  privacy: { updated: dated('The day the notice was last changed.') },
  accessibility: { reviewed: dated('The day the statement was last reviewed.') },
} as const;

export type PageId = keyof typeof PAGE_WORDS;
export type PageWords<Id extends PageId> = z.infer<(typeof PAGE_WORDS)[Id]>;
export const PAGE_IDS = Object.keys(PAGE_WORDS) as PageId[];

/**
 * The words around a page's data: its title, search description, heading and introduction, its
 * own words (`PAGE_WORDS`), and its body, the page's own prose. One file per page:
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
