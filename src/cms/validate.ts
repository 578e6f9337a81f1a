/**
 * The last check before the CMS saves: the entry is made safe for MDX and then checked against the
 * same schema as the build. An entry the build would reject is refused, with the field named.
 */
import { escapeForMdx } from '../lib/mdx-text';
import { mdxProblems } from '../lib/mdx-rules';
import { contentSchemas, SETTINGS_NAMES, type ContentName } from '../collections';
import { isEmptyTranslation, isMissingWord, translate, wordsOf } from '../schemas/translation';
import { translationMetaSchema } from '../schemas/translation-meta';

export interface EntryData {
  body?: unknown;
  [field: string]: unknown;
}

/** What is saved: the body escaped so every character shows as typed. */
export function prepareForSave(data: EntryData): EntryData {
  return typeof data.body === 'string' ? { ...data, body: escapeForMdx(data.body) } : data;
}

export type FieldPath = (string | number)[];

/**
 * Where the entry holds a field left empty (`""`, `null`, or an object of nothing but those): Decap
 * writes a cleared field as `note: ""`, which the schema reads as a too-short note, not as no note.
 * The CMS removes these before saving, so a cleared optional field is simply absent from the file.
 * List items are kept (an empty item is the schema's to refuse); so is the body.
 */
export function emptyFieldPaths(data: EntryData): FieldPath[] {
  const walk = (value: unknown, path: FieldPath): FieldPath[] => {
    if (Array.isArray(value)) {
      return value.flatMap((item, index) =>
        item && typeof item === 'object' ? walk(item, [...path, index]) : [],
      );
    }
    if (value && typeof value === 'object') {
      const inner = Object.entries(value).flatMap(([key, child]) => walk(child, [...path, key]));
      const emptyKeys = new Set(inner.filter((found) => found.length === path.length + 1));
      const whollyEmpty = emptyKeys.size === Object.keys(value).length;
      return whollyEmpty && typeof path.at(-1) === 'string' ? [path] : inner;
    }
    return value === '' || value === null ? [path] : [];
  };
  return Object.entries(data)
    .filter(([key]) => key !== 'body')
    .flatMap(([key, value]) => walk(value, [key]));
}

/** A copy of `data` without the fields at `paths` (each a path such as `['licence', 'number']`). */
export function withoutFields(data: EntryData, paths: FieldPath[]): EntryData {
  const copy = structuredClone(data);
  for (const path of paths) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>(
        (node, key) => node[key] as Record<string | number, unknown>,
        copy,
      );
    delete parent[path.at(-1) ?? ''];
  }
  return copy;
}

/** The entry as its file will hold it: without the fields `emptyFieldPaths` finds. */
function withoutEmptyFields(data: EntryData): EntryData {
  return withoutFields(data, emptyFieldPaths(data));
}

/**
 * What one language's file of an entry holds, whichever column it was typed in: the body escaped
 * (`prepareForSave`) and cleared fields left out (`emptyFieldPaths`). Undefined when it holds no
 * words at all (`isEmptyTranslation`): a language not translated yet, which gets no file. The
 * CMS's file formats (src/cms/formats.ts) write every file through it.
 */
export function fileData(data: EntryData): EntryData | undefined {
  const saved = withoutEmptyFields(prepareForSave(data));
  return isEmptyTranslation(saved, typeof saved.body === 'string' ? saved.body : undefined)
    ? undefined
    : saved;
}

/** `field: message` for each problem, empty when the entry is valid. */
export function entryProblems(name: ContentName, data: EntryData): string[] {
  const fields = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'body'));
  const result = contentSchemas[name].safeParse(withoutEmptyFields(fields));
  const fieldProblems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`);
  return [...fieldProblems, ...(typeof data.body === 'string' ? mdxProblems(data.body) : [])];
}

/**
 * `field: message` for each problem of a translation, as the build finds them (`translate` in
 * src/schemas/translation.ts): `words` laid over `main` (the main language's fields), each word by
 * its own rule, none missing that `main` has, none set once that differs. Without `main` (a
 * language's own pages and settings, whose main file the CMS does not hold at hand) each word is
 * checked on its own. The reviewed mark and the slug are the translation's own, checked by
 * `translationMetaSchema`; bodies as MDX, by the build's rules (`mdxProblems`). `mainFile` names
 * where a value set once is changed instead. The CMS checks before saving with it, and so does the
 * launch check.
 */
export function translationProblems(
  name: ContentName,
  words: EntryData,
  main?: EntryData,
  mainFile = 'the main language',
): string[] {
  const data = withoutEmptyFields(words);
  const meta = translationMetaSchema.safeParse({ reviewed: data.reviewed, slug: data.slug });
  const { body, ...given } = wordsOf(data);
  const mainFields = main
    ? Object.fromEntries(Object.entries(withoutEmptyFields(main)).filter(([key]) => key !== 'body'))
    : given;
  const { problems } = translate(contentSchemas[name], mainFields, given, mainFile);
  // A settings file is needed in every language: a word it lacks would stop the build.
  const everyLanguage = (SETTINGS_NAMES as readonly string[]).includes(name);
  return [
    ...(meta.error?.issues ?? []).map(({ path, message }) => `${path.join('.')}: ${message}`),
    // A word not translated yet keeps an entry out of that language; it does not stop a save.
    ...problems.filter((problem) => everyLanguage || !isMissingWord(problem)),
    ...(typeof body === 'string' ? mdxProblems(body) : []),
  ];
}
