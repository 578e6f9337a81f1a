/**
 * The build's content collections, every one derived from the registry (src/collections.ts, and
 * `PAGES` in src/schemas/pages.ts): a collection per registry collection, per page and per
 * settings file, plus every translation file.
 */
import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  PAGES_FOLDER,
  SETTINGS,
  SETTINGS_FOLDER,
  SETTINGS_NAMES,
  referenceTarget,
  type CollectionName,
  type SettingsName,
} from './collections';
import { LANGUAGES } from './i18n/languages';
import { entryName, type EntryReference, type SchemaTools } from './schemas/fields';
import {
  PAGE_IDS,
  pageCollection,
  pageSchemaOf,
  type PageCollection,
  type PageId,
  type PageSchema,
} from './schemas/pages';

/** The main language's files are in each folder's `<code>/`; the other languages' beside them. */
const MAIN = LANGUAGES.main.code;

/**
 * YAML entries, each named by its file name. An empty YAML file has no data, on which Astro's
 * glob loader fails (`Cannot read properties of undefined (reading 'slug')`, naming no file);
 * named by the file instead, the empty entry reaches its schema (see `orEmpty`).
 */
const yamlEntries = (pattern: string, base: string) =>
  glob({ pattern, base, generateId: ({ entry }) => entry.replace(/\.yaml$/, '') });

/** An empty file as an entry with no fields, so the schema names each field it needs. */
const orEmpty = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((data) => data ?? {}, schema);

/**
 * The build's schema tools: Astro's `image()`, and its `reference()` behind `entryName`: its own
 * schema is a union without messages, which the build reports as "Did not match union" for a
 * missing or mistyped name.
 */
const buildTools = ({ image }: SchemaContext): SchemaTools => ({
  image,
  reference: (name) =>
    entryName(referenceTarget(name)).pipe(reference(name)) as unknown as EntryReference,
});

type Loader = ReturnType<typeof glob>;
/** A collection of the build, its schema's type kept (Astro's `CollectionEntry` reads it). */
interface Built<Schema> {
  loader: Loader;
  schema: (context: SchemaContext) => Schema;
}

const entryCollections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => {
    const { folder, format, schema } = COLLECTIONS[name];
    const base = `./src/content/${folder}/${MAIN}`;
    return [
      name,
      defineCollection({
        loader: format === 'yaml' ? yamlEntries('*.yaml', base) : glob({ pattern: '*.mdx', base }),
        schema: (context) => {
          const built = schema(buildTools(context));
          return format === 'yaml' ? orEmpty(built) : built;
        },
      }),
    ];
  }),
) as unknown as {
  [Name in CollectionName]: Built<ReturnType<(typeof COLLECTIONS)[Name]['schema']>>;
};

/** Each page is a collection of its own, so that its own words get their own schema. */
const pageCollections = Object.fromEntries(
  PAGE_IDS.map((id) => [
    pageCollection(id),
    defineCollection({
      loader: glob({ pattern: `${id}.mdx`, base: `./src/content/${PAGES_FOLDER}/${MAIN}` }),
      schema: (context) => pageSchemaOf(id, context),
    }),
  ]),
) as unknown as { [Id in PageId as PageCollection<Id>]: Built<PageSchema<Id>> };

const settingsCollections = Object.fromEntries(
  SETTINGS_NAMES.map((name) => [
    name,
    defineCollection({
      loader: yamlEntries(`${name}.yaml`, `./src/content/${SETTINGS_FOLDER}/${MAIN}`),
      schema: (context) => orEmpty(SETTINGS[name].schema(buildTools(context))),
    }),
  ]),
) as unknown as { [Name in SettingsName]: Built<ReturnType<(typeof SETTINGS)[Name]['schema']>> };

export const collections = {
  ...entryCollections,
  ...pageCollections,
  ...settingsCollections,
  /**
   * Every file of the other languages, named `<folder>/<code>/<name>` (`services/es/trigger-point-therapy`):
   * words only, laid over the main language's entry and checked by `src/lib/content.ts`.
   */
  translations: defineCollection({
    loader: glob({
      pattern: LANGUAGES.others.length
        ? LANGUAGES.others.map(({ code }) => `*/${code}/*.{mdx,yaml}`)
        : '*/.none/*.mdx',
      base: './src/content',
      generateId: ({ entry }) => entry.replace(/\.(mdx|yaml)$/, ''),
    }),
    schema: z.preprocess((data) => data ?? {}, z.record(z.string(), z.unknown())),
  }),
};
