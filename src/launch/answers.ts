/**
 * `npm run setup`'s answers, from the prompts or from an answers file, checked against the content
 * schemas (the CMS's words) and written into the files they belong in, comments kept. Nothing is
 * written unless every answer is valid.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { entryProblems, translationProblems, type EntryData } from '../cms/validate';
import { deploySchema, type DeploySettings, type Host } from '../schemas/deploy';
import { group, kind } from '../schemas/fields';
import {
  COLLECTIONS,
  contentNameOf,
  contentSchemas,
  hasOwnSlug,
  type ContentName,
} from '../collections';
import { REFERENCE_FIELDS, valuesAt } from '../lib/references';
import { pickWords } from '../schemas/translation';
import { asciiSlug } from '../schemas/translation-meta';
import { deploySettingIn, withDeploySettings } from './site-config';
import { readEntryFile, writeEntryFile, type EntryFile } from './entry-file';
import { clearMarkers, markedFields, valueProblems } from './placeholders';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { LANGUAGES_FILE, readLanguages } from '../i18n/languages';
import { languageCode, languagesSchema } from '../schemas/languages';
import { addLanguage } from './add-language';
import { isDay } from '../lib/dates';

type Data = Record<string, unknown>;

const IMAGE = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i;

const imageFile = z
  .string(kind('the path of an image file'))
  .regex(IMAGE, { error: 'must be an image file (.jpg, .png, .webp, .avif, .gif or .svg)' });

const photo = z.union(
  [z.literal('none'), group({ file: imageFile, alt: z.string(kind('text')) })],
  kind('none, or a file and its alt text'),
);

/**
 * The hosts setup prepares the site for, and the files of this project that only another host
 * runs: setup removes them, so that a site on Netlify runs no GitHub Pages deploy on every push,
 * and a site on GitHub Pages no hourly hook workflow (docs/go-live.md, "4. Publish on a host").
 */
export const HOSTS: Record<Host, { label: string; othersOnly: string[] }> = {
  netlify: { label: 'Netlify', othersOnly: ['.github/workflows/deploy-pages.yml'] },
  cloudflare: { label: 'Cloudflare Pages', othersOnly: ['.github/workflows/deploy-pages.yml'] },
  'github-pages': { label: 'GitHub Pages', othersOnly: ['.github/workflows/rebuild-hooks.yml'] },
};
export type { Host };

/** A deploy answer: text, with the hint `deploySchema` gives, which checks it once it is read. */
const deployAnswer = (field: keyof typeof deploySchema.shape) =>
  z.string(kind('text')).describe(deploySchema.shape[field].description ?? field);

/** Fields of a content file, checked by its schema once merged in. */
const fieldsOf = (file: string) => z.record(z.string(), z.unknown(), kind(`fields of ${file}`));

/**
 * The fields of the answers' `clinic` that are the main location's (`address`, `hours`,
 * `googlePlaceId`…): those of a location's schema that clinic.yaml does not have. Setup writes them
 * into the first location's file (src/content/locations/<language>/, the first in `order`).
 */
const LOCATION_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(contentSchemas.locations.shape).filter(
    (field) => !(field in contentSchemas.clinic.shape),
  ),
);

/** `clinic` answers split into clinic.yaml's fields and the main location's. */
function splitClinicAnswers(answers: Data): { clinic: Data; location: Data } {
  const entries = Object.entries(answers);
  return {
    clinic: Object.fromEntries(entries.filter(([field]) => !LOCATION_FIELDS.has(field))),
    location: Object.fromEntries(entries.filter(([field]) => LOCATION_FIELDS.has(field))),
  };
}

/**
 * The answers file. `clinic` and `booking` hold any fields of `clinic.yaml` and `booking.yaml`
 * (checked by their schemas once merged in), and `clinic` those of the main location's file too
 * (`LOCATION_FIELDS`) when `locations` does not give the locations (see `LOCATION_ID`); image
 * fields name files on this machine, relative to the answers file, which setup copies into
 * `src/assets/images/`.
 */
export const answersSchema = z.strictObject({
  languages: z
    .array(z.string(kind('a language tag like en-US')), kind('a list of language tags'))
    .optional()
    .describe(languagesSchema.shape.languages.description ?? 'languages'),
  clinic: fieldsOf('clinic.yaml').optional(),
  locations: z
    .array(fieldsOf('a location’s file'), kind('a list of locations'))
    .min(1, { error: 'needs at least one location' })
    .optional()
    .describe(
      'The clinic’s locations, the main one first: each the fields of a location’s file (src/content/locations/), and its id (the file’s name; from its name when left out), the therapists who work there, and its words in each other language (translations).',
    ),
  booking: fieldsOf('booking.yaml').optional(),
  deploy: group({
    // Left out: as the site's settings say now (HOST, CMS_BACKEND.name in src/site.config.ts).
    host: deploySchema.shape.host.optional(),
    backend: deploySchema.shape.backend.optional(),
    siteUrl: deployAnswer('siteUrl'),
    repo: deployAnswer('repo'),
    branch: deployAnswer('branch').default('main'),
    // Left out: the site itself, whose login ships with it (Netlify, Cloudflare Pages).
    loginEndpoint: deployAnswer('loginEndpoint').optional(),
  }).optional(),
  therapists: z
    .array(fieldsOf('a therapist’s file'), kind('a list of therapists'))
    .min(1, { error: 'needs at least one therapist' })
    .optional(),
  photos: z.record(z.string(), photo, kind('a photo for each file name')).optional(),
  accessibility: group({ physicalAccess: z.string(kind('text')) }).optional(),
  confirm: group({
    prices: z
      .record(z.string(), z.number(kind('a price, a number')), kind('a price for each length'))
      .optional()
      .describe(
        'The price of each session length, by its minutes, e.g. { 30: 55, 60: 100, 90: 150 } (the lengths as shipped).',
      ),
    insurancePlans: z
      .enum(['keep', 'remove'], kind('keep or remove'))
      .optional()
      .describe(
        'The insurance plans and programs the original clinic is listed with: keep them, or remove them all (the clinic then adds its own in the CMS).',
      ),
    workersCompensationAndAutoAccidents: z
      .boolean(kind('true or false'))
      .optional()
      .describe(
        'Whether the clinic treats workers’ compensation and auto-accident cases, as the site says: true keeps it; false leaves each place that says so for you to change (launch-check names them).',
      ),
    policiesReviewed: z
      .string(kind('a day like 2026-12-01'))
      .refine(isDay, { error: 'must be a day like 2026-12-01' })
      .optional()
      .describe(
        'The day the clinic reviewed the privacy notice and the accessibility statement, YYYY-MM-DD.',
      ),
    conditionsApproved: z
      .string(kind('a day like 2026-12-01'))
      .refine(isDay, { error: 'must be a day like 2026-12-01' })
      .optional()
      .describe(
        'The day the therapist each page on a condition names (after setup, the first of the therapists) read those pages and approved them as written, YYYY-MM-DD; left out, launch-check lists each page until it is approved in the CMS.',
      ),
  }).optional(),
  icon: imageFile.optional(),
});

