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
  return {
    name: 'clinic-launch-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const production = productionDeploy(process.env, CMS_BACKEND.branch);
        if (command !== 'build' || !production) return;
        const findings = launchCheck(fileURLToPath(config.root));
        if (findings.length) {
          throw new Error(
            `${production}: the production site is not built while placeholders are left.\n\n${formatFindings(findings)}`,
          );
        }
        logger.info(`${production}: launch check passed, nothing left to replace.`);
      },
    },
  };
}
