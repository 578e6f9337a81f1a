import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { ASTRO } from '../support/project-copy.mjs';

/**
 * Vitest runs Vite in dev mode, where `astro:content` reads `.astro/data-store.json`, a file only
 * `astro dev` writes. `astro sync` loads and validates the real content into
 * `node_modules/.astro/data-store.json`; copying it lets `getCollection` see the real entries.
 */
export default function setup() {
  execFileSync(process.execPath, [...ASTRO, 'sync'], {
    stdio: 'pipe',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  mkdirSync('.astro', { recursive: true });
  copyFileSync('node_modules/.astro/data-store.json', '.astro/data-store.json');
}
