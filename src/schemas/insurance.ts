import { z } from 'astro/zod';
import { kind, line, order } from './fields';
import { sameInEveryLanguage } from './translation';

export const PLAN_TYPES = ['PPO', 'HMO', 'POS', 'Benefit plan', 'Discount program'] as const;

/** A plan or program under which the clinic is a listed provider. */
export const insuranceSchema = z.strictObject({
  name: sameInEveryLanguage(line(2, 80)).describe(
    'Name of the plan or program as the insurer writes it.',
  ),
  planTypes: z
    .array(z.enum(PLAN_TYPES, kind(`one of: ${PLAN_TYPES.join(', ')}`)), kind('a list'))
    .default([])
    .describe(
      'The plan types the clinic is listed under. Leave empty when the insurer does not say.',
    ),
  viaWellnessProgram: z
    .boolean(kind('true or false'))
    .default(false)
    .describe(
      'On when clients reach the clinic through a discount or wellness program of their insurer.',
    ),
  coverageUrl: sameInEveryLanguage(
    z.url({ protocol: /^https$/, ...kind('a full https:// address') }),
  )
    .optional()
    .describe(
      'Optional page where clients check whether their insurer offers this plan or program.',
    ),
  coverageNote: line(10, 200).optional().describe('Optional short note on how to check coverage.'),
  order,
});

export type InsuranceData = z.infer<typeof insuranceSchema>;

/** Discount and wellness programs are listed apart from health plans. */
export function isDiscountOrWellness(plan: InsuranceData): boolean {
  return plan.viaWellnessProgram || plan.planTypes.includes('Discount program');
}
