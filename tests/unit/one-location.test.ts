/**
 * Issue 34's promise for a clinic with one location: nothing changed but where its facts are kept.
 * The public pages are compared byte for byte with a build from before the issue (the command is in
 * docs/developer-guide.md, "Locations"); the CMS, whose configuration is built in the browser, is
 * compared here, field by field, with its configuration as of commit 9e75f9f (the last before the
 * issue), generated with the same inputs by `cmsConfig` and kept as
 * `tests/fixtures/one-location/cms-config-9e75f9f.json`. The differences allowed are exactly:
 * the Locations collection, the fields it took from the clinic's settings (in every language's
 * Settings; the Place ID's hint now a location's), the `locations` relation of therapists,
 * closures and notices, and the locations page's file in every language's Pages (its words; the
 * page itself is built only with two or more locations, tests/unit/two-locations.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { cmsConfig } from '../../src/cms/config';
import { refuseDeleteWhileReferenced } from '../../src/cms/guards';
import type { PublishedEntry } from '../../src/cms/published-entries';
import { REFERENCE_FIELDS } from '../../src/lib/references';
import { siteLanguages } from '../../src/schemas/languages';

/** The published entries the delete guard reads (through Decap's store, in the CMS). */
const published: Record<string, PublishedEntry[]> = {};
vi.mock('../../src/cms/published-entries', () => ({
  publishedEntriesOf: (name: string) => Promise.resolve(published[name] ?? []),
  allPublishedEntries: () => Promise.resolve(Object.values(published).flat()),
  entryTitle: (entry: PublishedEntry) => `${entry.collection}/${entry.slug}`,
}));
// The field labels the refusal names, as Decap's store holds the collections.
vi.mock('decap-cms-core/dist/esm/redux', () => ({
  store: {
    getState: () => ({
      collections: {
        get: () => ({ toJS: () => ({ fields: [{ name: 'locations', label: 'Locations' }] }) }),
      },
    }),
  },
}));

/** What moved from `clinic.yaml` to each location's file. */
const MOVED = ['address', 'geo', 'mapUrl', 'hours', 'hoursNote', 'googlePlaceId'];
/** The collections that gained a `locations` field (where a therapist works, a closure applies). */
const NAMING_LOCATIONS = ['therapists', 'closures', 'notices'];
/** The locations page's file in each language's Pages (`pages`, `pages-es`). */
const LOCATIONS_PAGE = 'page-locations';

/** A CMS field or collection as JSON: its settings by name. */
interface Field {
  name: string;
  [option: string]: unknown;
}
interface Collection {
  name: string;
  fields?: Field[];
  files?: { name: string; fields: Field[]; [option: string]: unknown }[];
  [option: string]: unknown;
}
interface Config {
  collections: Collection[];
  [option: string]: unknown;
}

const before = JSON.parse(
  readFileSync('tests/fixtures/one-location/cms-config-9e75f9f.json', 'utf8'),
) as Config;
// The inputs the fixture was generated with (the /admin/ page gives the published ones).
const now = JSON.parse(
  JSON.stringify(
    cmsConfig({
      local: false,
      languages: siteLanguages({ languages: ['en-US', 'es-US'] }),
      timeZone: 'America/Los_Angeles',
      faqCategories: [{ id: 'booking', heading: 'Booking' }],
    }),
  ),
) as Config;

const named = (config: Config, name: string) => {
  const collection = config.collections.find((candidate) => candidate.name === name);
  if (!collection) throw new Error(`no CMS collection ${name}`);
  return collection;
};
/** The clinic settings' fields in a Settings collection (`settings`, `settings-es`). */
const clinicFields = (config: Config, settings: string) =>
  named(config, settings).files?.find(({ name }) => name === 'clinic')?.fields ?? [];

/** `config` without the locations page's file in any language's Pages. */
const withoutLocationsPage = (config: Config): Config => ({
  ...config,
  collections: config.collections.map((collection): Collection =>
    collection.files
      ? { ...collection, files: collection.files.filter(({ name }) => name !== LOCATIONS_PAGE) }
      : collection,
  ),
});

/** `config` with each file's or collection's fields filtered by `keep(collection, field)`. */
function keepFields(config: Config, keep: (collection: string, field: Field) => boolean): Config {
  return {
    ...config,
    collections: config.collections.map((collection) => ({
      ...collection,
      ...(collection.fields && {
        fields: collection.fields.filter((field) => keep(collection.name, field)),
      }),
      ...(collection.files && {
        files: collection.files.map((file) => ({
          ...file,
          fields: file.fields.filter((field) => keep(`${collection.name}/${file.name}`, field)),
        })),
      }),
    })),
  };
}

