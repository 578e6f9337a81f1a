// A temporary copy of the project, for tests that change content or settings: the real
// `src/content` is never written to. Packages are linked, not copied; Astro's and Vite's caches
// (`node_modules/.astro`, `.vite`) are not: copies built at the same time (parallel test files, a
// CMS test beside a build) would otherwise read and write one content cache and serve each other's
// content. Only the optimised images of the project's last build are copied in (Astro's
// `node_modules/.astro/assets`, each file named by a hash of its source image and its size and
// format): a copy's build then encodes only the images that differ, as a host's cached rebuild does.
import { execFileSync } from 'node:child_process';
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

const ENTRIES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const OWN_CACHES = ['.astro', '.vite'];

/**
 * @param {string} prefix
 * @param {string[]} extra more of the project to copy (`scripts`, `README.md`, …)
 * @returns {{ dir: string, remove: () => void }}
 */
export function copyProject(prefix = 'clinic-site-', extra = []) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of [...ENTRIES, ...extra]) {
    const from = join(projectRoot, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
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
 * @returns {{ dir: string, remove: () => void }}
 */
export function buildBookingThrough(origin, prefix = 'clinic-booking-site-') {
  const copy = copyProject(prefix);
  const settings = join(copy.dir, 'src/content/settings/en/booking.yaml');
  const before = readFileSync(settings, 'utf8');
  const after = before.replace(/^origin: .*$/m, `origin: ${origin}`);
  if (after === before) throw new Error(`${settings}: no "origin:" line to point elsewhere`);
  writeFileSync(settings, after);
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: copy.dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return copy;
}
