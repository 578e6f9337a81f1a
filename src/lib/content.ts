/**
 * Queries shared by pages. Every list comes back in the order visitors see it, drafts left out.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { FAQ_CATEGORIES, type FaqCategory } from '../schemas/faq';
import { tierBooking, type TierBooking } from './booking';
import { isDiscountOrWellness } from '../schemas/insurance';
import { duplicateDurationProblems } from '../schemas/pricing';

export type Service = CollectionEntry<'services'>;
export type Benefit = CollectionEntry<'benefits'>;
export type Tier = CollectionEntry<'pricing'>;
export type Question = CollectionEntry<'faq'>;
export type Plan = CollectionEntry<'insurance'>;
export type Page = CollectionEntry<'pages'>;
export type Clinic = CollectionEntry<'settings'>['data'];
export type Booking = CollectionEntry<'booking'>['data'];

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) =>
  a.data.order - b.data.order;

export async function getServices(): Promise<Service[]> {
  const services = await getCollection('services', ({ data }) => !data.draft);
  return services.sort(byOrder);
}

/** The complete treatment (kind "treatment"); the others are the modalities it uses. */
export async function getMainTreatment(): Promise<Service> {
  const treatment = (await getServices()).find(({ data }) => data.kind === 'treatment');
  if (!treatment)
    throw new Error('src/content/services: no published service has kind "treatment"');
  return treatment;
}

export async function getBenefits(): Promise<Benefit[]> {
  return (await getCollection('benefits')).sort(byOrder);
}

/** The price tiers, shortest first. Two tiers of one length fail the build, naming both files. */
export async function getTiers(): Promise<Tier[]> {
  const tiers = await getCollection('pricing');
  const problems = duplicateDurationProblems(
    tiers.map(({ id, filePath, data }) => ({
      file: filePath ?? `src/content/pricing/${id}`,
      durationMinutes: data.durationMinutes,
    })),
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return tiers.sort((a, b) => a.data.durationMinutes - b.data.durationMinutes);
}

export interface BookableTier {
  tier: Tier;
  booking: TierBooking;
}

/** The tiers, each with where it is booked. */
export async function getBookableTiers(): Promise<BookableTier[]> {
  const [tiers, booking] = await Promise.all([getTiers(), getBooking()]);
  const all = tiers.map(({ data }) => data);
  return tiers.map((tier) => ({ tier, booking: tierBooking(booking, tier.data, all) }));
}

export async function getPlans(): Promise<Plan[]> {
  return (await getCollection('insurance')).sort(byOrder);
}

export interface PlanGroups {
  healthPlans: Plan[];
  programs: Plan[];
}

export async function getPlanGroups(): Promise<PlanGroups> {
  const plans = await getPlans();
  return {
    healthPlans: plans.filter(({ data }) => !isDiscountOrWellness(data)),
    programs: plans.filter(({ data }) => isDiscountOrWellness(data)),
  };
}

export async function getQuestions(): Promise<Question[]> {
  return (await getCollection('faq')).sort(byOrder);
}

export interface QuestionGroup {
  category: FaqCategory;
  heading: string;
  questions: Question[];
}

/** Questions grouped by category, in the category order of `FAQ_CATEGORIES`; empty groups left out. */
export async function getQuestionGroups(): Promise<QuestionGroup[]> {
  const questions = await getQuestions();
  return (Object.entries(FAQ_CATEGORIES) as [FaqCategory, string][])
    .map(([category, heading]) => ({
      category,
      heading,
      questions: questions.filter(({ data }) => data.category === category),
    }))
    .filter((group) => group.questions.length > 0);
}

export async function getQuestionsFor(serviceId: string): Promise<Question[]> {
  const questions = await getQuestions();
  return questions.filter(({ data }) => data.services.some((service) => service.id === serviceId));
}

export async function getClinic(): Promise<Clinic> {
  const settings = await getEntry('settings', 'clinic');
  if (!settings) throw new Error('src/content/settings/clinic.yaml is missing');
  return settings.data;
}

export async function getBooking(): Promise<Booking> {
  const booking = await getEntry('booking', 'booking');
  if (!booking) throw new Error('src/content/settings/booking.yaml is missing');
  return booking.data;
}

/** The words of one page (`src/content/pages/<id>.mdx`). */
export async function getPage(id: string): Promise<Page> {
  const page = await getEntry('pages', id);
  if (!page) throw new Error(`src/content/pages/${id}.mdx is missing`);
  return page;
}
