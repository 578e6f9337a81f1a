/**
 * The Decap CMS configuration, generated from the content schemas (src/cms/fields.ts) plus what
 * only the CMS needs: labels, list summaries, sort orders, widgets for images and relations.
 */
import type {
  CmsBackend,
  CmsCollection,
  CmsConfig,
  CmsField,
  CmsCollectionFile,
  CmsCollectionFormatType,
  CmsFieldFileOrImage,
} from 'decap-cms-core';
import { z } from 'astro/zod';
import { CMS_BACKEND } from '../site.config';
import { authEndpointFor, type CmsBackendSettings } from '../schemas/deploy';
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  contentSchemas,
  pageFileName,
  SETTINGS,
  SETTINGS_FOLDER,
  SETTINGS_NAMES,
  type CmsCollectionOptions,
  type CollectionDefinition,
  type CollectionName,
  type ContentName,
} from '../collections';
import { decapFields, wordFields, type FieldOverrides } from './fields';
import type { Language } from '../schemas/languages';
import { translationMetaSchema } from '../schemas/translation-meta';
import { PAGE_IDS, PAGES } from '../schemas/pages';

/**
 * Uploaded images go where Astro optimises them. Entries name them from the project root
 * (`/src/assets/images/…`), which Astro's `image()` resolves from any collection or settings file,
 * and which the media library's "Copy" gives outside an entry too.
 */
const media = { media_folder: '/src/assets/images', public_folder: '/src/assets/images' } as const;

const imageField: CmsFieldFileOrImage = { widget: 'image', choose_url: false, ...media };

/** A day (src/lib/dates.ts), in the browser's date input, saved as typed (src/cms/day-widget.ts). */
// A widget of ours (registered by src/cms/admin.ts): Decap's types name only its own widgets.
const dayField = { widget: 'day' } as unknown as FieldOverrides[string];

const body = (label: string): CmsField => ({
  name: 'body',
  label,
  widget: 'markdown',
  required: false,
  buttons: [
    'bold',
    'italic',
    'link',
    'heading-two',
    'heading-three',
    'bulleted-list',
    'numbered-list',
  ],
  editor_components: ['book-tier', 'callout'],
  modes: ['rich_text'],
  hint: 'Text only: symbols such as { } < > appear exactly as typed. Use the + button for a booking button or a callout.',
});

/** What the JSON Schema of a field says of it beyond its type (`.meta()` of src/collections.ts and src/schemas/fields.ts). */
interface FieldJson {
  type?: string;
  properties?: Record<string, FieldJson>;
  items?: FieldJson;
  references?: string;
  image?: boolean;
  day?: boolean;
}

/**
 * The widgets a schema says by itself, by field path: an image (`image()`) is Decap's image
 * widget; a field naming entries of another collection (`reference()`) is a relation to it, picked
 * by that collection's identifier; a day (`day()`) is the site's day widget.
 */
function schemaWidgets(name: ContentName): FieldOverrides {
  const widgets: FieldOverrides = {};
  const visit = (json: FieldJson, path: string, many: boolean) => {
    const target = json.references as CollectionName | undefined;
    if (target) {
      const { identifier_field } = COLLECTIONS[target].cms;
      widgets[path] = {
        widget: 'relation',
        collection: target,
        search_fields: [identifier_field],
        value_field: '{{slug}}',
        display_fields: [identifier_field],
        ...(many && { multiple: true }),
      };
    } else if (json.image) widgets[path] = imageField;
    else if (json.day) widgets[path] = dayField;
    else if (json.type === 'array' && json.items) visit(json.items, path, true);
    else {
      for (const [key, property] of Object.entries(json.properties ?? {})) {
        visit(property, path ? `${path}.${key}` : key, false);
      }
    }
  };
  visit(
    z.toJSONSchema(contentSchemas[name], { io: 'input', unrepresentable: 'any' }) as FieldJson,
    '',
    false,
  );
  return widgets;
}

/** The fields of a content's schema, each with its widget and label. */
function fieldsOf(
  name: ContentName,
  {
    widgets = {},
    labels,
  }: { widgets?: FieldOverrides | undefined; labels?: Record<string, string> | undefined },
  i18n: boolean,
): CmsField[] {
  const overrides = { ...schemaWidgets(name), ...widgets };
  return relabel(decapFields(contentSchemas[name], overrides, { i18n }), labels);
}

function relabel(fields: CmsField[], labels: Record<string, string> = {}): CmsField[] {
  return fields.map((field) => {
    const label = labels[field.name];
    return label ? { ...field, label } : field;
  });
}

/**
 * Decap reads `format` on a settings file too; its type leaves it out. Every file is written by
 * one of the site's own formats (src/cms/formats.ts), which Decap's type does not know either.
 */
interface SettingsFile extends CmsCollectionFile {
  format: EntryFormat;
}
/** The names of the site's file formats (registered by src/cms/formats.ts). */
export const ENTRY_FORMATS = { mdx: 'mdx-entry', yaml: 'yaml-entry' } as const;
type EntryFormat = (typeof ENTRY_FORMATS)[keyof typeof ENTRY_FORMATS];
/** A format of ours, where Decap's types expect one of its own names. */
const format = (name: EntryFormat) => name as unknown as CmsCollectionFormatType;

