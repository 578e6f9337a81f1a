/**
 * Astro parses a content file again only when it or the text of src/content.config.ts changes; the
 * schemas are in the modules that file imports. `contentDigest` (src/integrations/content-digest.ts)
 * clears the data store when any of them changes, as `astro build --force` does. Its hook runs here
 * on a copy of the project as Astro calls it, with a data store in the folder of each command.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import contentDigest, { importClosure } from '../../src/integrations/content-digest';
import { copyProject } from '../support/project-copy.mjs';

let copy: ReturnType<typeof copyProject>;
beforeAll(() => {
  copy = copyProject('clinic-content-digest-');
});
afterAll(() => copy?.remove());

const logged: string[] = [];
const logger = {
  info: (message: string) => {
    logged.push(message);
  },
};

/** Runs the hook as Astro's `command` does, with the copy's root and cache folder. */
function configSetup(command: 'build' | 'dev') {
  const hook = contentDigest().hooks['astro:config:setup'] as (options: object) => void;
  hook({
    command,
    logger,
    config: {
      root: pathToFileURL(`${copy.dir}/`),
      cacheDir: pathToFileURL(`${copy.dir}/node_modules/.astro/`),
    },
  });
}

const store = (folder: string) => join(copy.dir, folder, 'data-store.json');
function writeStore(folder: string) {
  mkdirSync(join(copy.dir, folder), { recursive: true });
  writeFileSync(store(folder), '[]');
}

describe('the data store is read again when a schema changes', () => {
  test('the digest covers the content config and every schema module it imports', () => {
    const files = importClosure(join(copy.dir, 'src/content.config.ts')).map((file) =>
      file.slice(copy.dir.length + 1),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'src/content.config.ts',
        'src/collections.ts',
        'src/schemas/fields.ts',
        'src/schemas/locations.ts',
        'src/schemas/therapists.ts',
        'src/i18n/languages.ts',
      ]),
    );
  });

  test.each([
    ['build', 'node_modules/.astro'],
    ['dev', '.astro'],
  ] as const)(
    'astro %s: a store of before, then unchanged, then a schema edited',
    (command, folder) => {
      // A store no digest vouches for (made before this integration) is read again.
      writeStore(folder);
      configSetup(command);
      expect(existsSync(store(folder))).toBe(false);
      // The same schemas: the store is kept, its entries not parsed again.
      writeStore(folder);
      configSetup(command);
      expect(existsSync(store(folder))).toBe(true);
      // A schema module changed (not content.config.ts itself, nor any content file).
      appendFileSync(join(copy.dir, 'src/schemas/therapists.ts'), `\n// ${command}\n`);
      logged.length = 0;
      configSetup(command);
      expect(existsSync(store(folder))).toBe(false);
      expect(logged).toEqual(['The content schemas changed: every entry is read again.']);
    },
  );
});
