/**
 * The launch check: everything that is still a placeholder or an example value, and every value that
 * is filled in but breaks the schemas, each with its file and field. `npm run launch-check` prints
 * it; a production build refuses to run while it finds anything but advice (`Finding.advice`,
 * warned of in every build: `src/integrations/launch-guard.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  contentNameOf,
  contentSchemas,
  type ContentName,
} from '../collections';
import {
  entryProblems,
  translationProblems as validateTranslation,
  type EntryData,
} from '../cms/validate';
import { deploySchema, type DeploySettings } from '../schemas/deploy';
import { unmetRequirements } from '../schemas/fields';
import { CMS_BACKEND, HOST, SITE_URL } from '../site.config';
import { readEntryFile } from './entry-file';
import { REFERENCE_FIELDS, valuesAt } from '../lib/references';
import { DEPLOY_FIELDS } from './site-config';
import { readLanguages } from '../i18n/languages';
import {
  hasWordsToTranslate,
  isEmptyTranslation,
  wordPaths,
  wordsOf,
} from '../schemas/translation';
import { pathToFileURL } from 'node:url';
import { isPlaceholderFile, markedFields, valueProblems } from './placeholders';

export interface Finding {
  /** From the project root, with `/`. */
  file: string;
  /** `phone`, `address.street`, `hours`, `body, line 31`, or `(the whole entry)`. */
  field: string;
  problems: string[];
  /**
   * `true` for what a person should correct but the site is right without: the launch check lists
   * it and fails, and a production build only warns (staff adding a location in the CMS after
   * launch must not stop the site from being published).
   */
  advice?: true;
}

const SITE_CONFIG = 'src/site.config.ts';

export const deploySettings = (): DeploySettings => ({
  host: HOST,
  backend: CMS_BACKEND.name,
  siteUrl: SITE_URL,
  repo: CMS_BACKEND.repo,
  branch: CMS_BACKEND.branch,
  loginEndpoint: CMS_BACKEND.base_url,
});

const fieldName = (path: (string | number)[]) =>
  path.length ? path.join('.') : '(the whole entry)';

