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
import {
  COLLECTIONS,
  contentSchemas,
  folderOf,
  pageFileName,
  type CollectionName,
  type ContentName,
  type SettingsName,
} from '../collections';
import { REFERENCE_FIELDS, valuesAt } from './references';
import { LANGUAGES } from '../i18n/languages';
import { isDiscountOrWellness } from '../schemas/insurance';
import type { Language } from '../schemas/languages';
import { pageCollection, type PageCollection, type PageId } from '../schemas/pages';
import { duplicateDurationProblems } from '../schemas/pricing';
import { asciiSlug, slugSource, translationMetaSchema } from '../schemas/translation-meta';
import {
  hasWordsToTranslate,
  isEmptyTranslation,
  isMissingWord,
  translate,
} from '../schemas/translation';

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
type Localized<Entry> = Entry & { language: Language; source?: TranslationSource };

type Entry = { id: string; data: unknown; filePath?: string | undefined };

const cache = new Map<string, Promise<unknown>>();
const warned = new Set<string>();

/** Says `message` on the build's console, once. */
export function warnOnce(message: string): void {
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
  language: Language,
  required = false,
): Promise<Localized<E> | undefined> {
  if (language.code === LANGUAGES.main.code) return { ...entry, language };
  const folder = folderOf(schema);
  const found = (await translationFiles()).get(`${folder}/${language.code}/${entry.id}`);
  const translation =
    found && !isEmptyTranslation({ ...found.data }, found.body) ? found : undefined;
  if (!translation) {
    // An entry with no words (a plan without a note, a price tier) needs no translation.
    if (!hasWordsToTranslate(contentSchemas[schema], entry.data)) return { ...entry, language };
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
  // A settings file is needed in every language: a word it lacks is named, not a gap.
  if (problems.length > 0 && required) throw new Error(`${file}\n  ${problems.join('\n  ')}`);
  if (problems.length > 0) {
    // A word added in the main language since (a new picture's description): not in this
    // language until it is translated, rather than half in one language or a failed build.
    warnOnce(`Not in ${language.tag} until translated: ${file}: ${problems.join('; ')}`);
    return undefined;
  }
  const title = slugSource(data as Record<string, unknown>);
  return {
    ...entry,
    data,
    // The text in this language (the FAQ's structured data reads the body).
    ...('body' in entry && { body: translation.body ?? '' }),
    language,
    source: {
      translation,
      slug: meta.data?.slug ?? (title === undefined ? undefined : asciiSlug(title)),
      reviewed: meta.data?.reviewed === true,
    },
  } as Localized<E>;
}

/** Each entry of `entries` in `language`, the untranslated left out. */
async function localizeAll<E extends Entry>(
  entries: E[],
  schema: ContentName,
  language: Language,
): Promise<Localized<E>[]> {
  const localized: (Localized<E> | undefined)[] = await Promise.all(
    entries.map((entry) => localize(entry, schema, language)),
  );
  return localized.filter((entry) => entry !== undefined);
}

/** An entry of collection `Name` in one language. */
export type EntryOf<Name extends CollectionName> = Localized<CollectionEntry<Name>>;
export type Service = EntryOf<'services'>;
export type Benefit = EntryOf<'benefits'>;
export type Tier = EntryOf<'pricing'>;
export type Question = EntryOf<'faq'>;
export type Plan = EntryOf<'insurance'>;
export type Therapist = EntryOf<'therapists'>;
export type Condition = EntryOf<'conditions'>;
export type FaqCategory = EntryOf<'faqCategories'>;
export type Testimonial = EntryOf<'testimonials'>;
/**
 * A location as the pages show it: its entry in the page's language, with what it takes from the
 * clinic where it sets nothing of its own, and who works there.
 */
export type Location = EntryOf<'locations'> & {
  /** Its own phone number, else the clinic's (`clinic.yaml`). */
  phone: string;
  /** Its own email address, else the clinic's. */
  email: string;
  /** Its own Cal.com username or team link, else the clinic's (`booking.yaml`). */
  calLink: string;
  /** The published therapists who work there: those naming it, and those naming no location. */
  therapists: Therapist[];
};
export type Clinic = CollectionEntry<'clinic'>['data'];
export type Booking = CollectionEntry<'booking'>['data'];
/** The words every page shares, and the page's language tag (`en-US`) for `Intl`. */
export type Site = CollectionEntry<'site'>['data'] & { language: string };

/** Entries in their `order` (1 first) where their schema has one; else as they are. */
function inOrder<E extends { data: unknown }>(entries: E[]): E[] {
  const orderOf = ({ data }: E) => (data as { order?: unknown }).order;
  return entries.every((entry) => typeof orderOf(entry) === 'number')
    ? entries.sort((a, b) => (orderOf(a) as number) - (orderOf(b) as number))
    : entries;
}

/** `a service` → `service`: the registry's name of one entry, without its article. */
const entryNoun = (name: CollectionName) =>
  (COLLECTIONS[name] as { entryName?: string }).entryName?.replace(/^an? /, '') ?? name;

/**
 * Astro's `reference()` does not check that the entry it names exists: each name in each reference
 * field of `holder`'s schema (src/lib/references.ts) must be an entry of the collection it names.
 * @throws Error listing each, `<file>: <field>: there is no <entry> "<name>" (<its file>)`.
 */
async function checkReferences(
  holder: CollectionName,
  entries: { id: string; filePath?: string | undefined; data: unknown }[],
): Promise<void> {
  const main = LANGUAGES.main.code;
  const fields = REFERENCE_FIELDS.filter((field) => field.holder === holder);
  const problems = await Promise.all(
    fields.map(async ({ path, target }) => {
      const name = target as CollectionName;
      const known = new Set((await getCollection(name)).map(({ id }) => id));
      const { folder, format } = COLLECTIONS[name];
      return entries.flatMap((entry) =>
        valuesAt(entry.data, path)
          .map((value) => (value as { id: string }).id)
          .filter((id) => !known.has(id))
          .map(
            (id) =>
              `${entry.filePath ?? `src/content/${folderOf(holder)}/${main}/${entry.id}`}: ${path.join('.')}: there is no ${entryNoun(name)} "${id}" (src/content/${folder}/${main}/${id}.${format})`,
          ),
      );
    }),
  );
  if (problems.flat().length > 0) throw new Error(problems.flat().join('\n'));
}

/**
 * The entries of collection `name` visitors see, in `where`'s language: drafts left out (a
 * collection with `draft` in the registry), in their `order`, only those translated into the
 * language. An entry naming one that does not exist fails the build, naming its file.
 */
export async function getEntries<Name extends CollectionName>(
  name: Name,
  where: In,
): Promise<EntryOf<Name>[]> {
  const language = languageOf(where);
  return once(`${name}:${language.code}`, async () => {
    const all: CollectionEntry<Name>[] = await getCollection(name);
    const published = COLLECTIONS[name].draft
      ? all.filter(({ data }) => (data as { draft?: boolean }).draft !== true)
      : all;
    await checkReferences(name, published);
    return inOrder(await localizeAll(published, name, language)) as EntryOf<Name>[];
  });
}

export async function getServices(where: In): Promise<Service[]> {
  return getEntries('services', where);
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
  return getEntries('benefits', where);
}

/** The price tiers, shortest first. Two tiers of one length fail the build, naming both files. */
export async function getTiers(where: In): Promise<Tier[]> {
  const language = languageOf(where);
  return once(`tiers:${language.code}`, async () => {
    const tiers = await getCollection('pricing');
    const problems = duplicateDurationProblems(
      tiers.map(({ id, filePath, data }) => ({
        file: filePath ?? `src/content/pricing/${LANGUAGES.main.code}/${id}`,
        durationMinutes: data.durationMinutes,
      })),
    );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const localized = await getEntries('pricing', language);
    return [...localized].sort((a, b) => a.data.durationMinutes - b.data.durationMinutes);
  });
}

export interface BookableTier {
  tier: Tier;
  booking: TierBooking;
}

/**
 * The tiers, each with where it is booked in `where`'s language: its own Cal.com event where the
 * translation names one (`calEvent` may differ by language), else the main language's.
 */
export async function getBookableTiers(
  where: In,
  /** A location's Cal.com username or team link (`Location['calLink']`); else booking.yaml's. */
  calLink?: string,
): Promise<BookableTier[]> {
  const language = languageOf(where);
  const [tiers, booking, mainTiers] = await Promise.all([
    getTiers(language),
    getBooking(language),
    language.code === LANGUAGES.main.code ? undefined : getTiers(LANGUAGES.main),
  ]);
  const all = tiers.map(({ data }) => data);
  return tiers.map((tier) => ({
    tier,
    booking: tierBooking(
      calLink === undefined ? booking : { ...booking, calLink },
      tier.data,
      all,
      mainTiers?.find(({ id }) => id === tier.id)?.data.calEvent,
    ),
  }));
}

/** The published therapists, in order; one naming a missing service fails the build. */
export async function getTherapists(where: In): Promise<Therapist[]> {
  return getEntries('therapists', where);
}

/**
 * The clinic's locations in `where`'s language, in their `order` (the first is the main location),
 * each with its phone, email and Cal.com link resolved and its therapists. A location not
 * translated into the language is left out (the build says so); none at all fails the build.
 */
export async function getLocations(where: In): Promise<Location[]> {
  const language = languageOf(where);
  return once(`locations+:${language.code}`, async () => {
    const [locations, clinic, booking, therapists] = await Promise.all([
      getEntries('locations', language),
      getClinic(language),
      getBooking(language),
      getTherapists(language),
    ]);
    if (locations.length === 0) {
      throw new Error(
        `src/content/locations/${language.code}: the clinic needs at least one location (in ${language.tag})`,
      );
    }
    return locations.map((location) => ({
      ...location,
      phone: location.data.phone ?? clinic.phone,
      email: location.data.email ?? clinic.email,
      calLink: location.data.calLink ?? booking.calLink,
      therapists: therapists.filter(
        ({ data }) =>
          data.locations.length === 0 || data.locations.some(({ id }) => id === location.id),
      ),
    }));
  });
}

/** The clinic's main location (the first in `order`), in `where`'s language. */
export async function getMainLocation(where: In): Promise<Location> {
  const [main] = await getLocations(where);
  return main!;
}

/**
 * Whether the clinic has two or more locations (in the main language): only then are the
 * locations pages built, and do the footer, contact, booking and therapists pages and the
 * structured data tell the locations apart. With one, the site is as it was before locations.
 */
export async function hasSeveralLocations(): Promise<boolean> {
  return (await getLocations(LANGUAGES.main)).length > 1;
}

/**
 * Whether a closure or notice naming `named` locations applies at location `id`: it names none
 * (every location), or names it.
 */
export const appliesAt = (named: readonly { id: string }[], id: string): boolean =>
  named.length === 0 || named.some((location) => location.id === id);

export async function getPlans(where: In): Promise<Plan[]> {
  return getEntries('insurance', where);
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

/** The questions; one naming a missing category or service fails the build, naming its file. */
export async function getQuestions(where: In): Promise<Question[]> {
  return getEntries('faq', where);
}

export interface QuestionGroup {
  /** The category's file name, and the section's anchor on the FAQ page. */
  category: string;
  heading: string;
  questions: Question[];
}

/** The FAQ categories in `where`'s language, in their order; the untranslated left out. */
export async function getFaqCategories(where: In): Promise<FaqCategory[]> {
  return getEntries('faqCategories', where);
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

export async function getConditions(where: In): Promise<Condition[]> {
  return getEntries('conditions', where);
}

/** The conditions whose pages name service `serviceId` among the services that help. */
export async function getConditionsFor(where: In, serviceId: string): Promise<Condition[]> {
  const conditions = await getConditions(where);
  return conditions.filter(({ data }) => data.services.some(({ id }) => id === serviceId));
}

export async function getQuestionsFor(where: In, serviceId: string): Promise<Question[]> {
  const questions = await getQuestions(where);
  return questions.filter(({ data }) => data.services.some((service) => service.id === serviceId));
}

/**
 * The clients' quotes in `where`'s language, in their order (the home page shows them all); none
 * when the clinic has none. One naming a missing service fails the build, naming its file.
 */
export async function getTestimonials(where: In): Promise<Testimonial[]> {
  return getEntries('testimonials', where);
}

/** The quotes that name service `serviceId`, for its page. */
export async function getTestimonialsFor(where: In, serviceId: string): Promise<Testimonial[]> {
  const testimonials = await getTestimonials(where);
  return testimonials.filter(({ data }) => data.services.some(({ id }) => id === serviceId));
}

/** A settings file in `language`; one missing in a language of the site fails the build. */
async function getSetting<Name extends SettingsName>(
  name: Name,
  where: In,
): Promise<CollectionEntry<Name>['data']> {
  const language = languageOf(where);
  return once(`${name}:${language.code}`, async () => {
    const entry = await getEntry(name, name);
    const file = (code: string) => `src/content/settings/${code}/${name}.yaml`;
    if (!entry) throw new Error(`${file(LANGUAGES.main.code)} is missing`);
    const localized = await localize(entry as Entry, name, language, true);
    if (!localized) {
      throw new Error(
        `${file(language.code)} is missing: every language of the site (${language.tag}, in src/content/settings/languages.yaml) needs its words`,
      );
    }
    return localized.data as CollectionEntry<Name>['data'];
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
 * `where`'s language; with `location` (a location's id), only those that apply there
 * (`appliesAt`). One whose reason is not translated yet is still listed in that language,
 * without its reason: the days are facts a visitor must not miss.
 */
export async function getClosures(where: In, location?: string): Promise<Closure[]> {
  const language = languageOf(where);
  const [today, all] = await Promise.all([getSiteDate(), getCollection('closures')]);
  await checkReferences('closures', all);
  const current = all.filter(
    ({ data }) =>
      data.validThrough >= today && (location === undefined || appliesAt(data.locations, location)),
  );
  const closures = await Promise.all(
    current.map(
      async (entry): Promise<Closure> =>
        (await localize(entry, 'closures', language)) ?? {
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
 * in the next `CLOSURES_AHEAD_WEEKS` weeks, at `location` when given (`getClosures`). (The
 * structured data lists every one not over.)
 */
export async function getUpcomingClosures(where: In, location?: string): Promise<Closure[]> {
  const [closures, today] = await Promise.all([getClosures(where, location), getSiteDate()]);
  const horizon = addDays(today, CLOSURES_AHEAD_WEEKS * 7);
  return closures.filter(({ data }) => data.validFrom <= horizon);
}

/** Notices running on the site's day (first to last day included), in `where`'s language. */
export async function getNotices(where: In): Promise<Notice[]> {
  const language = languageOf(where);
  const [today, all] = await Promise.all([getSiteDate(), getCollection('notices')]);
  await checkReferences('notices', all);
  const running = all.filter(({ data }) => data.validFrom <= today && today <= data.validThrough);
  return (await localizeAll(running, 'notices', language)).sort(byFirstDay);
}

export type Page<Id extends PageId = PageId> = Localized<CollectionEntry<PageCollection<Id>>>;

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
    const page = await getEntry(pageCollection(id), id);
    if (!page) throw new Error(`src/content/pages/${LANGUAGES.main.code}/${id}.mdx is missing`);
    return (await localize(page as Entry, pageFileName(id), language)) as Page<Id> | undefined;
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
