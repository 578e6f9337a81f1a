import { z } from 'astro/zod';
import { line, order } from './fields';

/** FAQ categories, in the order the FAQ page shows them, with their headings. */
export const FAQ_CATEGORIES = {
  about: 'About medical massage',
  prescriptions: 'Prescriptions',
  payment: 'Payment, insurance and HSA/FSA',
  visit: 'Your visit',
} as const;

export type FaqCategory = keyof typeof FAQ_CATEGORIES;

const categoryIds = Object.keys(FAQ_CATEGORIES) as [FaqCategory, ...FaqCategory[]];

/**
 * A question and its answer (the entry body). `reference` links to a service page: Astro's
 * `reference('services')` for the site, a plain slug check where `astro:content` is not available
 * (the CMS in the browser).
 */
export function faqSchema<Reference extends z.ZodType>({
  reference,
}: {
  reference: (collection: 'services') => Reference;
}) {
  return z.strictObject({
    question: line(10, 160)
      .endsWith('?', { error: 'must end with a question mark' })
      .describe('The question as a client would ask it, ending with "?".'),
    category: z
      .enum(categoryIds, { error: `must be one of: ${categoryIds.join(', ')}` })
      .describe('The FAQ section the question appears in.'),
    order,
    services: z
      .array(reference('services'), { error: 'must be a list of services' })
      .default([])
      .describe('Service pages that show this question under "Questions".'),
  });
}
