import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { bodyPreview } from '../src/cms/body-preview';
test('x', () => {
  const body = readFileSync('src/content/faq/auto-accidents.mdx', 'utf8').split('---').slice(2).join('---');
  console.log(renderToStaticMarkup(bodyPreview(body) as never));
  console.log(renderToStaticMarkup(bodyPreview('Ask {us} <b>now</b>\n\n<BookTier minutes="60" />\n\n<Callout>\n\nHi *there*\n\n</Callout>\n\n- a\n- b') as never));
});
