/**
 * The registry of content: every collection and settings file, declared once (the pages are
 * declared the same way in `PAGES`, src/schemas/pages.ts). Everything else is derived from it: the
 * build's content collections (src/content.config.ts), the CMS's collections, fields, relations and
 * previews (src/cms/), the site's queries and translations (src/lib/content.ts), the routes,
 * hreflang and sitemap alternates of entry pages (src/i18n/paths.ts), the draft warnings, the
 * delete guard, launch-check and add-language (src/launch/), and the tests' lists.
 *
 * Layers point one way: the schemas (src/schemas/) at the bottom, this registry on them, the site's
 * queries on the registry, the CMS and the launch tools above. Nothing here imports the CMS.
 *
 * Adding a collection: docs/developer-guide.md, "Adding a collection".
 */
import type { CmsField } from 'decap-cms-core';
import { z } from 'astro/zod';
import { benefitsSchema } from './schemas/benefits';
import { bookingSchema } from './schemas/booking';
import { clinicSchema } from './schemas/clinic';
import { closureSchema } from './schemas/closures';
import { conditionsSchema } from './schemas/conditions';
import { faqCategorySchema, faqSchema } from './schemas/faq';
import { entryName, type EntryReference, type SchemaTools } from './schemas/fields';
import { insuranceSchema } from './schemas/insurance';
import { locationsSchema } from './schemas/locations';
import { noticeSchema } from './schemas/notices';
import {
  PAGE_IDS,
  PAGE_PATHS,
  PAGES,
  pageSchemaOf,
  type PageId,
  type PageSchema,
  pagePath,
  type RoutedPageId,
} from './schemas/pages';
import { pricingSchema } from './schemas/pricing';
import { servicesSchema } from './schemas/services';
import { siteSchema } from './schemas/site';
import { testimonialsSchema } from './schemas/testimonials';
import { therapistsSchema } from './schemas/therapists';
import { sameInEveryLanguage } from './schemas/translation';

/** A Decap field's settings without its name, where a schema cannot say them (a long text box). */
type FieldWidget = Record<string, unknown> & Partial<Omit<CmsField, 'name'>>;

/**
 * How the CMS shows a collection: Decap's own collection settings
 * (https://decapcms.org/docs/collection-folder/), besides what the schema already says. Images,
 * relations to other collections and days get their widgets from the schema (src/cms/config.ts).
 */
export interface CmsCollectionOptions {
  label: string;
  label_singular: string;
  description: string;
  /** The field that names an entry in lists, relations and new file names. */
  identifier_field: string;
  /** A list item, e.g. `{{order}}. {{title}}` (Decap's summary template). */
  summary: string;
  /** The first is the list's default order. */
  sortable_fields: string[];
  /** Decap's `slug` template for new file names; `{{slug}}` (the identifier) when unset. */
  slug?: string;
  /** The label of the entry's body (its text below the fields), for an MDX collection. */
  body?: string;
  /** Field labels where the field's name reads badly (`helpsWith` → What it helps with). */
  labels?: Record<string, string>;
  /** Widgets by field path (`summary`, `hsaFsa.statement`), where a schema cannot say them. */
  widgets?: Record<string, FieldWidget>;
}

/** One collection of the registry. */
export interface CollectionDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Its files: `src/content/<folder>/<code>/<name>.<format>`, one folder per language. */
  folder: string;
  /** `mdx`: fields in YAML front matter and a body (text); `yaml`: fields only. */
  format: 'mdx' | 'yaml';
  /** Its entries' schema, from the build's or the CMS's `image` and `reference`. */
  schema: (tools: SchemaTools) => Schema;
  /**
   * What one entry is, where another entry names it (`a service`): only a collection with one may
   * be named by `reference()`, and the CMS then refuses to delete an entry still named.
   */
  entryName?: string;
  /** Whether its entries have a `draft` flag that keeps one off the site (and warns at build). */
  draft?: boolean;
  /**
   * A page per entry, at `<list>/<id>/` in the main language and `<list>/<slug>/` in the others,
   * where `<list>` is the path of page `under` in that language (`/services/`, `/es/servicios/`);
   * without `under`, `/<folder>/` in the main language and `/<code>/<folder>/` in the others.
   * Its templates: `src/pages/<folder>/[id].astro` and `src/pages/[language]/[...<name>].astro`.
   */
  entryPages?: { under?: RoutedPageId };
  cms: CmsCollectionOptions;
}

