/**
 * Queries shared by pages, in the language of the page asking: each takes the page's `Astro` (its
 * language is `Astro.locals.language`, the main language when unset) or a `Language`. Every list
 * comes back in the order visitors see it, drafts left out, and, in a language other than the
 * main one, only the entries translated into it, each with its words laid over the main entry
 * (`src/schemas/translation.ts`): a price or a phone number is set once.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { tierBooking, type TierBooking } from './booking';
import { addDays, siteDate, type Day } from './dates';
import { contentSchemas, pageFileName, type ContentName } from '../cms/schemas';
import { LANGUAGES } from '../i18n/languages';
import { isDiscountOrWellness } from '../schemas/insurance';
import type { Language } from '../schemas/languages';
import type { PageId } from '../schemas/pages';
import { duplicateDurationProblems } from '../schemas/pricing';
import { asciiSlug, translationMetaSchema } from '../schemas/translation-meta';
import { isEmptyTranslation, isMissingWord, pickWords, translate } from '../schemas/translation';

/** A page's language, or the language itself: what every query here takes. */
export type In = Language | { locals: App.Locals };

/** The language of `where`: a `Language`, or a page's (`Astro.locals.language`, else the main one). */
export function languageOf(where: In): Language {
  return 'locals' in where ? (where.locals.language ?? LANGUAGES.main) : where;
}

/** The translation file an entry is laid over, and what it says of itself. */
interface TranslationSource {
  translation: CollectionEntry<'translations'>;
  /** The URL segment of the entry in its language (pages and services). */
  slug: string | undefined;
  reviewed: boolean;
}

/** An entry in one language: the main entry's data with the translation's words. */
export type Localized<Entry> = Entry & { language: Language; source?: TranslationSource };

type Entry = { id: string; data: unknown; filePath?: string | undefined };

/** Content folders (`src/content/<folder>/`) by the CMS's name of their schema. */
const FOLDERS = {
  services: 'services',
  benefits: 'benefits',
  pricing: 'pricing',
  faq: 'faq',
  faqCategories: 'faq-categories',
  insurance: 'insurance',
  therapists: 'therapists',
  closures: 'closures',
  notices: 'notices',
  clinic: 'settings',
  booking: 'settings',
  site: 'settings',
} as const satisfies Partial<Record<ContentName, string>>;

const cache = new Map<string, Promise<unknown>>();
const warned = new Set<string>();

/** Says `message` on the build's console, once. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Once per build, `compute` for `key` (collections are read and translations checked once, not
 * once per page: the build stays linear in the content). In `astro dev` content changes while the
 * server runs, so nothing is kept.
 */
