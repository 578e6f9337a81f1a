/**
 * After the build, writes `dist/_headers` (see src/lib/security-headers.ts) for the booking origin
 * set in the booking settings.
 */
import { readLanguages } from '../i18n/languages';
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { bookingSchema } from '../schemas/booking';
import { headersFile } from '../lib/security-headers';

export default function securityHeaders(): AstroIntegration {
  let root = new URL('./', import.meta.url);
  return {
    name: 'clinic-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const main = readLanguages(root).main.code;
        const settings = new URL(`src/content/settings/${main}/booking.yaml`, root);
        const { origin } = bookingSchema.parse(parse(await readFile(settings, 'utf8')));
        await writeFile(join(fileURLToPath(dir), '_headers'), headersFile(origin));
        logger.info(`_headers written for the booking origin ${origin}`);
      },
    },
  };
}
