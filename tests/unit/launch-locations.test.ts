/**
 * Setup and the launch check for a clinic with several locations (issue 34): a made-up clinic
 * with two, from an answers file (tests/fixtures/setup/two-locations.yaml), checked file by file
 * and built once; what the answers get wrong, named; a second run in a terminal that offers what
 * is in the files, stopped with Ctrl-C and resumed. The commands run as a person runs them; the
 * answers refused one after another run setup's `main` in this process
 * (tests/support/setup-in-process.ts), the function the command runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { setupWithAnswers } from '../support/setup-in-process';

const projectRoot = resolve(import.meta.dirname, '../..');
const answersFile = join(projectRoot, 'tests/fixtures/setup/two-locations.yaml');

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

const setup = (cwd: string, answers: string) =>
  run(cwd, ['scripts/setup.mjs', '--answers', answers]);
const launchCheck = (cwd: string) => run(cwd, ['scripts/launch-check.mjs']);
const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const data = (root: string, file: string) => parse(read(root, file)) as Record<string, unknown>;
/** An .mdx file's front matter. */
const frontMatter = (root: string, file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(read(root, file))?.[1] ?? '') as Record<string, unknown>;

/** The launch check's output as `file → field lines`. */
function listed(output: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of output.split('\n')) {
    const file = /^ {2}(\S+)$/.exec(line)?.[1];
    if (file) files.set(file, (current = []));
    else if (/^ {4}\S/.test(line)) current.push(line.trim());
  }
  return files;
}

