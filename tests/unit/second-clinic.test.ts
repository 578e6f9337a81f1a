/**
 * Another clinic goes live: Harbor Light Medical Massage, a made-up two-language clinic in
 * Portland, Maine, on Cloudflare Pages (no other test uses it), from `npm run setup -- --answers`
 * to a production build, on a copy of the project. Its answers change the prices, remove the
 * original clinic's insurance plans and say it does not take workers' compensation or
 * auto-accident cases. Setup cannot rewrite those sentences itself, so launch-check names each
 * place; the test makes exactly those hand edits (as a person would in the CMS or the files), has
 * the Spanish words reviewed, and then reads the built pages of both languages for the clinic's own
 * facts and for none of the original clinic's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isSeq, parse } from 'yaml';
import { readEntryFile, writeEntryFile } from '../../src/launch/entry-file';
import { clearMarkers } from '../../src/launch/placeholders';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

const projectRoot = resolve(import.meta.dirname, '../..');

const ANSWERS = `languages: [en-US, es-US]
clinic:
  name: Harbor Light Medical Massage
  phone: (207) 774-3311
  email: frontdesk@harborlightmassage.com
  address:
    street: 118 Commercial Street
    city: Portland
    region: ME
    postalCode: '04101'
  timeZone: America/New_York
  hours:
    - days: [Monday, Tuesday, Thursday]
      opens: '08:30'
      closes: '16:30'
    - days: [Saturday]
      opens: '10:00'
      closes: '14:00'
  hoursNote: null
  serviceArea: [Portland, South Portland, Falmouth]
  # No profiles and no Google Place ID: no links, no sameAs, no /review/ and no card.
  profiles: null
  googlePlaceId: null
  visitPolicy:
    cancellationNoticeHours: 24
    cancellation: Please let us know at least {notice} ahead if you need to cancel.
    lateArrival: Sessions that start late end at the booked time.
    noShow: Missed sessions without notice are charged half the price.
  brand:
    colour: '#1f4e79'
    logo: ${join(projectRoot, 'tests/fixtures/setup/logo.svg')}
    logoAlt: Harbor Light Medical Massage
booking:
  calLink: harbor-light
deploy:
  host: cloudflare
  siteUrl: https://harborlightmassage.com
  repo: harbor-light/site
  branch: main
therapists:
  - name: Mara Okafor
    credentials: LMT
    credentialName: Licensed Massage Therapist
    licence:
      number: MT4471
      state: ME
      board: Maine Board of Massage Therapy
      lookupUrl: https://www.pfr.maine.gov/ALMSOnline/ALMSQuery/SearchIndividual.aspx
    techniques: [orthopedic-medical-massage]
    languages: [English, Spanish]
    bio: Mara treats sports and work injuries, with a focus on shoulders and lower backs.
photos:
  pages/en/home.mdx: none
  services/en/orthopedic-medical-massage.mdx: none
accessibility:
  physicalAccess: A ramp at the side door; parking on Commercial Street.
confirm:
  prices: { 30: 65, 60: 115, 90: 165 }
  insurancePlans: remove
  workersCompensationAndAutoAccidents: false
  policiesReviewed: 2026-12-03
  conditionsApproved: 2026-12-03
`;

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`),
  };
}

/** The files launch-check names, each with its field lines. */
function listed(output: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of output.split('\n')) {
    const file = /^\S*\s{2}(src\/\S+|public\/\S+)$/.exec(line.replace(/^│/, ''))?.[1];
    if (file) files.set(file, (current = []));
    else if (/^\S*\s{4}\S/.test(line.replace(/^│/, '')))
      current.push(line.replace(/^│/, '').trim());
  }
  return files;
}

let copy: ReturnType<typeof copyProject>;
let setup: ReturnType<typeof run>;
const file = (path: string) => join(copy.dir, path);

/**
 * Edits an entry as a person would: each field `change` sets (or removes, with `undefined`), its
 * body with `body`; the marks of what was edited go, as a save in the CMS drops them.
 */
function edit(
  path: string,
  change: (set: (field: (string | number)[], value: unknown) => void) => void,
  body?: (text: string) => string,
) {
  const entry = readEntryFile(file(path));
  change((field, value) => {
    if (value === undefined) entry.doc.deleteIn(field);
    else entry.doc.setIn(field, value);
    clearMarkers(entry.doc, field, 'CONFIRM');
  });
  if (body && entry.body !== undefined) {
    entry.body = body(entry.body);
    clearMarkers(entry.doc, [], 'CONFIRM');
  }
  writeEntryFile(entry);
}

beforeAll(() => {
  copy = copyProject('clinic-second-', ['scripts', 'prettier.config.mjs', '.github']);
  writeFileSync(file('answers.yaml'), ANSWERS);
  setup = run(copy.dir, ['scripts/setup.mjs', '--answers', 'answers.yaml']);
});
afterAll(() => copy?.remove());

