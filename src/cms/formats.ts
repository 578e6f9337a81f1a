/**
 * The file formats the CMS writes every file with, in every language: Decap's own YAML and
 * YAML-front-matter formats, with what a file holds decided once (`fileData`, src/cms/validate.ts).
 *
 * Why here and not in the `preSave` event: Decap hands `preSave` the entry, but keeps only the
 * main language's data it returns (decap-cms-core `invokeEvent` sets `entry.data`); each other
 * language's file is serialised from `entry.i18n.<code>.data` by the format (`getI18nFiles`). So
 * a rule written in `preSave` held for the main column only: a Spanish answer was saved with its
 * `<` and `{` raw, and the build failed. A format sees every file.
 */
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import yamlFormatter from 'decap-cms-core/dist/esm/formats/yaml';
import { ENTRY_FORMATS } from './config';
import { fileData, type EntryData } from './validate';

interface Formatter {
  fromFile(content: string): Record<string, unknown> | null;
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: unknown): string;
}

/**
 * `inner`, reading a blank file as no data (an untranslated language's empty file, written by
 * earlier versions, made Decap log "Unrecognized front-matter format" whenever it loaded) and
 * writing each file through `fileData`: a language without words writes an empty text, which the
 * backends leave unwritten (`withoutBlankFiles`, src/cms/guards.ts).
 */
function entryFormat(inner: Formatter): Formatter {
  return {
    fromFile: (content) => (content.trim() === '' ? {} : (inner.fromFile(content) ?? {})),
    toFile: (data, sortedKeys, comments) => {
      const saved = fileData(data as EntryData);
      return saved ? inner.toFile(saved, sortedKeys, comments) : '';
    },
  };
}

interface FormatRegistry {
  registerCustomFormat(name: string, extension: string, formatter: Formatter): void;
}

/** Registers `ENTRY_FORMATS` with Decap (before `CMS.init`). */
export function registerEntryFormats(cms: FormatRegistry): void {
  cms.registerCustomFormat(ENTRY_FORMATS.mdx, 'mdx', entryFormat(frontmatterYAML()));
  cms.registerCustomFormat(ENTRY_FORMATS.yaml, 'yaml', entryFormat(yamlFormatter));
}