describe('a clinic with two locations, from an answers file', () => {
  let copy: ReturnType<typeof copyProject>;
  let result: ReturnType<typeof run>;
  beforeAll(() => {
    copy = copyProject('clinic-locations-', ['scripts', 'prettier.config.mjs']);
    result = setup(copy.dir, answersFile);
  });
  afterAll(() => copy.remove());

  test('one file per location, named after it, its words in Spanish where they differ; the placeholder location gone', () => {
    expect(result.output).not.toContain('Nothing was written');
    for (const file of [
      'src/content/locations/en/main.yaml',
      'src/content/locations/es/main.yaml',
    ]) {
      expect(result.output).toContain(`${file} (removed)`);
      expect(existsSync(join(copy.dir, file)), file).toBe(false);
    }
    expect(data(copy.dir, 'src/content/locations/en/downtown.yaml')).toEqual({
      name: 'Downtown',
      order: 1,
      address: {
        street: '2211 SE Division Street, Suite 3',
        city: 'Portland',
        region: 'OR',
        postalCode: '97202',
      },
      hours: [{ days: ['Monday', 'Wednesday', 'Friday'], opens: '09:00', closes: '17:00' }],
      hoursNote: 'Evening sessions by appointment.',
      directions: 'Enter from Division Street; two client parking spaces are behind the building.',
      googlePlaceId: 'ChIJd8BlQ2BZwokRAFUEcm_qrcA',
    });
    // Its own id (file name), its own phone (as the site stores phones) and Cal.com link.
    expect(data(copy.dir, 'src/content/locations/en/east.yaml')).toEqual({
      name: 'Eastside',
      order: 2,
      address: {
        street: '480 NE 122nd Avenue',
        city: 'Portland',
        region: 'OR',
        postalCode: '97230',
      },
      phone: '+15035550234',
      hours: [
        { days: ['Tuesday', 'Thursday'], opens: '11:00', closes: '19:00' },
        { days: ['Saturday'], opens: '09:00', closes: '13:00' },
      ],
      calLink: 'harbor-light-eastside',
    });
    // Translations hold only words: those given, reviewed as the answers say, and the address of
    // the location's page in that language (`slug`), made from its name.
    expect(data(copy.dir, 'src/content/locations/es/downtown.yaml')).toEqual({
      reviewed: true,
      name: 'Centro',
      slug: 'centro',
      hoursNote: 'Sesiones por la tarde con cita previa.',
      directions:
        'Entrada por Division Street; hay dos plazas de aparcamiento detrás del edificio.',
    });
    expect(data(copy.dir, 'src/content/locations/es/east.yaml')).toEqual({
      reviewed: false,
      name: 'Este',
      slug: 'este',
    });
    // Who works where: Dana at Downtown only; Luis at both, so everywhere (no locations).
    expect(frontMatter(copy.dir, 'src/content/therapists/en/dana-whitfield.mdx').locations).toEqual(
      ['downtown'],
    );
    expect(frontMatter(copy.dir, 'src/content/therapists/en/luis-ortega.mdx')).not.toHaveProperty(
      'locations',
    );
    // The clinic keeps what is the same at every location; where it is went to the locations.
    const clinic = data(copy.dir, 'src/content/settings/en/clinic.yaml');
    expect(clinic).toMatchObject({ name: 'Harbor Light Medical Massage', phone: '+15032270144' });
    expect(clinic).not.toHaveProperty('address');
  });

  test('launch-check covers each location file: a placeholder, no hours, a missing translation, a location named that does not exist', () => {
    const locations = (files: Map<string, string[]>) =>
      [...files.keys()].filter((file) => file.startsWith('src/content/locations/'));
    // As set up: only the Spanish words nobody has reviewed yet.
    expect(locations(listed(launchCheck(copy.dir).output))).toEqual([
      'src/content/locations/es/east.yaml',
    ]);
    const east = join(copy.dir, 'src/content/locations/en/east.yaml');
    const eastEs = join(copy.dir, 'src/content/locations/es/east.yaml');
    const closure = join(copy.dir, 'src/content/closures/en/thanksgiving-2026.yaml');
    const before = [east, eastEs, closure].map((file) => readFileSync(file, 'utf8'));
    try {
      const broken = (before[0] ?? '')
        .replace('480 NE 122nd Avenue', '480 Example Avenue (placeholder)')
        .replace(/^hours:\n(?: {2}.*\n)+/m, '');
      expect(broken).not.toContain('hours:');
      writeFileSync(east, broken);
      rmSync(eastEs);
      writeFileSync(closure, `${before[2] ?? ''}locations: [downtown, north]\n`);
      const check = launchCheck(copy.dir);
      expect(check.status).toBe(1);
      const files = listed(check.output);
      expect(files.get('src/content/locations/en/east.yaml')).toEqual([
        'address.street: "480 Example Avenue (placeholder)" says placeholder',
        'hours: is required: opening hours. Days not listed are shown as closed',
      ]);
      expect(files.get('src/content/locations/es/east.yaml')).toEqual([
        '(the file): is missing, so the es-US pages leave out the location Eastside (src/content/locations/en/east.yaml): translate it in the CMS, or add this file',
      ]);
      expect(files.get('src/content/closures/en/thanksgiving-2026.yaml')).toContain(
        'locations: there is no location "north" (src/content/locations/en/north.yaml): the build stops until it names one that exists (downtown, east)',
      );
    } finally {
      [east, eastEs, closure].forEach((file, index) => writeFileSync(file, before[index] ?? ''));
    }
  });

  test('the site builds with both, each location in each language', () => {
    const build = run(copy.dir, [...ASTRO, 'build']);
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).not.toContain('Not in es-US');
    // The main location is where the clinic's pages say it is, in each language's words.
    expect(read(copy.dir, 'dist/contact/index.html')).toContain('2211 SE Division Street, Suite 3');
    expect(read(copy.dir, 'dist/contact/index.html')).toContain('Evening sessions by appointment.');
    expect(read(copy.dir, 'dist/es/contacto/index.html')).toContain(
      'Sesiones por la tarde con cita previa.',
    );
    // Both were loaded and checked by the build's schemas (its data store), therapists' too.
    const store = readFileSync(join(copy.dir, 'node_modules/.astro/data-store.json'), 'utf8');
    for (const text of ['480 NE 122nd Avenue', 'harbor-light-eastside', 'Este', 'Centro']) {
      expect(store).toContain(text);
    }
  });
});

