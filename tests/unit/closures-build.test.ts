/**
 * Closures and notices start and end by themselves: a copy of the project with "Closed 24–26
 * December, back on the 27th" (a closure and a notice, in English and Spanish) is built as of each
 * day around them (with `SITE_DATE`, or as the daily rebuild builds it, at a fixed instant), and the
 * pages and JSON-LD of each build are read. (Which day it is in the clinic's time zone at a given instant, across
 * midnight, is in dates.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { jsonLdBlocks } from '../support/structured-data';

/** The days built: before the notice, its first day, the closure's first and last, the day after. */
const DAYS = ['2026-12-22', '2026-12-23', '2026-12-24', '2026-12-26', '2026-12-27'] as const;
type BuiltDay = (typeof DAYS)[number];

const FILES = {
  'closures/en/2026-12-24-christmas.yaml':
    'reason: Christmas\nvalidFrom: 2026-12-24\nvalidThrough: 2026-12-26\n',
  'closures/es/2026-12-24-christmas.yaml': 'reviewed: false\nreason: Navidad\n',
  'closures/en/2026-12-31-new-years-eve.yaml':
    "reason: New Year’s Eve\nvalidFrom: 2026-12-31\nvalidThrough: 2026-12-31\nopens: '09:00'\ncloses: '12:00'\n",
  'closures/es/2026-12-31-new-years-eve.yaml': 'reviewed: false\nreason: Nochevieja\n',
  'notices/en/2026-12-23-closed-for-christmas.yaml':
    'text: Closed 24–26 December, back on the 27th\nlink: /contact/\nvalidFrom: 2026-12-23\nvalidThrough: 2026-12-26\n',
  'notices/es/2026-12-23-closed-for-christmas.yaml':
    'reviewed: false\ntext: Cerrado 24–26 de diciembre; volvemos el 27\n',
};

const NOTICE = {
  en: { label: 'Notice', text: 'Closed 24–26 December, back on the 27th', href: '/contact/' },
  es: { label: 'Aviso', text: 'Cerrado 24–26 de diciembre; volvemos el 27', href: '/es/contacto/' },
};
const CLOSED = {
  en: 'Thursday, December 24 – Saturday, December 26: Closed (Christmas)',
  es: 'jueves, 24 de diciembre – sábado, 26 de diciembre: Cerrado (Navidad)',
};
const SPECIAL = {
  en: 'Thursday, December 31: Open 9:00 AM–12:00 PM (New Year’s Eve)',
  es: 'jueves, 31 de diciembre: Abierto 9:00 a.m.–12:00 p.m. (Nochevieja)',
};
/** Pages of each language that show opening hours (contact, book, and every page's footer). */
const PAGES = {
  en: ['/', '/contact/', '/book/', '/services/muscle-testing/'],
  es: ['/es/', '/es/contacto/', '/es/reservar/'],
};

/**
 * The last two days are built with no SITE_DATE, as the daily rebuild builds, at an instant on
 * either side of midnight between 26 and 27 December in Los Angeles (UTC−8), on a machine whose
 * own zone is already in the afternoon of the 27th (Pacific/Kiritimati, UTC+14), with the clock
 * fixed by tests/support/fixed-clock.mjs; the others with SITE_DATE.
 */
const INSTANTS: Partial<Record<BuiltDay, string>> = {
  '2026-12-26': '2026-12-27T07:59:00Z',
  '2026-12-27': '2026-12-27T08:01:00Z',
};

let copy: ReturnType<typeof copyProject>;

beforeAll(() => {
  copy = copyProject('clinic-closures-');
  for (const [file, text] of Object.entries(FILES)) {
    writeFileSync(join(copy.dir, 'src/content', file), text);
  }
  for (const day of DAYS) {
    const instant = INSTANTS[day];
    const env: Record<string, string | undefined> = instant
      ? {
          ...process.env,
          FIXED_NOW: instant,
          TZ: 'Pacific/Kiritimati',
          NODE_OPTIONS: `--import ${join(import.meta.dirname, '../support/fixed-clock.mjs')}`,
        }
      : { ...process.env, SITE_DATE: day };
    if (instant) delete env['SITE_DATE'];
    execFileSync(process.execPath, [...ASTRO, 'build', '--outDir', `dist-${day}`], {
      cwd: copy.dir,
      stdio: 'pipe',
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
  }
}, 400_000);
afterAll(() => copy?.remove());

const html = (day: BuiltDay, path: string) =>
  readFileSync(join(copy.dir, `dist-${day}`, path, 'index.html'), 'utf8');
/** The text of an HTML fragment, `Intl`'s thin and narrow no-break spaces read as spaces. */
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .trim();

/** The notice region of a page: its name, its text and its link, and whether it is above the h1. */
function notice(page: string) {
  const match = /<section class="notices" aria-label="([^"]*)"[^>]*>([\s\S]*?)<\/section>/.exec(
    page,
  );
  if (!match) return undefined;
  return {
    label: match[1],
    text: textOf(match[2] ?? ''),
    href: /href="([^"]*)"/.exec(match[2] ?? '')?.[1],
    aboveHeading: match.index < page.indexOf('<h1'),
  };
}

