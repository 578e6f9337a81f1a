// A temporary copy of the project, for tests that change content or settings: the real
// `src/content` is never written to. Packages are linked, not copied; Astro's and Vite's caches
// (`node_modules/.astro`, `.vite`) are not: copies built at the same time (parallel test files, a
// CMS test beside a build) would otherwise read and write one content cache and serve each other's
// content. Only the optimised images of the project's last build are copied in (Astro's
// `node_modules/.astro/assets`, each file named by a hash of its source image and its size and
// format): a copy's build then encodes only the images that differ, as a host's cached rebuild does.
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Node's arguments for Astro's CLI in a copy, before its command (`[...ASTRO, 'build']`). V8 without
 * its background threads (`--single-threaded`): the same build on about a tenth less CPU, what the
 * tests' time is on a 2-core machine (a copy's build: 7.1 against 8.0 core-seconds).
 */
export const ASTRO = ['--single-threaded', 'node_modules/astro/bin/astro.mjs'];

const ENTRIES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const OWN_CACHES = ['.astro', '.vite'];

/** The CMS's page: its build bundles Decap (6 MB), more than half of each build's time. */
const CMS_PAGE = join(projectRoot, 'src/pages/admin');

/**
 * @param {string} prefix
 * @param {string[]} extra more of the project to copy (`scripts`, `README.md`, …)
 * @param {{ withCms?: boolean }} options `withCms`: keep the CMS's page (`/admin/`). Left out by
 *   default: a copy is built to check the public pages, JSON-LD, closures or build errors, and its
 *   build then takes 8 core-seconds instead of 18. `npm run build` builds `/admin/` (the CMS
 *   tests use that one), and `npm run dev`'s copies keep it.
 * @returns {{ dir: string, remove: () => void }}
 */
export function copyProject(prefix = 'clinic-site-', extra = [], { withCms = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const filter = (/** @type {string} */ source) =>
    withCms || (source !== CMS_PAGE && !source.startsWith(`${CMS_PAGE}/`));
  for (const entry of [...ENTRIES, ...extra]) {
    const from = join(projectRoot, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true, filter });
  }
  const modules = join(projectRoot, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (!OWN_CACHES.includes(entry))
      symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
  }
  const images = join(modules, '.astro/assets');
  if (existsSync(images))
    cpSync(images, join(dir, 'node_modules/.astro/assets'), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the project built with its booking origin set to `origin`, through the same setting
 * the clinic edits (`src/content/settings/en/booking.yaml`); the build is in `<dir>/dist`.
 * `languageEvents` names a Cal.com event of another language for some tiers, as the clinic would
 * in the CMS: `calEvent` in the tier's translation (`src/content/pricing/<code>/<tier>.mdx`).
 * @param {string} origin
 * @param {string} [prefix]
 * @param {{ languageEvents?: { language: string, tier: string, calEvent: string }[] }} [options]
 * @returns {Promise<{ dir: string, remove: () => void }>} rejects with what the build printed
 *   when it fails (the copy removed)
 */
export async function buildBookingThrough(
  origin,
  prefix = 'clinic-booking-site-',
  { languageEvents = [] } = {},
) {
  const copy = copyProject(prefix);
  const settings = join(copy.dir, 'src/content/settings/en/booking.yaml');
  const before = readFileSync(settings, 'utf8');
  const after = before.replace(/^origin: .*$/m, `origin: ${origin}`);
  if (after === before) throw new Error(`${settings}: no "origin:" line to point elsewhere`);
  writeFileSync(settings, after);
  for (const { language, tier, calEvent } of languageEvents) {
    const folder = join(copy.dir, 'src/content/pricing', language);
    const file = join(folder, `${tier}.mdx`);
    mkdirSync(folder, { recursive: true });
    const translation = existsSync(file) ? readFileSync(file, 'utf8') : '---\n---\n';
    writeFileSync(file, translation.replace(/^---\n/, `---\ncalEvent: ${calEvent}\n`));
  }
  await new Promise((built, failed) => {
    execFile(
      process.execPath,
      [...ASTRO, 'build'],
      {
        cwd: copy.dir,
        maxBuffer: 10 * 1024 * 1024,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
      (error, stdout, stderr) => {
        if (!error) return built(undefined);
        copy.remove();
        failed(new Error(`The booking site's build failed:\n${stdout}${stderr}`));
      },
    );
  });
  return copy;
}
