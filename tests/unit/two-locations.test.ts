/**
 * A clinic with two locations, in English and Spanish (issue 34): the shipped main location and an
 * "Eastside" location added as staff would add it in the CMS (its file in each language), with a
 * therapist who works only there, a closure and a notice that name only it, and a closure for
 * every location. One copy of the project is built once, as of a fixed day (`SITE_DATE`), and its
 * pages are read as a visitor and a search engine would: the locations pages in both languages
 * with their hreflang and sitemap entries, each location's hours, closures, therapists and
 * booking, the footer, contact, booking and therapists pages letting the visitor choose, and the
 * JSON-LD (an organisation and a business per location) through the offline validator.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SITE_URL } from '../../src/site.config';
import { entryPaths } from '../../src/i18n/paths';
import { launchCheck, ONLY_LOCATION_NAMES } from '../../src/launch/check';
import { buildTwoLocations, twoLocationsCopy } from '../support/two-locations.mjs';
import { jsonLdBlocks, validate, type JsonLd } from '../support/structured-data';

/** Each location's page in each language, and the list page's. */
const PAGES = {
  en: { list: '/locations/', main: '/locations/main/', eastside: '/locations/eastside/' },
  es: {
    list: '/es/ubicaciones/',
    main: '/es/ubicaciones/sede-principal/',
    eastside: '/es/ubicaciones/lado-este/',
  },
} as const;
const NAMES = {
  en: { main: 'Main location', eastside: 'Eastside' },
  es: { main: 'Sede principal', eastside: 'Lado este' },
} as const;
const CHRISTMAS = {
  en: 'Thursday, December 24 – Friday, December 25: Closed (Christmas)',
  es: 'jueves, 24 de diciembre – viernes, 25 de diciembre: Cerrado (Navidad)',
};
const PAINTING = {
  en: 'Tuesday, December 29 – Wednesday, December 30: Closed (Eastside repainting)',
  es: 'martes, 29 de diciembre – miércoles, 30 de diciembre: Cerrado (Pintura en Lado este)',
};
const NOTICE = { en: 'Eastside parking closed this week', es: 'Sin estacionamiento en Lado este' };

/** The shipped clinic's phone (settings/en/clinic.yaml), the main location's: it has none of its own. */
const CLINIC_PHONE = /^phone: '?(\+\d+)/m.exec(
  readFileSync('src/content/settings/en/clinic.yaml', 'utf8'),
)?.[1];
const url = (path: string) => new URL(path, SITE_URL).href;
const ORGANIZATION = url('/#organization');
const BUSINESS = {
  main: url('/locations/main/#business'),
  eastside: url('/locations/eastside/#business'),
};

let copy: ReturnType<typeof buildTwoLocations>;

beforeAll(() => {
  copy = buildTwoLocations('clinic-two-locations-');
}, 300_000);
afterAll(() => copy?.remove());

