import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';

/** Stands in for Astro's `image()` helper: accepts the metadata Astro gives a resolved image. */
export const image: SchemaContext['image'] = () =>
  z.object({
    src: z.string(),
    width: z.number(),
    height: z.number(),
    format: z.union([
      z.literal('png'),
      z.literal('jpg'),
      z.literal('jpeg'),
      z.literal('tiff'),
      z.literal('webp'),
      z.literal('gif'),
      z.literal('svg'),
      z.literal('avif'),
      z.literal('apng'),
    ]),
  });

export const sampleImage = { src: '/photo.jpg', width: 800, height: 600, format: 'jpg' };

/** Each problem as `field.path: message`, the way the build reports it. */
export function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