/** A collection definition, its schema's type kept. */
const collection = <Schema extends z.ZodType>(definition: CollectionDefinition<Schema>) =>
  definition;

/**
 * Every collection, in the order of the CMS's list. A collection's name is what the code calls it
 * (`getCollection('faqCategories')`) and the CMS's collection name.
 */
export const COLLECTIONS = {
  services: collection({
    folder: 'services',
    format: 'mdx',
    schema: servicesSchema,
    entryName: 'a service',
    draft: true,
    entryPages: { under: 'services' },
    cms: {
      label: 'Services',
      label_singular: 'Service',
      description: 'The treatment and each technique (modality), one page each.',
      identifier_field: 'title',
      summary: '{{order}}. {{title}} ({{kind}})',
      sortable_fields: ['order', 'title'],
      body: 'Page text',
      widgets: { summary: { widget: 'text' } },
      labels: {
        helpsWith: 'What it helps with',
        steps: 'Elements of treatment',
        imageAlt: 'Image description (alt text)',
      },
    },
  }),
  conditions: collection({
    folder: 'conditions',
    format: 'mdx',
    schema: conditionsSchema,
    draft: true,
    entryPages: { under: 'conditions' },
    cms: {
      label: 'Conditions we treat',
      label_singular: 'Condition',
      description:
        'The conditions the clinic treats, one page each. Health content: the therapist named as reviewer reads and approves each page before it is published (see the staff guide).',
      identifier_field: 'title',
      summary: '{{order}}. {{title}}',
      sortable_fields: ['order', 'title'],
      body: 'Page text',
      widgets: { summary: { widget: 'text' } },
      labels: {
        services: 'Services that help',
        reviewedBy: 'Reviewed by',
        lastReviewed: 'Last reviewed',
        approvedByReviewer: 'Approved by the reviewing therapist',
      },
    },
  }),
  benefits: collection({
    folder: 'benefits',
    format: 'mdx',
    schema: () => benefitsSchema,
    cms: {
      label: 'Benefits',
      label_singular: 'Benefit',
      description: 'The benefits listed on the home page.',
      identifier_field: 'title',
      summary: '{{order}}. {{title}}',
      sortable_fields: ['order', 'title'],
    },
  }),
  pricing: collection({
    folder: 'pricing',
    format: 'mdx',
    schema: () => pricingSchema,
    cms: {
      label: 'Prices',
      label_singular: 'Price tier',
      description: 'Session lengths and prices. Each names its Cal.com event.',
      identifier_field: 'calEvent',
      slug: '{{durationMinutes}}-minutes',
      summary: '{{durationMinutes}} minutes: {{price}} {{currency}}',
      sortable_fields: ['durationMinutes', 'price'],
      labels: { durationMinutes: 'Length (minutes)', calEvent: 'Cal.com event' },
    },
  }),
  faq: collection({
    folder: 'faq',
    format: 'mdx',
    schema: faqSchema,
    cms: {
      label: 'FAQ',
      label_singular: 'Question',
      description: 'Questions and answers, grouped by category on the FAQ page.',
      identifier_field: 'question',
      summary: '{{order}}. {{question}}',
      sortable_fields: ['order', 'question', 'category'],
      body: 'Answer',
      labels: { services: 'Show on these service pages' },
    },
  }),
  therapists: collection({
    folder: 'therapists',
    format: 'mdx',
    schema: therapistsSchema,
    entryName: 'a therapist',
    draft: true,
    cms: {
      label: 'Therapists',
      label_singular: 'Therapist',
      description: 'Who treats clients: licence, techniques, languages and a short biography.',
      identifier_field: 'name',
      summary: '{{order}}. {{name}}, {{credentials}}',
      sortable_fields: ['order', 'name'],
      body: 'Biography',
      labels: {
        credentialName: 'Credential in full',
        photoAlt: 'Photo description (alt text)',
      },
    },
  }),
  locations: collection({
    folder: 'locations',
    format: 'yaml',
    schema: () => locationsSchema,
    // Therapists, closures and notices name the locations they belong to: one still named is not
    // deleted (src/cms/guards.ts).
    entryName: 'a location',
    // A page each (/locations/<id>/), built only with two or more locations (src/pages/locations/).
    entryPages: { under: 'locations' },
    cms: {
      label: 'Locations',
      label_singular: 'Location',
      description:
        'Where clients come: address, opening hours and how to get there, one entry per location. The first in order is the clinic’s main location.',
      identifier_field: 'name',
      summary: '{{order}}. {{name}}',
      sortable_fields: ['order', 'name'],
      labels: {
        mapUrl: 'Map link',
        calLink: 'Cal.com username or team link',
      },
    },
  }),
  faqCategories: collection({
    folder: 'faq-categories',
    format: 'yaml',
    schema: () => faqCategorySchema,
    // A category's file name is how questions name it: renaming the heading keeps it, and one that
    // questions still name is not deleted (src/cms/guards.ts).
    entryName: 'an FAQ category',
    cms: {
      label: 'FAQ categories',
      label_singular: 'FAQ category',
      description:
        'The sections of the FAQ page, in order. A new category appears once a question is in it.',
      identifier_field: 'heading',
      summary: '{{order}}. {{heading}}',
      sortable_fields: ['order', 'heading'],
    },
  }),
  closures: collection({
    folder: 'closures',
    format: 'yaml',
    schema: closureSchema,
    cms: {
      label: 'Closures and holiday hours',
      label_singular: 'Closure',
      description:
        'Days the clinic is closed or keeps other hours. Each shows beside the opening hours from six weeks before its first day through its last day, then disappears by itself.',
      identifier_field: 'reason',
      slug: '{{validFrom}}-{{reason}}',
      summary: `${shownDay('validFrom')} – ${shownDay('validThrough')}: {{reason}}`,
      sortable_fields: ['validFrom', 'reason'],
      labels: {
        validFrom: 'First day',
        validThrough: 'Last day',
        opens: 'Opens (empty: closed all day)',
        closes: 'Closes (empty: closed all day)',
      },
    },
  }),
  notices: collection({
    folder: 'notices',
    format: 'yaml',
    schema: noticeSchema,
    cms: {
      label: 'Notices',
      label_singular: 'Notice',
      description:
        'One line above the page’s heading, on every page or the chosen ones, from its first day through its last, then gone by itself.',
      identifier_field: 'text',
      slug: '{{validFrom}}-{{slug}}',
      summary: `${shownDay('validFrom')} – ${shownDay('validThrough')}: {{text}}`,
      sortable_fields: ['validFrom', 'text'],
      widgets: {
        // The pages a notice may be limited to, by their names (`/pricing/` → Pricing).
        pages: {
          widget: 'select',
          multiple: true,
          required: false,
          options: PAGE_PATHS.map((path) => ({ value: path, label: pageLabelOf(path) })),
        },
      },
      labels: {
        text: 'Notice',
        link: 'Link',
        pages: 'Only on these pages (none: every page)',
        validFrom: 'First day',
        validThrough: 'Last day',
      },
    },
  }),
  insurance: collection({
    folder: 'insurance',
    format: 'mdx',
    schema: () => insuranceSchema,
    cms: {
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
  }),
  testimonials: collection({
    folder: 'testimonials',
    format: 'yaml',
    schema: testimonialsSchema,
    cms: {
      label: 'Testimonials',
      label_singular: 'Testimonial',
      description:
        'Short quotes from clients, each with their written permission: on the home page and the service pages they name. Optional: with none, the site shows none.',
      identifier_field: 'name',
      slug: '{{permissionDate}}-{{name}}',
      summary: '{{order}}. {{name}}: {{quote}}',
      sortable_fields: ['order', 'permissionDate', 'name'],
      widgets: { quote: { widget: 'text' } },
      labels: {
        name: 'First name or initials',
        permissionDate: 'Written permission recorded on',
        services: 'Show on these service pages',
      },
    },
  }),
};

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** A list's days as the clinic reads them: `Thu 26 Nov 2026` (Decap's summary `date` filter). */
function shownDay(field: string): string {
  return `{{${field} | date('ddd D MMM YYYY')}}`;
}

