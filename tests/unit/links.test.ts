/**
 * Links and images in content text may only point to https:, http:, mailto:, tel:, a path on the site
 * or an #anchor. The same rule runs in the build (Astro's Markdown processor, Sätteri, with
 * `safeMdxPlugin`) and in the CMS before saving (`entryProblems`), with the same words.
 */
import { describe, expect, test } from 'vitest';
import { entryProblems, prepareForSave } from '../../src/cms/validate';
import { buildProblem } from '../support/mdx-build';

/** Each with the address the error must name. */
const HOSTILE: [body: string, named: string][] = [
  ['[our policy](javascript:alert(document.domain))', 'javascript:alert(document.domain)'],
  ['[x]( JAVASCRIPT:alert(1))', 'JAVASCRIPT:alert(1)'],
  ['![x](javascript:alert(1))', 'javascript:alert(1)'],
  [
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ],
  ['[x](&#106;avascript:alert(1))', 'javascript:alert(1)'],
  ['[x](&#x6A;AVASCRIPT&colon;alert(1))', 'jAVASCRIPT:alert(1)'],
  ['[x](java&#9;script:alert(1))', 'java\tscript:alert(1)'],
  ['[x](java&#10;script:alert(1))', 'java\nscript:alert(1)'],
  ['[x](&#32;javascript:alert(1))', ' javascript:alert(1)'],
  ['[x](<javascript:alert(1)>)', 'javascript:alert(1)'],
  ['[x](vbscript:msgbox(1))', 'vbscript:msgbox(1)'],
  ['[x](file:///etc/passwd)', 'file:///etc/passwd'],
  ['[x][policy]\n\n[policy]: javascript:alert(1)', 'javascript:alert(1)'],
];

const ALLOWED = [
  '[a page](https://www.example.org/coverage)',
  '[HTTP](http://example.org)',
  '[Upper case](HTTPS://EXAMPLE.ORG/)',
  '[write to us](mailto:hello@example.com)',
  '[call us](tel:+15415550100)',
  '[prices](/pricing/)',
  '[this answer](#auto-accidents)',
  '![a photo](/favicon.svg)',
];

/** What the CMS checks before saving: the entry as it would be written (see src/cms/admin.ts). */
const cmsProblems = (body: string) =>
  entryProblems(
    'faq',
    prepareForSave({ question: 'Can I link to a page?', category: 'payment', order: 1, body }),
  );

describe('a link that could run script', () => {
  test.each(HOSTILE)('fails the build: %s', (body, named) => {
    expect(buildProblem(body)).toContain(`the link "${named}" is not allowed`);
  });

  test.each(HOSTILE)('is refused by the CMS with the same words: %s', (body, named) => {
    expect(cmsProblems(body)).toContain(
      `body: the link "${named}" is not allowed: links may start with https://, http://, mailto:, tel:, / or #`,
    );
  });

  test('is refused by the CMS when its editor writes it as an autolink', () => {
    expect(cmsProblems('Read <JavaScript:alert(document.domain)>.')).toContain(
      'body: the link "JavaScript:alert(document.domain)" is not allowed: links may start with https://, http://, mailto:, tel:, / or #',
    );
  });
});

describe('a safe link', () => {
  test.each(ALLOWED)('builds: %s', (body) => {
    expect(buildProblem(body)).toBeUndefined();
  });

  test.each(ALLOWED)('is saved by the CMS: %s', (body) => {
    expect(cmsProblems(body)).toEqual([]);
  });
});
