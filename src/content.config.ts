import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { benefitsSchema } from './schemas/benefits';
import { bookingSchema } from './schemas/booking';
import { clinicSchema } from './schemas/clinic';
import { faqSchema } from './schemas/faq';
import { insuranceSchema } from './schemas/insurance';
import { pagesSchema } from './schemas/pages';
import { pricingSchema } from './schemas/pricing';
import { servicesSchema } from './schemas/services';

const entries = (folder: string) => glob({ pattern: '*.mdx', base: `./src/content/${folder}` });
const setting = (name: string) => glob({ pattern: `${name}.yaml`, base: './src/content/settings' });

export const collections = {
  services: defineCollection({ loader: entries('services'), schema: servicesSchema }),
  benefits: defineCollection({ loader: entries('benefits'), schema: benefitsSchema }),
  pricing: defineCollection({ loader: entries('pricing'), schema: pricingSchema }),
  faq: defineCollection({ loader: entries('faq'), schema: faqSchema({ reference }) }),
  insurance: defineCollection({ loader: entries('insurance'), schema: insuranceSchema }),
  pages: defineCollection({ loader: entries('pages'), schema: pagesSchema }),
  settings: defineCollection({ loader: setting('clinic'), schema: clinicSchema }),
  booking: defineCollection({ loader: setting('booking'), schema: bookingSchema }),
};