/** `/pricing/` → `Pricing`: the CMS's name of the page at a main-language path. */
function pageLabelOf(path: string): string {
  return PAGE_IDS.map((id) => PAGES[id]).find((page) => 'path' in page && page.path === path)!
    .label;
}

/** One settings file of the registry: `src/content/settings/<code>/<name>.yaml`. */
export interface SettingsDefinition<Schema extends z.ZodType = z.ZodType> {
  schema: (tools: SchemaTools) => Schema;
  cms: Pick<CmsCollectionOptions, 'label' | 'labels' | 'widgets'>;
}

const settings = <Schema extends z.ZodType>(definition: SettingsDefinition<Schema>) => definition;

/** The settings files, in the order of the CMS's Settings. */
export const SETTINGS = {
  clinic: settings({
    schema: clinicSchema,
    cms: {
      label: 'Clinic',
      widgets: {
        'hsaFsa.statement': { widget: 'text' },
        'hsaFsa.checklistIntro': { widget: 'text' },
        'hsaFsa.receipt': { widget: 'text' },
        'hsaFsa.letter.request': { widget: 'text' },
        'hsaFsa.letter.privacyNote': { widget: 'text' },
        'visitPolicy.cancellation': { widget: 'text' },
        'visitPolicy.lateArrival': { widget: 'text' },
        'visitPolicy.noShow': { widget: 'text' },
      },
      labels: { hsaFsa: 'HSA/FSA', paymentAccepted: 'Payment accepted' },
    },
  }),
  site: settings({
    schema: () => siteSchema,
    cms: {
      label: 'Every page: navigation, header, footer',
      labels: { skipLink: 'Skip link', forExample: 'Introducing an example' },
    },
  }),
  booking: settings({
    schema: () => bookingSchema,
    cms: {
      label: 'Online booking',
      labels: {
        calLink: 'Cal.com username or team link',
        origin: 'Booking address',
        brandColor: 'Brand colour',
        beforeYourVisit: 'Before your visit (shown after booking)',
      },
    },
  }),
};

