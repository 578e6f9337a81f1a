/**
 * Previews that look like the site: the same words and formatting helpers as the pages, styled by
 * the site's own stylesheet (src/cms/preview.css).
 */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { ComponentType, ReactNode } from 'react';
import { createElement as h } from 'react';
import { isDay } from '../lib/dates';
import {
  fill,
  formatDays,
  formatDuration,
  formatList,
  formatOpenHours,
  formatPhone,
  formatPrice,
  weekSchedule,
} from '../lib/format';
import type { BookingData } from '../schemas/booking';
import type { OpeningHours } from '../schemas/locations';
import { PAGE_IDS, type PageWords } from '../schemas/pages';
import type { SiteData } from '../schemas/site';
import { addressesOf } from './addresses';
import { collectionLanguage, languageLabel, type CmsLanguages } from './config';
import { isGroup } from '../schemas/translation';

import { store } from 'decap-cms-core/dist/esm/redux';
import { bodyPreview } from './body-preview';
import {
  COLLECTIONS,
  listPath,
  pageFileName,
  ROUTED_COLLECTIONS,
  type CollectionDefinition,
  type CollectionName,
} from '../collections';

type PreviewProps = Pick<PreviewTemplateComponentProps, 'entry'>;

/** The published words the previews of one language share with its pages. */
export interface LanguageWords {
  /** The language's shared words, and its language tag. */
  site: SiteData & { language: string };
  booking: BookingData['words'];
  services: PageWords<'services'>;
  therapists: PageWords<'therapists'>;
  checkCoverage: string;
  /** FAQ category headings by file name, in the categories' order. */
  categories: Record<string, string>;
  /** Where each published page and service is in this language, by its main-language path. */
  paths: Record<string, string>;
}

/** What the /admin/ page writes at build for the CMS and its previews (`#preview-words`). */
export interface PreviewWords {
  /** The site's languages, for the CMS's configuration. */
  languages: CmsLanguages;
  /** Each language's words, by language code (`en`, `es`). */
  words: Record<string, LanguageWords>;
  /**
   * The main language's published settings files by name (`clinic`, `booking`): a language's own
   * settings file holds only words, and its preview shows the rest from these.
   */
  settings: Record<string, object>;
}

function readWords(): PreviewWords {
  const json = document.getElementById('preview-words')?.textContent;
  if (!json) throw new Error('The /admin/ page has no #preview-words');
  return JSON.parse(json) as PreviewWords;
}

let cachedWords: PreviewWords | undefined;
const published = () => (cachedWords ??= readWords());

/** The site's languages, as the /admin/ page gives them. */
export const cmsLanguages = () => published().languages;

/** The published FAQ categories of the main language, in their order, by file name and heading. */
export const faqCategories = () =>
  Object.entries(published().words[published().languages.main.code]?.categories ?? {}).map(
    ([id, heading]) => ({ id, heading }),
  );

/** The clinic's time zone as published (`timeZone` in clinic.yaml). */
export const clinicTimeZone = () =>
  (published().settings['clinic'] as { timeZone?: string } | undefined)?.timeZone;

type Data = Record<string, unknown>;

/**
 * `words` laid over `base`, as the build lays a translation over the main entry
 * (src/schemas/translation.ts `translate`), without its checks: a preview shows a draft as it
 * stands. Groups merge by key, lists item by item; a value the words lack is the base's.
 */
function overlay(base: unknown, words: unknown): unknown {
  if (words === undefined || words === null) return base;
  if (isGroup(base) && isGroup(words)) {
    const keys = new Set([...Object.keys(base), ...Object.keys(words)]);
    return Object.fromEntries([...keys].map((key) => [key, overlay(base[key], words[key])]));
  }
  if (Array.isArray(base) && Array.isArray(words)) {
    return words.map((item, index) => overlay(base[index], item));
  }
  return words;
}

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}
const toData = (value: unknown) =>
  ((value as { toJS?: () => Data } | undefined)?.toJS?.() ?? {}) as Data;

