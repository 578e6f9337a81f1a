/**
 * The README and the guides in docs/ link to each other, to their pictures and to the project's
 * files: every relative link must lead to a file that exists, and every `#anchor` to a heading of
 * the file it names, made into an anchor as GitHub makes it. Web addresses are not fetched.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDES = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const FILES = ['README.md', ...GUIDES];

/** The Markdown without its fenced code blocks, where nothing is a heading or a link. */
function withoutCodeBlocks(markdown: string): string {
  let inCode = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inCode = !inCode;
        return false;
      }
      return !inCode;
    })
    .join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation but hyphens removed, spaces as hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(^|[^\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/[`*]/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a file's headings; a repeated one is numbered -1, -2, … as GitHub does. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const line of withoutCodeBlocks(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const base = slug(heading[1]);
    let anchor = base;
    for (let count = 1; found.has(anchor); count++) anchor = `${base}-${count}`;
    found.add(anchor);
  }
  return found;
}

/** Every link and image target of a file (`](target)`), outside code. */
function targets(markdown: string): string[] {
  const prose = withoutCodeBlocks(markdown).replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (match) => match[1] ?? '',
  );
}

/** What is wrong with each relative link of `file`, as `file: link: problem`. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const target of targets(readFileSync(join(ROOT, file), 'utf8'))) {
    if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    const linked = path ? normalize(join(dirname(file), decodeURI(path))) : file;
    if (linked.startsWith('..') || !existsSync(join(ROOT, linked))) {
      problems.push(`${file}: ${target}: no file ${linked}`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!linked.endsWith('.md')) {
      problems.push(`${file}: ${target}: an anchor into ${linked}, which has no headings`);
    } else if (!anchors(readFileSync(join(ROOT, linked), 'utf8')).has(anchor)) {
      problems.push(`${file}: ${target}: no heading in ${linked} has the anchor #${anchor}`);
    }
  }
  return problems;
}

describe('GitHub’s heading anchors', () => {
  test('lower case, punctuation dropped but hyphens, spaces as hyphens', () => {
    expect(slug('Booking with Cal.com')).toBe('booking-with-calcom');
    expect(slug('Every language’s column holds to the same rules')).toBe(
      'every-languages-column-holds-to-the-same-rules',
    );
    expect(slug('3. Set up the booking events on Cal.com')).toBe(
      '3-set-up-the-booking-events-on-calcom',
    );
    expect(slug('What the CMS refuses: how')).toBe('what-the-cms-refuses-how');
    expect(slug('`npm run dev` and _Settings › Clinic_')).toBe('npm-run-dev-and-settings--clinic');
    expect(slug('Set-up on a fresh machine')).toBe('set-up-on-a-fresh-machine');
  });

  test('a repeated heading is numbered', () => {
    expect([...anchors('# Notes\n\n## Notes\n\n```\n# not a heading\n```\n\n## Notes\n')]).toEqual([
      'notes',
      'notes-1',
      'notes-2',
    ]);
  });

  test('links and pictures are read outside code, with or without a title', () => {
    expect(targets('[a](docs/none.md) `[b](c.md)` [d](#e "title") ![f](g.png)')).toEqual([
      'docs/none.md',
      '#e',
      'g.png',
    ]);
  });
});

describe('the README and the guides', () => {
  test.each(FILES)('every relative link and anchor of %s resolves', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  test('the README links every guide in docs/', () => {
    const linked = new Set(targets(readFileSync(join(ROOT, 'README.md'), 'utf8')));
    expect(GUIDES.filter((guide) => !linked.has(guide))).toEqual([]);
  });
});
