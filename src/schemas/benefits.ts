import { z } from 'astro/zod';
import { line, order } from './fields';

/** One benefit of orthopedic/medical massage, shown as a list item. */
export const benefitsSchema = z.strictObject({
  title: line(5, 120).describe(
    'The benefit in one short sentence, e.g. "Releases tight, sore muscles".',
  ),
  order,
});
