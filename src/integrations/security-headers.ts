/**
 * After the build, writes `dist/_headers` with a Content Security Policy that allows exactly the
 * inline scripts the build produced (by hash) and the booking origin from the booking settings.
 */
import type { AstroIntegration } from 'astro';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bookingSchema } from '../schemas/booking';
import { headersFile, inlineScripts, publicPolicy, scriptHash } from '../lib/security-headers';

export default function securityHeaders(): AstroIntegration {
  let root = new URL('./', import.meta.url);
  return {
    name: 'clinic-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const settings = new URL('src/content/settings/booking.yaml', root);
        const { origin } = bookingSchema.parse(parse(await readFile(settings, 'utf8')));
        const files = (await readdir(dist, { recursive: true })).filter(
          (file) => file.endsWith('.html') && file.split(sep)[0] !== 'admin',
        );
        const hashes: string[] = [];
        const pagePaths: string[] = [];
        for (const file of files.sort()) {
          const html = await readFile(join(dist, file), 'utf8');
          hashes.push(...inlineScripts(html).map(scriptHash));
          const path = `/${relative(dist, join(dist, file)).split(sep).join('/')}`;
          pagePaths.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
        }
        const publicCsp = publicPolicy({ scriptHashes: hashes, bookingOrigin: origin });
        await writeFile(join(dist, '_headers'), headersFile({ pagePaths, publicCsp }));
        logger.info(
          `_headers: CSP for ${pagePaths.length} pages, ${new Set(hashes).size} script hashes`,
        );
      },
    },
  };
}
