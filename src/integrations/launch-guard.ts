/**
 * A production deploy never publishes a placeholder: when the build is the production site
 * (`productionDeploy` in src/launch/placeholders.ts), it runs the launch check first and stops with
 * its list while anything is left. Previews, branch deploys and local builds build as always.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatFindings, launchCheck } from '../launch/check';
import { productionDeploy } from '../launch/placeholders';
import { CMS_BACKEND } from '../site.config';

export default function launchGuard(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'clinic-launch-guard',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        root = fileURLToPath(config.root);
        const production = productionDeploy(process.env, CMS_BACKEND.branch);
        if (command !== 'build' || !production) return;
        const findings = launchCheck(root);
        if (findings.length) {
          throw new Error(
            `${production}: the production site is not built while placeholders are left.\n\n${formatFindings(findings)}`,
          );
        }
      },
      'astro:build:start': ({ logger }) => {
        const production = productionDeploy(process.env, CMS_BACKEND.branch);
        if (production) {
          logger.info(`${production}: launch check passed, nothing left to replace.`);
          return;
        }
        const left = launchCheck(root).length;
        if (left) {
          logger.warn(
            `${left} placeholders or example values are left (npm run launch-check lists them); a production deploy refuses to build until they are replaced.`,
          );
        }
      },
    },
  };
}
