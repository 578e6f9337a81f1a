/**
 * The /admin/ page: Decap CMS, bundled from the pinned npm package (no CDN), configured from the
 * content schemas, with the site's previews, editor components and the build's checks before an
 * entry is saved and again before it is published.
 */
import './node-globals';
import CMS from 'decap-cms-app';
import './admin.css';
import type { CmsEventListener } from 'decap-cms-core';
import { isDay, todayIn } from '../lib/dates';
import { duplicateDurationProblems } from '../schemas/pricing';
import { cmsConfig, languageLabel } from './config';
import { DayControl, DayPreview } from './day-widget';
import { bookTierComponent, calloutComponent } from './editor-components';
import { guardBackends, refuseDeleteWhileReferenced, unpublishedReferences } from './guards';
import { relationInMainLanguageOnly } from './relation';
import type { Language } from '../schemas/languages';
import { isEmptyTranslation, wordsOf } from '../schemas/translation';
import previewStyles from './preview.css?inline';
import { clinicTimeZone, cmsLanguages, previews } from './previews';
import { store } from 'decap-cms-core/dist/esm/redux';
import { publishedEntries } from './published-entries';
import { contentSchemas, type ContentName } from './schemas';
import {
  emptyFieldPaths,
  entryProblems,
  prepareForSave,
  translationProblems,
  type EntryData,
} from './validate';

type Entry = Parameters<CmsEventListener['handler']>[0]['entry'];

const local = ['localhost', '127.0.0.1'].includes(window.location.hostname);
const languages = cmsLanguages();

CMS.registerPreviewStyle(previewStyles, { raw: true });
for (const [name, template] of Object.entries(previews)) {
  CMS.registerPreviewTemplate(name, template);
}
CMS.registerWidget('day', DayControl, DayPreview);
CMS.registerEditorComponent(bookTierComponent);
relationInMainLanguageOnly(CMS, languages.main.code);
CMS.registerEditorComponent(calloutComponent);

/** The language of a collection: `pages-es` holds Spanish pages; every other, the main language's. */
function collectionLanguage(collection: string) {
  return languages.others.find(({ code }) => collection.endsWith(`-${code}`));
}

function contentName(entry: Entry): ContentName | undefined {
  const collection = String(entry.get('collection'));
  // A file of the settings or pages collection (in any language) is known by its file name.
  const name = /^(settings|pages)(-|$)/.test(collection) ? String(entry.get('slug')) : collection;
  return name in contentSchemas ? (name as ContentName) : undefined;
}

/**
 * The other languages' data of an entry in a folder collection (Decap's `i18n`), each language that
 * has any: an empty one is no translation (src/schemas/translation.ts `isEmptyTranslation`).
 */
function translationsOf(entry: Entry): { language: Language; translation: EntryData }[] {
  return languages.others.flatMap((language) => {
    const translation = (
      entry.getIn(['i18n', language.code, 'data']) as { toJS(): EntryData } | undefined
    )?.toJS();
    return !translation || isEmptyTranslation(translation, String(translation.body ?? ''))
      ? []
      : [{ language, translation }];
  });
}

/**
 * Each other language's words of an entry, checked as the build checks them (src/schemas/translation.ts):
 * in a folder collection against the main language beside them; in a language's own pages or
 * settings, each word on its own (the build also checks that none is missing).
 */
function languagesProblems(entry: Entry, name: ContentName, data: EntryData): string[] {
  if (collectionLanguage(String(entry.get('collection')))) return translationProblems(name, data);
  return translationsOf(entry).flatMap(({ language: { tag }, translation }) => {
    return translationProblems(name, prepareForSave(translation), data).map(
      (problem) => `${tag}: ${problem}`,
    );
  });
}

/**
 * Words of another language changed in this draft and not ticked "Translation checked by a fluent
 * speaker": the production build refuses unchecked translations (src/launch/check.ts), so
 * publishing them would stop the published site, and its daily rebuild, from building. Words
 * unchanged since published are the build's business (before launch every shipped translation is
 * unchecked); a draft may be saved unticked.
 */
async function uncheckedTranslations(entry: Entry): Promise<string[]> {
  const collection = String(entry.get('collection'));
  const slug = String(entry.get('slug'));
  const published = (await publishedEntries(collection)).find((other) => other.slug === slug);
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(wordsOf(a)) === JSON.stringify(wordsOf(b));
  const column = (language: Language) =>
    `in the ${languageLabel(language)} column (${language.code.toUpperCase()})`;
  /** The refusal for `current` words against `before` (published), if any. */
  const refusal = (language: Language, current: EntryData, before: EntryData | undefined) => {
    if (current['reviewed'] === true) return [];
    if (before?.['reviewed'] === true) {
      return [
        `${language.tag}: reviewed: was checked by a fluent speaker; tick “Translation checked by a fluent speaker” again ${column(language)} (the published site is not built with unchecked translations)`,
      ];
    }
    if (same(current, before)) return [];
    return [
      `${language.tag}: reviewed: its words are new or changed and not yet checked by a fluent speaker; tick “Translation checked by a fluent speaker” ${column(language)} (the published site is not built with unchecked translations)`,
    ];
  };
  const own = collectionLanguage(collection);
  if (own) return refusal(own, dataOf(entry), published?.data);
  return translationsOf(entry).flatMap(({ language, translation }) =>
    refusal(language, translation, published?.i18n?.[language.code]?.data),
  );
}

