/**
 * A collection is added by the registry alone: on a copy of the project, the steps of
 * docs/developer-guide.md, "Adding a collection", add a made-up one (exercises to do at home, a page
 * per entry, naming services) from tests/fixtures/new-collection/: one entry in src/collections.ts,
 * a schema file, its content files and its two page templates. Nothing else is edited, and it then
 * appears everywhere a collection does: its pages in every language with hreflang and sitemap
 * alternates, the build's draft warning, the CMS's collection in both languages with a relation to
 * services, the delete guard's references, launch-check and add-language.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SITE_URL as SITE } from '../../src/site.config';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/new-collection');
let copy: ReturnType<typeof copyProject>;
let built = '';

/** Runs node in the copy; its output (standard output and errors) and exit status. */
function node(args: string[]): { output: string; status: number | null } {
  const run = spawnSync(process.execPath, args, {
    cwd: copy.dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { output: `${run.stdout}${run.stderr}`, status: run.status };
}
const html = (path: string) => readFileSync(join(copy.dir, 'dist', path, 'index.html'), 'utf8');

/** Every file of the fixture's `src/`, from the project root (`src/schemas/exercises.ts`). */
function fixtureFiles(dir = join(FIXTURE, 'src'), prefix = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? fixtureFiles(join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

/** What the CMS and the delete guard derive, read in the copy through Vite as `npm run` does. */
const PROBE = `
import { runnerImport } from 'vite';
const load = async (path) =>
  (await runnerImport(path, { root: process.cwd(), configFile: false, logLevel: 'error' })).module;
const { cmsConfig } = await load('/src/cms/config.ts');
const { readLanguages } = await load('/src/i18n/languages.ts');
const { REFERENCE_FIELDS } = await load('/src/lib/references.ts');
const languages = readLanguages(new URL('file://' + process.cwd() + '/'));
console.log(JSON.stringify({ config: cmsConfig({ local: false, languages }), references: REFERENCE_FIELDS }));
`;
let probe: {
  config: {
    i18n?: { locales: string[] };
    collections: { name: string; folder?: string; i18n?: boolean; fields: object[] }[];
  };
  references: { holder: string; path: string[]; target: string }[];
};

beforeAll(() => {
  copy = copyProject('clinic-new-collection-', ['scripts']);
  // 1. The registry entry, and its schema's import.
  const registry = join(copy.dir, 'src/collections.ts');
  const before = readFileSync(registry, 'utf8');
  const after = before
    .replace(
      "import { therapistsSchema } from './schemas/therapists';",
      "$&\nimport { exercisesSchema } from './schemas/exercises';",
    )
    .replace(
      'export const COLLECTIONS = {\n',
      `$&${readFileSync(join(FIXTURE, 'registry-entry.txt'), 'utf8')}`,
    );
  expect(after).toContain("import { exercisesSchema } from './schemas/exercises';");
  expect(after).toContain('export const COLLECTIONS = {\n  exercises: collection({');
  writeFileSync(registry, after);
  // 2–4. The schema file, the content files and the page templates.
  for (const file of fixtureFiles()) cpSync(join(FIXTURE, file), join(copy.dir, file));
  const run = node([...ASTRO, 'build']);
  built = run.output;
  if (run.status !== 0) throw new Error(built);
  writeFileSync(join(copy.dir, 'probe.mjs'), PROBE);
  const probed = node(['probe.mjs']);
  if (probed.status !== 0) throw new Error(probed.output);
  probe = JSON.parse(probed.output.trim().split('\n').at(-1)!) as typeof probe;
}, 300_000);
afterAll(() => copy?.remove());

describe('a made-up collection added by the registry alone', () => {
  test('the example is the registry entry, a schema, content files and two templates', () => {
    expect(fixtureFiles().sort()).toEqual([
      'src/content/exercises/en/jaw-release.mdx',
      'src/content/exercises/en/neck-stretch.mdx',
      'src/content/exercises/es/neck-stretch.mdx',
      'src/pages/[language]/[...exercise].astro',
      'src/pages/exercises/[id].astro',
      'src/schemas/exercises.ts',
    ]);
  });

  test('each entry has its page in every language, linking to the services in that language', () => {
    const en = html('exercises/neck-stretch');
    expect(en).toContain('<h1');
    expect(en).toContain('Neck stretch');
    expect(en).toContain('href="/services/trigger-point-therapy/"');
    const es = html('es/exercises/estiramiento-de-cuello');
    expect(es).toContain('Estiramiento de cuello');
    expect(es).toContain('lang="es-US"');
    expect(es).toContain('href="/es/servicios/terapia-de-puntos-gatillo/"');
  });

  test('each page names the other language’s as its alternate, and so does the sitemap', () => {
    expect(html('exercises/neck-stretch')).toContain(
      `hreflang="es-US" href="${SITE}/es/exercises/estiramiento-de-cuello/"`,
    );
    expect(html('es/exercises/estiramiento-de-cuello')).toContain(
      `hreflang="en-US" href="${SITE}/exercises/neck-stretch/"`,
    );
    const sitemap = readFileSync(join(copy.dir, 'dist/sitemap-0.xml'), 'utf8');
    const entry = sitemap.match(/<url><loc>[^<]*\/exercises\/neck-stretch\/<\/loc>.*?<\/url>/)?.[0];
    expect(entry).toContain(`hreflang="es-US" href="${SITE}/es/exercises/estiramiento-de-cuello/"`);
  });

  test('a draft is not built, and the build names it', () => {
    expect(existsSync(join(copy.dir, 'dist/exercises/jaw-release'))).toBe(false);
    expect(built).toMatch(
      /Not on the site \(draft: true\):.*src\/content\/exercises\/en\/jaw-release\.mdx/,
    );
  });

  test('the CMS has the collection side by side in both languages, naming services', () => {
    expect(probe.config.i18n?.locales).toEqual(['en', 'es']);
    const exercises = probe.config.collections.find(({ name }) => name === 'exercises');
    expect(exercises).toMatchObject({
      label: 'Exercises at home',
      folder: 'src/content/exercises',
      i18n: true,
    });
    expect(exercises?.fields).toContainEqual(
      expect.objectContaining({
        name: 'helpedBy',
        label: 'Services that help',
        widget: 'relation',
        collection: 'services',
        multiple: true,
      }),
    );
    expect(exercises?.fields).toContainEqual(
      expect.objectContaining({ name: 'title', i18n: true }),
    );
  });

  test('the delete guard knows an exercise names services', () => {
    expect(probe.references).toContainEqual({
      holder: 'exercises',
      path: ['helpedBy'],
      target: 'services',
    });
  });

  test('launch-check reads the collection’s files: the unreviewed translation is listed', () => {
    const { output, status } = node(['scripts/launch-check.mjs']);
    expect(status).toBe(1);
    expect(output).toContain('src/content/exercises/es/neck-stretch.mdx');
  });

  test('add-language writes the collection’s translations, each with its own address', () => {
    const { output, status } = node(['scripts/add-language.mjs', 'qaa-US']);
    expect(status, output).toBe(0);
    expect(output).toContain('src/content/exercises/qaa/neck-stretch.mdx');
    const file = readFileSync(join(copy.dir, 'src/content/exercises/qaa/neck-stretch.mdx'), 'utf8');
    expect(file).toMatch(/^reviewed: false$/m);
    expect(file).toMatch(/^slug: neck-stretch$/m);
    expect(file).toMatch(/^title: Neck stretch$/m);
  });
});