/** The site's languages as the CMS needs them: main first (`src/content/settings/languages.yaml`). */
export interface CmsLanguages {
  main: Language;
  others: Language[];
}

/** What a fluent speaker ticks once a translation reads right (`reviewed` in the file). */
const reviewedField = (i18n: boolean): CmsField => ({
  name: 'reviewed',
  label: i18n
    ? 'Translation checked by a fluent speaker (for translations only)'
    : 'Checked by a fluent speaker',
  widget: 'boolean',
  required: false,
  // No default: a default would mark every opened entry as changed. Until it is ticked the
  // translation counts as not reviewed (src/launch/check.ts).
  hint: 'Tick once a fluent speaker has read this translation. Unticked, npm run launch-check lists it and the production site is not built.',
  ...(i18n && { i18n: true }),
});

/** What the CMS adds to a collection's own options where it is shown (a time zone, filters). */
type CollectionShown = CmsCollectionOptions & {
  view_filters?: { label: string; field: string; pattern: string }[];
};

function folderCollection(
  name: CollectionName,
  options: CollectionShown,
  languages: CmsLanguages,
): CmsCollection {
  const { body: bodyLabel, widgets, labels, slug, ...rest } = options;
  const { folder, format: fileFormat } = COLLECTIONS[name] as CollectionDefinition;
  const i18n = languages.others.length > 0;
  const fields = fieldsOf(name, { widgets: widgets as FieldOverrides | undefined, labels }, i18n);
  const path = `src/content/${folder}`;
  return {
    ...rest,
    name,
    // With several languages Decap adds the language's folder itself (`multiple_folders`) and
    // shows the languages side by side; with one, the main language's folder is the collection.
    folder: i18n ? path : `${path}/${languages.main.code}`,
    ...(i18n && { i18n: true }),
    extension: fileFormat,
    format: format(ENTRY_FORMATS[fileFormat]),
    create: true,
    slug: slug ?? '{{slug}}',
    sortable_fields: rest.sortable_fields.map((field, index) =>
      index === 0 ? { field, default_sort: true } : field,
    ),
    ...media,
    fields: [
      ...fields,
      ...(bodyLabel ? [{ ...body(bodyLabel), ...(i18n && { i18n: true }) }] : []),
      ...(i18n ? [reviewedField(true)] : []),
    ],
  };
}

const settingsFiles: SettingsFile[] = SETTINGS_NAMES.map((name) => ({
  name,
  label: SETTINGS[name].cms.label,
  file: `src/content/${SETTINGS_FOLDER}/{language}/${name}.yaml`,
  format: ENTRY_FORMATS.yaml,
  fields: fieldsOf(name, SETTINGS[name].cms as Pick<CmsCollectionOptions, 'labels'>, true),
}));

/** A collection of named files (the pages, the settings). */
type FilesCollection = CmsCollection & { files: SettingsFile[] };

const pages: FilesCollection = {
  name: 'pages',
  label: 'Pages',
  // Decap reads the format of a files collection from the collection (`.mdx` says nothing to it).
  format: format(ENTRY_FORMATS.mdx),
  description:
    'Each page’s title, search description, heading, introduction, text and its other words. What every page shares is in Settings › Every page: navigation, header, footer.',
  delete: false,
  editor: { preview: true },
  files: PAGE_IDS.map((id): SettingsFile => ({
    name: pageFileName(id),
    label: PAGES[id].label,
    file: `src/content/pages/{language}/${id}.mdx`,
    format: ENTRY_FORMATS.mdx,
    fields: [
      ...fieldsOf(
        pageFileName(id),
        {
          labels: {
            imageAlt: 'Image description (alt text)',
            lede: 'Introduction',
            words: 'Other words on this page',
          },
        },
        true,
      ),
      body('Page text'),
    ],
  })),
};

const settings: FilesCollection = {
  name: 'settings',
  label: 'Settings',
  description: 'Facts about the clinic, the words every page shares, and online booking.',
  delete: false,
  editor: { preview: true },
  files: settingsFiles,
};

/**
 * The language of a CMS collection of another language's own files (`pages-es` holds Spanish
 * pages, see `fileCollections`), or undefined for every other collection.
 */
export function collectionLanguage(languages: CmsLanguages, collection: string) {
  return languages.others.find(({ code }) => collection.endsWith(`-${code}`));
}

/** Staff's name of a language: its own name for itself (`Intl.DisplayNames`), e.g. Español. */
export function languageLabel({ tag, code }: Language): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(code) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/**
 * The pages and the settings, in the main language and then in each other one. Decap shows
 * languages side by side only in folder collections: for a files collection it allows only the
 * single-file structure (decap-cms-core, `throwOnInvalidFileCollectionStructure` in
 * actions/config), which would put every language in one file. So each other language has its own
 * "Pages" and "Settings", holding only the words (what is the same in every language is set once,
 * in the main language's), its pages' slugs and the reviewed mark.
 */
