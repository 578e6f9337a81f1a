/**
 * The content schemas as the CMS uses them in the browser, where `astro:content` does not exist:
 * an image is the path Decap writes, and a reference is the slug of the entry it names.
 */
import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { benefitsSchema } from '../schemas/benefits';
import { bookingSchema } from '../schemas/booking';
import { clinicSchema } from '../schemas/clinic';
import { faqSchema } from '../schemas/faq';
import { insuranceSchema } from '../schemas/insurance';
import { pagesSchema } from '../schemas/pages';
import { pricingSchema } from '../schemas/pricing';
import { servicesSchema } from '../schemas/services';

const image = (() => z.string({ error: 'must be an image' })) as unknown as SchemaContext['image'];
const reference = () =>
  z.string({ error: 'must name an entry' }).regex(/^[a-z0-9-]+$/, { error: 'must name an entry' });

/** Every collection and settings file, by the name the CMS and `src/content.config.ts` give it. */
export const contentSchemas = {
  services: servicesSchema({ image }),
  benefits: benefitsSchema,
  pricing: pricingSchema,
  faq: faqSchema({ reference }),
  insurance: insuranceSchema,
  pages: pagesSchema({ image }),
  clinic: clinicSchema,
  booking: bookingSchema,
} satisfies Record<string, z.ZodType>;

export type ContentName = keyof typeof contentSchemas;
