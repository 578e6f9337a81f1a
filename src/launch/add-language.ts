/**
 * `npm run add-language -- <tag>` (e.g. `fr-CA`): adds a language to the site. It appends the tag
 * to `src/content/settings/languages.yaml` and writes, for every file of the main language, its
 * translation file (`src/content/<folder>/<code>/<name>`) holding the main language's words,
 * marked `reviewed: false`: the pages exist at once under `/<code>/`, `npm run launch-check`
 * lists every field still to translate and review, and a production build refuses them until a
 * fluent speaker has replaced and reviewed them (in the CMS, side by side with the main language).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { contentNameOf, contentSchemas, hasOwnSlug, SETTINGS_FOLDER } from '../collections';
import { readLanguages, LANGUAGES_FILE } from '../i18n/languages';
import { languageCode } from '../schemas/languages';
import { asciiSlug, slugSource } from '../schemas/translation-meta';
import { pickWords } from '../schemas/translation';
import { readEntryFile } from './entry-file';

/** `fr-CA` → `Français`: the language's name in itself (Intl), or its tag where Intl has none. */
function ownName(tag: string): string {
  const code = languageCode(tag);
  const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(code) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/**
 * Writes the translation files `language` lacks; returns their paths from `root`.
 * @throws Error when `tag` is not a language tag the site accepts (the message names the field).
 */
export function addLanguage(root: string, tag: string): string[] {
  const file = join(root, LANGUAGES_FILE);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (!doc.toJS().languages?.includes(tag)) {
    doc.addIn(['languages'], tag);
    writeFileSync(file, doc.toString());
  }
  const languages = readLanguages(new URL(`file://${root}/`));
  const main = languages.main.code;
  const code = languageCode(tag);
  const contentDir = join(root, 'src/content');
  const written: string[] = [];
  for (const folder of readdirSync(contentDir)) {
    const mainDir = join(contentDir, folder, main);
    if (!existsSync(mainDir)) continue;
    for (const name of readdirSync(mainDir)) {
      const schema = contentNameOf(`${folder}/${name}`);
      const target = join(contentDir, folder, code, name);
      if (!schema || existsSync(target)) continue;
      const entry = readEntryFile(join(mainDir, name));
      const data = entry.doc.toJS() as Record<string, unknown> | null;
      const words = (pickWords(contentSchemas[schema], data ?? {}) ?? {}) as Record<
        string,
        unknown
      >;
      // An entry without words (a price tier, a plan without a note) needs no translation file.
      if (Object.keys(words).length === 0 && !entry.body?.trim()) continue;
      // The language's name for itself, as Intl knows it, instead of the main language's.
      if (folder === SETTINGS_FOLDER && name === 'site.yaml') words.languageName = ownName(tag);
      const meta: Record<string, unknown> = { reviewed: false };
      // A page of its own (a page, an entry page) has an address in each language.
      if (hasOwnSlug(schema, name.replace(/\.\w+$/, ''))) {
        meta.slug = asciiSlug(slugSource(words) ?? name.replace(/\.\w+$/, ''));
      }
      const yaml = stringify({ ...meta, ...words }, { lineWidth: 100 });
      mkdirSync(join(contentDir, folder, code), { recursive: true });
      writeFileSync(target, entry.body === undefined ? yaml : `---\n${yaml}---\n${entry.body}`);
      written.push(`src/content/${folder}/${code}/${name}`);
    }
  }
  return written;
}

export function main(args: string[]): number {
  const [tag] = args;
  if (!tag) {
    console.error(
      'Usage: npm run add-language -- <language tag>, e.g. npm run add-language -- fr-CA',
    );
    return 2;
  }
  try {
    const written = addLanguage(process.cwd(), tag);
    console.log(
      `${tag} is a language of the site. ${written.length} files hold the main language's words to translate, each marked reviewed: false:\n${written.map((path) => `  ${path}`).join('\n')}\nTranslate them (in the CMS, side by side), then npm run launch-check.`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