export type Answers = z.infer<typeof answersSchema>;

/*
 * One location in the answers' `locations` (`LOCATION_ID` names its file): the fields of its file (`name`, `address`, `hours`…;
 * `order` is its place in the list), and
 * - `id`: its file's name, `src/content/locations/<language>/<id>.yaml` (left out: from its name,
 *   `Downtown` → `downtown`), which therapists, closures and notices name;
 * - `therapists`: who works there, by name (or file name); a therapist every location names works
 *   everywhere (no `locations` in their file). Left out at every location, the therapists' files
 *   are left as they are;
 * - `translations`: its words in each other language, by language tag (`es-US: { name: Centro }`),
 *   `reviewed: true` when a fluent speaker wrote them. A word not given is the main language's, the
 *   file marked for review.
 */

/** A file name setup accepts for a location: lower-case letters, digits and hyphens. */
const LOCATION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `(541) 555-0123` or `541.555.0123` → `+15415550123`; anything else is left for the schema. */
export function normalisePhone(value: string): string {
  if (!/^[\d\s().+-]+$/.test(value)) return value;
  const digits = value.replace(/\D/g, '');
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return value.trim();
}

/** `Jane Doe, LMT` → `jane-doe-lmt`: a therapist's file name. */
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isObject = (value: unknown): value is Data =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Every path the answer sets: objects are merged into the file, lists and values replace. */
function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (!isObject(value) || !Object.keys(value).length) return [path];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]));
}

/** The rule for the free text setup writes into a body (a biography, the physical access). */
export const bodyTextProblem = (text: unknown): string | undefined =>
  typeof text === 'string' && text.trim().length >= 20
    ? undefined
    : 'must be at least 20 characters';

/** What the schemas say of `data`, for the fields under `prefix` only when one is given. */
export function problemsOf(name: ContentName, data: EntryData, prefix?: string): string[] {
  const problems = entryProblems(name, data);
  if (prefix === undefined) return problems;
  return problems.filter(
    (problem) => problem.startsWith(`${prefix}:`) || problem.startsWith(`${prefix}.`),
  );
}

export interface Plan {
  /** `field: message` for each answer the schemas refuse, named as in the answers file. */
  problems: string[];
  /** What setup left as it was, and why (a second run finds some things already done). */
  notes: string[];
  /** Files to write (from the project root) and files to copy or remove. */
  writes: EntryFile[];
  copies: [from: string, to: string][];
  removals: string[];
  deploy?: DeploySettings;
  /** The languages' folder names (`en`, `es`) once the answers are in, when they change them. */
  languageCodes?: string[];
}

const IMAGES_DIR = 'src/assets/images';

export class Setup {
  constructor(
    readonly root: string,
    /** Where image paths in the answers are relative to. */
    readonly answersDir: string,
  ) {}

  file(path: string): EntryFile {
    return readEntryFile(join(this.root, path));
  }

  /** The main language's folder name (`en`): its files are in each content folder's `en/`. */
  get main(): string {
    return readLanguages(pathToFileURL(`${this.root}/`)).main.code;
  }

  /** The codes of the other languages with files in `src/content/<folder>/`. */
  private otherFolders(folder: string): string[] {
    const dir = join(this.root, 'src/content', folder);
    return readdirSync(dir).filter((name) => name !== this.main && !name.includes('.'));
  }

  /** The site's languages, main first; a new one gets its translation files (add-language). */
  private languages(tags: string[], plan: Plan): void {
    const entry = this.file(LANGUAGES_FILE);
    const current = entry.doc.toJS() as { languages?: string[]; physicians?: string };
    const physicians =
      current.physicians && tags.includes(current.physicians) ? current.physicians : undefined;
    const result = languagesSchema.safeParse({ languages: tags, physicians });
    if (!result.success) {
      for (const { path, message } of result.error.issues) {
        plan.problems.push(`${path.join('.')}: ${message}`);
      }
      return;
    }
    const doc = parseDocument(entry.doc.toString());
    doc.set('languages', doc.createNode(tags));
    if (physicians === undefined) doc.delete('physicians');
    plan.writes.push({ ...entry, doc });
    plan.languageCodes = tags.map(languageCode);
  }

  /** An image answer: the file on this machine and the path the content names it by. */
  private image(answer: string, plan: Plan, field: string): string | undefined {
    const from = isAbsolute(answer) ? answer : resolve(this.answersDir, answer);
    if (!existsSync(from)) {
      plan.problems.push(`${field}: there is no file ${from}`);
      return undefined;
    }
    const name = basename(from);
    plan.copies.push([from, join(IMAGES_DIR, name)]);
    return `/${IMAGES_DIR}/${name}`;
  }

  /**
   * The main location's file, from the project root: the first in `order` of the main language's
   * files in src/content/locations/.
   */
  mainLocationFile(): string {
    const [first] = this.locationFiles();
    if (!first) {
      throw new Error(`src/content/locations/${this.main}/ has no location: the clinic needs one`);
    }
    return first;
  }

