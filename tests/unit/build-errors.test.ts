/**
 * A hand edit that breaks the content must stop the build with a message naming the file and the
 * field. Each case breaks one file in a temporary copy of the project and runs `astro sync`, which
 * loads and validates every collection exactly as `astro build` does. The cases run two at a time
 * (each on its own copy): `astro sync` is most of the unit tests' time.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { draftEntries } from '../../src/integrations/launch-guard';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

/** The copies made, removed once every case has run (the cases run at the same time). */
const copies: ReturnType<typeof copyProject>[] = [];

/** A copy of the project of this case's own. */
function projectCopy(): string {
  const copy = copyProject();
  copies.push(copy);
  return copy.dir;
}

afterAll(() => {
  for (const copy of copies) copy.remove();
});

function edit(project: string, file: string, change: (text: string) => string): void {
  const path = join(project, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the test's edit must change ${file}`).not.toBe(before);
  writeFileSync(path, after);
}

/** Runs `astro sync` (or another command) and returns what it printed when it failed. */
async function syncErrors(project: string, command = 'sync'): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [...ASTRO, command], {
      cwd: project,
      encoding: 'buffer',
      maxBuffer: 10 * 1024 * 1024,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
    return stripVTControlCharacters(`${stdout.toString()}\n${stderr.toString()}`);
  }
  throw new Error(`astro ${command} succeeded, but the content was broken`);
}

/** The lines of the schema's message in `astro sync`'s output: from its heading to the hint. */
function schemaMessage(output: string): string {
  const start = output.indexOf('data does not match collection schema.');
  expect(start, output).toBeGreaterThan(-1);
  return output.slice(start, output.indexOf('Hint:', start));
}