/** Each closure line of the page (the opening hours' list, on the page and in the footer). */
const closureLines = (page: string) =>
  [...page.matchAll(/<div class="closures"[^>]*>[\s\S]*?<\/div>/g)].flatMap(([list]) =>
    [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(([, item]) => textOf(item ?? '')),
  );

const special = (page: string) =>
  (jsonLdBlocks(page).find((block) => block['@type'] === 'Physiotherapy')?.[
    'specialOpeningHoursSpecification'
  ] ?? []) as Record<string, string>[];

describe.each(['en', 'es'] as const)('in %s', (language) => {
  test('the day before the notice: no notice; the closure is listed beside the hours', () => {
    for (const path of PAGES[language]) {
      const page = html('2026-12-22', path);
      expect(notice(page), path).toBeUndefined();
      expect(closureLines(page), path).toContain(CLOSED[language]);
      expect(closureLines(page), path).toContain(SPECIAL[language]);
    }
  });

  test.each(['2026-12-23', '2026-12-24', '2026-12-26'] as const)(
    '%s: the notice above every page’s heading, and the closure beside the hours',
    (day) => {
      for (const path of PAGES[language]) {
        const page = html(day, path);
        expect(notice(page), path).toEqual({ ...NOTICE[language], aboveHeading: true });
        expect(closureLines(page), path).toContain(CLOSED[language]);
      }
    },
  );

  test('the day after: the notice and the closure are gone by themselves', () => {
    for (const path of PAGES[language]) {
      const page = html('2026-12-27', path);
      expect(notice(page), path).toBeUndefined();
      expect(closureLines(page), path).not.toContain(CLOSED[language]);
      expect(closureLines(page), path).toContain(SPECIAL[language]);
    }
  });
});

test('the JSON-LD gives each closure not over as special opening hours, in the page’s language', () => {
  const christmas = {
    '@type': 'OpeningHoursSpecification',
    name: 'Christmas',
    opens: '00:00',
    closes: '00:00',
    validFrom: '2026-12-24',
    validThrough: '2026-12-26',
  };
  const newYearsEve = {
    '@type': 'OpeningHoursSpecification',
    name: 'New Year’s Eve',
    opens: '09:00',
    closes: '12:00',
    validFrom: '2026-12-31',
    validThrough: '2026-12-31',
  };
  for (const day of ['2026-12-22', '2026-12-24', '2026-12-26'] as const) {
    expect(special(html(day, '/'))).toEqual([christmas, newYearsEve]);
  }
  expect(special(html('2026-12-24', '/es/'))[0]).toEqual({ ...christmas, name: 'Navidad' });
  expect(special(html('2026-12-27', '/'))).toEqual([newYearsEve]);
  // The shipped example (Thanksgiving, 26–27 November 2026) is over in every build.
  for (const day of DAYS) expect(html(day, '/contact/')).not.toContain('Thanksgiving');
});

test('across midnight in the clinic’s zone, with no SITE_DATE: 23:59 on the last day still shows it, 00:01 the next day does not', () => {
  // Built at 23:59 on the 26th and 00:01 on the 27th there (INSTANTS): the tests above read them.
  for (const language of ['en', 'es'] as const) {
    const [home, contact] = [PAGES[language][0]!, PAGES[language][1]!];
    expect(notice(html('2026-12-26', home))).toEqual({ ...NOTICE[language], aboveHeading: true });
    expect(closureLines(html('2026-12-26', contact))).toContain(CLOSED[language]);
    expect(notice(html('2026-12-27', home))).toBeUndefined();
    expect(closureLines(html('2026-12-27', contact))).not.toContain(CLOSED[language]);
  }
});

test('a build into another folder (--outDir) has its sitemap, with each page’s alternates read from that build', () => {
  for (const day of DAYS) {
    const sitemap = readFileSync(join(copy.dir, `dist-${day}`, 'sitemap-0.xml'), 'utf8');
    expect(sitemap, day).toContain('<loc>https://');
    expect(sitemap, day).toContain('hreflang="es-US"');
  }
});

test('each build writes the day it was built for into the site, for the daily rebuild to read', () => {
  for (const day of DAYS) {
    expect(readFileSync(join(copy.dir, `dist-${day}`, 'site-day.txt'), 'utf8'), day).toBe(
      `${day}\n`,
    );
  }
});
