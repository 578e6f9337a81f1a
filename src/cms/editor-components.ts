/**
 * The site's approved components, insertable in any body through the CMS editor's "+" menu. They
 * are written exactly as src/lib/mdx-text.ts defines, which the build accepts and nothing else.
 */
import type { BlockEditorComponentOptions, CmsField } from 'decap-cms-core';
import { createElement } from 'react';
import { BOOK_TIER_LINE, bookTierBlock, calloutBlock, parseCallout } from '../lib/mdx-text';

// Decap's type for an editor component's fields names no widget options (`value_type`, `buttons`),
// though Decap passes them to the widget: each field is written as the `CmsField` it is.
const minutesField = {
  name: 'minutes',
  label: 'Session length (minutes)',
  widget: 'number',
  value_type: 'int',
  min: 1,
  max: 240,
  hint: 'Must match a price tier, e.g. 30, 60 or 90.',
} satisfies CmsField;

const calloutTextField = {
  name: 'text',
  label: 'Text',
  widget: 'markdown',
  buttons: ['bold', 'italic', 'link'],
} satisfies CmsField;

export const bookTierComponent = {
  id: 'book-tier',
  label: 'Booking button',
  fields: [minutesField],
  pattern: BOOK_TIER_LINE,
  fromBlock: (match: RegExpMatchArray) => ({ minutes: Number(match[1]) }),
  toBlock: ({ minutes }: { minutes?: number }) => bookTierBlock(minutes ?? 60),
  toPreview: ({ minutes }: { minutes?: number }) =>
    createElement('a', { className: 'preview-book-button' }, `Book ${minutes ?? 60} minutes`),
} satisfies BlockEditorComponentOptions;

export const calloutComponent = {
  id: 'callout',
  label: 'Callout',
  fields: [calloutTextField],
  pattern: /^<Callout>\n\n([\s\S]*?)\n\n<\/Callout>$/,
  fromBlock: (match: RegExpMatchArray) => ({ text: parseCallout(match[0]) ?? match[1] ?? '' }),
  toBlock: ({ text }: { text?: string }) => calloutBlock(text ?? ''),
  toPreview: ({ text }: { text?: string }) =>
    createElement('aside', { className: 'preview-callout' }, text ?? ''),
} satisfies BlockEditorComponentOptions;
