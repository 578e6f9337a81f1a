/**
 * A production deploy never publishes a placeholder: when the build is the production site
 * (`productionDeploy` in src/launch/placeholders.ts), it runs the launch check first and stops with
 * its list while anything is left; its advice (`Finding.advice`, two locations with one name) is a
 * warning in every build. Previews, branch deploys and local builds build as always.
 * Every build also writes the day it was built for into the site (`SITE_DAY_FILE`).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { COLLECTIONS, DRAFT_COLLECTIONS } from '../collections';
import { readLanguages } from '../i18n/languages';
import { SITE_DAY_FILE, siteDate } from '../lib/dates';
import { isTimeZone } from '../schemas/clinic';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFindings, launchCheck, type Finding } from '../launch/check';
import { buildHost, productionDeploy } from '../launch/placeholders';
import { CMS_BACKEND, HOST } from '../site.config';

/**
 * Entries kept off the site by `draft: true` (in a collection with `draft` in src/collections.ts),
 * as `src/content/<folder>/<code>/<file>`: a flag left on
 * by mistake makes a page disappear without an error, so every build names them.
 */
export function draftEntries(root: string): string[] {
  const main = readLanguages(pathToFileURL(`${root}/`)).main.code;
  return DRAFT_COLLECTIONS.map((name) => COLLECTIONS[name].folder).flatMap((collection) => {
    const folder = join(root, 'src/content', collection, main);
    return readdirSync(folder)
      .filter((file) =>
        /^draft:\s*true\s*$/m.test(
          readFileSync(join(folder, file), 'utf8').split(/^---$/m)[1] ?? '',
        ),
      )
      .map((file) => `src/content/${collection}/${main}/${file}`);
  });
}

/** The clinic's time zone as written in the main language's clinic.yaml, if it is there. */
function clinicTimeZone(root: string): string | undefined {
  const { main } = readLanguages(pathToFileURL(`${root}/`));
  try {
    const file = readFileSync(join(root, 'src/content/settings', main.code, 'clinic.yaml'), 'utf8');
    const zone = (parse(file) as { timeZone?: unknown } | null)?.timeZone;
    return typeof zone === 'string' && isTimeZone(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}

export default function launchGuard(): AstroIntegration {
  let root = process.cwd();
  let siteDay: string | undefined;
  /** The launch check's findings, once per build: a production build has them from its start. */
  let checked: Finding[] | undefined;
  return {
    name: 'clinic-launch-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        root = fileURLToPath(config.root);
        const production = productionDeploy(process.env, CMS_BACKEND.branch);
        if (command !== 'build' || !production) return;
        // The CMS login is the host's (its functions, or Netlify Identity): on another host it fails.
        const host = buildHost(process.env);
        if (host && host !== HOST) {
          throw new Error(
            `${production}: src/site.config.ts says HOST is '${HOST}', but this build runs on ${host}, where the CMS login set for ${HOST} does not work: run npm run setup and choose ${host}, or publish on ${HOST}.`,
          );
        }
        checked = launchCheck(root);
        // Advice (two locations with one name) is warned of at build start, never a stop.
        const findings = checked.filter(({ advice }) => !advice);
        if (findings.length) {
          throw new Error(
            `${production}: the production site is not built while the launch check finds a value to replace or correct.\n\n${formatFindings(findings)}`,
          );
        }
      },
      'astro:build:start': ({ logger }) => {
        const zone = clinicTimeZone(root);
        // An invalid SITE_DATE stops the build here, naming it; a missing zone is the schema's to report.
        if (zone) {
          const fixed = process.env['SITE_DATE']?.trim();
          logger.info(
            `The site as of ${siteDate(zone)}: ${fixed ? 'SITE_DATE' : `today in ${zone}`}; closures and notices are shown for that day.`,
          );
        }
        siteDay = zone ? siteDate(zone) : undefined;
        const drafts = draftEntries(root);
        if (drafts.length) {
          logger.warn(`Not on the site (draft: true): ${drafts.join(', ')}`);
        }
        const all = checked ?? launchCheck(root);
        for (const { file, field, problems } of all.filter(({ advice }) => advice)) {
          logger.warn(`${file}: ${field}: ${problems.join('; ')}`);
        }
        const production = productionDeploy(process.env, CMS_BACKEND.branch);
        if (production) {
          logger.info(`${production}: launch check passed, nothing left to replace.`);
          return;
        }
        const left = all.filter(({ advice }) => !advice).length;
        if (left) {
          logger.warn(
            `${left} placeholders or example values are left (npm run launch-check lists them); a production deploy refuses to build until they are replaced.`,
          );
        }
      },
      'astro:build:done': ({ dir }) => {
        if (siteDay) writeFileSync(new URL(SITE_DAY_FILE, dir), `${siteDay}\n`);
      },
    },
  };
}
