/**
 * What the CMS writes, in every language's column alike: each file goes through the site's own
 * formats (src/cms/formats.ts), so the body of a translation is escaped and its cleared fields are
 * left out exactly as the main language's; a language without words gets no file. And what the
 * CMS checks before writing a body (`mdxProblems`) is what the build's compiler (Sätteri, with the
 * site's `safeMdxPlugin`) decides, case by case.
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ENTRY_FORMATS } from '../../src/cms/config';
import { registerEntryFormats } from '../../src/cms/formats';
import { fileData, prepareForSave, translationProblems } from '../../src/cms/validate';
import { mdxProblems } from '../../src/lib/mdx-rules';
import { escapeForMdx } from '../../src/lib/mdx-text';
import { buildProblem } from '../support/mdx-build';

/** What a bilingual receptionist typed into the Spanish column (issue 29). */
const HOSTILE_ES = '<b>negrita</b> {llaves} & 100% "comillas"';

interface Formatter {
  fromFile(content: string): Record<string, unknown> | null;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

/** The formats as Decap receives them from `registerEntryFormats`. */
function registeredFormats(): Record<string, Formatter> {
  const formats: Record<string, Formatter> = {};
  registerEntryFormats({
    registerCustomFormat: (name, _extension, formatter) => (formats[name] = formatter),
  });
  return formats;
}
const formats = registeredFormats();
const mdx = formats[ENTRY_FORMATS.mdx]!;
const yaml = formats[ENTRY_FORMATS.yaml]!;

describe('a file written from any column', () => {
  test('a Spanish answer with < { & % and quotes is written escaped, and builds', () => {
    const file = mdx.toFile({ question: '¿Qué pasa?', body: HOSTILE_ES }, ['question', 'body']);
    const body = file.split('---\n').at(-1)!;
    expect(body.trim()).toBe('\\<b>negrita\\</b> \\{llaves\\} & 100% "comillas"');
    expect(buildProblem(body)).toBeUndefined();
    // Read back, the editor's Markdown shows the characters as typed.
    expect(mdx.fromFile(file)).toEqual({ question: '¿Qué pasa?', body: `${body}` });
  });

  test('a cleared field is left out of the file, in a translation as in the main language', () => {
    const file = mdx.toFile({ question: 'Pregunta', note: '', extra: { a: '', b: null } });
    expect(file).toBe('---\nquestion: Pregunta\n---\n');
  });

  test('a language without words writes nothing (no file), whatever its empty fields hold', () => {
    expect(mdx.toFile({ question: '', body: '' })).toBe('');
    expect(mdx.toFile({ body: '\n', reviewed: true, slug: '' })).toBe('');
    expect(yaml.toFile({ heading: '' })).toBe('');
    expect(fileData({ question: '   ' })).toBeUndefined();
  });

  test('a YAML file (categories, closures, settings) keeps its words and drops cleared ones', () => {
    expect(parse(yaml.toFile({ heading: 'Pago', note: '' }))).toEqual({ heading: 'Pago' });
  });

  test('an empty file already in the repository reads as no translation, without a warning', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(mdx.fromFile('\n')).toEqual({});
      expect(mdx.fromFile('')).toEqual({});
      expect(yaml.fromFile('\n')).toEqual({});
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([]);
  });
});

/** Bodies as staff might type them, each saved as the CMS saves it (escaped). */
const TYPED = [
  HOSTILE_ES,
  'Precio {55} <b>ahora</b> </Callout> <BookTier minutes="60" onClick="x" />',
  '{ } < > [ ] * _ $ & # 😀 日本語 <script>alert(1)</script>',
  'export const a = 1',
  'import x from "y"',
  '  export {a}',
  'Importe: 55',
  '<!-- comentario -->',
  'a\\{b} \\\\<c> `<code>` {{llaves}}',
  'Lea <https://example.org/a?b=1&c={2}> y <mailto:hola@example.com>',
  '<BookTier minutes="60" />',
  '<Callout>\n\nNota {importante} <b>.\n\n</Callout>',
];

/** Bodies as they might reach a file outside the CMS (by hand, an old import): not escaped. */
const RAW = [
  HOSTILE_ES,
  'export const a = 1',
  'a {b} c',
  '<Callout>\n\nabierto',
  '<BookTier minutes="sixty" />',
  '[x](javascript:alert(1))',
  '<Marquee>hola</Marquee>',
  'texto </b>',
];

describe('the check before saving a body gives the build’s verdict', () => {
  test.each(TYPED)('typed, saved escaped, builds and passes the check: %s', (typed) => {
    const saved = String(prepareForSave({ body: typed }).body);
    expect(buildProblem(saved)).toBeUndefined();
    expect(mdxProblems(saved)).toEqual([]);
  });

  test.each(RAW)('as written by hand, fails the build and the check alike: %s', (raw) => {
    expect(buildProblem(raw), 'the build').toBeDefined();
    expect(mdxProblems(raw), 'the check').not.toEqual([]);
  });

  test('a line starting with import or export is written one space in, so MDX reads text', () => {
    expect(escapeForMdx('import x from "y"\nexport {a}\nImporte: 55')).toBe(
      ' import x from "y"\n export \\{a\\}\nImporte: 55',
    );
    expect(escapeForMdx(' import x')).toBe(' import x');
  });

  test('a component left open is refused with its line', () => {
    expect(mdxProblems('Hola\n\n<Callout>\n\nabierto')).toEqual([
      expect.stringMatching(/^body: line 3: Expected a closing tag for `<Callout>`/),
    ]);
  });

  test('a translation’s body is held to the same check as the main language’s', () => {
    const main = { question: 'Why?', category: 'payment', order: 1, body: 'Because.' };
    const spanish = { question: '¿Por qué lo hacen?', body: 'a {b}' };
    expect(translationProblems('faq', spanish, main)).toEqual([
      'body: found a {…} expression: write \\{ and \\} to show braces in content text',
    ]);
    expect(translationProblems('faq', prepareForSave(spanish), main)).toEqual([]);
  });
});
