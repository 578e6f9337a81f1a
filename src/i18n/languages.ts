/**
 * The site's languages, read from `src/content/settings/languages.yaml` when the build (or the
 * CMS's page) starts: the content folders and the pages of each language depend on them before any
 * content is loaded.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { languagesSchema, siteLanguages, type SiteLanguages } from '../schemas/languages';

export const LANGUAGES_FILE = 'src/content/settings/languages.yaml';

/**
 * The languages in `<root>/src/content/settings/languages.yaml` (root: the project, by default
 * the working directory, where `astro` runs).
 * @throws Error naming the file and each field that is wrong.
 */
export function readLanguages(root: URL = pathToFileURL(`${process.cwd()}/`)): SiteLanguages {
  const file = new URL(LANGUAGES_FILE, root);
  const result = languagesSchema.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!result.success) {
    const problems = result.error.issues.map(
      ({ path, message }) => `  ${path.join('.') || '(file)'}: ${message}`,
    );
    throw new Error(`${LANGUAGES_FILE}\n${problems.join('\n')}`);
  }
  return siteLanguages(result.data);
}

/** The languages of this site. */
export const LANGUAGES = readLanguages();