  /** The main language's location files, from the project root, in their `order`. */
  locationFiles(): string[] {
    const order = (file: string) => Number((this.file(file).doc.toJS() as Data).order ?? Infinity);
    return this.mainFiles(COLLECTIONS.locations.folder).sort((a, b) => order(a) - order(b));
  }

  /** Location `id`'s words in the language `tag`, as its translation file has them. */
  translated(id: string, tag: string): Data | undefined {
    const file = `src/content/${COLLECTIONS.locations.folder}/${languageCode(tag)}/${id}.yaml`;
    return existsSync(join(this.root, file))
      ? ((this.file(file).doc.toJS() ?? {}) as Data)
      : undefined;
  }

  /**
   * Merges `answers` into a settings file (`clinic`, `booking`) or the main location's file
   * (`locations`, whose answers are under `clinic` in the answers file), clearing the PLACEHOLDER
   * marks of what they set.
   */
  private settings(
    name: 'clinic' | 'booking' | 'locations',
    answers: Data,
    plan: Plan,
    imageFields: ReadonlySet<string> = new Set(),
  ): void {
    const file =
      name === 'locations'
        ? this.mainLocationFile()
        : `src/content/settings/${this.main}/${name}.yaml`;
    const answered = name === 'locations' ? 'clinic' : name;
    const entry = this.planned(plan, file);
    const before = entry.doc.toJS() as Data;
    this.merge(entry, answers, plan, answered, imageFields);
    plan.problems.push(...this.answerProblems(name, entry, answers, answered, file));
    this.translationsFollow(
      file.replace(/^src\/content\/([^/]+)\/[^/]+\//, '$1/'),
      answers,
      before,
      plan,
    );
  }

  /**
   * Sets each value `answers` gives in `entry` (objects merged, lists and values replaced, `null`
   * removes), clearing the PLACEHOLDER marks of what they set. `answered` is where the answers
   * file gives them (`clinic`, `locations.1`), for the problems of image answers.
   */
  private merge(
    entry: EntryFile,
    answers: Data,
    plan: Plan,
    answered: string,
    imageFields: ReadonlySet<string> = new Set(),
  ): void {
    for (const path of leafPaths(answers)) {
      let value = path.reduce<unknown>((node, key) => (node as Data)[key], answers);
      const field = path.join('.');
      if (field === 'phone' && typeof value === 'number') value = String(value);
      if (field === 'phone' && typeof value === 'string') value = normalisePhone(value);
      if (imageFields.has(field) && typeof value === 'string') {
        value = this.image(value, plan, `${answered}.${field}`) ?? value;
      }
      if (value === null) entry.doc.deleteIn(path);
      else entry.doc.setIn(path, entry.doc.createNode(value));
      // Days of the week stay on one line, as the file writes them: `days: [Monday, Friday]`.
      visit(entry.doc.getIn(path, true) as Node, {
        Pair(_, pair) {
          if (isScalar(pair.key) && pair.key.value === 'days' && isSeq(pair.value)) {
            pair.value.flow = true;
          }
        },
      });
      for (let depth = path.length; depth > 0; depth--)
        clearMarkers(entry.doc, path.slice(0, depth));
    }
  }

  /**
   * What the schema of `name` says of `entry` once the answers are in: a problem with a field the
   * answers set is the answer's (`clinic.email: …`, named where the answers file gives it); one
   * with a field they leave is the file's own (a hand edit that broke it), named by its file.
   */
  private answerProblems(
    name: ContentName,
    entry: EntryFile,
    answers: Data,
    answered: string,
    file: string,
  ): string[] {
    const data = entry.doc.toJS() as Data;
    const paths = leafPaths(answers).map((path) => path.join('.'));
    return problemsOf(name, data).map((problem) => {
      const field = problem.split(': ')[0] ?? '';
      const ours = paths.some(
        (path) => field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`),
      );
      return ours
        ? `${answered}.${problem}`
        : `${file}: ${problem} (not in the answers: correct the file, or answer it)`;
    });
  }

  /**
   * Each other language's translation of `file` (`settings/clinic.yaml`, under its own folder):
   * the words the answers change (from the main file as it was, `before`), and any placeholder
   * words, are replaced by the answers, in the main language until a fluent speaker translates
   * them, and the file is marked for review. A word the answers leave as it was keeps its
   * translation.
   */
  private translationsFollow(file: string, answers: Data, before: Data, plan: Plan): void {
    const [folder = '', name = ''] = file.split('/');
    const onSite = (code: string) => plan.languageCodes?.includes(code) ?? true;
    for (const code of this.otherFolders(folder).filter(onSite)) {
      const path = `src/content/${folder}/${code}/${name}`;
      if (!existsSync(join(this.root, path))) continue;
      const entry = this.planned(plan, path);
      let changed = false;
      for (const field of leafPaths(answers)) {
        // Only the words the translation holds: facts (a phone, the hours) are the main file's.
        if (!entry.doc.hasIn(field)) continue;
        const valueIn = (data: unknown) =>
          field.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), data);
        const value = valueIn(answers);
        const theirs = entry.doc.getIn(field);
        const placeholder = typeof theirs === 'string' && valueProblems(theirs).length > 0;
        const unchanged = JSON.stringify(value ?? null) === JSON.stringify(valueIn(before) ?? null);
        if (unchanged && !placeholder) continue;
        if (value === null) entry.doc.deleteIn(field);
        else entry.doc.setIn(field, value);
        changed = true;
      }
      if (changed) entry.doc.set('reviewed', false);
      else plan.writes.splice(plan.writes.indexOf(entry), 1);
    }
  }

  private deploy(answers: NonNullable<Answers['deploy']>, plan: Plan): void {
    // Left out, the host and the login stay as the file has them.
    const written = readFileSync(join(this.root, 'src/site.config.ts'), 'utf8');
    const {
      host = deploySettingIn(written, 'host'),
      backend = deploySettingIn(written, 'backend'),
    } = answers;
    // Left out, the login is the site's own; GitHub Pages has none, so its Worker is asked for.
    if (host === 'github-pages' && backend !== 'git-gateway' && !answers.loginEndpoint) {
      plan.problems.push(
        'deploy.loginEndpoint: is required on GitHub Pages: the login Worker’s address (login-worker/, docs/go-live.md, “CMS login for GitHub Pages”)',
      );
      return;
    }
    const result = deploySchema.safeParse({
      ...answers,
      host,
      backend,
      loginEndpoint: answers.loginEndpoint ?? answers.siteUrl,
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        plan.problems.push(`deploy.${issue.path.join('.')}: ${issue.message}`);
      }
      return;
    }
    plan.deploy = result.data;
    if (answers.host) {
      const unused = HOSTS[answers.host].othersOnly.filter((path) =>
        existsSync(join(this.root, path)),
      );
      plan.removals.push(...unused);
    }
  }

  /** The therapists replace the placeholder therapist (an entry marked PLACEHOLDER as a whole). */
  private therapists(list: Data[], plan: Plan): void {
    const folder = `src/content/therapists/${this.main}`;
    const services = new Set(
      readdirSync(join(this.root, `src/content/services/${this.main}`)).map((file) =>
        file.replace(/\.mdx$/, ''),
      ),
    );
    for (const file of readdirSync(join(this.root, folder))) {
      const entry = this.file(`${folder}/${file}`);
      if (markedFields(entry.doc).some((path) => path.length === 0)) {
        plan.removals.push(`${folder}/${file}`);
        // Its translations go with it (a therapist's biography in another language).
        for (const code of this.otherFolders('therapists')) {
          if (existsSync(join(this.root, 'src/content/therapists', code, file))) {
            plan.removals.push(`src/content/therapists/${code}/${file}`);
          }
        }
      }
    }
    list.forEach((answer, index) => {
      const field = `therapists.${index}`;
      const { bio, ...data } = answer;
      if (typeof data.photo === 'string') {
        data.photo = this.image(data.photo, plan, `${field}.photo`) ?? data.photo;
      }
      data.order ??= index + 1;
      const problems = problemsOf('therapists', data).map((problem) => `${field}.${problem}`);
      const bioProblem = bodyTextProblem(bio);
      if (bioProblem) problems.push(`${field}.bio: ${bioProblem}`);
      for (const technique of Array.isArray(data.techniques) ? data.techniques : []) {
        if (!services.has(String(technique))) {
          problems.push(
            `${field}.techniques: there is no service "${String(technique)}" (src/content/services/${this.main}/${String(technique)}.mdx)`,
          );
        }
      }
      plan.problems.push(...problems);
      const id = slug(String(data.name ?? `therapist-${index + 1}`));
      const doc = new Document(data);
      plan.writes.push({
        path: join(this.root, folder, `${id}.mdx`),
        doc,
        body: `\n${String(bio ?? '').trim()}\n`,
        bodyLine: 0,
      });
      plan.removals = plan.removals.filter((path) => path !== `${folder}/${id}.mdx`);
    });
    // A page on a condition names its reviewer: one removed gives way to the first therapist, whose
    // approval the page still waits for (approvedByReviewer, listed by launch-check).
    const removed = new Set(
      plan.removals
        .filter((path) => path.startsWith(`${folder}/`))
        .map((path) => basename(path, '.mdx')),
    );
    const first = list[0] && slug(String(list[0].name ?? 'therapist-1'));
    for (const file of this.mainFiles('conditions')) {
      const entry = this.file(file);
      const reviewer = entry.doc.get('reviewedBy');
      if (!first || typeof reviewer !== 'string' || !removed.has(reviewer)) continue;
      const planned = this.planned(plan, file);
      planned.doc.set('reviewedBy', first);
      planned.doc.set('approvedByReviewer', false);
    }
  }

  /** A page's or service's photo: a new file with its description, or none at all. */
  private photos(photos: NonNullable<Answers['photos']>, plan: Plan): void {
    for (const [path, answer] of Object.entries(photos)) {
      const field = `photos.${path}`;
      const file = `src/content/${path.replace(/^src\/content\//, '')}`;
      if (!existsSync(join(this.root, file))) {
        plan.problems.push(`${field}: there is no content file ${file}`);
        continue;
      }
      const entry = this.file(file);
      if (answer === 'none') {
        entry.doc.deleteIn(['image']);
        entry.doc.deleteIn(['imageAlt']);
      } else {
        const image = this.image(answer.file, plan, `${field}.file`);
        if (image) entry.doc.setIn(['image'], image);
        entry.doc.setIn(['imageAlt'], answer.alt);
        clearMarkers(entry.doc, ['image']);
      }
      const name = contentNameOf(file.replace(/^src\/content\//, ''));
      if (name) {
        const problems = problemsOf(name, { ...(entry.doc.toJS() as Data), body: entry.body });
        plan.problems.push(
          ...problems.map((problem) => `${field}.${problem.replace(/^image/, 'file')}`),
        );
      }
      plan.writes.push(entry);
    }
  }

  /** The accessibility statement's paragraph on physical access replaces the placeholder one. */
  private physicalAccess(text: string, plan: Plan): void {
    const entry = this.file(`src/content/pages/${this.main}/accessibility.mdx`);
    const paragraphs = (entry.body ?? '').split(/\n{2,}/);
    const at = paragraphs.findIndex((paragraph) => /^\s*Placeholder\b/i.test(paragraph));
    const problem = bodyTextProblem(text);
    if (problem) plan.problems.push(`accessibility.physicalAccess: ${problem}`);
    if (at === -1) {
      plan.notes.push(
        `accessibility.physicalAccess: src/content/pages/${this.main}/accessibility.mdx has no placeholder paragraph left, so it is kept as it is (edit it in the CMS: Pages › Accessibility)`,
      );
      return;
    }
    paragraphs[at] = text.trim();
    entry.body = paragraphs.join('\n\n');
    plan.writes.push(entry);
    // Each translation's placeholder paragraph too, with these words until they are translated.
    for (const code of this.otherFolders('pages')) {
      if (plan.languageCodes && !plan.languageCodes.includes(code)) continue;
      const path = `src/content/pages/${code}/accessibility.mdx`;
      if (!existsSync(join(this.root, path))) continue;
      const theirs = (this.file(path).body ?? '').split(/\n{2,}/);
      const placeholder = theirs.findIndex((paragraph) => /\bplaceholder\b/i.test(paragraph));
      if (placeholder === -1) continue;
      const translation = this.planned(plan, path);
      theirs[placeholder] = text.trim();
      translation.body = theirs.join('\n\n');
      translation.doc.set('reviewed', false);
    }
  }

  /**
   * The clinic's locations (see `LOCATION_ID`), in the answers' order: each merged into its file
   * (`src/content/locations/<language>/<id>.yaml`) or written as a new one, its translation into
   * each other language of the site, and who works there. A location file the answers do not name
   * is removed when it is still the template's placeholder (they replace it), and kept otherwise.
   */
  private locations(list: Data[], tags: string[], plan: Plan): void {
    const folder = COLLECTIONS.locations.folder;
    const dir = `src/content/${folder}/${this.main}`;
    const ids: string[] = [];
    const workers: { therapist: string; id: string; at: string }[] = [];
    list.forEach((answer, index) => {
      const at = `locations.${index}`;
      const { id: given, therapists, translations, ...fields } = answer;
      const id = given === undefined ? slug(String(fields.name ?? '')) : String(given);
      if (!LOCATION_ID.test(id)) {
        plan.problems.push(
          given === undefined
            ? `${at}.name: is required: the location’s short name, e.g. Downtown (its file is named after it)`
            : `${at}.id: must be lower-case letters, digits and hyphens, like downtown (the name of its file)`,
        );
        return;
      }
      if (ids.includes(id)) {
        plan.problems.push(
          `${at}.id: "${id}" is also the id of locations.${ids.indexOf(id)}: each location needs its own (give one an id, like ${id}-2)`,
        );
        return;
      }
      ids.push(id);
      const file = `${dir}/${id}.yaml`;
      const isNew = !existsSync(join(this.root, file));
      const entry = isNew ? this.newFile(plan, file) : this.planned(plan, file);
      const before = (entry.doc.toJS() ?? {}) as Data;
      this.merge(entry, { ...fields, order: index + 1 }, plan, at);
      if (isNew) {
        // A new file's fields in the schema's order, as the CMS writes them.
        const keys = Object.keys(contentSchemas.locations.shape);
        const rank = (key: unknown) => keys.indexOf(String(isScalar(key) ? key.value : key));
        if (isMap(entry.doc.contents)) {
          entry.doc.contents.items.sort((a, b) => rank(a.key) - rank(b.key));
        }
        entry.doc.commentBefore = ` ${String(fields.name ?? id)}: one of the clinic's locations (the first in order is its main location).`;
      }
      plan.problems.push(...this.answerProblems('locations', entry, fields, at, file));
      this.locationTranslations(id, entry, before, translations, tags, at, plan);
      if (therapists === undefined) return;
      if (!Array.isArray(therapists) || !therapists.every((name) => typeof name === 'string')) {
        plan.problems.push(
          `${at}.therapists: must be a list of the therapists who work there, by name`,
        );
        return;
      }
      workers.push(...therapists.map((therapist) => ({ therapist, id, at: `${at}.therapists` })));
    });
    // The locations the answers replace: the template's placeholder goes, with its translations.
    for (const file of this.mainFiles(folder)) {
      const id = basename(file, '.yaml');
      if (ids.includes(id) || plan.writes.some((write) => write.path === join(this.root, file))) {
        continue;
      }
      const doc = this.file(file).doc;
      const placeholder =
        markedFields(doc).length > 0 ||
        Object.values((doc.toJS() ?? {}) as Data).some(
          (value) => typeof value === 'string' && valueProblems(value).length > 0,
        );
      if (!placeholder) {
        plan.notes.push(
          `${file}: a location the answers do not give, kept as it is (remove it in the CMS if the clinic no longer has it)`,
        );
        continue;
      }
      for (const code of [this.main, ...this.otherFolders(folder)]) {
        const path = `src/content/${folder}/${code}/${id}.yaml`;
        if (existsSync(join(this.root, path))) plan.removals.push(path);
      }
    }
    if (workers.length > 0 && ids.length === list.length) this.whoWorksWhere(workers, ids, plan);
  }

  /**
   * A location's file in each other language of the site (`tags`, the main one first): the words
   * its answer gives for that language (`translations`), and the main language's words where it
   * gives none and the translation has none of its own (or the answers changed them), the file
   * then marked for review. A translation's page address (`slug`) is made from its name.
   */
  private locationTranslations(
    id: string,
    main: EntryFile,
    before: Data,
    answer: unknown,
    tags: string[],
    at: string,
    plan: Plan,
  ): void {
    const folder = COLLECTIONS.locations.folder;
    const others = tags.slice(1);
    const given = answer ?? {};
    if (!isObject(given)) {
      plan.problems.push(
        `${at}.translations: must be its words by language tag, like es-US: { name: Centro }`,
      );
      return;
    }
    for (const tag of Object.keys(given).filter((tag) => !others.includes(tag))) {
      plan.problems.push(
        `${at}.translations.${tag}: is not another language of the site (${others.length ? `those are ${others.join(', ')}` : 'it has one language'})`,
      );
    }
    const schema = contentSchemas.locations;
    const mainData = (main.doc.toJS() ?? {}) as Data;
    const mainWords = (pickWords(schema, mainData) ?? {}) as Data;
    const beforeWords = (pickWords(schema, before) ?? {}) as Data;
    for (const tag of others) {
      const field = `${at}.translations.${tag}`;
      const words = given[tag] ?? {};
      if (!isObject(words)) {
        plan.problems.push(`${field}: must be the location’s words in ${tag}, like name: Centro`);
        continue;
      }
      const file = `src/content/${folder}/${languageCode(tag)}/${id}.yaml`;
      const isNew = !existsSync(join(this.root, file));
      const entry = isNew
        ? this.newFile(plan, file, { reviewed: false })
        : this.planned(plan, file);
      let changed = isNew;
      const theirs = (entry.doc.toJS() ?? {}) as Data;
      for (const [key, value] of Object.entries(mainWords)) {
        if (key in words) continue;
        const own = theirs[key];
        const placeholder = typeof own === 'string' && valueProblems(own).length > 0;
        const unchanged = JSON.stringify(value) === JSON.stringify(beforeWords[key]);
        if (own !== undefined && unchanged && !placeholder) continue;
        entry.doc.set(key, entry.doc.createNode(value));
        changed = true;
      }
      // A word the main language's file no longer has (a hoursNote removed) goes in every language.
      for (const key of Object.keys((pickWords(schema, theirs) ?? {}) as Data)) {
        if (!(key in mainWords) && !(key in words)) {
          entry.doc.delete(key);
          changed = true;
        }
      }
      const { reviewed, ...translated } = words;
      // Only what differs from the file changes it (a second run gives the same name again).
      const own = Object.fromEntries(
        Object.entries(translated).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(theirs[key]),
        ),
      );
      if (Object.keys(own).length > 0) {
        this.merge(entry, own, plan, field);
        changed = true;
      }
      if (reviewed !== undefined) entry.doc.set('reviewed', reviewed);
      else if (changed) entry.doc.set('reviewed', false);
      if (hasOwnSlug('locations', id) && !entry.doc.has('slug')) {
        entry.doc.set('slug', asciiSlug(String(entry.doc.get('name') ?? id)));
      }
      if (!changed && reviewed === undefined) {
        plan.writes.splice(plan.writes.indexOf(entry), 1);
        continue;
      }
      const data = (entry.doc.toJS() ?? {}) as Data;
      plan.problems.push(
        ...translationProblems('locations', data, mainData, main.path).map((problem) =>
          Object.keys(translated).some(
            (key) => problem.startsWith(`${key}:`) || problem.startsWith(`${key}.`),
          )
            ? `${field}.${problem}`
            : `${file}: ${problem}`,
        ),
      );
    }
  }

  /**
   * Who works where: each therapist's `locations`, from the therapists each location's answer
   * names (by name, or file name). A therapist named at every location works everywhere (no
   * `locations`); one named at none is a problem, as is a name no therapist has.
   */
  private whoWorksWhere(
    workers: { therapist: string; id: string; at: string }[],
    ids: string[],
    plan: Plan,
  ): void {
    const folder = `src/content/therapists/${this.main}`;
    const files = [
      ...new Set([
        ...this.mainFiles('therapists'),
        ...plan.writes
          .map((write) => write.path.slice(this.root.length + 1))
          .filter((path) => path.startsWith(`${folder}/`)),
      ]),
    ].filter((file) => !plan.removals.includes(file));
    const therapists = files.map((file) => {
      const entry = plan.writes.find((write) => write.path === join(this.root, file));
      const data = ((entry ?? this.file(file)).doc.toJS() ?? {}) as Data;
      return { file, id: basename(file).replace(/\.\w+$/, ''), name: String(data.name ?? '') };
    });
    const where = new Map<string, string[]>();
    for (const { therapist, id, at } of workers) {
      const found = therapists.find((one) => one.name === therapist || one.id === therapist);
      if (!found) {
        plan.problems.push(
          `${at}: there is no therapist "${therapist}" (the therapists are ${therapists.map(({ name }) => name).join(', ')})`,
        );
        continue;
      }
      where.set(found.file, [...(where.get(found.file) ?? []), id]);
    }
    for (const { file, name } of therapists) {
      const at = where.get(file);
      if (!at) {
        plan.problems.push(
          `locations: ${name} (${file}) works at none of them: name them in the therapists of each location where they work`,
        );
        continue;
      }
      const entry = this.planned(plan, file);
      const everywhere = ids.every((id) => at.includes(id));
      if (everywhere) entry.doc.delete('locations');
      else {
        const node = entry.doc.createNode(ids.filter((id) => at.includes(id)));
        node.flow = true;
        entry.doc.set('locations', node);
      }
    }
  }

  /**
   * Every therapist, closure and notice naming a location must name one the site has once the
   * answers are in (a location the answers replace, or one a new therapist names in error), or
   * the build stops: named here by file and field, in the build's words.
   */
  private locationReferences(plan: Plan): void {
    const folder = COLLECTIONS.locations.folder;
    const path = (file: string) => join(this.root, file);
    const planned = plan.writes.map((write) => write.path);
    const dir = `src/content/${folder}/${this.main}`;
    const locations = new Set(
      [
        ...this.mainFiles(folder).filter((file) => !plan.removals.includes(file)),
        ...planned.filter((file) => file.startsWith(`${path(dir)}/`)),
      ].map((file) => basename(file, '.yaml')),
    );
    for (const { holder, path: field, target } of REFERENCE_FIELDS) {
      if (target !== 'locations' || !(holder in COLLECTIONS)) continue;
      const holderFolder = COLLECTIONS[holder as keyof typeof COLLECTIONS].folder;
      const files = [
        ...this.mainFiles(holderFolder).map(path),
        ...planned.filter((file) =>
          file.startsWith(`${path(`src/content/${holderFolder}/${this.main}`)}/`),
        ),
      ];
      for (const full of new Set(files)) {
        const file = full.slice(this.root.length + 1);
        if (plan.removals.includes(file)) continue;
        const entry = plan.writes.find((write) => write.path === full) ?? this.file(file);
        for (const id of valuesAt(entry.doc.toJS(), field)) {
          if (typeof id === 'string' && !locations.has(id)) {
            plan.problems.push(
              `${file}: ${field.join('.')}: there is no location "${id}" (${dir}/${id}.yaml): name one of ${[...locations].join(', ')}, or none for every location`,
            );
          }
        }
      }
    }
  }

  /** A new file at `path` (from the project root) holding `data`, written with the plan. */
  private newFile(plan: Plan, path: string, data: Data = {}): EntryFile {
    const entry: EntryFile = { path: join(this.root, path), doc: new Document(data), bodyLine: 0 };
    plan.writes.push(entry);
    return entry;
  }

  /** The file at `path` as this plan already changes it, or as it is. */
  private planned(plan: Plan, path: string): EntryFile {
    const full = join(this.root, path);
    const entry = plan.writes.find((write) => write.path === full) ?? this.file(path);
    if (!plan.writes.includes(entry)) plan.writes.push(entry);
    return entry;
  }

  /** The main language's files of a content folder (`pricing`), from the project root. */
  mainFiles(folder: string): string[] {
    const dir = `src/content/${folder}/${this.main}`;
    return readdirSync(join(this.root, dir))
      .filter((name) => /\.(?:mdx|ya?ml)$/.test(name))
      .map((name) => `${dir}/${name}`);
  }

  /** Which of `files` still carry a `# CONFIRM` mark, and where in each. */
  private toConfirm(files: string[]): { file: string; paths: (string | number)[][] }[] {
    return files
      .map((file) => ({ file, paths: markedFields(this.file(file).doc, 'CONFIRM') }))
      .filter(({ paths }) => paths.length > 0);
  }

  /**
   * The original clinic's facts still as shipped (`# CONFIRM`), by what setup asks about: the
   * prices (each length and its price), the insurance plans' names, whether any place says the
   * clinic treats workers' compensation and auto-accident cases, and whether the policies' review
   * days are as shipped.
   */
  /** The titles of the pages on conditions whose reviewer has not approved them yet. */
  unapprovedConditions(): string[] {
    return this.mainFiles('conditions')
      .map((file) => this.file(file).doc.toJS() as Data)
      .filter((data) => data['approvedByReviewer'] !== true)
      .map((data) => String(data['title']));
  }

  shipped(): {
    prices: { minutes: number; price: number }[];
    plans: string[];
    cases: boolean;
    policies: boolean;
  } {
    const data = (file: string) => this.file(file).doc.toJS() as Data;
    const pages = (...ids: string[]) => ids.map((id) => `src/content/pages/${this.main}/${id}.mdx`);
    return {
      prices: this.toConfirm(this.mainFiles('pricing')).map(({ file }) => ({
        minutes: Number(data(file)['durationMinutes']),
        price: Number(data(file)['price']),
      })),
      plans: this.toConfirm(this.mainFiles('insurance')).map(({ file }) =>
        String(data(file)['name']),
      ),
      cases:
        this.toConfirm(
          [
            `src/content/faq/${this.main}/workers-compensation.mdx`,
            `src/content/faq/${this.main}/auto-accidents.mdx`,
            ...pages('faq'),
            `src/content/settings/${this.main}/booking.yaml`,
          ].filter((path) => existsSync(join(this.root, path))),
        ).length > 0,
      policies: this.toConfirm(pages('privacy', 'accessibility')).length > 0,
    };
  }

  /**
   * The original clinic's facts, as shipped (`# CONFIRM`), confirmed or replaced: prices set,
   * insurance plans kept or removed, workers' compensation and auto-accident care confirmed, the
   * policies' review day set. What the answers leave open stays marked, for launch-check to name.
   */
  private confirm(answers: NonNullable<Answers['confirm']>, plan: Plan): void {
    const confirmAll = (files: { file: string; paths: (string | number)[][] }[]) => {
      for (const { file, paths } of files) {
        const entry = this.planned(plan, file);
        for (const path of paths) clearMarkers(entry.doc, path, 'CONFIRM');
      }
    };
    if (answers.prices) {
      const prices = answers.prices;
      const tiers = this.mainFiles('pricing').map((file) => ({
        file,
        minutes: String(
          (this.file(file).doc.toJS() as { durationMinutes?: number }).durationMinutes,
        ),
      }));
      for (const { file, minutes } of tiers) {
        const price = prices[minutes];
        if (price === undefined) {
          plan.problems.push(
            `confirm.prices: no price for ${minutes} minutes (the site offers ${tiers.map((tier) => tier.minutes).join(', ')})`,
          );
          continue;
        }
        const entry = this.planned(plan, file);
        entry.doc.set('price', price);
        const data = { ...(entry.doc.toJS() as Data), body: entry.body };
        plan.problems.push(
          ...problemsOf('pricing', data, 'price').map(
            (problem) => `confirm.prices.${minutes}: ${problem}`,
          ),
        );
        clearMarkers(entry.doc, [], 'CONFIRM');
      }
      for (const minutes of Object.keys(prices)) {
        if (!tiers.some((tier) => tier.minutes === minutes)) {
          plan.problems.push(
            `confirm.prices.${minutes}: the site has no ${minutes}-minute session (add one in the CMS: Pricing)`,
          );
        }
      }
    }
    const plans = this.toConfirm(this.mainFiles('insurance'));
    const everyLanguage = (folder: string, name: string, path: (string | number)[] = []) =>
      [this.main, ...this.otherFolders(folder)]
        .map((code) => `src/content/${folder}/${code}/${name}`)
        .filter((file) => existsSync(join(this.root, file)))
        .map((file) => ({ file, path }));
    const confirmEach = (marks: { file: string; path: (string | number)[] }[]) => {
      for (const { file, path } of marks) {
        const entry = this.planned(plan, file);
        clearMarkers(entry.doc, path, 'CONFIRM');
      }
    };
    // What states the plans, and what states the care, in every language (src/content: the
    // `# CONFIRM` marks); the insurance page states both.
    const plansSaid = [
      ...everyLanguage('faq', 'which-insurance-plans.mdx'),
      ...everyLanguage('pages', 'home.mdx', ['description']),
    ];
    const careSaid = [
      ...everyLanguage('faq', 'workers-compensation.mdx'),
      ...everyLanguage('faq', 'auto-accidents.mdx'),
      ...everyLanguage('pages', 'home.mdx', ['words', 'insuranceLink']),
      ...everyLanguage('pages', 'faq.mdx', ['description']),
      ...everyLanguage('settings', 'booking.yaml', ['beforeYourVisit', 'items', 2]),
    ];
    if (answers.insurancePlans === 'keep') {
      confirmAll(plans);
      confirmEach(plansSaid);
    }
    if (answers.insurancePlans === 'remove') {
      for (const { file } of plans) {
        const name = basename(file);
        for (const code of [this.main, ...this.otherFolders('insurance')]) {
          const path = `src/content/insurance/${code}/${name}`;
          if (existsSync(join(this.root, path))) plan.removals.push(path);
        }
      }
    }
    if (answers.workersCompensationAndAutoAccidents === true) {
      confirmEach(careSaid);
      if (answers.insurancePlans === 'keep') {
        confirmEach(everyLanguage('pages', 'insurance.mdx'));
      }
    }
    if (answers.conditionsApproved) {
      for (const file of this.mainFiles('conditions')) {
        const entry = this.planned(plan, file);
        entry.doc.set('lastReviewed', answers.conditionsApproved);
        entry.doc.set('approvedByReviewer', true);
      }
    }
    if (answers.policiesReviewed) {
      for (const [page, field] of [
        ['privacy', 'updated'],
        ['accessibility', 'reviewed'],
      ] as const) {
        const entry = this.planned(plan, `src/content/pages/${this.main}/${page}.mdx`);
        entry.doc.set(field, answers.policiesReviewed);
        clearMarkers(entry.doc, [field], 'CONFIRM');
      }
    }
  }

  /**
   * The example testimonials (a main-language file marked PLACEHOLDER as a whole) go, with their
   * translations: a testimonial is a client's own words, added in the CMS with the day of their
   * written permission, and an invented one is what the FTC's rule forbids (16 CFR 465.2).
   */
  private exampleTestimonials(plan: Plan): void {
    const folder = COLLECTIONS.testimonials.folder;
    if (!existsSync(join(this.root, 'src/content', folder, this.main))) return;
    for (const file of this.mainFiles(folder)) {
      if (!markedFields(this.file(file).doc).some((path) => path.length === 0)) continue;
      const name = basename(file);
      for (const code of [this.main, ...this.otherFolders(folder)]) {
        const path = `src/content/${folder}/${code}/${name}`;
        if (existsSync(join(this.root, path))) plan.removals.push(path);
      }
    }
  }

  /** Every change the answers make, and every problem with them; nothing is written yet. */
  plan(answers: Answers): Plan {
    const plan: Plan = { problems: [], notes: [], writes: [], copies: [], removals: [] };
    if (answers.languages) this.languages(answers.languages, plan);
    if (answers.clinic) {
      const { clinic, location } = splitClinicAnswers(answers.clinic);
      if (Object.keys(clinic).length > 0) {
        this.settings('clinic', clinic, plan, new Set(['brand.logo']));
      }
      if (answers.locations) {
        // Given twice, which would win is a guess: each location's own answer is the one.
        plan.problems.push(
          ...Object.keys(location).map(
            (field) =>
              `clinic.${field}: is a location’s, and the answers give the locations: give it under each of them (locations.0.${field})`,
          ),
        );
      } else if (Object.keys(location).length > 0) this.settings('locations', location, plan);
    }
    if (answers.booking) this.settings('booking', answers.booking, plan);
    if (answers.deploy) this.deploy(answers.deploy, plan);
    if (answers.therapists) this.therapists(answers.therapists, plan);
    if (answers.locations) {
      const tags =
        answers.languages ??
        readLanguages(pathToFileURL(`${this.root}/`)).all.map(({ tag }) => tag);
      this.locations(answers.locations, tags, plan);
    }
    this.locationReferences(plan);
    if (answers.photos) this.photos(answers.photos, plan);
    if (answers.accessibility) this.physicalAccess(answers.accessibility.physicalAccess, plan);
    if (answers.confirm) this.confirm(answers.confirm, plan);
    this.exampleTestimonials(plan);
    // Without an icon of its own, an SVG logo is the icon too.
    const logo = (answers.clinic?.brand as Data | undefined)?.logo;
    const icon =
      answers.icon ?? (typeof logo === 'string' && logo.endsWith('.svg') ? logo : undefined);
    if (icon) {
      const from = isAbsolute(icon) ? icon : resolve(this.answersDir, icon);
      if (!icon.endsWith('.svg')) plan.problems.push('icon: must be an SVG file');
      else if (!existsSync(from)) plan.problems.push(`icon: there is no file ${from}`);
      else plan.copies.push([from, 'public/favicon.svg']);
    }
    return plan;
  }

  /** Writes what `plan` prepared. Returns the files changed, from the project root. */
  apply(plan: Plan): string[] {
    const changed: string[] = [];
    for (const [from, to] of plan.copies) {
      mkdirSync(dirname(join(this.root, to)), { recursive: true });
      if (resolve(from) !== resolve(this.root, to)) copyFileSync(from, join(this.root, to));
      changed.push(to);
    }
    for (const entry of plan.writes) {
      mkdirSync(dirname(entry.path), { recursive: true });
      writeEntryFile(entry);
      changed.push(entry.path.slice(this.root.length + 1));
    }
    for (const path of plan.removals) {
      rmSync(join(this.root, path));
      changed.push(`${path} (removed)`);
    }
    if (plan.deploy) {
      writeSiteConfig(join(this.root, 'src/site.config.ts'), plan.deploy);
      changed.push('src/site.config.ts');
    }
    // Every other language gets the entries it lacks (a new language all of them; an existing one
    // the therapists just added), in the main language's words, each marked for review.
    const { others } = readLanguages(pathToFileURL(`${this.root}/`));
    for (const { tag } of others) changed.push(...addLanguage(this.root, tag));
    return [...new Set(changed)];
  }
}

/**
 * Sets the deploy settings in `src/site.config.ts`, keeping everything else of the file; a file
 * rewritten by hand is refused with its name (`withDeploySettings`).
 */
function writeSiteConfig(path: string, settings: DeploySettings): void {
  writeFileSync(path, withDeploySettings(readFileSync(path, 'utf8'), settings, path));
}