describe('what the answers get wrong about the locations is named, and nothing is written', () => {
  test.each([
    ['locations:\n  - address: { city: Portland }\n', 'locations.0.name: is required'],
    [
      'locations:\n  - name: Downtown\n  - name: Downtown\n',
      'locations.1.id: "downtown" is also the id of locations.0: each location needs its own',
    ],
    ['locations:\n  - { name: Downtown, id: Down Town }\n', 'locations.0.id: must be lower-case'],
    [
      "locations:\n  - name: Downtown\n    hours: [{ days: [Monday], opens: '18:00', closes: '09:00' }]\n",
      'locations.0.hours.0.closes: must be later than the opening time',
    ],
    [
      'locations:\n  - { name: Downtown, translations: { fr-CA: { name: Centre-ville } } }\n',
      'locations.0.translations.fr-CA: is not another language of the site (those are es-US)',
    ],
    [
      'locations:\n  - { name: Downtown, therapists: [Nobody Here] }\n',
      'locations.0.therapists: there is no therapist "Nobody Here"',
    ],
    [
      'clinic: { address: { city: Portland } }\nlocations:\n  - { name: Downtown }\n',
      'clinic.address: is a location’s, and the answers give the locations: give it under each of them (locations.0.address)',
    ],
    [
      // The shipped closure naming the location the answers replace would stop the build.
      'locations:\n  - { name: Downtown }\n',
      'src/content/closures/en/thanksgiving-2026.yaml: locations: there is no location "main"',
    ],
  ])('%j', async (text, expected) => {
    const copy = copyProject('clinic-locations-bad-', ['scripts']);
    try {
      const closure = join(copy.dir, 'src/content/closures/en/thanksgiving-2026.yaml');
      if (expected.startsWith('src/content/closures')) {
        writeFileSync(closure, `${readFileSync(closure, 'utf8')}locations: [main]\n`);
      }
      const answers = join(copy.dir, 'answers.yaml');
      writeFileSync(answers, text);
      const main = read(copy.dir, 'src/content/locations/en/main.yaml');
      const result = await setupWithAnswers(copy.dir, answers);
      expect(result.status).toBe(1);
      expect(result.output).toContain(
        expected.startsWith('src/') ? expected : `answers.yaml: ${expected}`,
      );
      expect(result.output).toContain('Nothing was written');
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(read(copy.dir, 'src/content/locations/en/main.yaml')).toBe(main);
      expect(existsSync(join(copy.dir, 'src/content/locations/en/downtown.yaml'))).toBe(false);
    } finally {
      copy.remove();
    }
  });
});

/** A question's input line as the terminal shows it (`│  09:00-17:00█`, lines end in CR LF). */
const INPUT_LINE = /\n[│|] {2}([^\r\n]*)\r?\n/;

/**
 * The interactive set-up in a pseudo-terminal (`script`, util-linux), as tests/unit/launch.test.ts
 * runs it: each answer typed once its question is on screen.
 */
function terminalSession(cwd: string) {
  const child = spawn(
    'script',
    [
      '-qec',
      `stty cols 120 rows 50; exec ${JSON.stringify(process.execPath)} scripts/setup.mjs`,
      '/dev/null',
    ],
    { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  let screen = '';
  let all = '';
  const waiting: (() => boolean)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const text = stripVTControlCharacters(chunk.toString());
    screen += text;
    all += text;
    waiting.splice(0, waiting.length, ...waiting.filter((done) => !done()));
  });
  const exited = new Promise<number | null>((done) => child.on('close', done));
  const seen = (text: string, ready: (at: number) => boolean) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`"${text}" never appeared; last output:\n${screen.slice(-600)}`)),
        60_000,
      );
      const check = () => {
        const at = screen.indexOf(text);
        if (at === -1 || !ready(at)) return false;
        clearTimeout(timer);
        done();
        return true;
      };
      if (!check()) waiting.push(check);
    });
  return {
    /** Waits until `text` is on screen, then types `answer` (clearing what is there) and Enter. */
    async answer(text: string, answer?: string) {
      await seen(text, (at) => {
        screen = screen.slice(at + text.length);
        return true;
      });
      if (answer !== undefined) child.stdin.write(`${answer ? `\x15${answer}` : ''}\r`);
    },
    /** The answer the question `text` offers (its input line), without answering. */
    async offered(text: string): Promise<string> {
      await seen(text, (at) => INPUT_LINE.test(screen.slice(at)));
      const line = INPUT_LINE.exec(screen.slice(screen.indexOf(text)))?.[1] ?? '';
      return line.replace(/[_█▌]+$/u, '').trim();
    },
    /** Waits until `text` is on screen, then presses Ctrl-C, as a person stopping halfway. */
    async interrupt(text: string) {
      await this.answer(text);
      child.stdin.write('\x03');
    },
    async end() {
      child.stdin.end();
      return { status: await exited, output: all };
    },
  };
}