/** A project file a field names (`/src/assets/images/logo.svg`), if it is one. */
function referencedFile(root: string, value: string): string | undefined {
  if (!/^\/?src\/.+\.(?:avif|gif|jpe?g|png|svg|webp)$/i.test(value)) return undefined;
  const path = join(root, value.replace(/^\//, ''));
  return existsSync(path) ? path : undefined;
}

/** Every field of a value with its path, `a`, `a.b`, `a.b.0`, in the order they stand. */
function fieldsOf(value: unknown, path: (string | number)[] = []): [string, unknown][] {
  const here: [string, unknown][] = path.length ? [[fieldName(path), value]] : [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return [...here, ...children.flatMap(([key, child]) => fieldsOf(child, [...path, key]))];
}

/** A schema's message as a finding: one that says the field is required says it in full. */
/** A fact of the clinic this site was built from, still as shipped (`# CONFIRM`). */
const CONFIRM_PROBLEM =
  'is the original clinic’s, as shipped (marked CONFIRM): keep it through npm run setup, or change it and delete its # CONFIRM line (saving it in the CMS does both)';

const asProblem = (message: string) =>
  /^(is required|is a translation|is not translated yet)/.test(message)
    ? message
    : `is not valid: ${message}`;

function contentFindings(root: string, path: string): Finding[] {
  const file = relative(root, path).split(sep).join('/');
  const entry = readEntryFile(path);
  const byField = new Map<string, string[]>();
  const add = (field: string, problems: string[]) => {
    if (problems.length) byField.set(field, [...(byField.get(field) ?? []), ...problems]);
  };
  if (entry.doc.errors.length) {
    add('(the whole entry)', [`is not valid YAML: ${entry.doc.errors[0]?.message ?? ''}`]);
  }
  for (const marked of markedFields(entry.doc)) {
    add(fieldName(marked), ['is marked PLACEHOLDER']);
  }
  for (const marked of markedFields(entry.doc, 'CONFIRM')) {
    add(fieldName(marked), [CONFIRM_PROBLEM]);
  }
  const data = (entry.doc.toJS() ?? {}) as object;
  const fields = fieldsOf(data);
  for (const [field, value] of fields) {
    if (typeof value !== 'string') continue;
    add(field, valueProblems(value));
    const image = referencedFile(root, value);
    if (image && isPlaceholderFile(readFileSync(image)) && !/placeholder/i.test(value)) {
      add(field, [`${value} is a placeholder image`]);
    }
  }
  entry.body?.split('\n').forEach((line, index) => {
    const problems = valueProblems(line);
    add(`body, line ${entry.bodyLine + index}`, problems);
  });
  const name = contentNameOf(file.replace(/^src\/content\//, ''));
  const translated = translationOf(root, file);
  // A translation file with nothing in it yet is no translation (src/schemas/translation.ts).
  const empty = translated !== undefined && isEmptyTranslation(data, entry.body);
  if (name && !translated && !entry.doc.errors.length) {
    for (const [field, why] of unmetRequirements(contentSchemas[name], data)) add(field, [why]);
  }
  if (name && !translated && !entry.doc.errors.length) {
    for (const [field, problem] of missingReferences(root, name, data)) add(field, [problem]);
  }
  if (name && !entry.doc.errors.length && !empty) {
    const problems = translated
      ? translationProblems(root, name, translated, data, entry.body)
      : entryProblems(name, { ...data, body: entry.body });
    for (const problem of problems) {
      const [field = '', ...rest] = problem.split(': ');
      add(field, [asProblem(rest.join(': '))]);
    }
  }
  // In the order of the file: the whole entry, then each field where it stands, then the body.
  const order = ['(the whole entry)', ...fields.map(([field]) => field)];
  const rank = (field: string) => {
    const at = order.indexOf(field);
    return at === -1 ? order.length + Number(/\d+/.exec(field)?.[0] ?? 0) : at;
  };
  return [...byField]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, problems]) => ({ file, field, problems }));
}

/** The entries of a collection, by id: its main language's files (drafts too). */
function entryIds(root: string, folder: string): string[] {
  const { main } = readLanguages(pathToFileURL(`${root}/`));
  const dir = join(root, 'src/content', folder, main.code);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => /\.(?:mdx?|ya?ml)$/.test(file))
        .map((file) => file.replace(/\.\w+$/, ''))
    : [];
}

/**
 * Each entry an entry names that does not exist (a therapist working at a location that is not
 * there, a question in a category deleted by hand): the build stops on it, with these words
 * (`checkReferences` in src/lib/content.ts), so the launch check names it first.
 */
function missingReferences(root: string, name: ContentName, data: object): [string, string][] {
  const { main } = readLanguages(pathToFileURL(`${root}/`));
  return REFERENCE_FIELDS.filter((field) => field.holder === name).flatMap(({ path, target }) => {
    if (!(target in COLLECTIONS)) return [];
    const { folder, format, entryName } = COLLECTIONS[target as keyof typeof COLLECTIONS] as {
      folder: string;
      format: string;
      entryName?: string;
    };
    const ids = entryIds(root, folder);
    return valuesAt(data, path)
      .filter((id): id is string => typeof id === 'string' && !ids.includes(id))
      .map((id): [string, string] => [
        path.join('.'),
        `there is no ${entryName?.replace(/^an? /, '') ?? target} "${id}" (src/content/${folder}/${main.code}/${id}.${format}): the build stops until it names one that exists (${ids.join(', ')})`,
      ]);
  });
}

/**
 * For a translation file (`src/content/<folder>/<code>/<name>`, `code` not the main language's),
 * the main language's file it translates.
 */
function translationOf(root: string, file: string): string | undefined {
  const match = /^src\/content\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(file);
  if (!match) return undefined;
  const [, folder, code, name] = match;
  const { main, others } = readLanguages(pathToFileURL(`${root}/`));
  if (code === main.code || !others.some((language) => language.code === code)) return undefined;
  return `src/content/${folder}/${main.code}/${name}`;
}

/**
 * A translation's problems as the CMS and the build find them (`translationProblems` of
 * src/cms/validate.ts), and, until it is marked `reviewed: true`, each of its words, to be checked
 * by a fluent speaker.
 */
function translationProblems(
  root: string,
  name: ContentName,
  mainFile: string,
  data: object,
  body: string | undefined,
): string[] {
  const main = existsSync(join(root, mainFile))
    ? ((readEntryFile(join(root, mainFile)).doc.toJS() ?? {}) as EntryData)
    : {};
  const problems = validateTranslation(name, { ...data, body }, main, mainFile);
  if ((data as EntryData).reviewed !== true) {
    const unreviewed = [
      ...wordPaths(contentSchemas[name], wordsOf(data)),
      ...(body?.trim() ? ['body'] : []),
    ];
    problems.push(
      ...unreviewed.map(
        (field) =>
          `${field}: is a translation not yet reviewed by a fluent speaker (then tick “Translation checked by a fluent speaker” in the CMS, or set reviewed: true)`,
      ),
    );
  }
  return problems;
}

function deployFindings(settings: DeploySettings): Finding[] {
  const findings: Finding[] = [];
  const result = deploySchema.safeParse(settings);
  for (const key of Object.keys(DEPLOY_FIELDS) as (keyof DeploySettings)[]) {
    const problems = valueProblems(settings[key]);
    for (const issue of result.error?.issues ?? []) {
      if (issue.path[0] === key) problems.push(asProblem(issue.message));
    }
    if (problems.length) findings.push({ file: SITE_CONFIG, field: DEPLOY_FIELDS[key], problems });
  }
  return findings;
}

/**
 * A collection with published entries in the main language and not one translated into another
 * language: that language's pages show none of them (its therapists page lists nobody). One
 * finding per collection and language, on its folder, naming the files to add. Entries with no
 * words, and drafts, need no translation.
 */
function untranslatedCollections(root: string): Finding[] {
  const { main, others } = readLanguages(pathToFileURL(`${root}/`));
  const findings: Finding[] = [];
  for (const name of COLLECTION_NAMES) {
    // Locations are named one by one (untranslatedLocations): each is a place visitors look for.
    if (name === 'locations') continue;
    const { folder, cms } = COLLECTIONS[name];
    const mainFolder = join(root, 'src/content', folder, main.code);
    if (!existsSync(mainFolder)) continue;
    const published = readdirSync(mainFolder)
      .filter((file) => /\.(?:mdx?|ya?ml)$/.test(file))
      .filter((file) => {
        const data = (readEntryFile(join(mainFolder, file)).doc.toJS() ?? {}) as object;
        return (
          !('draft' in data && data.draft === true) &&
          hasWordsToTranslate(contentSchemas[name], data)
        );
      })
      .sort();
    if (!published.length) continue;
    for (const language of others) {
      const translated = published.some((file) => {
        const path = join(root, 'src/content', folder, language.code, file);
        if (!existsSync(path)) return false;
        const entry = readEntryFile(path);
        return !isEmptyTranslation((entry.doc.toJS() ?? {}) as object, entry.body);
      });
      if (translated) continue;
      const files = published.map((file) => `src/content/${folder}/${language.code}/${file}`);
      findings.push({
        file: `src/content/${folder}/${language.code}/`,
        field: '(the folder)',
        problems: [
          `has no ${language.tag} translation of any of the ${published.length} ${cms.label.toLowerCase()} in ${main.tag}, so the ${language.tag} pages show none: translate them in the CMS, or add ${files.join(', ')}`,
        ],
      });
    }
  }
  return findings;
}

/** The location files of the main language (`main.yaml`, …), sorted. */
function locationFiles(root: string, mainCode: string): string[] {
  const dir = join(root, 'src/content', COLLECTIONS.locations.folder, mainCode);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
    : [];
}

/**
 * A location with no file in another language is left out of that language's pages (the build
 * only warns): a Spanish visitor would not find it. Each is named, with the file to add.
 */
function untranslatedLocations(root: string): Finding[] {
  const { main, others } = readLanguages(pathToFileURL(`${root}/`));
  const { folder } = COLLECTIONS.locations;
  const mainDir = join(root, 'src/content', folder, main.code);
  return locationFiles(root, main.code).flatMap((file) => {
    const data = (readEntryFile(join(mainDir, file)).doc.toJS() ?? {}) as { name?: unknown };
    return others
      .filter(({ code }) => {
        const path = join(root, 'src/content', folder, code, file);
        if (!existsSync(path)) return true;
        const entry = readEntryFile(path);
        return isEmptyTranslation((entry.doc.toJS() ?? {}) as object, entry.body);
      })
      .map(({ tag, code }) => ({
        file: `src/content/${folder}/${code}/${file}`,
        field: '(the file)',
        problems: [
          `is missing, so the ${tag} pages leave out the location ${String(data.name ?? file)} (src/content/${folder}/${main.code}/${file}): translate it in the CMS, or add this file`,
        ],
      }));
  });
}

/**
 * The names the template ships for a clinic's only location (src/content/locations/<code>/main.yaml),
 * by language code. With one location no page shows it; with two, visitors choose by name.
 */
export const ONLY_LOCATION_NAMES: Readonly<Record<string, string>> = {
  en: 'Main location',
  es: 'Sede principal',
};

/**
 * With two or more locations, what keeps visitors and search engines from telling them apart: a
 * location still named as the template's only location ("Main location"), two with one name in a
 * language, or two with one `order` (the first in order is the main location: the clinic's address
 * in the footer and in search results). Advice: the site builds and is right, only unclear.
 */
function locationsApart(root: string): Finding[] {
  const { main, all } = readLanguages(pathToFileURL(`${root}/`));
  const { folder } = COLLECTIONS.locations;
  const files = locationFiles(root, main.code);
  if (files.length < 2) return [];
  const read = (code: string, file: string) => {
    const path = join(root, 'src/content', folder, code, file);
    return existsSync(path)
      ? ((readEntryFile(path).doc.toJS() ?? {}) as { name?: unknown; order?: unknown })
      : {};
  };
  const findings: Finding[] = [];
  const orders = new Map<unknown, string>();
  for (const file of files) {
    const { order } = read(main.code, file);
    const first = orders.get(order);
    if (typeof order === 'number' && first) {
      findings.push({
        file: `src/content/${folder}/${main.code}/${file}`,
        field: 'order',
        problems: [
          `${order} is also the order of ${first}: the first in order is the main location (the clinic's address in the footer and in search results), so give each location its own number`,
        ],
        advice: true,
      });
    } else if (typeof order === 'number') {
      orders.set(order, `src/content/${folder}/${main.code}/${file}`);
    }
  }
  for (const { code } of all) {
    const names = new Map<string, string>();
    for (const file of files) {
      const path = `src/content/${folder}/${code}/${file}`;
      const { name } = read(code, file);
      if (typeof name !== 'string') continue;
      const problems: string[] = [];
      if (name === ONLY_LOCATION_NAMES[code]) {
        problems.push(
          `"${name}" is the template's name for a clinic's only location: with ${files.length} locations, visitors choose between them by name, so name it by where it is (e.g. its neighborhood)`,
        );
      }
      const same = names.get(name.trim().toLowerCase());
      if (same) problems.push(`"${name}" is also the name of ${same}: give each location its own`);
      else names.set(name.trim().toLowerCase(), path);
      if (problems.length) findings.push({ file: path, field: 'name', problems, advice: true });
    }
  }
  return findings;
}

/** Everything left to replace before launch, in file order; empty when the site is ready. */
export function launchCheck(root: string, settings = deploySettings()): Finding[] {
  const contentDir = join(root, 'src/content');
  // A folder of a language the site does not have (`src/content/*/fr/` without fr in
  // languages.yaml) is not built, so nothing in it is left to replace.
  const codes = new Set(readLanguages(pathToFileURL(`${root}/`)).all.map(({ code }) => code));
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:mdx?|ya?ml)$/.test(file))
    .filter((file) => {
      const parts = file.split(sep);
      return parts.length < 3 || codes.has(parts[1] ?? '');
    })
    .sort()
    .map((file) => join(contentDir, file));
  const findings = [
    ...deployFindings(settings),
    ...files.flatMap((file) => contentFindings(root, file)),
    ...untranslatedCollections(root),
    ...untranslatedLocations(root),
  ];
  // Beside the file's other findings, so that each file is listed once.
  for (const advice of locationsApart(root)) {
    const last = findings.findLastIndex(({ file }) => file === advice.file);
    findings.splice(last === -1 ? findings.length : last + 1, 0, advice);
  }
  const icon = join(root, 'public/favicon.svg');
  if (existsSync(icon) && isPlaceholderFile(readFileSync(icon))) {
    findings.push({
      file: 'public/favicon.svg',
      field: '(the file)',
      problems: ['is the placeholder icon browsers and search results show'],
    });
  }
  return findings;
}

/** The findings as a list a person reads, grouped by file. */
export function formatFindings(findings: Finding[]): string {
  if (!findings.length) {
    return 'Launch check: nothing is left to replace. Every value is the clinic’s own and valid.';
  }
  const lines = [
    `Launch check: ${findings.length} ${findings.length === 1 ? 'value is' : 'values are'} still a placeholder, an example, the original clinic’s as shipped, or not valid:`,
  ];
  let file = '';
  for (const finding of findings) {
    if (finding.file !== file) {
      file = finding.file;
      lines.push('', `  ${file}`);
    }
    lines.push(`    ${finding.field}: ${finding.problems.join('; ')}`);
  }
  lines.push(
    '',
    'Run `npm run setup` to fill them in (or edit the files named); a translation is reviewed in the CMS ("Translation checked by a fluent speaker"). Then `npm run launch-check` again.',
  );
  return lines.join('\n');
}
