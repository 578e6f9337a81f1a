/**
 * Layers point one way (docs/developer-guide.md, "Layers"): the schemas (`src/schemas/`) at the
 * bottom, the registry (`src/collections.ts`) on them, the site's queries, paths and pages on the
 * registry, and the CMS (`src/cms/`) and the launch tools (`src/launch/`) above. Read from the
 * source's imports, followed through every file they reach.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The project files `file` imports (relative imports only; packages are not layers). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm),
    ...source.matchAll(/(?:^|[\s;])import\s+['"](\.[^'"]+)['"]/gm),
    ...source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}.mjs`, join(base, 'index.ts')].find(
      (path) => existsSync(path) && statSync(path).isFile(),
    );
    return found ? [found] : [];
  });
}

/** Every project file `file` reaches through imports, each with the chain that reaches it. */
function reached(file: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of importsOf(current)) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(current)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');
const under = (folder: string) => (path: string) => rel(path).startsWith(folder);

/** The files of `files` reaching one for which `forbidden` holds, as `a → b → c` chains. */
function violations(files: string[], forbidden: (path: string) => boolean): string[] {
  return files.flatMap((file) =>
    [...reached(file)]
      .filter(([path]) => path !== file && forbidden(path))
      .map(([, chain]) => chain.map(rel).join(' → ')),
  );
}

const sources = filesUnder(SRC).filter((path) => /\.(ts|astro|mjs)$/.test(path));

describe('layers point one way', () => {
  test('nothing the public pages import reaches the CMS or the launch tools', () => {
    const publicFiles = sources.filter(
      (path) =>
        !under('src/cms/')(path) &&
        !under('src/launch/')(path) &&
        !under('src/pages/admin/')(path) &&
        !under('src/integrations/')(path),
    );
    expect(publicFiles.length).toBeGreaterThan(50);
    expect(
      violations(publicFiles, (path) => under('src/cms/')(path) || under('src/launch/')(path)),
    ).toEqual([]);
  });

  test('the schemas reach neither the registry nor anything above it', () => {
    const schemas = sources.filter(under('src/schemas/'));
    const above = (path: string) =>
      ['src/collections.ts', 'src/content.config.ts', 'src/lib/content.ts', 'src/i18n/paths.ts']
        .map((name) => join(ROOT, name))
        .includes(path) ||
      ['src/cms/', 'src/launch/', 'src/pages/', 'src/components/'].some((folder) =>
        under(folder)(path),
      );
    expect(violations(schemas, above)).toEqual([]);
  });

  test('the registry reaches only the schemas and plain helpers', () => {
    expect(
      violations(
        [join(SRC, 'collections.ts')],
        (path) => !/^src\/(schemas|lib)\//.test(rel(path)),
      ).concat(
        violations([join(SRC, 'collections.ts')], (path) =>
          ['src/lib/content.ts', 'src/i18n/paths.ts'].includes(rel(path)),
        ),
      ),
    ).toEqual([]);
  });

  test('the check itself sees an import that goes the wrong way', () => {
    // src/cms/config.ts imports the registry: a file above reaching below is allowed, and seen.
    const chains = reached(join(SRC, 'cms/config.ts'));
    expect([...chains.keys()].map(rel)).toContain('src/collections.ts');
    expect(violations([join(SRC, 'cms/config.ts')], under('src/schemas/')).length).toBeGreaterThan(
      0,
    );
  });
});
