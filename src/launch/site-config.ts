/**
 * The deploy settings as `src/site.config.ts` writes them (`deploySchema` in src/schemas/deploy.ts
 * gives their rules): each one's name in the file, and how to read and set it in the file's text.
 * Setup writes them, launch-check names them, and tests set them in a copy of the project.
 */
import type { DeploySettings } from '../schemas/deploy';

/** Each deploy setting, the name it has in `src/site.config.ts`. */
export const DEPLOY_FIELDS: Record<keyof DeploySettings, string> = {
  host: 'HOST',
  backend: 'CMS_BACKEND.name',
  siteUrl: 'SITE_URL',
  repo: 'CMS_BACKEND.repo',
  branch: 'CMS_BACKEND.branch',
  loginEndpoint: 'CMS_BACKEND.base_url',
};

/** Each deploy setting in the file: what precedes it, then its value, quoted. */
const PATTERNS: Record<keyof DeploySettings, RegExp> = {
  host: /(export const HOST: Host = )'([^']*)'/g,
  backend: /(\n\s+name: )'([^']*)'/g,
  siteUrl: /(export const SITE_URL = )'([^']*)'/g,
  repo: /(\n\s+repo: )'([^']*)'/g,
  branch: /(\n\s+branch: )'([^']*)'/g,
  loginEndpoint: /(\n\s+base_url: )'([^']*)'/g,
};

/** The value of `key` in the text of `src/site.config.ts`, or undefined where it is not written. */
export function deploySettingIn(text: string, key: keyof DeploySettings): string | undefined {
  return new RegExp(PATTERNS[key].source).exec(text)?.[2];
}

/**
 * The text of `src/site.config.ts` (read from `path`, named in errors) with `settings` set, and
 * everything else kept. Each value must appear exactly once, as the file ships: a file rewritten
 * by hand throws, naming the file and the setting.
 */
export function withDeploySettings(
  text: string,
  settings: Partial<DeploySettings>,
  path = 'src/site.config.ts',
): string {
  for (const [key, value] of Object.entries(settings) as [keyof DeploySettings, string][]) {
    const count = text.match(PATTERNS[key])?.length ?? 0;
    if (count !== 1) {
      throw new Error(
        `${path}: expected ${DEPLOY_FIELDS[key]} written once as a quoted string, found ${count}; set it by hand`,
      );
    }
    text = text.replace(PATTERNS[key], (_, before: string) => `${before}'${value}'`);
  }
  return text;
}
