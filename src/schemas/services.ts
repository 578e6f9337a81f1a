import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { imageAlt, kind, line, order, seoDescription } from './fields';

const SERVICE_KINDS = ['treatment', 'modality'] as const;

/** A service page: the core treatment or one of the techniques (modalities) used in it. */
export function servicesSchema({ image }: Pick<SchemaContext, 'image'>) {
  return z
    .strictObject({
      title: line(3, 45).describe(
        'Name of the service as visitors see it, e.g. "Myofascial release".',
      ),
      summary: seoDescription.describe(
        'One or two sentences for service cards and search results (50–160 characters).',
      ),
      kind: z
        .enum(SERVICE_KINDS, kind('"treatment" or "modality"'))
        .describe(
          '"treatment" for the complete medical massage; "modality" for a technique used in it.',
        ),
      helpsWith: z
        .array(line(3, 80), kind('a list'))
        .min(1, { error: 'needs at least one item' })
        .describe('Conditions or goals this service helps with, one per item.'),
      steps: z
        .array(line(10, 160), kind('a list'))
        .min(1, { error: 'needs at least one step' })
        .optional()
        .describe(
          'The elements of a treatment, in order. Shown on the home page for the treatment.',
        ),
      order,
      draft: z
        .boolean(kind('true or false'))
        .default(false)
        .describe('A draft is not published on the site.'),
      image: image().optional().describe('Optional photo shown at the top of the service page.'),
      imageAlt: imageAlt.optional(),
    })
    .refine((service) => service.image === undefined || service.imageAlt !== undefined, {
      error: 'is required when the service has an image',
      path: ['imageAlt'],
    });
}

export type ServiceData = z.infer<ReturnType<typeof servicesSchema>>;
