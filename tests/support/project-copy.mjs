// A temporary copy of the project, for tests that change content or settings: the real
// `src/content` is never written to. `node_modules` is linked, not copied.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

const ENTRIES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** @returns {{ dir: string, remove: () => void }} */
export function copyProject(prefix = 'clinic-site-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ENTRIES) {
    const from = join(projectRoot, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A copy of the project built with its booking origin set to `origin`, through the same setting
 * the clinic edits (`src/content/settings/booking.yaml`); the build is in `<dir>/dist`.
 * @returns {{ dir: string, remove: () => void }}
 */
export function buildBookingThrough(origin, prefix = 'clinic-booking-site-') {
  const copy = copyProject(prefix);
  const settings = join(copy.dir, 'src/content/settings/booking.yaml');
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