export type SettingsName = keyof typeof SETTINGS;
export const SETTINGS_NAMES = Object.keys(SETTINGS) as SettingsName[];
/** The settings files' folder: `src/content/settings/<code>/`. */
export const SETTINGS_FOLDER = 'settings';
/** The pages' folder: `src/content/pages/<code>/<id>.mdx`. */
export const PAGES_FOLDER = 'pages';

/** The CMS's name for a page's file (`page-home`): file names share one namespace with collections. */
export const pageFileName = <Id extends PageId>(id: Id) => `page-${id}` as const;

/**
 * What a schema is known by, in the CMS, launch-check and translations: a collection's name, a
 * page's file name (`page-pricing`) or a settings file's name (`clinic`).
 */
export type ContentName = CollectionName | ReturnType<typeof pageFileName<PageId>> | SettingsName;

/**
 * What a field naming an entry of `name` says it names: `a service (a file in
 * src/content/services/)`.
 * @throws Error naming src/collections.ts when `name` is not a collection others may name.
 */
export function referenceTarget(name: string): string {
  const target = (COLLECTIONS as Record<string, CollectionDefinition>)[name];
  if (!target?.entryName) {
    const named = COLLECTION_NAMES.filter((other) => 'entryName' in COLLECTIONS[other]);
    throw new Error(
      `src/collections.ts: a schema's reference('${name}') names no collection that others may name (${named.join(', ')}; a collection is named once it has an entryName)`,
    );
  }
  return `${target.entryName} (a file in src/content/${target.folder}/)`;
}

