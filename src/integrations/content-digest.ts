/**
 * Astro keeps each content entry as its schema parsed it (the data store, `data-store.json` in the
 * cache folder for builds and in `.astro/` for `astro dev`) and parses it again only when the
 * entry's file changes or the text of `src/content.config.ts` itself does: its digest is of that
 * one file (`loadContentConfig` in astro/dist/content/utils.js, withastro/astro#11591). The schemas
 * here live in the modules that file imports (src/collections.ts, src/schemas/…). After a schema
 * change that the content files do not show (a field with a default, added), every unchanged entry
 * stayed as the old schema made it: checking out another commit and back, a build failed with
 * "Cannot read properties of undefined (reading 'id')". This integration hashes the content config,
 * every module it imports and the languages file, and, when that differs from the last run's,
 * clears the data store as `astro build --force` does, so the entries are parsed again (about a
 * second for this site).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES_FILE } from '../i18n/languages';

const CONTENT_CONFIG = 'src/content.config.ts';
/** Beside each data store: the digest its entries were parsed with. */
const DIGEST_FILE = 'content-schemas-digest';

/**
 * The file a relative import names: as written, or with `.ts`, `.mjs` or `.js` added, or a
 * folder's `index.ts`.
 */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, join(base, 'index.ts')].find(
    (candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile(),
  );
}

/**
 * `entry` and every project module it imports, directly or not, by relative path (`./x`, `../x`),
 * sorted: the modules whose change can change what the schemas make of a file.
 * @param entry an absolute path of a TypeScript or JavaScript module
 */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = specifier && resolveImport(file, specifier);
      if (target && /\.(?:ts|mjs|js)$/.test(target)) visit(target);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** A SHA-256 hex digest of the content config's modules and the languages file, with their paths. */
function contentSchemasDigest(root: string): string {
  const hash = createHash('sha256');
  const files = [...importClosure(join(root, CONTENT_CONFIG)), join(root, LANGUAGES_FILE)];
  for (const file of files.filter((path) => existsSync(path))) {
    hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export default function contentDigest(): AstroIntegration {
  return {
    name: 'clinic-content-digest',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        if (!existsSync(join(root, CONTENT_CONFIG))) return;
        const digest = contentSchemasDigest(root);
        // The data store of this command (`getDataStoreFile` in astro/dist/content/paths.js).
        const folder = command === 'dev' ? join(root, '.astro') : fileURLToPath(config.cacheDir);
        const digestFile = join(folder, DIGEST_FILE);
        const before = existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : undefined;
        if (before === digest) return;
        const store = join(folder, 'data-store.json');
        // No digest yet (a store from before this integration) is no proof either: read again.
        if (existsSync(store)) {
          rmSync(store, { force: true });
          logger.info('The content schemas changed: every entry is read again.');
        }
        mkdirSync(folder, { recursive: true });
        writeFileSync(digestFile, digest);
      },
    },
  };
}
