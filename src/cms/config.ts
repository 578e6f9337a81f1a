/**
 * The Decap CMS configuration, generated from the content schemas (src/cms/fields.ts) plus what
 * only the CMS needs: labels, list summaries, sort orders, widgets for images and relations.
 */
import type {
  CmsCollection,
  CmsConfig,
  CmsField,
  CmsCollectionFile,
  CmsCollectionFormatType,
  CmsFieldFileOrImage,
} from 'decap-cms-core';
import { CMS_BACKEND } from '../site.config';
import { decapFields, wordFields, type FieldOverrides } from './fields';
import type { Language } from '../schemas/languages';
import { translationMetaSchema } from '../schemas/translation-meta';
import { PAGE_IDS, type PageId } from '../schemas/pages';
import { PAGE_PATHS } from '../schemas/site';
import { contentSchemas, pageFileName, type ContentName } from './schemas';

/**
 * Uploaded images go where Astro optimises them. Entries name them from the project root
 * (`/src/assets/images/…`), which Astro's `image()` resolves from any collection or settings file,
 * and which the media library's "Copy" gives outside an entry too.
 */
const media = { media_folder: '/src/assets/images', public_folder: '/src/assets/images' } as const;

const imageField: CmsFieldFileOrImage = { widget: 'image', choose_url: false, ...media };

/** A field naming service pages, picked by their titles (FAQ questions, therapists). */
const servicesRelation: FieldOverrides[string] = {
  widget: 'relation',
  collection: 'services',
  search_fields: ['title'],
  value_field: '{{slug}}',
  display_fields: ['title'],
  multiple: true,
};

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

interface FolderCollection {
  name: ContentName;
  label: string;
  label_singular: string;
  description: string;
  identifier_field: string;
  summary: string;
  sortable_fields: string[];
  slug?: string;
  create?: boolean;
  delete?: boolean;
  body?: string;
  /** YAML files instead of MDX (a collection with no body). */
  yaml?: boolean;
  overrides?: FieldOverrides;
  labels?: Record<string, string>;
  view_filters?: { label: string; field: string; pattern: string }[];
}

/** What each page is called in the CMS, in the order of the site's navigation. */
const PAGE_LABELS: Record<PageId, string> = {
  home: 'Home page',
  services: 'Services (the list, and the words of every service page)',
  pricing: 'Pricing',
  insurance: 'Insurance',
  'hsa-fsa': 'Paying with HSA/FSA',
  faq: 'FAQ',
  book: 'Book a session',
  contact: 'Contact',
  therapists: 'Therapists',
  'your-visit': 'Your visit (first visit, policy)',
  privacy: 'Privacy notice',
  accessibility: 'Accessibility statement',
  'not-found': 'Page not found',
};

/** A day (src/lib/dates.ts), in the browser's date input, saved as typed (src/cms/day-widget.ts). */
// A widget of ours (registered by src/cms/admin.ts): Decap's types name only its own widgets.
const dayField = { widget: 'day' } as unknown as FieldOverrides[string];

/** The pages a notice may be limited to, by their names (`/pricing/` → Pricing). */
const noticePages: FieldOverrides[string] = {
  widget: 'select',
  multiple: true,
  required: false,
  options: PAGE_PATHS.map((path) => ({
    value: path,
    label: PAGE_LABELS[(path === '/' ? 'home' : path.slice(1, -1)) as PageId],
  })),
};

/** A list's days as the clinic reads them: `Thu 26 Nov 2026` (Decap's summary `date` filter). */
const shownDay = (field: string) => `{{${field} | date('ddd D MMM YYYY')}}`;

