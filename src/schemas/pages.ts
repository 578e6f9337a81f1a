import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { imageAlt, line, seoDescription, seoTitle } from './fields';

/**
 * The words around each page's data: its title, search description, heading and introduction.
 * The entry id is the page it belongs to (`home`, `pricing`, …); the body is the page's own prose.
 */
export function pagesSchema({ image }: Pick<SchemaContext, 'image'>) {
  return z
    .strictObject({
      title: seoTitle,
      description: seoDescription,
      heading: line(3, 80).describe('The main heading at the top of the page.'),
      lede: line(20, 300).describe('The introduction under the heading.'),
      image: image().optional().describe('Optional photo shown beside the introduction.'),
      imageAlt: imageAlt.optional(),
    })
    .refine((page) => page.image === undefined || page.imageAlt !== undefined, {
      error: 'is required when the page has an image',
      path: ['imageAlt'],
    });
}