describe('npm run setup in a terminal, on a clinic with two locations', () => {
  test('a second run offers each location’s values; stopped in the second location and resumed, no answer is lost', async () => {
    const copy = copyProject('clinic-locations-tty-', ['scripts', 'prettier.config.mjs', 'tests']);
    try {
      expect(setup(copy.dir, answersFile).output).not.toContain('Nothing was written');
      const session = terminalSession(copy.dir);
      await session.answer('The site’s languages', '');
      for (const question of ['Clinic name', 'Phone number', 'Email address']) {
        await session.answer(question, '');
      }
      expect(await session.offered('How many locations')).toBe('2');
      await session.answer('How many locations', '');
      // The first location, as its file has it; its note changed.
      const offered: string[] = [];
      for (const question of [
        'Location 1: its short name',
        'Its name in es-US',
        'Street and number',
        'City',
        'State',
        'ZIP code',
        'time zone',
        'Its phone number',
        'Its email address',
        ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      ]) {
        offered.push(await session.offered(question));
        await session.answer(question, '');
      }
      const closed = '09:00-18:00, or empty for closed';
      expect(offered).toEqual([
        'Downtown',
        'Centro',
        '2211 SE Division Street, Suite 3',
        'Portland',
        'OR',
        '97202',
        'America/Los_Angeles',
        '',
        '',
        // A closed day offers nothing: the question's placeholder shows.
        ...['09:00-17:00', closed, '09:00-17:00', closed, '09:00-17:00', closed, closed],
      ]);
      expect(await session.offered('A note under the opening hours')).toBe(
        'Evening sessions by appointment.',
      );
      await session.answer('A note under the opening hours', 'Evening sessions on Fridays.');
      expect(await session.offered('How to get there')).toBe(
        'Enter from Division Street; two client parking spaces are behind the building.',
      );
      await session.answer('How to get there', '');
      await session.answer('Its own Cal.com link', '');
      expect(await session.offered('Google Place ID')).toBe('ChIJd8BlQ2BZwokRAFUEcm_qrcA');
      await session.answer('Google Place ID', '');
      // The second location: its name and phone offered, then Ctrl-C halfway.
      expect(await session.offered('Location 2: its short name')).toBe('Eastside');
      await session.answer('Location 2: its short name', '');
      expect(await session.offered('Its name in es-US')).toBe('Este');
      await session.answer('Its name in es-US', 'Este de Portland');
      await session.interrupt('Street and number');
      const stopped = await session.end();
      expect(stopped.status).toBe(1);
      expect(stopped.output).toContain('your answers so far are kept (.setup-answers.json)');
      // Kept as given, in the journal; nothing written into the site yet.
      const journal = readFileSync(join(copy.dir, '.setup-answers.json'), 'utf8');
      expect(journal).toContain('Evening sessions on Fridays.');
      expect(journal).toContain('Este de Portland');
      expect(data(copy.dir, 'src/content/locations/en/downtown.yaml').hoursNote).toBe(
        'Evening sessions by appointment.',
      );

      const resumed = terminalSession(copy.dir);
      await resumed.answer('Go on with the set-up stopped', '');
      // The answers kept are given again, shown, not asked: the first location's among them.
      await resumed.answer('Street and number: 2211 SE Division Street, Suite 3');
      await resumed.answer('Its name in es-US: Este de Portland');
      for (const [question, answer] of [
        ['Street and number', ''],
        ['City', 'Gresham'],
        ['State', ''],
        ['ZIP code', ''],
        ['Its phone number', ''],
        ['Its email address', ''],
        ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
          (day) => [day, ''],
        ),
        ['A note under the opening hours', ''],
        ['How to get there', ''],
        ['Its own Cal.com link', ''],
        ['Google Place ID', ''],
        ['Towns or areas', 'Portland, Gresham'],
        ['How many hours', ''],
        ['Cancellation rule', ''],
        ['arrives late', ''],
        ['misses a session', ''],
        ['colour', ''],
        ['logo', ''],
        ['Google Business Profile link', ''],
        ['Yelp page', ''],
        ['Facebook page', ''],
        ['Instagram profile', ''],
        ['Healthgrades page', ''],
        ['Cal.com link', ''],
        ['Enter therapists again', ''],
        // Who works where: as the files say (Dana at Downtown, Luis at both), kept.
        ['Where does Dana Whitfield work', ''],
        ['Where does Luis Ortega work', ''],
      ] as [string, string][]) {
        await resumed.answer(question, answer);
      }
      // What the set-up asks next is not about locations: stopped there, with the locations
      // answered and kept.
      await resumed.interrupt('A photo for');
      expect((await resumed.end()).status).toBe(1);
      const again = terminalSession(copy.dir);
      await again.answer('Go on with the set-up stopped', '');
      await again.answer('Where does Luis Ortega work?: 0, 1');
      await again.answer('A photo for pages/en/home.mdx', '');
      await again.answer('A photo for services/en/orthopedic-medical-massage.mdx', '');
      await again.answer('Physical access', 'Step-free access from the street at both locations.');
      for (const question of ['30-minute session', '60-minute session', '90-minute session']) {
        await again.answer(question, '');
      }
      await again.answer('insurance plans and programs', '');
      await again.answer('workers’ compensation and auto-accident cases', '');
      await again.answer('reviewed the privacy notice', '');
      await again.answer('read the pages on conditions', '');
      await again.answer('SVG icon', '');
      await again.answer('Where will the site be published', '');
      await again.answer('The site’s address', 'https://www.harborlightmassage.com');
      await again.answer('GitHub repository', 'harbor-light/website');
      await again.answer('The production branch', '');
      await again.answer('How will staff log in', '');
      const { output } = await again.end();
      expect(output).toContain('Written');
      expect(existsSync(join(copy.dir, '.setup-answers.json'))).toBe(false);
      // The answers of all three runs, each where it belongs.
      expect(data(copy.dir, 'src/content/locations/en/downtown.yaml')).toMatchObject({
        name: 'Downtown',
        hoursNote: 'Evening sessions on Fridays.',
        directions:
          'Enter from Division Street; two client parking spaces are behind the building.',
      });
      expect(data(copy.dir, 'src/content/locations/en/east.yaml')).toMatchObject({
        name: 'Eastside',
        order: 2,
        address: { street: '480 NE 122nd Avenue', city: 'Gresham', postalCode: '97230' },
        phone: '+15035550234',
        calLink: 'harbor-light-eastside',
      });
      // Renamed, the location keeps its page's address (links to it keep working).
      expect(data(copy.dir, 'src/content/locations/es/east.yaml')).toEqual({
        reviewed: false,
        name: 'Este de Portland',
        slug: 'este',
      });
      // The Spanish words of Downtown, a fluent speaker's, are kept: only its note changed.
      expect(data(copy.dir, 'src/content/locations/es/downtown.yaml')).toMatchObject({
        name: 'Centro',
        hoursNote: 'Evening sessions on Fridays.',
        reviewed: false,
      });
      expect(
        frontMatter(copy.dir, 'src/content/therapists/en/dana-whitfield.mdx').locations,
      ).toEqual(['downtown']);
      expect(frontMatter(copy.dir, 'src/content/therapists/en/luis-ortega.mdx')).not.toHaveProperty(
        'locations',
      );
    } finally {
      copy.remove();
    }
  }, 300_000);
});