export function once<Value>(key: string, compute: () => Promise<Value>): Promise<Value> {
  if (import.meta.env.DEV) return compute();
  let value = cache.get(key) as Promise<Value> | undefined;
  if (!value) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/**
 * Every translation file by its id (`services/es/trigger-point-therapy`), read once per build:
 * `getEntry` would log a warning for each entry not translated (yet).
 */
function translationFiles(): Promise<Map<string, CollectionEntry<'translations'>>> {
  return once('translations', async () => {
    const files = await getCollection('translations');
    return new Map(files.map((file) => [file.id, file]));
  });
}

/**
 * `entry` in `language`: itself in the main language; else laid over by
 * `src/content/<folder>/<code>/<name>`, or undefined when there is none (not published in that
 * language). A translation with a problem fails the build, naming its file and each field.
 */
async function localize<E extends Entry>(
  entry: E,
  schema: ContentName,
  folder: string,
  language: Language,
): Promise<Localized<E> | undefined> {
  if (language.code === LANGUAGES.main.code) return { ...entry, language };
  const found = (await translationFiles()).get(`${folder}/${language.code}/${entry.id}`);
  const translation =
    found && !isEmptyTranslation({ ...found.data }, found.body) ? found : undefined;
  if (!translation) {
    // An entry with no words (a plan without a note, a price tier) needs no translation.
    const words = pickWords(contentSchemas[schema], entry.data);
    const nothingToTranslate =
      words === undefined ||
      (words !== null && typeof words === 'object' && Object.keys(words).length === 0);
    if (nothingToTranslate) return { ...entry, language };
    warnOnce(
      `Not in ${language.tag} (no translation yet): ${entry.filePath ?? `src/content/${folder}/${LANGUAGES.main.code}/${entry.id}`}`,
    );
    return undefined;
  }
  const file = translation.filePath ?? `src/content/${folder}/${language.code}/${entry.id}`;
  // Spread first: Astro puts a non-enumerable `slug` getter that logs an error on entries without one.
  const { slug, reviewed, ...words } = { ...translation.data };
  const meta = translationMetaSchema.safeParse({ slug, reviewed });
  const mainFile = entry.filePath ?? `src/content/${folder}/${LANGUAGES.main.code}/${entry.id}`;
  const { data, problems } = translate(contentSchemas[schema], entry.data, words, mainFile);
  if (!meta.success) {
    problems.unshift(
      ...meta.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`),
    );
  }
  const invalid = problems.filter((problem) => !isMissingWord(problem));
  if (invalid.length > 0) throw new Error(`${file}\n  ${invalid.join('\n  ')}`);
  if (problems.length > 0) {
    // A word added in the main language since (a new picture's description): not in this
    // language until it is translated, rather than half in one language or a failed build.
    warnOnce(`Not in ${language.tag} until translated: ${file}: ${problems.join('; ')}`);
    return undefined;
  }
  const title = (data as { title?: unknown }).title;
  return {
    ...entry,
    data,
    // The text in this language (the FAQ's structured data reads the body).
    ...('body' in entry && { body: translation.body ?? '' }),
    language,
    source: {
      translation,
      slug: meta.data?.slug ?? (typeof title === 'string' ? asciiSlug(title) : undefined),
      reviewed: meta.data?.reviewed === true,
    },
  } as Localized<E>;
}

/** Each entry of `entries` in `language`, the untranslated left out. */
async function localizeAll<E extends Entry>(
  entries: E[],
  schema: ContentName,
  folder: string,
  language: Language,
): Promise<Localized<E>[]> {
  const localized: (Localized<E> | undefined)[] = await Promise.all(
    entries.map((entry) => localize(entry, schema, folder, language)),
  );
  return localized.filter((entry) => entry !== undefined);
}

export type Service = Localized<CollectionEntry<'services'>>;
export type Benefit = Localized<CollectionEntry<'benefits'>>;
export type Tier = Localized<CollectionEntry<'pricing'>>;
export type Question = Localized<CollectionEntry<'faq'>>;
export type Plan = Localized<CollectionEntry<'insurance'>>;
export type Therapist = Localized<CollectionEntry<'therapists'>>;
export type Clinic = CollectionEntry<'settings'>['data'];
export type Booking = CollectionEntry<'booking'>['data'];
/** The words every page shares, and the page's language tag (`en-US`) for `Intl`. */
export type Site = CollectionEntry<'site'>['data'] & { language: string };

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) =>
  a.data.order - b.data.order;

export async function getServices(where: In): Promise<Service[]> {
  const language = languageOf(where);
  return once(`services:${language.code}`, async () => {
    const services = await getCollection('services', ({ data }) => !data.draft);
    return (await localizeAll(services, 'services', FOLDERS.services, language)).sort(byOrder);
  });
}

/**
 * How many other services a technique's page links to under "related": as many as the clinic has
 * today. Every page listing every other service made each page grow with the number of services,
 * and the build with its square (npm run bench, content ×100: 700 pages of 270 KB each).
 */
const RELATED_SERVICES = 6;

/** The services a service's page shows as related: every technique for the treatment, else six. */
export function relatedServices(service: Service, services: Service[]): Service[] {
  const others = services.filter((other) => other.id !== service.id);
  return service.data.kind === 'treatment' ? others : others.slice(0, RELATED_SERVICES);
}

/** The complete treatment (kind "treatment"); the others are the modalities it uses. */
export async function getMainTreatment(where: In): Promise<Service> {
  const treatment = (await getServices(where)).find(({ data }) => data.kind === 'treatment');
  if (!treatment) {
    throw new Error(
      `src/content/services/${languageOf(where).code}: no published service has kind "treatment"`,
    );
  }
  return treatment;
}

export async function getBenefits(where: In): Promise<Benefit[]> {
  const language = languageOf(where);
  return once(`benefits:${language.code}`, async () =>
    (
      await localizeAll(await getCollection('benefits'), 'benefits', FOLDERS.benefits, language)
    ).sort(byOrder),
  );
}

/** The price tiers, shortest first. Two tiers of one length fail the build, naming both files. */
export async function getTiers(where: In): Promise<Tier[]> {
  const language = languageOf(where);
  return once(`pricing:${language.code}`, async () => {
    const tiers = await getCollection('pricing');
    const problems = duplicateDurationProblems(
      tiers.map(({ id, filePath, data }) => ({
        file: filePath ?? `src/content/pricing/${LANGUAGES.main.code}/${id}`,
        durationMinutes: data.durationMinutes,
      })),
    );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const localized = await localizeAll(tiers, 'pricing', FOLDERS.pricing, language);
    return localized.sort((a, b) => a.data.durationMinutes - b.data.durationMinutes);
  });
}

export interface BookableTier {
  tier: Tier;
  booking: TierBooking;
}

/** The tiers, each with where it is booked. */
export async function getBookableTiers(where: In): Promise<BookableTier[]> {
  const [tiers, booking] = await Promise.all([getTiers(where), getBooking(where)]);
  const all = tiers.map(({ data }) => data);
  return tiers.map((tier) => ({ tier, booking: tierBooking(booking, tier.data, all) }));
}

/** The published therapists, in order; one naming a missing service fails the build. */
export async function getTherapists(where: In): Promise<Therapist[]> {
  const language = languageOf(where);
  return once(`therapists:${language.code}`, async () => {
    const therapists = await getCollection('therapists', ({ data }) => !data.draft);
    await checkReferences(
      therapists,
      'therapists',
      'techniques',
      ({ data }) => data.techniques,
      'services',
    );
    return (await localizeAll(therapists, 'therapists', FOLDERS.therapists, language)).sort(
      byOrder,
    );
  });
}

export async function getPlans(where: In): Promise<Plan[]> {
  const language = languageOf(where);
  return once(`insurance:${language.code}`, async () =>
    (
      await localizeAll(await getCollection('insurance'), 'insurance', FOLDERS.insurance, language)
    ).sort(byOrder),
  );
}

export interface PlanGroups {
  healthPlans: Plan[];
  programs: Plan[];
}

export async function getPlanGroups(where: In): Promise<PlanGroups> {
  const plans = await getPlans(where);
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
  const main = LANGUAGES.main.code;
  const where =
    target === 'services'
      ? `src/content/services/${main}/{}.mdx`
      : `src/content/faq-categories/${main}/{}.yaml`;
  const problems = entries.flatMap((entry) =>
    names(entry)
      .filter(({ id }) => !known.has(id))
      .map(
        ({ id }) =>
          `${entry.filePath ?? `src/content/${folder}/${main}/${entry.id}.mdx`}: ${field}: there is no ${target === 'services' ? 'service' : 'FAQ category'} "${id}" (${where.replace('{}', id)})`,
      ),
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** The questions; one naming a missing category or service fails the build, naming its file. */
export async function getQuestions(where: In): Promise<Question[]> {
  const language = languageOf(where);
  return once(`faq:${language.code}`, async () => {
    const questions = await getCollection('faq');
    await checkReferences(
      questions,
      'faq',
      'category',
      ({ data }) => [data.category],
      'faqCategories',
    );
    await checkReferences(questions, 'faq', 'services', ({ data }) => data.services, 'services');
    return (await localizeAll(questions, 'faq', FOLDERS.faq, language)).sort(byOrder);
  });
}

export interface QuestionGroup {
  /** The category's file name, and the section's anchor on the FAQ page. */
  category: string;
  heading: string;
  questions: Question[];
}

export type FaqCategory = Localized<CollectionEntry<'faqCategories'>>;

/** The FAQ categories in `where`'s language, in their order; the untranslated left out. */
export async function getFaqCategories(where: In): Promise<FaqCategory[]> {
  const language = languageOf(where);
  const all = await getCollection('faqCategories');
  return (await localizeAll(all, 'faqCategories', FOLDERS.faqCategories, language)).sort(byOrder);
}

/** Questions grouped by category, in the categories' order; empty groups left out. */
export async function getQuestionGroups(where: In): Promise<QuestionGroup[]> {
  const language = languageOf(where);
  const [questions, categories] = await Promise.all([
    getQuestions(language),
    getFaqCategories(language),
  ]);
  return categories
    .map(({ id, data }) => ({
      category: id,
      heading: data.heading,
      questions: questions.filter(({ data: question }) => question.category.id === id),
    }))
    .filter((group) => group.questions.length > 0);
}

export async function getQuestionsFor(where: In, serviceId: string): Promise<Question[]> {
  const questions = await getQuestions(where);
  return questions.filter(({ data }) => data.services.some((service) => service.id === serviceId));
}

/** A settings file in `language`; one missing in a language of the site fails the build. */
async function getSetting<Name extends 'clinic' | 'booking' | 'site'>(
  name: Name,
  where: In,
): Promise<CollectionEntry<Name extends 'clinic' ? 'settings' : Name>['data']> {
  const language = languageOf(where);
  return once(`${name}:${language.code}`, async () => {
    const entry = await getEntry(name === 'clinic' ? 'settings' : name, name);
    const file = (code: string) => `src/content/settings/${code}/${name}.yaml`;
    if (!entry) throw new Error(`${file(LANGUAGES.main.code)} is missing`);
    const localized = await localize(entry as Entry, name, 'settings', language);
    if (!localized) {
      throw new Error(
        `${file(language.code)} is missing: every language of the site (${language.tag}, in src/content/settings/languages.yaml) needs its words`,
      );
    }
    return localized.data as CollectionEntry<Name extends 'clinic' ? 'settings' : Name>['data'];
  });
}

export async function getClinic(where: In): Promise<Clinic> {
  return getSetting('clinic', where);
}

export async function getBooking(where: In): Promise<Booking> {
  return getSetting('booking', where);
}

export async function getSite(where: In): Promise<Site> {
  const words = await getSetting('site', where);
  return { ...words, language: languageOf(where).tag };
}

/**
 * The day the site is built as of: `SITE_DATE` (`YYYY-MM-DD`) when set, else today in the clinic's
 * time zone (`siteDate` in src/lib/dates.ts). Once per build; on every request under `astro dev`.
 */
async function getSiteDate(): Promise<Day> {
  return once('siteDate', async () => siteDate((await getClinic(LANGUAGES.main)).timeZone));
}

export type Closure = Localized<CollectionEntry<'closures'>>;
export type Notice = Localized<CollectionEntry<'notices'>>;

const byFirstDay = (a: { data: { validFrom: Day } }, b: { data: { validFrom: Day } }) =>
  a.data.validFrom.localeCompare(b.data.validFrom);

/**
 * Closures and special hours not over by the site's day (`getSiteDate`), the soonest first, in
 * `where`'s language. One whose reason is not translated yet is still listed in that language,
 * without its reason: the days are facts a visitor must not miss.
 */
export async function getClosures(where: In): Promise<Closure[]> {
  const language = languageOf(where);
  const [today, all] = await Promise.all([getSiteDate(), getCollection('closures')]);
  const current = all.filter(({ data }) => data.validThrough >= today);
  const closures = await Promise.all(
    current.map(
      async (entry): Promise<Closure> =>
        (await localize(entry, 'closures', FOLDERS.closures, language)) ?? {
          ...entry,
          data: { ...entry.data, reason: '' },
          language,
        },
    ),
  );
  return closures.sort(byFirstDay);
}

/** How far ahead the pages that show opening hours list closures. */
const CLOSURES_AHEAD_WEEKS = 6;

/**
 * The closures visitors see beside the weekly hours: those under way on the site's day or starting
 * in the next `CLOSURES_AHEAD_WEEKS` weeks. (The structured data lists every one not over.)
 */
export async function getUpcomingClosures(where: In): Promise<Closure[]> {
  const [closures, today] = await Promise.all([getClosures(where), getSiteDate()]);
  const horizon = addDays(today, CLOSURES_AHEAD_WEEKS * 7);
  return closures.filter(({ data }) => data.validFrom <= horizon);
}

/** Notices running on the site's day (first to last day included), in `where`'s language. */
export async function getNotices(where: In): Promise<Notice[]> {
  const language = languageOf(where);
  const [today, all] = await Promise.all([getSiteDate(), getCollection('notices')]);
  const running = all.filter(({ data }) => data.validFrom <= today && today <= data.validThrough);
  return (await localizeAll(running, 'notices', FOLDERS.notices, language)).sort(byFirstDay);
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

export type Page<Id extends PageId = PageId> = Localized<
  CollectionEntry<(typeof PAGE_COLLECTIONS)[Id]>
>;

/**
 * The words of one page (`src/content/pages/<code>/<id>.mdx`) in the page's language, or undefined
 * for `optional` lookups of a page not translated into it.
 */
export async function findPage<Id extends PageId>(
  id: Id,
  where: In,
): Promise<Page<Id> | undefined> {
  const language = languageOf(where);
  return once(`page:${id}:${language.code}`, async () => {
    const page = await getEntry(PAGE_COLLECTIONS[id], id);
    if (!page) throw new Error(`src/content/pages/${LANGUAGES.main.code}/${id}.mdx is missing`);
    return (await localize(page as Entry, pageFileName(id), 'pages', language)) as
      Page<Id> | undefined;
  });
}

/** The words of one page in the page's language (a page is only built where it is translated). */
export async function getPage<Id extends PageId>(id: Id, where: In): Promise<Page<Id>> {
  const page = await findPage(id, where);
  if (!page) {
    throw new Error(
      `src/content/pages/${languageOf(where).code}/${id}.mdx is missing: this page is not translated into ${languageOf(where).tag}`,
    );
  }
  return page;
}