const folders: FolderCollection[] = [
  {
    name: 'services',
    label: 'Services',
    label_singular: 'Service',
    description: 'The treatment and each technique (modality), one page each.',
    identifier_field: 'title',
    summary: '{{order}}. {{title}} ({{kind}})',
    sortable_fields: ['order', 'title'],
    body: 'Page text',
    overrides: { image: imageField, summary: { widget: 'text' } },
    labels: {
      helpsWith: 'What it helps with',
      steps: 'Elements of treatment',
      imageAlt: 'Image description (alt text)',
    },
  },
  {
    name: 'benefits',
    label: 'Benefits',
    label_singular: 'Benefit',
    description: 'The benefits listed on the home page.',
    identifier_field: 'title',
    summary: '{{order}}. {{title}}',
    sortable_fields: ['order', 'title'],
  },
  {
    name: 'pricing',
    label: 'Prices',
    label_singular: 'Price tier',
    description: 'Session lengths and prices. Each names its Cal.com event.',
    identifier_field: 'calEvent',
    slug: '{{durationMinutes}}-minutes',
    summary: '{{durationMinutes}} minutes: {{price}} {{currency}}',
    sortable_fields: ['durationMinutes', 'price'],
    labels: { durationMinutes: 'Length (minutes)', calEvent: 'Cal.com event' },
  },
  {
    name: 'faq',
    label: 'FAQ',
    label_singular: 'Question',
    description: 'Questions and answers, grouped by category on the FAQ page.',
    identifier_field: 'question',
    summary: '{{order}}. {{question}}',
    sortable_fields: ['order', 'question', 'category'],
    body: 'Answer',
    overrides: {
      services: servicesRelation,
      category: {
        widget: 'relation',
        collection: 'faqCategories',
        search_fields: ['heading'],
        value_field: '{{slug}}',
        display_fields: ['heading'],
      },
    },
    labels: { services: 'Show on these service pages' },
  },
  {
    name: 'therapists',
    label: 'Therapists',
    label_singular: 'Therapist',
    description: 'Who treats clients: licence, techniques, languages and a short biography.',
    identifier_field: 'name',
    summary: '{{order}}. {{name}}, {{credentials}}',
    sortable_fields: ['order', 'name'],
    body: 'Biography',
    overrides: {
      photo: imageField,
      techniques: servicesRelation,
    },
    labels: {
      credentialName: 'Credential in full',
      photoAlt: 'Photo description (alt text)',
    },
  },
  {
    name: 'faqCategories',
    label: 'FAQ categories',
    label_singular: 'FAQ category',
    description:
      'The sections of the FAQ page, in order. A new category appears once a question is in it.',
    identifier_field: 'heading',
    summary: '{{order}}. {{heading}}',
    sortable_fields: ['order', 'heading'],
    yaml: true,
    // A category's file name is how questions name it: renaming the heading keeps it, and one that
    // questions still name is not deleted (src/cms/guards.ts).
  },
  {
    name: 'closures',
    label: 'Closures and holiday hours',
    label_singular: 'Closure',
    description:
      'Days the clinic is closed or keeps other hours. Each shows beside the opening hours from six weeks before its first day through its last day, then disappears by itself.',
    identifier_field: 'reason',
    slug: '{{validFrom}}-{{reason}}',
    summary: `${shownDay('validFrom')} – ${shownDay('validThrough')}: {{reason}}`,
    sortable_fields: ['validFrom', 'reason'],
    yaml: true,
    overrides: { validFrom: dayField, validThrough: dayField },
    labels: {
      validFrom: 'First day',
      validThrough: 'Last day',
      opens: 'Opens (empty: closed all day)',
      closes: 'Closes (empty: closed all day)',
    },
  },
  {
    name: 'notices',
    label: 'Notices',
    label_singular: 'Notice',
    description:
      'One line above the page’s heading, on every page or the chosen ones, from its first day through its last, then gone by itself.',
    identifier_field: 'text',
    slug: '{{validFrom}}-{{slug}}',
    summary: `${shownDay('validFrom')} – ${shownDay('validThrough')}: {{text}}`,
    sortable_fields: ['validFrom', 'text'],
    yaml: true,
    overrides: { validFrom: dayField, validThrough: dayField, pages: noticePages },
    labels: {
      text: 'Notice',
      link: 'Link',
      pages: 'Only on these pages (none: every page)',
      validFrom: 'First day',
      validThrough: 'Last day',
    },
  },
  {
    name: 'insurance',
    label: 'Insurance plans',
    label_singular: 'Plan',
    description: 'Plans and programs the clinic is listed with.',
    identifier_field: 'name',
    summary: '{{order}}. {{name}}',
    sortable_fields: ['order', 'name'],
    labels: {
      planTypes: 'Plan types',
      viaWellnessProgram: 'Reached through a discount or wellness program',
      coverageUrl: 'Where to check coverage (link)',
      coverageNote: 'How to check coverage',
    },
  },
];

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

