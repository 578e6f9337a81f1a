/**
 * Entry bodies are MDX, but staff write text, not code: everything they type must appear as typed.
 * Only two approved components may appear in a body, each written on lines of its own, exactly as
 * the CMS's editor components write them:
 *
 *   <BookTier minutes="60" />          a booking button for a price tier
 *   <Callout>                          a highlighted note around Markdown text
 *   </Callout>
 */

import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export const BOOK_TIER_LINE = /^<BookTier minutes="(\d{1,3})" \/>$/;
const CALLOUT_OPEN_LINE = '<Callout>';
const CALLOUT_CLOSE_LINE = '</Callout>';

export const APPROVED_COMPONENTS = ['BookTier', 'Callout'] as const;

export function bookTierBlock(minutes: number): string {
  return `<BookTier minutes="${Math.trunc(minutes)}" />`;
}

export function calloutBlock(text: string): string {
  return `${CALLOUT_OPEN_LINE}\n\n${text.trim()}\n\n${CALLOUT_CLOSE_LINE}`;
}

const CALLOUT_BLOCK = /^<Callout>\n\n([\s\S]*?)\n\n<\/Callout>$/;

export function parseCallout(block: string): string | undefined {
  return CALLOUT_BLOCK.exec(block)?.[1];
}

function isComponentLine(line: string): boolean {
  return BOOK_TIER_LINE.test(line) || line === CALLOUT_OPEN_LINE || line === CALLOUT_CLOSE_LINE;
}

/**
 * A CommonMark autolink (`<https://…>`), which the CMS's editor writes for a link whose text is its
 * address, and which MDX would read as a tag. Not when its `<` is escaped (odd backslashes).
 */
const AUTOLINK = /(?<!\]\()(\\*)<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g;

/** An autolink written as an ordinary link, so MDX keeps it a link and the link rules apply. */
function autolinksAsLinks(line: string): string {
  return line.replace(AUTOLINK, (match, slashes: string, url: string) =>
    slashes.length % 2 === 1
      ? match
      : `${slashes}[${url.replace(/[[\]]/g, '\\$&')}](${url.replace(/[()]/g, '\\$&')})`,
  );
}

/**
 * A line MDX would read as JavaScript (`import …`, `export …` at its very start): written one space
 * in, it is text to MDX (and to the CMS's editor, which reads it back without the space).
 */
const ESM_LINE = /^(import|export)(?=[\s{*]|$)/;

/**
 * Escapes what MDX would read as code (`{`, `}`, `<`, a line starting with `import`/`export`) so
 * it shows literally; characters already escaped and the approved component lines stay as they
 * are, so escaping twice changes nothing. Autolinks become ordinary links first; a link address in
 * `<…>` (`[text](<address>)`) stays one.
 */
export function escapeForMdx(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      isComponentLine(line)
        ? line
        : autolinksAsLinks(line)
            .replace(/(?<!\]\()(\\*)([{}<])/g, (match, slashes: string, char: string) =>
              slashes.length % 2 === 1 ? match : `${slashes}\\${char}`,
            )
            .replace(ESM_LINE, ' $1'),
    )
    .join('\n');
}

/** The kinds of address a link or image in content text may have. */
const LINK_PROTOCOLS = ['https:', 'http:', 'mailto:', 'tel:'];
const SITE = 'https://site.invalid/';

/**
 * What is wrong with a link's address, or undefined when it is allowed: `https:`, `http:`,
 * `mailto:`, `tel:`, a path on this site or an `#anchor`. The address is read by the URL parser
 * browsers use, so case, spaces, tabs and newlines inside the scheme change nothing (character
 * references were already decoded by the Markdown parser).
 */
export function linkProblem(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url, SITE).protocol;
  } catch {
    protocol = '';
  }
  if (LINK_PROTOCOLS.includes(protocol)) return undefined;
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  return `the link "${shown}" is not allowed: links may start with https://, http://, mailto:, tel:, / or #`;
}

/** MDX has no raw HTML, no indented code and no `<…>` autolinks: neither have these readings. */
const LIKE_MDX = { disable: { null: ['htmlFlow', 'htmlText', 'autolink', 'codeIndented'] } };

/**
 * Content text read as the build reads it, outside the build (CMS previews, structured data):
 * escaped as a save escapes it, then Markdown without raw HTML. A component line stays a paragraph
 * of its own; `componentLine` tells which.
 */
export function parseContentText(markdown: string): Root {
  return fromMarkdown(escapeForMdx(markdown), { extensions: [LIKE_MDX] });
}

/** The component line a block is (`<BookTier minutes="60" />`, `<Callout>`, `</Callout>`), if any. */
export function componentLine(node: Nodes): string | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const [only] = node.children;
  return only?.type === 'text' && isComponentLine(only.value) ? only.value : undefined;
}

/**
 * Content text → plain text, for places that take text only (structured data for search engines):
 * what a visitor reads, without marks, escapes or component lines (a callout keeps its words);
 * lines joined, blocks apart.
 */
export function markdownToText(markdown: string): string {
  return parseContentText(markdown)
    .children.flatMap((block) => {
      if (componentLine(block) !== undefined) return [];
      if (block.type === 'list') return [block.children.map((item) => toString(item)).join(' ')];
      return [toString(block)];
    })
    .map((text) => text.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
