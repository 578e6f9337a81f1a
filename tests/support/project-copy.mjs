// A temporary copy of the project, for tests that change content or settings: the real
// `src/content` is never written to. `node_modules` is linked, not copied.
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
