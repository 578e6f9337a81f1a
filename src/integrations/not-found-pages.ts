/**
 * "Page not found" in the reader's language on every host that allows it. Astro builds a
 * language's page-not-found page (src/pages/[language]/404.astro) at `/<code>/404/index.html`
 * (only `/404` itself becomes `404.html`); after the build it is moved to `/<code>/404.html`,
 * where each host looks:
 *
 * - Cloudflare Pages serves the nearest `404.html` up the requested path by itself
 *   (https://developers.cloudflare.com/pages/configuration/serving-pages/#not-found-behavior);
 * - Netlify serves `/404.html` only, unless `_redirects` says otherwise: one rule per language,
 *   `/es/*  /es/404.html  404`, which applies only where no file matches
 *   (https://docs.netlify.com/manage/routing/redirects/redirect-options/#custom-404-page-handling).
 *   Written for Netlify only: Cloudflare Pages refuses a `404` status in `_redirects` ("Valid status
 *   codes are 200, 301, 302 (default), 303, 307, or 308"), and GitHub Pages would serve the file;
 * - GitHub Pages serves `/404.html` for every address: that page offers every language
 *   (src/pages/404.astro).
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { appendFile, rename, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLanguages } from '../i18n/languages';
import type { Host } from '../schemas/deploy';
import { HOST } from '../site.config';

/**
 * Netlify's `_redirects` lines for the page-not-found pages of the languages `codes` (`['es']`):
 * `/es/*  /es/404.html  404` each, with a newline after each.
 */
function notFoundRules(codes: string[]): string {
  return codes.map((code) => `/${code}/*  /${code}/404.html  404\n`).join('');
}

export default function notFoundPages(host: Host = HOST): AstroIntegration {
  let root = new URL('./', import.meta.url);
  return {
    name: 'clinic-not-found-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const moved: string[] = [];
        for (const { code } of readLanguages(root).others) {
          const built = join(dist, code, '404', 'index.html');
          if (!existsSync(built)) continue;
          await rename(built, join(dist, code, '404.html'));
          await rmdir(join(dist, code, '404'));
          moved.push(code);
        }
        if (host === 'netlify' && moved.length > 0) {
          // After any rules the site ships in public/_redirects: Netlify applies the first match.
          await appendFile(join(dist, '_redirects'), notFoundRules(moved));
        }
        if (moved.length > 0) {
          logger.info(
            `page-not-found pages: ${moved.map((code) => `/${code}/404.html`).join(', ')}`,
          );
        }
      },
    },
  };
}
