/**
 * The checks the CMS runs before it saves and again before it publishes, over every language's
 * column of an entry: `columnsOf` walks the entry and each of its translations, and every rule is
 * applied to each column it yields, so no rule can hold for the main language alone.
 */
import type { CmsEventListener } from 'decap-cms-core';
import { store } from 'decap-cms-core/dist/esm/redux';
import { isDay, todayIn } from '../lib/dates';
import type { Language } from '../schemas/languages';
import { duplicateDurationProblems } from '../schemas/pricing';
import { unmetRequirements } from '../schemas/fields';
import { isEmptyTranslation, wordsOf } from '../schemas/translation';
import { collectionLanguage, languageLabel, type CmsLanguages } from './config';
import { refusal, unpublishedReferences } from './guards';
import { clinicTimeZone } from './previews';
import { publishedEntries, type PublishedEntry } from './published-entries';
import { contentSchemas, type ContentName } from '../collections';
import { entryProblems, prepareForSave, translationProblems, type EntryData } from './validate';

export type Entry = Parameters<CmsEventListener['handler']>[0]['entry'];

/** One language's column of the entry open in the editor. */
interface Column {
  language: Language;
  /**
   * The main language's column: the entry's own data, what is set once included. False for a
   * translation beside it, and for a language's own pages and settings (`pages-es`).
   */
  main: boolean;
  /** As typed (the body unescaped, cleared fields still there). */
  data: EntryData;
}

/** The content (schema) an entry holds, or undefined for a collection without one. */
function contentName(entry: Entry): ContentName | undefined {
  const collection = String(entry.get('collection'));
  // A file of the settings or pages collection (in any language) is known by its file name.
  const name = /^(settings|pages)(-|$)/.test(collection) ? String(entry.get('slug')) : collection;
  return name in contentSchemas ? (name as ContentName) : undefined;
}

function dataAt(entry: Entry, path: string[]): EntryData | undefined {
  return (entry.getIn(path) as { toJS(): EntryData } | undefined)?.toJS();
}

/**
 * Every column of `entry` that holds words: the main language's (always), then each other
 * language's in a folder collection (Decap's `i18n.<code>.data`) unless it is still empty
 * (`isEmptyTranslation`: not translated yet, no file). A language's own pages or settings are one
 * column, in that language.
 */
function columnsOf(entry: Entry, languages: CmsLanguages): Column[] {
  const own = collectionLanguage(languages, String(entry.get('collection')));
  const data = dataAt(entry, ['data']) ?? {};
  if (own) return [{ language: own, main: false, data }];
  const translations = languages.others.flatMap((language) => {
    const translation = dataAt(entry, ['i18n', language.code, 'data']);
    return !translation || isEmptyTranslation(translation, String(translation.body ?? ''))
      ? []
      : [{ language, main: false, data: translation }];
  });
  return [{ language: languages.main, main: true, data }, ...translations];
}

const column = (language: Language) =>
  `in the ${languageLabel(language)} column (${language.code.toUpperCase()})`;

/** The main language's file of an entry (`src/content/pricing/60-minutes.mdx` → `…/en/…`). */
function mainFile(languages: CmsLanguages, path: string): string {
  // With several languages Decap names an entry by its path without the language folder
  // (decap-cms-core `normalizeFilePath`); the file is in the main language's.
  const folder = `/${languages.main.code}/`;
  return languages.others.length === 0 || path.includes(folder)
    ? path
    : path.replace(/\/([^/]+)$/, `${folder}$1`);
}

/** The rules that span entries: one price tier per session length (`published`: the others). */
function collectionProblems(
  entry: Entry,
  languages: CmsLanguages,
  data: EntryData,
  published: PublishedEntry[],
): string[] {
  const path = mainFile(languages, String(entry.get('path') || 'src/content/pricing/(new entry)'));
  const others = published.filter((other) => mainFile(languages, other.path) !== path);
  const problems = duplicateDurationProblems([
    ...others.map((other) => ({
      file: mainFile(languages, other.path),
      durationMinutes: other.data['durationMinutes'],
    })),
    { file: path, durationMinutes: data['durationMinutes'] },
  ]);
  return problems.filter((problem) => problem.includes(path));
}

