// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import contentDigest from './src/integrations/content-digest.ts';
import launchGuard from './src/integrations/launch-guard.ts';
import notFoundPages from './src/integrations/not-found-pages.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { sitemapAlternates } from './src/integrations/sitemap-alternates.ts';
import { BASE_DIRECTIVES } from './src/lib/security-headers.ts';
import { safeMdxPlugin } from './src/lib/safe-mdx.ts';
import { SITE_URL } from './src/site.config.ts';

const alternates = sitemapAlternates();

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  output: 'static',
  // Two things claiming one place fail the build instead of one of them silently disappearing:
  // two content files with the same entry id (`Myofascial-Release.mdx` beside
  // `myofascial-release.mdx`, withastro/astro#14846) and two pages with the same URL.
  prerenderConflictBehavior: 'error',
  // `npm run dev` is how staff run the CMS on their machine: Astro's developer toolbar floated over
  // the bottom of /admin/, beside the fields on a phone.
  devToolbar: { enabled: false },
  build: {
    // Each page carries the CSS it needs, so the first round trip can paint it: no render-blocking
    // stylesheet request (the page, CSS included, stays under 14 KB gzip; see npm run bench).
    inlineStylesheets: 'always',
  },
  security: {
    // A Content Security Policy in each page's <meta http-equiv>, with the hashes of the scripts
    // Astro processed: it holds on every host, GitHub Pages included (see src/lib/security-headers.ts).
    csp: {
      directives: BASE_DIRECTIVES,
      scriptDirective: { resources: ["'self'"] },
      // Cal.com's embed.js adds a <style> element when it opens (no hashes then: Astro drops them).
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  markdown: {
    // Content is prose; Shiki's inline styles would also need 'unsafe-inline' for styles in the CSP.
    syntaxHighlight: false,
    // Content bodies are text plus two approved components; anything else fails the build.
    processor: satteri({ mdastPlugins: [safeMdxPlugin] }),
  },
  integrations: [
    // Entries are parsed again when a schema changes, not only when content.config.ts does.
    contentDigest(),
    // Then: a production deploy stops here while placeholders are left (npm run launch-check).
    launchGuard(),
    mdx(),
    securityHeaders(),
    // Each language's page-not-found page where the hosts look for it (/es/404.html), and
    // Netlify's rule that serves it.
    notFoundPages(),
    // Every public page; the CMS (/admin/) and the 404 pages are not pages to be found. Each with
    // its other languages, translated slugs included, as the page's hreflang links give them.
    alternates.integration,
    sitemap({
      filter: (page) => {
        const path = new URL(page).pathname;
        return !path.startsWith('/admin/') && !path.endsWith('/404/');
      },
      serialize: alternates.serialize,
    }),
  ],
  vite: {
    server: {
      watch: {
        // A file is read once it has stopped changing, not at its first change. A save truncates
        // the file, then writes it (decap-server's fs.writeFile, most editors, git): read between
        // the two, an entry was stored empty, and the write's own change, under 50 ms later, was
        // dropped by chokidar's throttle, so `npm run dev` showed the entry empty until its next
        // change (seen under load; a writer pausing 25–45 ms between the two did it every time).
        awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 25 },
      },
    },
    optimizeDeps: {
      rolldownOptions: {
        // `npm run dev` serves the CMS's packages (Decap, React, Redux) as the live site does, in
        // their production mode: their development checks made each opening of /admin/ take
        // about 3 times the CPU (7 core-seconds against 2.4 for the built page), and only
        // Decap's own developers act on their warnings.
        transform: { define: { 'process.env.NODE_ENV': JSON.stringify('production') } },
      },
    },
    // The booking widget is built as a separate ES module (imported with `?worker&url`, see
    // BookingIntent.astro), so the listener on every page can load it without Vite's preload helper
    // (vitejs/vite#13952), which would triple the listener's size.
    worker: { format: 'es' },
    build: {
      // Decap, the CMS page's one bundle, is about 6 MB by design; public pages have their own budgets
      // (tests/e2e/quality.spec.ts, npm run bench).
      chunkSizeWarningLimit: 8000,
      rolldownOptions: {
        // Warnings about code this project does not write, and that it cannot act on, would hide
        // the ones it can (a build printed 113 of them): `use astro:head-inject` in every MDX
        // module (Astro's own marker), `use client` and `eval` in Decap's dependencies.
        onwarn(warning, warn) {
          const where = `${warning.id ?? ''} ${warning.message}`;
          const ignored =
            (warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
              (where.includes('astro:head-inject') || where.includes('node_modules'))) ||
            (warning.code === 'EVAL' && where.includes('node_modules'));
          if (!ignored) warn(warning);
        },
      },
    },
  },
});
