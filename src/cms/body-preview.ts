/**
 * An entry's body as the site will show it, for the CMS previews. The body goes through the same
 * steps as a save and a build: escaped by `escapeForMdx` (so `{`, `<` and tags show as typed), read
 * as Markdown without raw HTML (as MDX reads it), and the two approved components, each on lines of
 * its own, drawn as the site draws them.
 */
import type { Nodes, Parent } from 'mdast';
import { createElement as h, type ReactNode } from 'react';
import { BOOK_TIER_LINE, componentLine, linkProblem, parseContentText } from '../lib/mdx-text';

function renderChildren(parent: Parent): ReactNode[] {
  const out: ReactNode[] = [];
  let callout: ReactNode[] | undefined;
  parent.children.forEach((child, index) => {
    const line = componentLine(child);
    const bookTier = line === undefined ? null : BOOK_TIER_LINE.exec(line);
    if (line === '<Callout>') {
      callout = [];
    } else if (line === '</Callout>' && callout) {
      out.push(h('aside', { key: index, className: 'preview-callout' }, ...callout));
      callout = undefined;
    } else {
      const rendered = bookTier
        ? h(
            'p',
            { key: index },
            h('a', { className: 'preview-book-button' }, `Book ${bookTier[1]} minutes`),
          )
        : render(child, index);
      (callout ?? out).push(rendered);
    }
  });
  return callout ? [...out, ...callout] : out;
}

function render(node: Nodes, key: number): ReactNode {
  const children = () => ('children' in node ? renderChildren(node) : []);
  switch (node.type) {
    case 'text':
      return node.value;
    case 'paragraph':
      return h('p', { key }, ...children());
    case 'heading':
      return h(`h${node.depth}`, { key }, ...children());
    case 'list':
      return h(node.ordered ? 'ol' : 'ul', { key }, ...children());
    case 'listItem':
      return h(
        'li',
        { key },
        ...(node.spread
          ? children()
          : node.children.flatMap((child, index) =>
              child.type === 'paragraph' ? renderChildren(child) : [render(child, index)],
            )),
      );
    case 'emphasis':
      return h('em', { key }, ...children());
    case 'strong':
      return h('strong', { key }, ...children());
    case 'link':
      return h('a', { key, href: linkProblem(node.url) ? undefined : node.url }, ...children());
    case 'inlineCode':
      return h('code', { key }, node.value);
    case 'code':
      return h('pre', { key }, h('code', null, node.value));
    case 'break':
      return h('br', { key });
    case 'thematicBreak':
      return h('hr', { key });
    case 'blockquote':
      return h('blockquote', { key }, ...children());
    case 'image':
      return h('img', { key, alt: node.alt ?? '' });
    default:
      return h('span', { key }, ...children());
  }
}

/** The body as the page will show it. */
export function bodyPreview(markdown: string): ReactNode {
  return h('div', { className: 'prose' }, ...renderChildren(parseContentText(markdown)));
}