/**
 * What a preview shows, and in which language's words.
 * - A language's own pages or settings (`settings-es`): its words over the main language's
 *   published file of the same name.
 * - A folder collection with "Writing in" set to another language: Decap puts that language's data
 *   in the entry's `data` (decap-cms-core lib/i18n `getPreviewEntry`), which then holds only the
 *   words; the rest is the main language's draft beside it, read from Decap's store.
 * - Otherwise the entry in the main language.
 */
function previewOf({ entry }: PreviewProps): { data: Data; words: LanguageWords } {
  const { languages, words, settings } = published();
  const own = toData(entry.get('data'));
  const collection = String(entry.get('collection'));
  const ofCollection = collectionLanguage(languages, collection);
  if (ofCollection) {
    const base = settings[String(entry.get('slug'))] ?? {};
    return { data: overlay(base, own) as Data, words: words[ofCollection.code]! };
  }
  const shown = entry.get('data');
  const locale = languages.others.find(({ code }) => entry.getIn(['i18n', code, 'data']) === shown);
  if (locale) {
    const draft = store.getState().entryDraft as unknown as ImmutableLike;
    return {
      data: overlay(toData(draft.getIn(['entry', 'data'])), own) as Data,
      words: words[locale.code]!,
    };
  }
  return { data: own, words: words[languages.main.code]! };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

const page = (...children: ReactNode[]) => h('main', { className: 'preview' }, ...children);

/**
 * Above the preview of an entry with a page of its own: its address in every language, from the
 * draft (a translation's slug, or its title) or as published (`addressesOf`).
 */
function addressLine({ entry }: PreviewProps): ReactNode {
  const { languages, words } = published();
  const all = [languages.main, ...languages.others];
  const collection = String(entry.get('collection'));
  const slug = String(entry.get('slug') ?? '');
  const own = collectionLanguage(languages, collection);
  const draft = (store.getState().entryDraft as unknown as ImmutableLike).get('entry') as
    ImmutableLike | undefined;
  /** A language's data in the draft, if it has any. */
  const inDraft = (path: string[]): Data | undefined =>
    draft?.getIn(path) === undefined ? undefined : toData(draft.getIn(path));
  const data: Record<string, Data | undefined> = {};
  const routed = (ROUTED_COLLECTIONS as string[]).includes(collection)
    ? (collection as CollectionName)
    : undefined;
  if (routed) {
    data[languages.main.code] = inDraft(['data']);
    for (const { code } of languages.others) data[code] = inDraft(['i18n', code, 'data']);
  } else {
    data[(own ?? languages.main).code] = inDraft(['data']) ?? toData(entry.get('data'));
  }
  const addresses = addressesOf({
    list: routed && {
      path: listPath(routed),
      page: (COLLECTIONS[routed] as CollectionDefinition).entryPages?.under !== undefined,
    },
    id: routed ? slug : slug.replace(/^page-/, ''),
    languages: all,
    data,
    paths: Object.fromEntries(all.map(({ code }) => [code, words[code]?.paths ?? {}])),
  });
  return h(
    'dl',
    { className: 'preview-address', 'aria-label': 'Address on the site' },
    ...addresses.flatMap(({ language, url, missing }) => [
      h('dt', { key: `${language.code}-name` }, languageLabel(language)),
      h('dd', { key: `${language.code}-url` }, url ?? `(${missing ?? ''})`),
    ]),
  );
}

const ServicePreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const { site, services } = words;
  return page(
    addressLine(props),
    h('h1', null, text(data['title'])),
    h('p', { className: 'lede' }, text(data['summary'])),
    h('h2', null, services.helpsWith),
    h('ul', null, ...list(data['helpsWith']).map((item) => h('li', { key: item }, item))),
    list(data['steps']).length > 0 &&
      h(
        'ol',
        { className: 'steps' },
        ...list(data['steps']).map((step) => h('li', { key: step }, step)),
      ),
    h(
      'h2',
      null,
      fill(services.about, { service: text(data['title']).toLocaleLowerCase(site.language) }),
    ),
    bodyPreview(text(data['body'])),
  );
};

const PricingPreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const price = Number(data['price']);
  const currency = 'USD' as const;
  const { site, booking } = words;
  const duration = formatDuration(Number(data['durationMinutes']), site.language);
  return page(
    h(
      'div',
      { className: 'tier' },
      h('p', { className: 'duration' }, duration),
      h(
        'p',
        { className: 'price' },
        Number.isFinite(price) && price > 0 ? formatPrice({ price, currency }, site.language) : '—',
      ),
      text(data['note']) && h('p', { className: 'note' }, text(data['note'])),
      h('a', { className: 'preview-book-button' }, fill(booking.bookTier, { duration })),
    ),
  );
};

const FaqPreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  return page(
    h('p', { className: 'eyebrow' }, words.categories[text(data['category'])] ?? ''),
    h(
      'article',
      { className: 'question' },
      h('h3', null, text(data['question'])),
      bodyPreview(text(data['body'])),
    ),
  );
};

const InsurancePreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const types = list(data['planTypes']);
  const { site, checkCoverage } = words;
  return page(
    h(
      'ul',
      { className: 'plans' },
      h(
        'li',
        null,
        h('strong', null, text(data['name'])),
        types.length > 0
          ? ` (${formatList(
              types.map((type) => site.planTypes[type as keyof SiteData['planTypes']] ?? type),
              site.language,
              'unit',
            )})`
          : '',
        text(data['coverageNote']) &&
          h(
            'p',
            null,
            text(data['coverageNote']),
            ' ',
            text(data['coverageUrl']) &&
              h(
                'a',
                { href: text(data['coverageUrl']) },
                fill(checkCoverage, { plan: text(data['name']) }),
              ),
          ),
      ),
    ),
  );
};

/** A phone number as the site writes it, after the words before it (`Call (541) 555-0100`). */
const phoneLine = (phone: string, call: string) =>
  /^\+1\d{10}$/.test(phone) ? `${call} ${formatPhone(phone)}` : phone;

const ClinicPreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  return page(
    h('h1', null, text(data['name'])),
    h(
      'p',
      null,
      phoneLine(text(data['phone']), words.site.contact.call),
      h('br'),
      text(data['email']),
    ),
  );
};

/**
 * A location as the contact details and opening hours show it (src/components/ContactDetails.astro,
 * OpeningHours.astro): without a phone or email of its own, the clinic's published ones.
 */
const LocationPreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const clinic = (published().settings['clinic'] ?? {}) as Data;
  const address = (data['address'] ?? {}) as Data;
  const hours = (Array.isArray(data['hours']) ? data['hours'] : []) as OpeningHours[];
  const { site } = words;
  return page(
    h('h1', null, text(data['name'])),
    h(
      'address',
      null,
      text(address['street']),
      h('br'),
      `${text(address['city'])}, ${text(address['region'])} ${text(address['postalCode'])}`,
    ),
    h(
      'p',
      null,
      phoneLine(text(data['phone']) || text(clinic['phone']), site.contact.call),
      h('br'),
      text(data['email']) || text(clinic['email']),
    ),
    h('h2', null, site.hours.heading),
    h(
      'dl',
      { className: 'hours' },
      ...weekSchedule(
        hours.filter((entry) => Array.isArray(entry?.days)),
        site.language,
      ).map(({ day, name, hours: open }) =>
        h('div', { key: day }, h('dt', null, name), h('dd', null, open ?? site.hours.closed)),
      ),
    ),
    text(data['hoursNote']) && h('p', { className: 'note' }, text(data['hoursNote'])),
    text(data['directions']) && h('p', null, text(data['directions'])),
  );
};

const BookingPreview = (props: PreviewProps) => {
  const { data } = previewOf(props);
  const visit = (data['beforeYourVisit'] ?? {}) as Data;
  return page(
    h(
      'p',
      null,
      `Booking pages: ${text(data['origin']) || 'https://cal.com'}/${text(data['calLink'])}/…`,
    ),
    h(
      'div',
      { className: 'dialog' },
      h('h2', null, text(visit['heading'])),
      h('ul', null, ...list(visit['items']).map((item) => h('li', { key: item }, item))),
    ),
  );
};

const TherapistPreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const licence = (data['licence'] ?? {}) as Data;
  const { site, therapists } = words;
  return page(
    h('h2', null, `${text(data['name'])}, ${text(data['credentials'])}`),
    h(
      'p',
      null,
      fill(therapists.licence, { number: text(licence['number']), board: text(licence['board']) }),
      h('br'),
      h('a', { href: text(licence['lookupUrl']) }, therapists.lookup),
    ),
    h(
      'p',
      null,
      fill(therapists.languages, { languages: formatList(list(data['languages']), site.language) }),
    ),
    bodyPreview(text(data['body'])),
  );
};

const PagePreview = (props: PreviewProps) => {
  const { data } = previewOf(props);
  return page(
    addressLine(props),
    h('h1', null, text(data['heading'])),
    h('p', { className: 'lede' }, text(data['lede'])),
    bodyPreview(text(data['body'])),
  );
};

/** The words every page shares, where the header, navigation and footer show them. */
const SitePreview = (props: PreviewProps) => {
  const data = previewOf(props).data as Partial<SiteData>;
  return page(
    h('p', null, h('a', null, text(data.skipLink))),
    h(
      'nav',
      { 'aria-label': text(data.navigation?.label) },
      h(
        'ul',
        null,
        ...(data.navigation?.items ?? []).map(({ label, href }) =>
          h('li', { key: href }, h('a', null, text(label))),
        ),
      ),
    ),
    h('p', null, text(data.header?.book)),
    h('h2', null, text(data.contact?.heading)),
    h('p', null, text(data.contact?.directions)),
    h('h2', null, text(data.hours?.heading)),
    h('p', null, text(data.hours?.closed)),
  );
};

/** A closure as the opening hours list it (src/components/ClosureList.astro). */
const ClosurePreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const { site } = words;
  const [first, last, opens, closes] = ['validFrom', 'validThrough', 'opens', 'closes'].map(
    (name) => text(data[name]),
  ) as [string, string, string, string];
  const days = isDay(first) && isDay(last) && last >= first;
  return page(
    h('h3', null, site.hours.changes),
    h(
      'ul',
      null,
      h(
        'li',
        null,
        h('strong', null, days ? formatDays(first, last, site.language) : '—'),
        ': ',
        opens && closes
          ? fill(site.hours.specialHours, { hours: formatOpenHours(opens, closes, site.language) })
          : site.hours.closed,
        text(data['reason']) && ` (${text(data['reason'])})`,
      ),
    ),
  );
};

/** A notice as it shows above a page's heading (src/components/NoticeBar.astro). */
const NoticePreview = (props: PreviewProps) => {
  const { data, words } = previewOf(props);
  const { site } = words;
  const first = text(data['validFrom']);
  const last = text(data['validThrough']);
  return page(
    h(
      'section',
      { className: 'notices', 'aria-label': site.notice },
      h(
        'p',
        null,
        text(data['link'])
          ? h('a', { href: text(data['link']) }, text(data['text']))
          : text(data['text']),
      ),
    ),
    isDay(first) &&
      isDay(last) &&
      h('p', { className: 'note' }, formatDays(first, last, site.language)),
  );
};

/** Preview template per collection, or per file of the pages and settings. */
export const previews: Record<string, ComponentType<PreviewTemplateComponentProps>> = {
  services: ServicePreview,
  pricing: PricingPreview,
  faq: FaqPreview,
  insurance: InsurancePreview,
  therapists: TherapistPreview,
  locations: LocationPreview,
  closures: ClosurePreview,
  notices: NoticePreview,
  ...Object.fromEntries(PAGE_IDS.map((id) => [pageFileName(id), PagePreview])),
  clinic: ClinicPreview,
  booking: BookingPreview,
  site: SitePreview,
};
