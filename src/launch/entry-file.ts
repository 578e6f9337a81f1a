/**
 * A content file as YAML that keeps its comments: a settings file (`.yaml`) or an entry's
 * frontmatter and body (`.mdx`). `npm run setup` edits through it, `npm run launch-check` reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, visit, type Document } from 'yaml';

export interface EntryFile {
  path: string;
  doc: Document;
  /** The Markdown body of an `.mdx` entry; undefined for a settings file. */
  body?: string;
  /** The file's line number of the body's first line. */
  bodyLine: number;
}

const FRONTMATTER = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/;

export function readEntryFile(path: string): EntryFile {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.mdx') && !path.endsWith('.md')) {
    return { path, doc: parseDocument(text), bodyLine: 0 };
  }
  const [, frontmatter = '', body = ''] = FRONTMATTER.exec(text) ?? [];
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  return { path, doc: parseDocument(frontmatter), body, bodyLine };
}

export function writeEntryFile({ path, doc, body }: EntryFile): void {
  // Quote what an older YAML reader would take for a number or a time of day (`'09:00'`, `'97202'`).
  visit(doc, {
    Scalar(_, node) {
      if (
        typeof node.value === 'string' &&
        /^[\d:.+-]+$/.test(node.value) &&
        !node.type?.startsWith('QUOTE')
      ) {
        node.type = 'QUOTE_SINGLE';
      }
    },
  });
  const yaml = doc.toString({ lineWidth: 100 });
  writeFileSync(path, body === undefined ? yaml : `---\n${yaml}---\n${body}`);
}