function fileCollections(languages: CmsLanguages): CmsCollection[] {
  const inLanguage = (file: string, { code }: Language) => file.replace('{language}', code);
  const main = (collection: FilesCollection): CmsCollection => ({
    ...collection,
    files: collection.files.map((file) => ({
      ...file,
      file: inLanguage(file.file, languages.main),
    })),
  });
  const translated = (
    collection: FilesCollection,
    language: Language,
    slug: boolean,
  ): CmsCollection => ({
    ...collection,
    name: `${collection.name}-${language.code}`,
    label: `${collection.label} (${languageLabel(language)})`,
    description: `${collection.description} In ${languageLabel(language)}: only the words; everything else is set once in the main language.`,
    files: collection.files.map((file) => ({
      ...file,
      file: inLanguage(file.file, language),
      fields: [
        reviewedField(false),
        ...(slug && !file.file.endsWith('/home.mdx') && !file.file.endsWith('/not-found.mdx')
          ? [
              {
                name: 'slug',
                label: 'Address (the last part of the page’s URL)',
                widget: 'string',
                required: false,
                hint: translationMetaSchema.shape.slug.description ?? '',
              } satisfies CmsField,
            ]
          : []),
        ...wordFields(
          (file.fields ?? []).map((field) =>
            field.name === 'body' ? { ...field, i18n: true } : field,
          ) as CmsField[],
        ),
      ],
    })),
  });
  return [
    main(pages),
    main(settings),
    ...languages.others.flatMap((language) => [
      translated(pages, language, true),
      translated(settings, language, false),
    ]),
  ];
}

/**
 * Decap's `backend` for the site's settings (`CMS_BACKEND` in src/site.config.ts): `github`, the
 * repository and branch, logging in at `base_url` (`auth_endpoint` as `authEndpointFor` gives it);
 * or `git-gateway`, the branch only: Netlify's Git Gateway knows the repository, and staff log in
 * with Netlify Identity at the site's own `/.netlify/identity` (Decap's defaults).
 */
export function backendConfig(settings: CmsBackendSettings): CmsBackend {
  const { name, repo, branch, base_url } = settings;
  return name === 'git-gateway'
    ? { name, branch }
    : { name, repo, branch, base_url, auth_endpoint: authEndpointFor(base_url) };
}

/** Where the CMS saves: the local decap-server while editing on this machine, else GitHub. */
export function cmsConfig({
  local,
  languages,
  timeZone,
  faqCategories = [],
}: {
  local: boolean;
  languages: CmsLanguages;
  /** The clinic's time zone (clinic.yaml), named where staff enter days. */
  timeZone?: string | undefined;
  /** The published FAQ categories in their order, each by file name and heading. */
  faqCategories?: { id: string; heading: string }[] | undefined;
}): CmsConfig {
  // A collection of days (closures, notices): days are the clinic's, in its time zone.
  const inZone = (name: CollectionName, collection: CollectionShown): CollectionShown =>
    timeZone && Object.values(schemaWidgets(name)).includes(dayField)
      ? {
          ...collection,
          description: `${collection.description} Days are the clinic’s, in its time zone (${timeZone}).`,
        }
      : collection;
  // The FAQ list, one category at a time by its heading, in the order of its questions. Decap's
  // list sorts by one field and its summaries cannot look up another entry (the heading), so each
  // category is a filter named by its heading.
  const byCategory = (name: CollectionName, collection: CollectionShown): CollectionShown =>
    name === 'faq' && faqCategories.length > 0
      ? {
          ...collection,
          view_filters: faqCategories.map(({ id, heading }) => ({
            label: heading,
            field: 'category',
            pattern: `^${id}$`,
          })),
        }
      : collection;
  return {
    load_config_file: false,
    backend: backendConfig(CMS_BACKEND),
    // Drafts, review and publishing as on GitHub (each edit a branch and a pull request), also on
    // this machine with decap-server in git mode. Its file-system mode (`npm run dev -- --simple`)
    // offers no drafts, and Decap then falls back to publishing each save.
    publish_mode: 'editorial_workflow',
    ...(local && { local_backend: true }),
    // File names (and so entry ids and URLs) in ASCII: "Masaje terapéutico" → masaje-terapeutico.
    // Decap's default keeps any letter, and a slug such as `test-日本語` could not be named by a
    // question or a therapist (references are `[a-z0-9-]`).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    site_url: '/',
    display_url: '/',
    media_folder: 'src/assets/images',
    public_folder: media.public_folder,
    ...(languages.others.length > 0 && {
      i18n: {
        structure: 'multiple_folders',
        locales: [languages.main, ...languages.others].map(({ code }) => code),
        default_locale: languages.main.code,
      },
    }),
    collections: [
      ...COLLECTION_NAMES.map((name) =>
        folderCollection(name, byCategory(name, inZone(name, COLLECTIONS[name].cms)), languages),
      ),
      ...fileCollections(languages),
    ],
  };
}
