/**
 * Queries shared by pages. Every list comes back in the order visitors see it, drafts left out.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { tierBooking, type TierBooking } from './booking';
import { isDiscountOrWellness } from '../schemas/insurance';
import type { PageId } from '../schemas/pages';
import { duplicateDurationProblems } from '../schemas/pricing';

export type Service = CollectionEntry<'services'>;
export type Benefit = CollectionEntry<'benefits'>;
export type Tier = CollectionEntry<'pricing'>;
export type Question = CollectionEntry<'faq'>;
export type Plan = CollectionEntry<'insurance'>;
export type Therapist = CollectionEntry<'therapists'>;
export type Clinic = CollectionEntry<'settings'>['data'];
export type Booking = CollectionEntry<'booking'>['data'];
export type Site = CollectionEntry<'site'>['data'];

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

/** The published therapists, in order; one naming a missing service fails the build. */
export async function getTherapists(): Promise<Therapist[]> {
  const therapists = await getCollection('therapists', ({ data }) => !data.draft);
  await checkReferences(
    therapists,
    'therapists',
    'techniques',
    ({ data }) => data.techniques,
    'services',
  );
  return therapists.sort(byOrder);
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

/** An entry naming others by `reference()`, with the file it is in. */
interface Referring {
  id: string;
  filePath?: string | undefined;
}

/**
 * Astro's `reference()` does not check that the entry it names exists: each name in `field` of
 * each entry must be one of `known`, or the build fails naming the entry's file.
 */
async function checkReferences<Entry extends Referring>(
  entries: Entry[],
  folder: string,
  field: string,
  names: (entry: Entry) => { id: string }[],
  target: 'services' | 'faqCategories',
): Promise<void> {
  const known = new Set((await getCollection(target)).map(({ id }) => id));
  const where =
    target === 'services' ? 'src/content/services/{}.mdx' : 'src/content/faq-categories/{}.yaml';
  const problems = entries.flatMap((entry) =>
    names(entry)
      .filter(({ id }) => !known.has(id))
      .map(
        ({ id }) =>
          `${entry.filePath ?? `src/content/${folder}/${entry.id}.mdx`}: ${field}: there is no ${target === 'services' ? 'service' : 'FAQ category'} "${id}" (${where.replace('{}', id)})`,
      ),
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** The questions; one naming a missing category or service fails the build, naming its file. */
export async function getQuestions(): Promise<Question[]> {
  const questions = await getCollection('faq');
  await checkReferences(
    questions,
    'faq',
    'category',
    ({ data }) => [data.category],
    'faqCategories',
  );
  await checkReferences(questions, 'faq', 'services', ({ data }) => data.services, 'services');
  return questions.sort(byOrder);
}

export interface QuestionGroup {
  /** The category's file name, and the section's anchor on the FAQ page. */
  category: string;
  heading: string;
  questions: Question[];
}

/** Questions grouped by category, in the categories' order; empty groups left out. */
export async function getQuestionGroups(): Promise<QuestionGroup[]> {
  const [questions, categories] = await Promise.all([
    getQuestions(),
    getCollection('faqCategories'),
  ]);
  return categories
    .sort(byOrder)
    .map(({ id, data }) => ({
      category: id,
      heading: data.heading,
      questions: questions.filter(({ data: question }) => question.category.id === id),
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

export async function getSite(): Promise<Site> {
  const site = await getEntry('site', 'site');
  if (!site) throw new Error('src/content/settings/site.yaml is missing');
  return site.data;
}

/** The collection each page's file is in (`src/content.config.ts`). */
const PAGE_COLLECTIONS = {
  home: 'homePage',
  services: 'servicesPage',
  pricing: 'pricingPage',
  insurance: 'insurancePage',
  'hsa-fsa': 'hsaFsaPage',
  faq: 'faqPage',
  book: 'bookPage',
  contact: 'contactPage',
  therapists: 'therapistsPage',
  'your-visit': 'yourVisitPage',
  privacy: 'privacyPage',
  accessibility: 'accessibilityPage',
  'not-found': 'notFoundPage',
} as const satisfies Record<PageId, string>;

export type Page<Id extends PageId = PageId> = CollectionEntry<(typeof PAGE_COLLECTIONS)[Id]>;

/** The words of one page (`src/content/pages/<id>.mdx`). */
export async function getPage<Id extends PageId>(id: Id): Promise<Page<Id>> {
  const page = await getEntry(PAGE_COLLECTIONS[id], id);
  if (!page) throw new Error(`src/content/pages/${id}.mdx is missing`);
  return page as Page<Id>;
}
