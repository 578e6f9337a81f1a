/**
 * The sitemap's alternates of each page (`<xhtml:link rel="alternate" hreflang>`), read from the
 * page itself once it is built: @astrojs/sitemap's own `i18n` option pairs only pages with the same
 * path under each language's prefix (`/pricing/` with `/es/pricing/`), and ours have translated
 * slugs (`/es/precios/`). Reading the built page keeps the sitemap and the page's `hreflang` links
 * one and the same (src/layouts/BaseLayout.astro writes them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** `<link rel="alternate" hreflang="es-US" href="…">` → `{ lang: 'es-US', url: '…' }`, in order. */
function alternateLinks(html: string): { lang: string; url: string }[] {
  return [...html.matchAll(/<link\b[^>]*>/g)].flatMap(([tag]) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const lang = attribute('hreflang');
    const url = attribute('href');
    return attribute('rel') === 'alternate' && lang && url ? [{ lang, url }] : [];
  });
}

/** Whether the page asks search engines not to index it (`<meta name="robots" content="noindex">`). */
const isNoindex = (html: string) =>
  /<meta\b(?=[^>]*\bname="robots")(?=[^>]*\bcontent="[^"]*\bnoindex\b)[^>]*>/.test(html);

/**
 * The sitemap with each page's alternates: `integration` learns where this build writes its pages
 * (`outDir`, with `astro build --outDir` too: a fixed `dist` read the previous build's pages, or
 * none, and the sitemap was left out), and `serialize`, @astrojs/sitemap's option, adds each
 * page's alternates, reading `<outDir><path>index.html`. A page without alternates (a
 * one-language site) is left as it is; a page that asks not to be indexed (the short /review/
 * address and the review card, in every language) is left out.
 */
export function sitemapAlternates(): {
  integration: AstroIntegration;
  serialize: (item: SitemapItem) => SitemapItem | undefined;
} {
  let outDir: string | undefined;
  return {
    integration: {
      name: 'clinic-sitemap-alternates',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
        },
      },
    },
    serialize: (item) => {
      if (!outDir) throw new Error('sitemapAlternates: its integration is not in the config');
      const file = join(outDir, new URL(item.url).pathname, 'index.html');
      const html = readFileSync(file, 'utf8');
      if (isNoindex(html)) return undefined;
      const links = alternateLinks(html);
      return links.length ? { ...item, links } : item;
    },
  };
}
