/**
 * The site's approved components, insertable in any body through the CMS editor's "+" menu. They
 * are written exactly as src/lib/mdx-text.ts defines, which the build accepts and nothing else.
 */
import { createElement } from 'react';
import { BOOK_TIER_LINE, bookTierBlock, calloutBlock, parseCallout } from '../lib/mdx-text';

export const bookTierComponent = {
  id: 'book-tier',
  label: 'Booking button',
  fields: [
    {
      name: 'minutes',
      label: 'Session length (minutes)',
      widget: 'number',
      value_type: 'int',
      min: 1,
      max: 240,
      hint: 'Must match a price tier, e.g. 30, 60 or 90.',
    },
  ],
  pattern: BOOK_TIER_LINE,
  fromBlock: (match: RegExpMatchArray) => ({ minutes: Number(match[1]) }),
  toBlock: ({ minutes }: { minutes?: number }) => bookTierBlock(minutes ?? 60),
  toPreview: ({ minutes }: { minutes?: number }) =>
    createElement('a', { className: 'preview-book-button' }, `Book ${minutes ?? 60} minutes`),
};

export const calloutComponent = {
  id: 'callout',
  label: 'Callout',
  fields: [
    { name: 'text', label: 'Text', widget: 'markdown', buttons: ['bold', 'italic', 'link'] },
  ],
  pattern: /^<Callout>\n\n([\s\S]*?)\n\n<\/Callout>$/m,
  fromBlock: (match: RegExpMatchArray) => ({ text: parseCallout(match[0]) ?? match[1] ?? '' }),
  toBlock: ({ text }: { text?: string }) => calloutBlock(text ?? ''),
  toPreview: ({ text }: { text?: string }) =>
    createElement('aside', { className: 'preview-callout' }, text ?? ''),
};