/**
 * The schemas as the CMS and the launch check read files, where `astro:content` does not exist:
 * an image is the path Decap writes, and a reference is the slug of the entry it names (ASCII:
 * letters, digits and `- _ . ~`, as the CMS writes file names), marked with the collection it
 * names (`references`, read by src/lib/references.ts).
 */
const fileTools: SchemaTools = {
  image: () =>
    sameInEveryLanguage(z.string({ error: 'must be an image' })).meta({
      image: true,
    }) as unknown as ReturnType<SchemaTools['image']>,
  reference: (name) =>
    entryName(referenceTarget(name))
      .regex(/^[a-z0-9_.~-]+$/, { error: 'must name an entry' })
      .meta({ references: name }) as unknown as EntryReference,
};

/** Every collection, page and settings file's schema, as files hold them, by `ContentName`. */
export const contentSchemas = Object.fromEntries([
  ...COLLECTION_NAMES.map((name) => [name, COLLECTIONS[name].schema(fileTools)]),
  ...PAGE_IDS.map((id) => [pageFileName(id), pageSchemaOf(id, fileTools)]),
  ...SETTINGS_NAMES.map((name) => [name, SETTINGS[name].schema(fileTools)]),
]) as {
  [Name in CollectionName]: ReturnType<(typeof COLLECTIONS)[Name]['schema']>;
} & { [Id in PageId as `page-${Id}`]: PageSchema<Id> } & {
  [Name in SettingsName]: ReturnType<(typeof SETTINGS)[Name]['schema']>;
};

/** Where a content name's files are: `faqCategories` → `faq-categories`, `page-home` → `pages`. */
export function folderOf(name: ContentName): string {
  if (name in COLLECTIONS) return COLLECTIONS[name as CollectionName].folder;
  return name.startsWith('page-') ? PAGES_FOLDER : SETTINGS_FOLDER;
}

/**
 * The content name of a file by its path under `src/content/` (`faq/es/booking.mdx` → `faq`,
 * `pages/en/pricing.mdx` → `page-pricing`), or undefined for a file no schema reads.
 */
export function contentNameOf(path: string): ContentName | undefined {
  const parts = path.split('/');
  const folder = parts[0] ?? '';
  const id = (parts.at(-1) ?? '').replace(/\.(mdx|ya?ml)$/, '');
  if (folder === SETTINGS_FOLDER) return SETTINGS_NAMES.find((name) => name === id);
  if (folder === PAGES_FOLDER) {
    return PAGE_IDS.includes(id as PageId) ? pageFileName(id as PageId) : undefined;
  }
  return COLLECTION_NAMES.find((name) => COLLECTIONS[name].folder === folder);
}

/** The collections whose entries have a page each. */
export const ROUTED_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => (COLLECTIONS[name] as CollectionDefinition).entryPages !== undefined,
);

/**
 * Where the entry pages of collection `name` are listed in the main language: the path of the page
 * they are `under` (`/services/`), else `/<folder>/`.
 */
export function listPath(name: CollectionName): string {
  const under = (COLLECTIONS[name] as CollectionDefinition).entryPages?.under;
  return under ? pagePath(under) : `/${COLLECTIONS[name].folder}/`;
}

/** `services`, `trigger-point-therapy` → `/services/trigger-point-therapy/`: an entry's page. */
export const entryPath = (name: CollectionName, id: string): string => `${listPath(name)}${id}/`;

/** The collections whose entries have a `draft` flag. */
export const DRAFT_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => (COLLECTIONS[name] as CollectionDefinition).draft === true,
);

/**
 * Whether a file's translation has a slug of its own (`slug:` in the file, the last part of its
 * address in that language): a page's (not the home page's, nor the page-not-found page's) and an
 * entry page's.
 */
export function hasOwnSlug(name: ContentName, id: string): boolean {
  if (name.startsWith('page-')) return id !== 'home' && 'path' in PAGES[id as PageId];
  return (ROUTED_COLLECTIONS as string[]).includes(name);
}