/** The rules that span entries: one price tier per session length. */
/**
 * The main language's file of an entry. With several languages Decap names an entry by its path
 * without the language folder (`src/content/pricing/60-minutes.mdx`, decap-cms-core
 * `normalizeFilePath`); the file is in the main language's (`src/content/pricing/en/…`).
 */
function mainFile(path: string): string {
  const folder = `/${languages.main.code}/`;
  return languages.others.length === 0 || path.includes(folder)
    ? path
    : path.replace(/\/([^/]+)$/, `${folder}$1`);
}

async function collectionProblems(entry: Entry, data: EntryData): Promise<string[]> {
  if (entry.get('collection') !== 'pricing') return [];
  const path = mainFile(String(entry.get('path') || 'src/content/pricing/(new entry)'));
  const others = (await publishedEntries('pricing')).filter(
    (other) => mainFile(other.path) !== path,
  );
  const problems = duplicateDurationProblems([
    ...others.map((other) => ({
      file: mainFile(other.path),
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
 * (`address.street`) by each of its labels.
 */
function inStaffWords(entry: Entry, problem: string): string {
  const match = /^((?:[a-z]{2,3}-[A-Z]{2}: )?)([\w.]+): ([\s\S]*)$/.exec(problem);
  if (!match) return problem;
  const [, prefix = '', path = '', message = ''] = match;
  const tag = prefix.slice(0, -2);
  const other = languages.others.find((language) => language.tag === tag);
  const language = other ? `${languageLabel(other)} (${other.code.toUpperCase()}) – ` : prefix;
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

const withoutReviewed = (data: EntryData): EntryData =>
  Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'reviewed')) as EntryData;

/** Refuses, naming each field and rule, an entry the build would reject. */
async function check(entry: Entry, entered: EntryData, action: string): Promise<void> {
  const name = contentName(entry);
  if (!name) return;
  const own = collectionLanguage(String(entry.get('collection')));
  // The reviewed mark is a translation's: ticked in the main language's column it is ignored (and
  // removed on saving), not refused.
  const data = own ? entered : withoutReviewed(entered);
  const problems = [
    ...(own ? [] : entryProblems(name, data)),
    ...languagesProblems(entry, name, data),
    ...(await collectionProblems(entry, data)),
    ...overProblems(entry, data),
    ...(action === 'published' ? await unpublishedReferences(name, data) : []),
    ...(action === 'published' ? await uncheckedTranslations(entry) : []),
  ];
  if (problems.length > 0) {
    const words = problems.map((problem) => inStaffWords(entry, problem));
    throw new Error(`This entry cannot be ${action} yet. ${words.join('; ')}`);
  }
}

function dataOf(entry: Entry): EntryData {
  return (entry.get('data')?.toJS() ?? {}) as EntryData;
}

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const prepared = prepareForSave(dataOf(entry));
    await check(entry, prepared, 'saved');
    let data = entry.get('data');
    for (const path of emptyFieldPaths(prepared)) data = data.deleteIn(path);
    // The reviewed mark is a translation's: the main language's file has none.
    if (!collectionLanguage(String(entry.get('collection')))) data = data.delete('reviewed');
    return typeof prepared.body === 'string' ? data.set('body', prepared.body) : data;
  },
});

// A draft is checked again when published: the rules, or the other entries, may have changed since
// it was saved, and a branch can be edited outside the CMS.
CMS.registerEventListener({
  name: 'prePublish',
  handler: async ({ entry }) => {
    await check(entry, prepareForSave(dataOf(entry)), 'published');
  },
});

// Deleting a published entry (and unpublishing it) runs this first: Decap stops if it throws.
CMS.registerEventListener({
  name: 'preUnpublish',
  handler: async ({ entry }) => {
    await refuseDeleteWhileReferenced(String(entry.get('collection')), String(entry.get('slug')));
  },
});

if (import.meta.hot) {
  // Under `npm run dev`, every open page is asked to reload when content changes (a draft
  // published, a save with --simple): by Astro's content layer (`path: '*'`) and by Vite for the
  // MDX modules (no path). This page reads content through the CMS backend, not the build, and a
  // reload would throw away whatever is being typed. So once Decap is on screen, a reload that does
  // not name a changed file outside src/content/ is pointed at a page that is not this one (Vite's
  // client then skips it). Before that, every reload happens, as Vite needs when it has just
  // optimised Decap's dependencies; a change to the CMS's own code names its file and reloads.
  import.meta.hot.on(
    'vite:beforeFullReload',
    (payload: { path?: string; triggeredBy?: string }) => {
      const decapShown = document.querySelector('#nc-root')?.hasChildNodes() ?? false;
      const codeChanged =
        payload.triggeredBy !== undefined && !/[\\/]src[\\/]content[\\/]/.test(payload.triggeredBy);
      if (decapShown && !codeChanged) payload.path = '/content-changed-not-this-page.html';
    },
  );
}

const config = cmsConfig({ local, languages, timeZone: clinicTimeZone() });
guardBackends(CMS, config);
CMS.init({ config });