describe('Harbor Light Medical Massage, from setup to a production build', () => {
  test('setup writes its facts in every language it manages, and switches GitHub Pages off', () => {
    expect(setup.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readFileSync(file('src/content/settings/en/clinic.yaml'), 'utf8')).toContain(
      'name: Harbor Light Medical Massage',
    );
    // The therapist in Spanish too, in the main language's words for a fluent speaker to review.
    expect(readFileSync(file('src/content/therapists/es/mara-okafor.mdx'), 'utf8')).toMatch(
      /^reviewed: false$/m,
    );
    expect(existsSync(file('.github/workflows/deploy-pages.yml'))).toBe(false);
    expect(readdirSync(file('src/content/insurance/en'))).toEqual([]);
    expect(readdirSync(file('src/content/insurance/es'))).toEqual([]);
  });

  test('launch-check names each hand edit the answers leave, and nothing of the original clinic is left unnamed', () => {
    const check = listed(run(copy.dir, ['scripts/launch-check.mjs']).output);
    const shipped = [...check]
      .filter(([, fields]) => fields.some((field) => field.includes('marked CONFIRM')))
      .map(([path, fields]) => [
        path,
        fields.filter((field) => field.includes('marked CONFIRM')).map((f) => f.split(':')[0]),
      ]);
    // In both languages: what the plans removed and the care not given leave saying otherwise.
    const expected: Record<string, string[]> = {};
    for (const code of ['en', 'es']) {
      Object.assign(expected, {
        [`src/content/faq/${code}/auto-accidents.mdx`]: ['(the whole entry)'],
        [`src/content/faq/${code}/which-insurance-plans.mdx`]: ['(the whole entry)'],
        [`src/content/faq/${code}/workers-compensation.mdx`]: ['(the whole entry)'],
        [`src/content/pages/${code}/faq.mdx`]: ['description'],
        [`src/content/pages/${code}/home.mdx`]: ['description', 'words.insuranceLink'],
        [`src/content/pages/${code}/insurance.mdx`]: ['(the whole entry)'],
        [`src/content/settings/${code}/booking.yaml`]: ['beforeYourVisit.items.2'],
      });
    }
    expect(Object.fromEntries(shipped)).toEqual(expected);
    // Everything else left is the Spanish words, for a fluent speaker to review.
    const others = [...check.keys()].filter(
      (path) => !shipped.some(([named]) => named === path) && !path.includes('/es/'),
    );
    expect(others).toEqual([]);
  });

  test('after those edits and the Spanish review, launch-check passes and the production build succeeds', () => {
    // The two answers about workers' compensation and auto accidents: not this clinic's.
    for (const code of ['en', 'es']) {
      for (const name of ['auto-accidents.mdx', 'workers-compensation.mdx']) {
        rmSync(file(`src/content/faq/${code}/${name}`));
      }
    }
    edit('src/content/pages/en/home.mdx', (set) => {
      set(['words', 'insuranceLink'], 'Insurance and paying with HSA/FSA');
      set(
        ['description'],
        'Orthopedic/medical massage that treats the condition your physician prescribed. Sessions from 30 minutes, HSA/FSA accepted.',
      );
    });
    edit('src/content/pages/es/home.mdx', (set) => {
      set(['words', 'insuranceLink'], 'Seguros y pago con HSA/FSA');
      set(
        ['description'],
        'Masaje ortopédico/médico que trata la afección indicada en la receta de su médico. Sesiones desde 30 minutos, aceptamos HSA/FSA.',
      );
    });
    edit(
      'src/content/faq/en/which-insurance-plans.mdx',
      (set) => set(['question'], 'Does my insurance cover medical massage?'),
      () =>
        '\nCall the member services number on your card and ask whether medical massage with a prescription is covered.\n',
    );
    edit(
      'src/content/faq/es/which-insurance-plans.mdx',
      (set) => set(['question'], '¿Mi seguro cubre el masaje médico?'),
      () =>
        '\nLlame al número de servicios para miembros de su tarjeta y pregunte si cubre el masaje médico con receta.\n',
    );
    edit('src/content/pages/en/faq.mdx', (set) =>
      set(
        ['description'],
        'Answers about orthopedic/medical massage, prescriptions, HSA/FSA and your visit.',
      ),
    );
    edit('src/content/pages/es/faq.mdx', (set) =>
      set(
        ['description'],
        'Respuestas sobre el masaje ortopédico/médico, recetas, HSA/FSA y su visita.',
      ),
    );
    for (const code of ['en', 'es']) {
      const path = `src/content/settings/${code}/booking.yaml`;
      const entry = readEntryFile(file(path));
      clearMarkers(entry.doc, ['beforeYourVisit', 'items', 2], 'CONFIRM');
      const items = entry.doc.getIn(['beforeYourVisit', 'items']);
      if (isSeq(items)) items.delete(2);
      writeEntryFile(entry);
    }
    const withoutSection = (heading: string) => (text: string) =>
      text.replace(new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## )`), '');
    edit(
      'src/content/pages/en/insurance.mdx',
      (set) => {
        set(['description'], 'Paying with HSA/FSA, and how to check what your insurance covers.');
        set(['lede'], 'We accept HSA/FSA cards and help you check what your insurance covers.');
      },
      withoutSection("Workers' compensation and auto accidents"),
    );
    edit(
      'src/content/pages/es/insurance.mdx',
      (set) => {
        set(['description'], 'Pago con HSA/FSA y cómo verificar lo que cubre su seguro.');
        set(
          ['lede'],
          'Aceptamos tarjetas HSA/FSA y le ayudamos a verificar lo que cubre su seguro.',
        );
      },
      withoutSection('Compensación laboral y accidentes de auto'),
    );
    // A fluent speaker reviews the Spanish words (the CMS's "Translation checked" box).
    for (const path of readdirSync(file('src/content'), { recursive: true, encoding: 'utf8' })) {
      if (!/(^|\/)es\/[^/]+\.(?:mdx|yaml)$/.test(path)) continue;
      const full = file(`src/content/${path}`);
      writeFileSync(
        full,
        readFileSync(full, 'utf8').replace(/^reviewed: false$/m, 'reviewed: true'),
      );
    }

    const check = run(copy.dir, ['scripts/launch-check.mjs']);
    expect(check.output).toContain('nothing is left to replace');
    expect(check.status).toBe(0);
    const build = run(copy.dir, [...ASTRO, 'build'], {
      CF_PAGES: '1',
      CF_PAGES_BRANCH: 'main',
    });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('launch check passed');
  });

  test('with no profiles and no Google Place ID, no page shows a profile or review link, and there is no review page or card', () => {
    const words = (code: string) =>
      (
        parse(readFileSync(file(`src/content/settings/${code}/site.yaml`), 'utf8')) as {
          profiles: { heading: string; review: string };
        }
      ).profiles;
    for (const [path, code] of [
      ['/', 'en'],
      ['/contact/', 'en'],
      ['/es/', 'es'],
      ['/es/contacto/', 'es'],
    ] as const) {
      const html = readFileSync(file(`dist${path}index.html`), 'utf8');
      expect(html, path).not.toContain(words(code).heading);
      expect(html, path).not.toContain(words(code).review);
      expect(html, path).not.toContain('search.google.com');
      expect(html, path).not.toContain('"sameAs"');
    }
    for (const path of ['review', 'review-card', 'es/resena', 'es/tarjeta-de-resena']) {
      expect(existsSync(file(`dist/${path}/index.html`)), path).toBe(false);
    }
  });

  test('every language’s pages state the clinic’s own facts, and none of the original clinic’s', () => {
    const page = (path: string) =>
      readFileSync(file(`dist${path}index.html`), 'utf8').replace(/&#39;|&#x27;/g, "'");
    const pages = ['/', '/pricing/', '/insurance/', '/faq/', '/therapists/', '/contact/', '/book/'];
    const spanish = [
      '/es/',
      '/es/precios/',
      '/es/seguros/',
      '/es/preguntas-frecuentes/',
      '/es/terapeutas/',
      '/es/contacto/',
      '/es/reservar/',
    ];
    for (const path of [...pages, ...spanish]) {
      const html = page(path);
      expect(html, path).toContain('Harbor Light Medical Massage');
      expect(html, path).toContain('Portland');
      for (const original of [
        'Capital Blue Cross',
        'Providence Health Plan',
        'ChooseHealthy',
        "workers' compensation",
        'compensación laboral',
        'auto accident',
        'accidentes de auto',
        'Clinic Name',
        '555-01',
        'under these plans',
        'en estos planes',
        'listed with many plans',
        'registrados en muchos planes',
      ]) {
        expect(html.toLowerCase(), `${path} says "${original}"`).not.toContain(
          original.toLowerCase(),
        );
      }
    }
    for (const path of ['/pricing/', '/es/precios/']) {
      const html = page(path);
      for (const price of ['65', '115', '165'])
        expect(html, path).toMatch(new RegExp(`\\b${price}\\b`));
      for (const price of ['55', '100', '150'])
        expect(html, path).not.toMatch(new RegExp(`[$]\\s?${price}\\b|\\b${price}\\s?(?:US)?[$]`));
    }
    expect(page('/therapists/')).toContain('Mara Okafor');
    expect(page('/es/terapeutas/')).toContain('Mara Okafor');
    expect(page('/contact/')).toContain('(207) 774-3311');
  });
});