const html = (path: string) => readFileSync(join(copy.dir, 'dist', path, 'index.html'), 'utf8');
/** The text of an HTML fragment, `Intl`'s thin and narrow no-break spaces read as spaces. */
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Each closure line in an HTML fragment (`ClosureList`). */
const closureLines = (fragment: string) =>
  [...fragment.matchAll(/<div class="closures"[^>]*>[\s\S]*?<\/div>/g)].flatMap(([list]) =>
    [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(([, item]) => textOf(item ?? '')),
  );
/** The page's `<main>`, without the footer every page shares. */
const mainOf = (page: string) => /<main[\s\S]*<\/main>/.exec(page)?.[0] ?? '';
const footerOf = (page: string) => /<footer[\s\S]*<\/footer>/.exec(page)?.[0] ?? '';
/** The part of a fragment from the heading naming `name` to the next heading of that level. */
function underHeading(fragment: string, level: number, name: string): string {
  const parts = fragment.split(new RegExp(`(?=<h${level}[\\s>])`));
  const part = parts.find((candidate) =>
    textOf(/<h\d[^>]*>([\s\S]*?)<\/h\d>/.exec(candidate)?.[1] ?? '').startsWith(name),
  );
  if (!part) throw new Error(`no h${level} "${name}"`);
  return part;
}
const hrefs = (fragment: string) =>
  [...fragment.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map(([, href]) => href ?? '');
const alternates = (page: string) =>
  Object.fromEntries(
    [...page.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
      ([, lang, href]) => [lang, href],
    ),
  );
const nodes = (page: string, type: string): JsonLd[] =>
  jsonLdBlocks(page).filter((block) => block['@type'] === type);

describe('the locations pages, in both languages', () => {
  test.each(['en', 'es'] as const)('in %s: the list and each location’s page exist', (lang) => {
    for (const path of Object.values(PAGES[lang])) {
      expect(existsSync(join(copy.dir, 'dist', path, 'index.html')), path).toBe(true);
    }
    const list = mainOf(html(PAGES[lang].list));
    for (const location of ['main', 'eastside'] as const) {
      expect(textOf(list)).toContain(NAMES[lang][location]);
      expect(hrefs(list)).toContain(PAGES[lang][location]);
    }
  });

  test('each page names the same page in the other language (hreflang), and x-default', () => {
    for (const page of ['list', 'main', 'eastside'] as const) {
      const expected = {
        'en-US': url(PAGES.en[page]),
        'es-US': url(PAGES.es[page]),
        'x-default': url(PAGES.en[page]),
      };
      expect(alternates(html(PAGES.en[page])), page).toEqual(expected);
      expect(alternates(html(PAGES.es[page])), page).toEqual(expected);
    }
  });

  test('the sitemap lists every locations page with its alternates', () => {
    const sitemap = readFileSync(join(copy.dir, 'dist/sitemap-0.xml'), 'utf8');
    for (const page of ['list', 'main', 'eastside'] as const) {
      for (const lang of ['en', 'es'] as const) {
        const entry = new RegExp(
          `<url><loc>${url(PAGES[lang][page])}</loc>([\\s\\S]*?)</url>`,
        ).exec(sitemap);
        expect(entry, PAGES[lang][page]).not.toBeNull();
        expect(entry?.[1]).toContain(`hreflang="es-US" href="${url(PAGES.es[page])}"`);
        expect(entry?.[1]).toContain(`hreflang="en-US" href="${url(PAGES.en[page])}"`);
      }
    }
  });
});

describe.each(['en', 'es'] as const)('in %s, each location’s page', (lang) => {
  test('shows its own hours, and the closures naming it or no location', () => {
    const eastside = mainOf(html(PAGES[lang].eastside));
    const main = mainOf(html(PAGES[lang].main));
    expect(closureLines(eastside)).toEqual([CHRISTMAS[lang], PAINTING[lang]]);
    expect(closureLines(main)).toEqual([CHRISTMAS[lang]]);
    // Eastside opens on Saturday mornings; the main location (the shipped hours) does not.
    const saturday = lang === 'en' ? 'Saturday' : 'sábado';
    /** What the weekly hours say of `day`: `9:00 AM–1:00 PM`, or that it is closed. */
    const hoursOn = (page: string, day: string) =>
      textOf(new RegExp(`<dt[^>]*>${day}</dt>\\s*<dd[^>]*>([^<]*)</dd>`).exec(page)?.[1] ?? 'none');
    expect(hoursOn(eastside, saturday)).toBe(
      lang === 'en' ? '9:00 AM–1:00 PM' : '9:00 a.m.–1:00 p.m.',
    );
    expect(hoursOn(main, saturday)).toBe(lang === 'en' ? 'Closed' : 'Cerrado');
  });

  test('shows the notice naming it, which no other page shows', () => {
    expect(textOf(html(PAGES[lang].eastside))).toContain(NOTICE[lang]);
    for (const path of [PAGES[lang].main, PAGES[lang].list, lang === 'en' ? '/' : '/es/']) {
      expect(textOf(html(path)), path).not.toContain(NOTICE[lang]);
    }
  });

  test('gives its map link, directions and the therapists who work there', () => {
    const eastside = mainOf(html(PAGES[lang].eastside));
    const main = mainOf(html(PAGES[lang].main));
    expect(hrefs(eastside)).toContain(
      `https://www.google.com/maps/search/?api=1&amp;query=${encodeURIComponent('4400 Harbor Avenue, Suite 2, Salem, OR 97317')}`,
    );
    expect(textOf(eastside)).toContain(
      lang === 'en' ? 'Park behind the building.' : 'Estacione detrás del edificio.',
    );
    expect(textOf(eastside)).toContain('Ana Eastside, LMT');
    expect(textOf(eastside)).not.toContain('Therapist Name (placeholder)');
    expect(textOf(main)).toContain('Therapist Name (placeholder)');
    expect(textOf(main)).not.toContain('Ana Eastside');
  });

  test('books at that location: its own Cal.com link, else the clinic’s, as plain links', () => {
    const booking = (path: string) =>
      hrefs(mainOf(html(path))).filter((href) => href.startsWith('https://cal.com/'));
    expect(booking(PAGES[lang].eastside)).not.toEqual([]);
    expect(
      booking(PAGES[lang].eastside).every((href) =>
        href.startsWith('https://cal.com/your-clinic-eastside/'),
      ),
    ).toBe(true);
    expect(booking(PAGES[lang].main)).not.toEqual([]);
    expect(
      booking(PAGES[lang].main).every((href) => href.startsWith('https://cal.com/your-clinic/')),
    ).toBe(true);
  });
});

describe.each(['en', 'es'] as const)('in %s, the visitor chooses a location', (lang) => {
  const at = {
    en: { home: '/', contact: '/contact/', book: '/book/', therapists: '/therapists/' },
    es: {
      home: '/es/',
      contact: '/es/contacto/',
      book: '/es/reservar/',
      therapists: '/es/terapeutas/',
    },
  }[lang];

  test('the footer gives each location’s address, hours and closures, and its page', () => {
    const footer = footerOf(html(at.home));
    for (const location of ['main', 'eastside'] as const) {
      expect(hrefs(footer)).toContain(PAGES[lang][location]);
    }
    expect(textOf(footer)).toContain('4400 Harbor Avenue, Suite 2');
    expect(textOf(footer)).toContain('123 Example Street (placeholder)');
    const hours = underHeading(footer, 2, lang === 'en' ? 'Opening hours' : 'Horario');
    expect(closureLines(underHeading(hours, 3, NAMES[lang].eastside))).toEqual([
      CHRISTMAS[lang],
      PAINTING[lang],
    ]);
    expect(closureLines(underHeading(hours, 3, NAMES[lang].main))).toEqual([CHRISTMAS[lang]]);
  });

  test('the contact page has a section per location, each with its hours and page', () => {
    const contact = mainOf(html(at.contact));
    const eastside = underHeading(contact, 2, NAMES[lang].eastside);
    expect(textOf(eastside)).toContain('4400 Harbor Avenue, Suite 2');
    expect(closureLines(eastside)).toEqual([CHRISTMAS[lang], PAINTING[lang]]);
    expect(hrefs(eastside)).toContain(PAGES[lang].eastside);
    expect(closureLines(underHeading(contact, 2, NAMES[lang].main))).toEqual([CHRISTMAS[lang]]);
  });

  test('the booking page books at each location by its own links, without JavaScript', () => {
    const book = mainOf(html(at.book));
    const eastside = underHeading(
      book,
      3,
      lang === 'en' ? 'Book at Eastside' : 'Reservar en Lado este',
    );
    const cal = (fragment: string) =>
      hrefs(fragment).filter((href) => href.startsWith('https://cal.com/'));
    expect(cal(eastside)).not.toEqual([]);
    expect(
      cal(eastside).every((href) => href.startsWith('https://cal.com/your-clinic-eastside/')),
    ).toBe(true);
    const main = underHeading(
      book,
      3,
      lang === 'en' ? 'Book at Main location' : 'Reservar en Sede principal',
    );
    expect(cal(main).every((href) => href.startsWith('https://cal.com/your-clinic/'))).toBe(true);
    expect(closureLines(eastside)).toEqual([CHRISTMAS[lang], PAINTING[lang]]);
    expect(closureLines(main)).toEqual([CHRISTMAS[lang]]);
    // Each with its phone: Eastside's own, the main location the clinic's.
    expect(hrefs(eastside)).toContain('tel:+15415550188');
    expect(hrefs(main)).toContain(`tel:${CLINIC_PHONE}`);
    expect(hrefs(main)).not.toContain('tel:+15415550188');
  });

  test('on a location’s page, the dialog for booking unavailable offers its phone and calendar', () => {
    const dialog = (path: string) =>
      /<dialog id="booking-fallback"[\s\S]*?<\/dialog>/.exec(html(path))?.[0] ?? '';
    const eastside = dialog(PAGES[lang].eastside);
    expect(hrefs(eastside)).toContain('tel:+15415550188');
    expect(hrefs(eastside)).toContain('https://cal.com/your-clinic-eastside');
    const main = dialog(PAGES[lang].main);
    expect(hrefs(main)).toContain(`tel:${CLINIC_PHONE}`);
    expect(hrefs(main)).toContain('https://cal.com/your-clinic');
    // Elsewhere, the clinic's.
    expect(hrefs(dialog(at.book))).toContain(`tel:${CLINIC_PHONE}`);
  });

  test('each therapist says where they work, linking to the location', () => {
    const therapists = mainOf(html(at.therapists));
    const ana = underHeading(therapists, 2, 'Ana Eastside');
    expect(textOf(ana)).toContain(
      `${lang === 'en' ? 'Works at' : 'Trabaja en'} ${NAMES[lang].eastside}`,
    );
    expect(hrefs(ana)).toContain(PAGES[lang].eastside);
    expect(hrefs(ana)).not.toContain(PAGES[lang].main);
    const placeholder = underHeading(therapists, 2, 'Therapist Name (placeholder)');
    expect(hrefs(placeholder)).toContain(PAGES[lang].main);
  });
});

describe('search engines: the clinic as an organisation, a business per location', () => {
  test('every page names the organisation, with each location as a sub-organisation', () => {
    for (const path of ['/', '/pricing/', '/es/', PAGES.es.eastside]) {
      const [organization, ...more] = nodes(html(path), 'Organization');
      expect(more, path).toEqual([]);
      expect(organization, path).toMatchObject({
        '@id': ORGANIZATION,
        url: url('/'),
        subOrganization: [{ '@id': BUSINESS.main }, { '@id': BUSINESS.eastside }],
      });
      // Its logo is the clinic's (brand.logo: the shipped one is an SVG), not the page's photo.
      const { logo, image } = organization as { logo?: string; image?: string };
      expect(logo, path).toMatch(new RegExp(`^${url('/_astro/')}logo-placeholder\\.[^/]+\\.svg$`));
      expect(logo, path).not.toBe(image);
    }
    // A page about no one location carries no business node; what it is about is the organisation.
    expect(nodes(html('/pricing/'), 'Physiotherapy')).toEqual([]);
    expect(nodes(html('/es/'), 'WebPage')[0]).toMatchObject({ about: { '@id': ORGANIZATION } });
  });

  test.each(['en', 'es'] as const)(
    'in %s, a location’s page carries its own business node, as Google describes one',
    (lang) => {
      const [eastside, ...others] = nodes(html(PAGES[lang].eastside), 'Physiotherapy');
      expect(others).toEqual([]);
      expect(eastside).toMatchObject({
        '@id': BUSINESS.eastside,
        url: url(PAGES[lang].eastside),
        parentOrganization: { '@id': ORGANIZATION },
        telephone: '+15415550188',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '4400 Harbor Avenue, Suite 2',
          postalCode: '97317',
        },
        geo: { '@type': 'GeoCoordinates', latitude: 44.9361, longitude: -122.9862 },
        openingHoursSpecification: [
          {
            dayOfWeek: ['https://schema.org/Tuesday', 'https://schema.org/Thursday'],
            opens: '10:00',
            closes: '19:00',
          },
          { dayOfWeek: ['https://schema.org/Saturday'], opens: '09:00', closes: '13:00' },
        ],
        specialOpeningHoursSpecification: [
          { validFrom: '2026-12-24', validThrough: '2026-12-25', opens: '00:00', closes: '00:00' },
          { validFrom: '2026-12-29', validThrough: '2026-12-30', opens: '00:00', closes: '00:00' },
        ],
        potentialAction: {
          '@type': 'ReserveAction',
          target: { '@type': 'EntryPoint', urlTemplate: 'https://cal.com/your-clinic-eastside' },
        },
      });
      expect(String(eastside?.['name'])).toContain(NAMES[lang].eastside);
      expect(eastside?.['sameAs']).toEqual([
        expect.stringContaining('query_place_id=ChIJeastsideExamplePlaceId01'),
        'https://www.yelp.com/biz/harbor-eastside',
      ]);
      expect((eastside?.['employee'] as JsonLd[]).map(({ name }) => name)).toEqual([
        'Ana Eastside',
      ]);
      const [main] = nodes(html(PAGES[lang].main), 'Physiotherapy');
      expect(main).toMatchObject({
        '@id': BUSINESS.main,
        parentOrganization: { '@id': ORGANIZATION },
        specialOpeningHoursSpecification: [{ validFrom: '2026-12-24' }],
        potentialAction: { target: { urlTemplate: 'https://cal.com/your-clinic' } },
      });
    },
  );

  test.each(['en', 'es'] as const)(
    'in %s, a location’s own profiles and Place ID are its sameAs, and linked on its page with its review link',
    (lang) => {
      const [eastside] = nodes(html(PAGES[lang].eastside), 'Physiotherapy');
      expect(eastside?.['sameAs']).toEqual([
        expect.stringContaining('query_place_id=ChIJeastsideExamplePlaceId01'),
        'https://www.yelp.com/biz/harbor-eastside',
      ]);
      const page = mainOf(html(PAGES[lang].eastside));
      expect(hrefs(page)).toContain('https://www.yelp.com/biz/harbor-eastside');
      expect(hrefs(page)).toContain(
        'https://search.google.com/local/writereview?placeid=ChIJeastsideExamplePlaceId01',
      );
      // The main location has no profiles of its own: its page links none (the footer has the
      // clinic's), and its review link is its own Place ID's.
      const main = mainOf(html(PAGES[lang].main));
      expect(hrefs(main)).not.toContain('https://www.yelp.com/biz/harbor-eastside');
      expect(hrefs(main)).not.toContain(
        'https://search.google.com/local/writereview?placeid=ChIJeastsideExamplePlaceId01',
      );
    },
  );

  test.each(['en', 'es'] as const)(
    'in %s, a location’s page is about that location’s business, other pages about the clinic',
    (lang) => {
      for (const id of ['main', 'eastside'] as const) {
        expect(nodes(html(PAGES[lang][id]), 'WebPage'), id).toMatchObject([
          { about: { '@id': BUSINESS[id] } },
        ]);
      }
      expect(nodes(html(PAGES[lang].list), 'WebPage')).toMatchObject([
        { about: { '@id': ORGANIZATION } },
      ]);
    },
  );

  test('the locations and contact pages carry every location’s business node', () => {
    for (const path of [PAGES.en.list, PAGES.es.list, '/contact/', '/es/contacto/']) {
      expect(
        nodes(html(path), 'Physiotherapy').map((node) => node['@id']),
        path,
      ).toEqual([BUSINESS.main, BUSINESS.eastside]);
    }
  });

  test('the offline structured-data validator finds no error on the new pages and the home page', async () => {
    for (const path of [...Object.values(PAGES.en), ...Object.values(PAGES.es), '/', '/contact/']) {
      const issues = await validate(jsonLdBlocks(html(path)));
      expect(
        issues.filter(({ severity }) => severity === 'ERROR'),
        path,
      ).toEqual([]);
    }
  });
});

describe('a second location added without renaming the first, or with the same order', () => {
  const nameAdvice = (code: string, name: string) => ({
    file: `src/content/locations/${code}/main.yaml`,
    field: 'name',
    advice: true,
    problems: [
      `"${name}" is the template's name for a clinic's only location: with 2 locations, visitors choose between them by name, so name it by where it is (e.g. its neighborhood)`,
    ],
  });

  test('the names it looks for are the shipped location’s, in every language it ships', () => {
    const codes = readdirSync('src/content/locations');
    expect(Object.keys(ONLY_LOCATION_NAMES).sort()).toEqual(codes.sort());
    for (const code of codes) {
      const file = readFileSync(`src/content/locations/${code}/main.yaml`, 'utf8');
      expect(file, code).toMatch(new RegExp(`^name: ${ONLY_LOCATION_NAMES[code]}$`, 'm'));
    }
  });

  test('two with one name in a language each have their own address there, the first in order its name', () => {
    const base = '/es/ubicaciones/';
    const file = (id: string) => `src/content/locations/es/${id}.yaml`;
    const { paths, clashes } = entryPaths(base, [
      { id: 'main', slug: 'centro', file: file('main') },
      { id: 'eastside', slug: 'centro', file: file('eastside') },
      { id: 'north', slug: 'norte', file: file('north') },
    ]);
    expect(Object.fromEntries(paths)).toEqual({
      main: '/es/ubicaciones/centro/',
      eastside: '/es/ubicaciones/centro-eastside/',
      north: '/es/ubicaciones/norte/',
    });
    expect(clashes).toEqual([
      "src/content/locations/es/eastside.yaml: its address /es/ubicaciones/centro/ is also src/content/locations/es/main.yaml's, so it is at /es/ubicaciones/centro-eastside/ until their words differ",
    ]);
  });

  test('every build warns of the first location still named as the only one, in each language', () => {
    for (const [code, name] of Object.entries(ONLY_LOCATION_NAMES)) {
      expect(copy.log).toContain(
        `src/content/locations/${code}/main.yaml: name: "${name}" is the template's name`,
      );
    }
  });

  test('launch-check names it as advice (a production build only warns), and two locations with one order or one name', () => {
    expect(launchCheck(copy.dir).filter(({ advice }) => advice)).toEqual([
      nameAdvice('en', 'Main location'),
      nameAdvice('es', 'Sede principal'),
    ]);
    const renamed = twoLocationsCopy('clinic-two-locations-renamed-');
    try {
      const file = (code: string, id: string) =>
        join(renamed.dir, 'src/content/locations', code, `${id}.yaml`);
      const edit = (path: string, from: RegExp, to: string) =>
        writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
      edit(file('en', 'main'), /^name: .*$/m, 'name: Downtown');
      edit(file('es', 'main'), /^name: .*$/m, 'name: Centro');
      expect(launchCheck(renamed.dir).filter(({ advice }) => advice)).toEqual([]);
      edit(file('en', 'eastside'), /^order: 2$/m, 'order: 1');
      edit(file('es', 'eastside'), /^name: .*$/m, 'name: centro');
      expect(launchCheck(renamed.dir).filter(({ advice }) => advice)).toEqual([
        {
          file: 'src/content/locations/en/main.yaml',
          field: 'order',
          advice: true,
          problems: [
            "1 is also the order of src/content/locations/en/eastside.yaml: the first in order is the main location (the clinic's address in the footer and in search results), so give each location its own number",
          ],
        },
        {
          file: 'src/content/locations/es/main.yaml',
          field: 'name',
          advice: true,
          problems: [
            '"Centro" is also the name of src/content/locations/es/eastside.yaml: give each location its own',
          ],
        },
      ]);
    } finally {
      renamed.remove();
    }
  });
});