describe.concurrent('broken content fails the build, naming file and field', () => {
  test('a negative price', async () => {
    const project = projectCopy();
    edit(project, 'src/content/pricing/en/60-minutes.mdx', (text) =>
      text.replace('price: 100', 'price: -100'),
    );
    const output = await syncErrors(project);
    expect(output, output).toContain('src/content/pricing/en/60-minutes.mdx');
    expect(output).toMatch(/price: must be more than 0/);
  });

  test('an empty question names each field it needs', async () => {
    const project = projectCopy();
    writeFileSync(join(project, 'src/content/faq/en/empty.mdx'), '');
    const output = await syncErrors(project);
    expect(output).toContain('src/content/faq/en/empty.mdx');
    const message = schemaMessage(output);
    expect(message).toContain(
      [
        '  question: is required: the question as a client would ask it, ending with "?"',
        '  category: is required: name an FAQ category (a file in src/content/faq-categories/)',
        '  order: is required: position in lists (1 comes first)',
      ].join('\n'),
    );
    expect(message).not.toMatch(/union|invalid input|expected|received|\*\*|: required/i);
  });

  test('an empty therapist names each field it needs', async () => {
    const project = projectCopy();
    writeFileSync(join(project, 'src/content/therapists/en/empty.mdx'), '');
    const output = await syncErrors(project);
    expect(output).toContain('src/content/therapists/en/empty.mdx');
    const message = schemaMessage(output);
    expect(message).toContain(
      [
        '  name: is required: full name as clients will see it',
        '  credentials: is required: credentials written after the name, e.g. LMT (Licensed Massage Therapist)',
        '  credentialName: is required: what the credential is, in full, e.g. Licensed Massage Therapist',
        '  licence: is required: the licence to practise massage therapy',
        '  languages: is required: languages the therapist speaks with clients, one each',
        '  order: is required: position in lists (1 comes first)',
      ].join('\n'),
    );
    expect(message).not.toMatch(/union|invalid input|expected|received|\*\*|: required/i);
  });

  test('a phone number in the wrong form in the clinic settings', async () => {
    const project = projectCopy();
    edit(project, 'src/content/settings/en/clinic.yaml', (text) =>
      text.replace(/^phone: .*$/m, "phone: '(541) 555-0100'"),
    );
    const output = await syncErrors(project);
    expect(output).toContain('src/content/settings/en/clinic.yaml');
    expect(output).toMatch(/phone: must be a US number written like \+15415550123/);
  });

  test('a field the schema does not know in a service', async () => {
    const project = projectCopy();
    edit(project, 'src/content/services/en/myofascial-release.mdx', (text) =>
      text.replace('order: 4', 'order: 4\nprice: 55'),
    );
    const output = await syncErrors(project);
    expect(output).toContain('src/content/services/en/myofascial-release.mdx');
    expect(output).toMatch(/price/);
  });

  test('a script element typed into a body by hand', async () => {
    const project = projectCopy();
    edit(
      project,
      'src/content/faq/en/auto-accidents.mdx',
      (text) => `${text}\n<script>alert(1)</script>\n`,
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain('src/content/faq/en/auto-accidents.mdx');
    expect(output).toMatch(/found <script: only <BookTier> and <Callout> may be used/);
  });

  test('a settings translation without a word its main file has names the file and field, not "is missing"', async () => {
    const project = projectCopy();
    // The optional logo text deleted in the Spanish column (Decap leaves the emptied group out).
    edit(project, 'src/content/settings/es/clinic.yaml', (text) =>
      text.replace(/^brand:\n(?: {2}.*\n)+/m, ''),
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain('src/content/settings/es/clinic.yaml\n  brand: is not translated yet');
    expect(output).not.toContain('clinic.yaml is missing');
  });

  test('a script link typed into a body by hand', async () => {
    const project = projectCopy();
    edit(
      project,
      'src/content/faq/en/auto-accidents.mdx',
      (text) => `${text}\nRead [our policy](&#106;avascript:alert(document.domain)).\n`,
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain('src/content/faq/en/auto-accidents.mdx');
    expect(output).toContain('the link "javascript:alert(document.domain)" is not allowed');
  });

  test('an expression typed into a body by hand', async () => {
    const project = projectCopy();
    edit(
      project,
      'src/content/services/en/myofascial-release.mdx',
      (text) => `${text}\nPrice {55}\n`,
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain('src/content/services/en/myofascial-release.mdx');
    expect(output).toMatch(/found a \{…\} expression/);
  });

  test('two price tiers of the same length', async () => {
    const project = projectCopy();
    edit(project, 'src/content/pricing/en/90-minutes.mdx', (text) =>
      text.replace('durationMinutes: 90', 'durationMinutes: 60'),
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain(
      'durationMinutes: src/content/pricing/en/60-minutes.mdx and src/content/pricing/en/90-minutes.mdx are both 60 minutes; each session length may have only one price tier',
    );
  });

  test('a question in a FAQ category that does not exist', async () => {
    const project = projectCopy();
    edit(project, 'src/content/faq/en/auto-accidents.mdx', (text) =>
      text.replace(/^category: .*$/m, 'category: billing'),
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain(
      'src/content/faq/en/auto-accidents.mdx: category: there is no FAQ category "billing" (src/content/faq-categories/en/billing.yaml)',
    );
  });

  test('a booking button text without the place for the session length', async () => {
    const project = projectCopy();
    edit(project, 'src/content/settings/en/booking.yaml', (text) =>
      text.replace('bookTier: Book {duration}', 'bookTier: Book now'),
    );
    const output = await syncErrors(project);
    expect(output).toContain('src/content/settings/en/booking.yaml');
    expect(output).toMatch(/words\.bookTier: must contain \{duration\} where the site fills it in/);
  });

  test('a brand colour too light to read on the site', async () => {
    const project = projectCopy();
    edit(project, 'src/content/settings/en/clinic.yaml', (text) =>
      text.replace("colour: '#1f5f57'", "colour: '#7fb8ad'"),
    );
    const output = await syncErrors(project);
    expect(output).toContain('src/content/settings/en/clinic.yaml');
    expect(output).toContain(
      'brand.colour: #7fb8ad reaches only 2.15:1 against the page background (#fbfaf7); links and buttons need 4.5:1 (WCAG AA). Choose a darker colour.',
    );
  });

  test('a therapist practising a service that does not exist', async () => {
    const project = projectCopy();
    edit(project, 'src/content/therapists/en/therapist-placeholder.mdx', (text) =>
      text.replace('  - muscle-testing', '  - cupping'),
    );
    const output = await syncErrors(project, 'build');
    expect(output).toContain(
      'src/content/therapists/en/therapist-placeholder.mdx: techniques: there is no service "cupping" (src/content/services/en/cupping.mdx)',
    );
  });

  test('two files for one entry (names differing only in case), naming both', async () => {
    const project = projectCopy();
    const original = readFileSync(
      join(project, 'src/content/services/en/myofascial-release.mdx'),
      'utf8',
    );
    writeFileSync(
      join(project, 'src/content/services/en/Myofascial-Release.mdx'),
      original.replace('title: Myofascial release', 'title: Myofascial release (copy)'),
    );
    const output = await syncErrors(project);
    expect(output).toMatch(/myofascial-release/);
    expect(output).toContain('src/content/services/en/myofascial-release.mdx');
    expect(output).toContain('src/content/services/en/Myofascial-Release.mdx');
  });

  test('a service left as a draft is named by every build (it is not on the site)', async () => {
    const project = projectCopy();
    expect(draftEntries(project)).toEqual([]);
    edit(project, 'src/content/services/en/myofascial-release.mdx', (text) =>
      text.replace(/^(title: .*)$/m, '$1\ndraft: true'),
    );
    expect(draftEntries(project)).toEqual(['src/content/services/en/myofascial-release.mdx']);
  });

  test('an empty FAQ category file and an empty settings file name the file and each field', async () => {
    const project = projectCopy();
    writeFileSync(join(project, 'src/content/faq-categories/en/visit.yaml'), '');
    const output = await syncErrors(project);
    expect(output).toContain('src/content/faq-categories/en/visit.yaml');
    expect(output).toContain('heading: is required');
    expect(output).not.toContain("reading 'slug'");

    const settings = projectCopy();
    writeFileSync(join(settings, 'src/content/settings/en/booking.yaml'), '');
    const settingsOutput = await syncErrors(settings);
    expect(settingsOutput).toContain('src/content/settings/en/booking.yaml');
    expect(settingsOutput).toMatch(/calLink: is required/);
  });
});
