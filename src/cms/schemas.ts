/**
 * The content schemas as the CMS uses them in the browser, where `astro:content` does not exist:
 * an image is the path Decap writes, and a reference is the slug of the entry it names.
 */
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { benefitsSchema } from '../schemas/benefits';
import { bookingSchema } from '../schemas/booking';
import { clinicSchema } from '../schemas/clinic';
import { closureSchema } from '../schemas/closures';
import { faqCategorySchema, faqSchema } from '../schemas/faq';
import { entryName, type EntryCollection } from '../schemas/fields';
import { insuranceSchema } from '../schemas/insurance';
import { noticeSchema } from '../schemas/notices';
import { PAGE_FACTS, PAGE_IDS, PAGE_WORDS, pageSchema, type PageId } from '../schemas/pages';
import { pricingSchema } from '../schemas/pricing';
import { servicesSchema } from '../schemas/services';
import { siteSchema } from '../schemas/site';
import { therapistsSchema } from '../schemas/therapists';
import { sameInEveryLanguage } from '../schemas/translation';

const image = (() =>
  sameInEveryLanguage(
    z.string({ error: 'must be an image' }),
  )) as unknown as SchemaContext['image'];
/**
 * A reference is the slug of the entry it names, as Decap writes file names (ASCII: letters,
 * digits and `- _ . ~`, see `slug` in ./config.ts); `references` says of which collection.
 */
const reference = (collection: EntryCollection) =>
  entryName(collection)
    .regex(/^[a-z0-9_.~-]+$/, { error: 'must name an entry' })
    .meta({ references: collection });

/** The CMS's name for a page's file (`page-home`): file names share one namespace with collections. */
export const pageFileName = (id: PageId) => `page-${id}` as const;

const pageSchemas = Object.fromEntries(
  PAGE_IDS.map((id) => [
    pageFileName(id),
    pageSchema(
      PAGE_WORDS[id],
      { image },
      id in PAGE_FACTS ? PAGE_FACTS[id as keyof typeof PAGE_FACTS] : {},
    ),
  ]),
) as unknown as Record<`page-${PageId}`, z.ZodType>;

/** Every collection and settings file, by the name the CMS gives it. */
export const contentSchemas = {
  services: servicesSchema({ image }),
  benefits: benefitsSchema,
  pricing: pricingSchema,
  faq: faqSchema({ reference }),
  faqCategories: faqCategorySchema,
  insurance: insuranceSchema,
  closures: closureSchema,
  notices: noticeSchema,
  therapists: therapistsSchema({ image, reference }),
  ...pageSchemas,
  clinic: clinicSchema({ image }),
  booking: bookingSchema,
  site: siteSchema,
} satisfies Record<string, z.ZodType>;

export type ContentName = keyof typeof contentSchemas;
