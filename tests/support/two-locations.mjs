// A clinic with two locations, in English and Spanish (issue 34): the shipped main location and an
// "Eastside" location added as staff would add it in the CMS (its file in each language), with a
// therapist who works only there, a closure and a notice that name only it, and a closure for every
// location. Built once per test file that reads it: tests/unit/two-locations.test.ts reads its
// pages and JSON-LD, tests/e2e/locations.spec.ts opens them in a browser (axe, transfer budget).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASTRO, copyProject } from './project-copy.mjs';

/** The day the site is built as of: the notice runs, both closures are in the coming weeks. */
const TWO_LOCATIONS_DATE = '2026-12-21';

const THERAPIST_ES = `---
reviewed: false
credentials: LMT
credentialName: Terapeuta de masaje con licencia
licence:
  board: Junta de Terapeutas de Masaje de Oregón
languages:
  - inglés
  - español
---

Ana trata lesiones deportivas y del trabajo.
`;

const FILES = {
  'locations/en/eastside.yaml': `name: Eastside
order: 2
address:
  street: 4400 Harbor Avenue, Suite 2
  city: Salem
  region: OR
  postalCode: '97317'
geo:
  latitude: 44.9361
  longitude: -122.9862
phone: '+15415550188'
hours:
  - days: [Tuesday, Thursday]
    opens: '10:00'
    closes: '19:00'
  - days: [Saturday]
    opens: '09:00'
    closes: '13:00'
directions: Park behind the building. The entrance is on the ground floor, step-free, beside the pharmacy.
calLink: your-clinic-eastside
googlePlaceId: ChIJeastsideExamplePlaceId01
profiles:
  yelp: https://www.yelp.com/biz/harbor-eastside
`,
  'locations/es/eastside.yaml': `reviewed: false
name: Lado este
directions: Estacione detrás del edificio. La entrada está en la planta baja, sin escalones, junto a la farmacia.
`,
  // The shipped therapist works at the main location only; Ana only at Eastside.
  'therapists/en/ana-eastside.mdx': `---
name: Ana Eastside
credentials: LMT
credentialName: Licensed Massage Therapist
licence:
  number: MT20001
  state: OR
  board: Oregon Board of Massage Therapists
  lookupUrl: https://www.oregon.gov/obmt/
techniques: [orthopedic-medical-massage]
languages: [English, Spanish]
locations: [eastside]
order: 2
---

Ana treats sports and work injuries.
`,
  'therapists/es/ana-eastside.mdx': THERAPIST_ES,
  'closures/en/2026-12-24-christmas.yaml':
    'reason: Christmas\nvalidFrom: 2026-12-24\nvalidThrough: 2026-12-25\n',
  'closures/es/2026-12-24-christmas.yaml': 'reviewed: false\nreason: Navidad\n',
  'closures/en/2026-12-29-eastside-painting.yaml':
    'reason: Eastside repainting\nvalidFrom: 2026-12-29\nvalidThrough: 2026-12-30\nlocations: [eastside]\n',
  'closures/es/2026-12-29-eastside-painting.yaml':
    'reviewed: false\nreason: Pintura en Lado este\n',
  'notices/en/2026-12-20-eastside-parking.yaml':
    'text: Eastside parking closed this week\nvalidFrom: 2026-12-20\nvalidThrough: 2026-12-27\nlocations: [eastside]\n',
  'notices/es/2026-12-20-eastside-parking.yaml':
    'reviewed: false\ntext: Sin estacionamiento en Lado este\n',
};

/**
 * A copy of the project with the two locations' files, not built. The shipped therapist works at
 * the main location only.
 * @param {string} prefix the temporary folder's prefix
 * @returns {{ dir: string, remove: () => void }}
 */
export function twoLocationsCopy(prefix) {
  const copy = copyProject(prefix);
  for (const [file, text] of Object.entries(FILES)) {
    writeFileSync(join(copy.dir, 'src/content', file), text);
  }
  const therapist = join(copy.dir, 'src/content/therapists/en/therapist-placeholder.mdx');
  writeFileSync(
    therapist,
    readFileSync(therapist, 'utf8').replace(/^order: 1$/m, 'locations: [main]\norder: 1'),
  );
  return copy;
}

/**
 * `twoLocationsCopy`, built as of TWO_LOCATIONS_DATE into `<dir>/dist`; `log` is what the build
 * printed (its output, then its errors). Throws with the log when the build fails.
 * @param {string} prefix the temporary folder's prefix
 * @returns {{ dir: string, remove: () => void, log: string }}
 */
export function buildTwoLocations(prefix) {
  const copy = twoLocationsCopy(prefix);
  const build = spawnSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SITE_DATE: TWO_LOCATIONS_DATE, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const log = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) {
    copy.remove();
    throw new Error(`The two-locations build failed:\n${log}`);
  }
  return { ...copy, log };
}
