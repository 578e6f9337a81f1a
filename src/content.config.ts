import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { benefitsSchema } from './schemas/benefits';
import { bookingSchema } from './schemas/booking';
import { clinicSchema } from './schemas/clinic';
import { closureSchema } from './schemas/closures';
import { faqCategorySchema, faqSchema } from './schemas/faq';
import { entryName, type EntryCollection } from './schemas/fields';
import { insuranceSchema } from './schemas/insurance';
import { noticeSchema } from './schemas/notices';
import { PAGE_FACTS, PAGE_WORDS, pageSchema, type PageId } from './schemas/pages';
import { pricingSchema } from './schemas/pricing';
import { servicesSchema } from './schemas/services';
import { siteSchema } from './schemas/site';
import { therapistsSchema } from './schemas/therapists';
import { LANGUAGES } from './i18n/languages';

/** The main language's files are in each folder's `<code>/`; the other languages' beside them. */
const MAIN = LANGUAGES.main.code;

const entries = (folder: string) =>
  glob({ pattern: '*.mdx', base: `./src/content/${folder}/${MAIN}` });
/**
 * YAML entries, each named by its file name. An empty YAML file has no data, on which Astro's
 * glob loader fails (`Cannot read properties of undefined (reading 'slug')`, naming no file);
 * named by the file instead, the empty entry reaches its schema (see `orEmpty`).
 */
const yamlEntries = (pattern: string, base: string) =>
  glob({ pattern, base, generateId: ({ entry }) => entry.replace(/\.yaml$/, '') });
const setting = (name: string) => yamlEntries(`${name}.yaml`, `./src/content/settings/${MAIN}`);

/** An empty file as an entry with no fields, so the schema names each field it needs. */
const orEmpty = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((data) => data ?? {}, schema);

/**
 * Astro's `reference()`, behind `entryName`: its own schema is a union without messages, which
 * the build reports as "Did not match union" for a missing or mistyped name.
 */
const named = <Collection extends EntryCollection>(collection: Collection) =>
  entryName(collection).pipe(reference(collection));

/** Each page is a collection of its own, so that its own words get their own schema. */
const page = <Words extends z.ZodType, Facts extends z.ZodRawShape = Record<never, never>>(
  id: PageId,
  words: Words,
  facts?: Facts,
) =>
  defineCollection({
    loader: glob({ pattern: `${id}.mdx`, base: `./src/content/pages/${MAIN}` }),
    schema: ({ image }) => pageSchema(words, { image }, facts),
  });

export const collections = {
  services: defineCollection({ loader: entries('services'), schema: servicesSchema }),
  benefits: defineCollection({ loader: entries('benefits'), schema: benefitsSchema }),
  pricing: defineCollection({ loader: entries('pricing'), schema: pricingSchema }),
  faq: defineCollection({ loader: entries('faq'), schema: faqSchema({ reference: named }) }),
  faqCategories: defineCollection({
    loader: yamlEntries('*.yaml', `./src/content/faq-categories/${MAIN}`),
    schema: orEmpty(faqCategorySchema),
  }),
  insurance: defineCollection({ loader: entries('insurance'), schema: insuranceSchema }),
  closures: defineCollection({
    loader: yamlEntries('*.yaml', `./src/content/closures/${MAIN}`),
    schema: orEmpty(closureSchema),
  }),
  notices: defineCollection({
    loader: yamlEntries('*.yaml', `./src/content/notices/${MAIN}`),
    schema: orEmpty(noticeSchema),
  }),
  therapists: defineCollection({
    loader: entries('therapists'),
    schema: ({ image }) => therapistsSchema({ image, reference: named }),
  }),
  homePage: page('home', PAGE_WORDS.home),
  servicesPage: page('services', PAGE_WORDS.services),
  pricingPage: page('pricing', PAGE_WORDS.pricing),
  insurancePage: page('insurance', PAGE_WORDS.insurance),
  hsaFsaPage: page('hsa-fsa', PAGE_WORDS['hsa-fsa']),
  faqPage: page('faq', PAGE_WORDS.faq),
  bookPage: page('book', PAGE_WORDS.book),
  contactPage: page('contact', PAGE_WORDS.contact),
  therapistsPage: page('therapists', PAGE_WORDS.therapists),
  yourVisitPage: page('your-visit', PAGE_WORDS['your-visit']),
  privacyPage: page('privacy', PAGE_WORDS.privacy, PAGE_FACTS.privacy),
  accessibilityPage: page('accessibility', PAGE_WORDS.accessibility, PAGE_FACTS.accessibility),
  notFoundPage: page('not-found', PAGE_WORDS['not-found']),
  settings: defineCollection({
    loader: setting('clinic'),
    schema: (context) => orEmpty(clinicSchema(context)),
  }),
  booking: defineCollection({ loader: setting('booking'), schema: orEmpty(bookingSchema) }),
  site: defineCollection({ loader: setting('site'), schema: orEmpty(siteSchema) }),
  /**
   * Every file of the other languages, named `<folder>/<code>/<name>` (`services/es/trigger-point-therapy`):
   * words only, laid over the main language's entry and checked by `src/lib/translations.ts`.
   */
  translations: defineCollection({
    loader: glob({
      pattern: LANGUAGES.others.length
        ? LANGUAGES.others.map(({ code }) => `*/${code}/*.{mdx,yaml}`)
        : '*/.none/*.mdx',
      base: './src/content',
      generateId: ({ entry }) => entry.replace(/\.(mdx|yaml)$/, ''),
    }),
    schema: z.preprocess((data) => data ?? {}, z.record(z.string(), z.unknown())),
  }),
};