/**
 * A closure or a notice whose last day is over in the clinic's time zone would show nowhere: most
 * likely a year typed wrong. Only here, not in the build, which keeps the shipped examples (over).
 */
function overProblems(entry: Entry, data: EntryData): string[] {
  const zone = clinicTimeZone();
  const last = data['validThrough'];
  if (!zone || !['closures', 'notices'].includes(String(entry.get('collection')))) return [];
  if (typeof last !== 'string' || !isDay(last)) return [];
  const today = todayIn(zone);
  return last < today
    ? [
        `validThrough: ${last} is over (today is ${today} in the clinic’s time zone, ${zone}), so it would show nowhere: check the year`,
      ]
    : [];
}

/**
 * A translation's words changed in this draft and not ticked "Translation checked by a fluent
 * speaker": the production build refuses unchecked translations (src/launch/check.ts), so
 * publishing them would stop the published site, and its daily rebuild, from building. Words
 * unchanged since published are the build's business (before launch every shipped translation is
 * unchecked); a draft may be saved unticked.
 */
function uncheckedProblems({ language, data }: Column, before: EntryData | undefined): string[] {
  if (data['reviewed'] === true) return [];
  if (before?.['reviewed'] === true) {
    return [
      `reviewed: was checked by a fluent speaker; tick “Translation checked by a fluent speaker” again ${column(language)} (the published site is not built with unchecked translations)`,
    ];
  }
  if (JSON.stringify(wordsOf(data)) === JSON.stringify(wordsOf(before))) return [];
  return [
    `reviewed: its words are new or changed and not yet checked by a fluent speaker; tick “Translation checked by a fluent speaker” ${column(language)} (the published site is not built with unchecked translations)`,
  ];
}

/**
 * Each of `missing` (languages without words in this draft) whose published words were all
 * cleared. No file is written for a language without words (src/cms/formats.ts), so its published
 * file would stay as it was.
 */
function clearedTranslations(missing: Language[], published: PublishedEntry | undefined): string[] {
  return missing
    .filter(({ code }) => {
      const before = published?.i18n?.[code]?.data;
      return before && !isEmptyTranslation(before, String(before['body'] ?? ''));
    })
    .map(
      (language) =>
        `${language.tag}: entry: every word ${column(language)} was cleared, but its published page keeps its words (the CMS writes no empty file). Type the words again; to take this entry out of ${languageLabel(language)}, ask whoever runs the site to delete its file`,
    );
}

/** The main language's data, without the reviewed mark (a translation's: ignored there). */
const withoutReviewed = (data: EntryData): EntryData =>
  Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'reviewed')) as EntryData;

/**
 * Every problem of `entry` that the build, or the production build, would refuse, each as
 * `[<BCP 47 tag>: ]<field path>: <message>` (the tag for another language's column of a folder
 * collection). `action` `published` adds what only publishing must satisfy: every entry named is
 * published, every changed translation is checked.
 */