describe('with one location, the CMS is as before but for the locations', () => {
  test('the rest of the configuration is the same, setting for setting', () => {
    const nowWithout = keepFields(
      withoutLocationsPage({
        ...now,
        collections: now.collections.filter(({ name }) => name !== 'locations'),
      }),
      (collection, field) => !(NAMING_LOCATIONS.includes(collection) && field.name === 'locations'),
    );
    const beforeWithout = keepFields(
      before,
      (collection, field) =>
        !(/^settings(-\w+)?\/clinic$/.test(collection) && MOVED.includes(field.name)),
    );
    expect(nowWithout).toEqual(beforeWithout);
  });

  test('the fields moved out of the clinic settings are the same fields in Locations', () => {
    const moved = (named(now, 'locations').fields ?? []).filter(({ name }) => MOVED.includes(name));
    // Decap's `i18n` mark included (words or the same in every language); in the order of a
    // location's file, which need not be the clinic file's.
    const byName = (a: Field, b: Field) => a.name.localeCompare(b.name);
    // The Place ID's hint (and the format message that repeats it) is a location's now (the main
    // one's leads to /review/, another's to the review link on its page); the rest is as it was.
    const withoutPlaceIdHint = (field: Field) =>
      field.name === 'googlePlaceId'
        ? { ...field, hint: undefined, pattern: (field['pattern'] as string[] | undefined)?.[0] }
        : field;
    expect(moved.sort(byName).map(withoutPlaceIdHint)).toEqual(
      clinicFields(before, 'settings')
        .filter(({ name }) => MOVED.includes(name))
        .sort(byName)
        .map(withoutPlaceIdHint),
    );
    expect(moved.find(({ name }) => name === 'googlePlaceId')?.hint).toMatch(
      /^Optional: the location’s Google Place ID/,
    );
    for (const settings of ['settings', 'settings-es']) {
      expect(clinicFields(now, settings).filter(({ name }) => MOVED.includes(name))).toEqual([]);
    }
    // Words there, words here: what the other language's Settings held is its column's.
    const words = clinicFields(before, 'settings-es')
      .filter(({ name }) => MOVED.includes(name))
      .map(({ name }) => name);
    expect(words).toEqual(['hoursNote']);
    expect(moved.filter(({ i18n }) => i18n === true).map(({ name }) => name)).toEqual(words);
  });

  test('Locations is a folder collection in every language, side by side, with its own fields', () => {
    const locations = named(now, 'locations');
    expect(locations).toMatchObject({
      folder: 'src/content/locations',
      i18n: true,
      extension: 'yaml',
      create: true,
    });
    expect(
      (locations.fields ?? []).filter(({ name }) => !MOVED.includes(name)).map(({ name }) => name),
    ).toEqual(['name', 'order', 'phone', 'email', 'directions', 'calLink', 'profiles', 'reviewed']);
  });

  test('the locations page is in every language’s Pages, after the pages there were, and new', () => {
    for (const pages of ['pages', 'pages-es']) {
      const names = (named(now, pages).files ?? []).map(({ name }) => name);
      const earlier = (named(before, pages).files ?? []).map(({ name }) => name);
      expect(earlier).not.toContain(LOCATIONS_PAGE);
      expect(names.filter((name) => name !== LOCATIONS_PAGE)).toEqual(earlier);
      expect(names).toContain(LOCATIONS_PAGE);
    }
  });

  test.each(NAMING_LOCATIONS)(
    '%s name the locations they belong to, none meaning every one',
    (name) => {
      expect(
        (named(now, name).fields ?? []).find((field) => field.name === 'locations'),
      ).toMatchObject({
        widget: 'relation',
        collection: 'locations',
        multiple: true,
        required: false,
        value_field: '{{slug}}',
      });
    },
  );
});

describe('a location named elsewhere is not deleted', () => {
  const entry = (collection: string, slug: string, locations: string[]): PublishedEntry => ({
    collection,
    slug,
    path: `src/content/${collection}/en/${slug}.yaml`,
    data: { locations },
  });

  test.each(NAMING_LOCATIONS)('the guard reads %s’ locations field from the schema', (holder) => {
    expect(REFERENCE_FIELDS).toContainEqual({ holder, path: ['locations'], target: 'locations' });
  });

  test('deleting a location a therapist, a closure or a notice names is refused, naming each', async () => {
    published['therapists'] = [entry('therapists', 'jane-doe', ['downtown'])];
    published['closures'] = [entry('closures', '2026-12-24-christmas', ['downtown', 'main'])];
    published['notices'] = [entry('notices', '2026-12-01-moving', ['main'])];
    await expect(refuseDeleteWhileReferenced('locations', 'downtown')).rejects.toThrow(
      'Not deleted: therapists/jane-doe (field “Locations”); closures/2026-12-24-christmas (field “Locations”) still name it',
    );
    await expect(refuseDeleteWhileReferenced('locations', 'main')).rejects.toThrow(
      /^Not deleted: closures\/2026-12-24-christmas \(field “Locations”\); notices\/2026-12-01-moving/,
    );
  });

  test('a location nothing names may be deleted', async () => {
    published['therapists'] = [entry('therapists', 'jane-doe', [])];
    published['closures'] = [];
    published['notices'] = [entry('notices', '2026-12-01-moving', ['main'])];
    await expect(refuseDeleteWhileReferenced('locations', 'downtown')).resolves.toBeUndefined();
  });
});