function folderCollection(collection: FolderCollection, languages: CmsLanguages): CmsCollection {
  const {
    name,
    body: bodyLabel,
    overrides,
    labels,
    slug,
    create = true,
    yaml,
    ...rest
  } = collection;
  const i18n = languages.others.length > 0;
  const fields = relabel(decapFields(contentSchemas[name], overrides, { i18n }), labels);
  const folder = `src/content/${name === 'faqCategories' ? 'faq-categories' : name}`;
  return {
    ...rest,
    name,
    // With several languages Decap adds the language's folder itself (`multiple_folders`) and
    // shows the languages side by side; with one, the main language's folder is the collection.
    folder: i18n ? folder : `${folder}/${languages.main.code}`,
    ...(i18n && { i18n: true }),
    extension: yaml ? 'yaml' : 'mdx',
    format: format(yaml ? ENTRY_FORMATS.yaml : ENTRY_FORMATS.mdx),
    create,
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

const settingsFiles: SettingsFile[] = [
  {
    name: 'clinic',
    label: 'Clinic',
    file: 'src/content/settings/{language}/clinic.yaml',
    format: ENTRY_FORMATS.yaml,
    fields: relabel(
      decapFields(
        contentSchemas.clinic,
        {
          'hsaFsa.statement': { widget: 'text' },
          'hsaFsa.checklistIntro': { widget: 'text' },
          'hsaFsa.receipt': { widget: 'text' },
          'hsaFsa.letter.request': { widget: 'text' },
          'hsaFsa.letter.privacyNote': { widget: 'text' },
          'visitPolicy.cancellation': { widget: 'text' },
          'visitPolicy.lateArrival': { widget: 'text' },
          'visitPolicy.noShow': { widget: 'text' },
          'brand.logo': imageField,
        },
        { i18n: true },
      ),
      { hsaFsa: 'HSA/FSA', mapUrl: 'Map link', paymentAccepted: 'Payment accepted' },
    ),
  },
  {
    name: 'site',
    label: 'Every page: navigation, header, footer',
    file: 'src/content/settings/{language}/site.yaml',
    format: ENTRY_FORMATS.yaml,
    fields: relabel(decapFields(contentSchemas.site, {}, { i18n: true }), {
      skipLink: 'Skip link',
      forExample: 'Introducing an example',
    }),
  },
  {
    name: 'booking',
    label: 'Online booking',
    file: 'src/content/settings/{language}/booking.yaml',
    format: ENTRY_FORMATS.yaml,
    fields: relabel(decapFields(contentSchemas.booking, {}, { i18n: true }), {
      calLink: 'Cal.com username or team link',
      origin: 'Booking address',
      brandColor: 'Brand colour',
      beforeYourVisit: 'Before your visit (shown after booking)',
    }),
  },
];

/** The dates a page states (`PAGE_FACTS`), picked from a calendar and written as 2026-11-28. */
const dateFields: FieldOverrides = Object.fromEntries(
  ['updated', 'reviewed'].map((name) => [name, dayField]),
);

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
    label: PAGE_LABELS[id],
    file: `src/content/pages/{language}/${id}.mdx`,
    format: ENTRY_FORMATS.mdx,
    fields: [
      ...relabel(
        decapFields(
          contentSchemas[pageFileName(id)],
          { image: imageField, ...dateFields },
          { i18n: true },
        ),
        {
          imageAlt: 'Image description (alt text)',
          lede: 'Introduction',
          words: 'Other words on this page',
        },
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
  const dated = new Set<string>(['closures', 'notices']);
  const inZone = (collection: FolderCollection): FolderCollection =>
    timeZone && dated.has(collection.name)
      ? {
          ...collection,
          description: `${collection.description} Days are the clinic’s, in its time zone (${timeZone}).`,
        }
      : collection;
  // The FAQ list, one category at a time by its heading, in the order of its questions. Decap's
  // list sorts by one field and its summaries cannot look up another entry (the heading), so each
  // category is a filter named by its heading.
  const byCategory = (collection: FolderCollection): FolderCollection =>
    collection.name === 'faq' && faqCategories.length > 0
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
    backend: { ...CMS_BACKEND },
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
      ...folders.map((collection) => folderCollection(byCategory(inZone(collection)), languages)),
      ...fileCollections(languages),
    ],
  };
}