async function entryIssues(
  entry: Entry,
  languages: CmsLanguages,
  action: 'saved' | 'published',
): Promise<string[]> {
  const name = contentName(entry);
  if (!name) return [];
  const columns = columnsOf(entry, languages);
  const collection = String(entry.get('collection'));
  const slug = String(entry.get('slug'));
  // The published entries are read (through the backend) only when a rule needs them.
  let listed: Promise<PublishedEntry[]> | undefined;
  const publishedOfCollection = () => (listed ??= publishedEntries(collection));
  const publishedEntry = async () =>
    (await publishedOfCollection()).find((other) => other.slug === slug);
  const mainData = columns.find((shown) => shown.main)?.data;
  const main = mainData && withoutReviewed(prepareForSave(mainData));
  const problems = await Promise.all(
    columns.map(async (shown) => {
      const data = shown.main ? (main ?? {}) : prepareForSave(shown.data);
      const found = [
        ...(shown.main ? entryProblems(name, data) : translationProblems(name, data, main)),
        ...overProblems(entry, data),
        ...(action === 'published' ? await unpublishedReferences(name, data) : []),
      ];
      // What the production build requires (a condition page approved by its reviewer): publishing
      // it unmet would stop the published site, and its daily rebuild, from building.
      if (action === 'published' && shown.main) {
        found.push(
          ...unmetRequirements(contentSchemas[name], data).map(
            ([field, why]) => `${field}: ${why} (the published site is not built with it)`,
          ),
        );
      }
      if (action === 'published' && !shown.main) {
        const published = await publishedEntry();
        const before = main ? published?.i18n?.[shown.language.code]?.data : published?.data;
        found.push(...uncheckedProblems(shown, before));
      }
      // A translation beside the main column says which; a language's own file is one column.
      return main && !shown.main
        ? found.map((problem) => `${shown.language.tag}: ${problem}`)
        : found;
    }),
  );
  // Languages of a folder collection's entry with no words in this draft.
  const missing = main
    ? languages.others.filter(({ code }) => !columns.some((shown) => shown.language.code === code))
    : [];
  return [
    ...problems.flat(),
    ...(main && collection === 'pricing'
      ? collectionProblems(entry, languages, main, await publishedOfCollection())
      : []),
    ...(missing.length > 0 ? clearedTranslations(missing, await publishedEntry()) : []),
  ];
}

interface FieldLike {
  get(key: string): unknown;
}
interface ListLike {
  find(predicate: (field: FieldLike) => boolean): FieldLike | undefined;
}

/** The CMS fields of an entry's collection, or of its file in a files collection (Decap's store). */
function fieldsOf(entry: Entry): ListLike | undefined {
  const collection = store.getState().collections.get(String(entry.get('collection'))) as
    FieldLike | undefined;
  const files = collection?.get('files') as ListLike | undefined;
  const file = files?.find((candidate) => candidate.get('name') === entry.get('slug'));
  return ((file ?? collection)?.get('fields') as ListLike | undefined) ?? undefined;
}

/**
 * A problem in staff's words: `validThrough: must be…` → `Last day – validThrough: must be…`, the
 * label from the CMS's own configuration of the entry's collection (or file); a nested field
 * (`address.street`) by each of its labels; another language's column by its name
 * (`es-US: …` → `Español (ES) – …`).
 */
function inStaffWords(entry: Entry, languages: CmsLanguages, problem: string): string {
  const match = /^((?:[a-z]{2,3}-[A-Z]{2}: )?)([\w.]+): ([\s\S]*)$/.exec(problem);
  if (!match) return problem;
  const [, prefix = '', path = '', message = ''] = match;
  const tag = prefix.slice(0, -2);
  const other = languages.others.find((language) => language.tag === tag);
  const language = other ? `${languageLabel(other)} (${other.code.toUpperCase()}) – ` : prefix;
  if (path === 'entry') return `${language}${message}`;
  let fields = fieldsOf(entry);
  const labels: string[] = [];
  for (const name of path.split('.')) {
    if (/^\d+$/.test(name)) continue;
    const field = fields?.find((candidate) => candidate.get('name') === name);
    if (!field) return problem;
    labels.push(String(field.get('label') ?? name));
    fields = (field.get('fields') as ListLike | undefined) ?? undefined;
  }
  return `${language}${labels.join(' › ')} – ${path}: ${message}`;
}

/**
 * Refuses an entry the build would reject, naming each column, field and rule.
 * @throws Error `This entry cannot be <action> yet. <problem>; <problem>…` in staff's words.
 */
export async function refuseInvalid(
  entry: Entry,
  languages: CmsLanguages,
  action: 'saved' | 'published',
): Promise<void> {
  const problems = await entryIssues(entry, languages, action);
  if (problems.length > 0) {
    const words = problems.map((problem) => inStaffWords(entry, languages, problem));
    throw refusal(`This entry cannot be ${action} yet. ${words.join('; ')}`);
  }
}
