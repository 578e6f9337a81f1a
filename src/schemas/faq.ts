import { z } from 'astro/zod';
import { kind, line, order, type SchemaTools } from './fields';

/**
 * A section of the FAQ page. The file name (`src/content/faq-categories/en/<id>.yaml`) is how questions
 * name it and the page's anchor (`/faq/#<id>`).
 */
export const faqCategorySchema = z.strictObject({
  heading: line(3, 80).describe('The heading of this section of the FAQ page.'),
  order,
});

/**
 * A question and its answer (the entry body). `reference` links to a service page and to a
 * category: Astro's `reference` for the site, a plain slug check where `astro:content` is not
 * available (the CMS in the browser).
 */
export function faqSchema({ reference }: Pick<SchemaTools, 'reference'>) {
  return z.strictObject({
    question: line(10, 160)
      .endsWith('?', { error: 'must end with a question mark' })
      .describe('The question as a client would ask it, ending with "?".'),
    category: reference('faqCategories').describe(
      'The FAQ section the question appears in (the menu’s FAQ categories).',
    ),
    order,
    services: z
      .array(reference('services'), kind('a list of services'))
      .default([])
      .describe('Service pages that show this question under "Questions".'),
  });
}
