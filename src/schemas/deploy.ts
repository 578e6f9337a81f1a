import { z } from 'astro/zod';
import { kind } from './fields';

const httpsOrigin = (example: string) =>
  z.url({ protocol: /^https$/, ...kind(`a full https:// address like ${example}`) }).refine(
    (value) => {
      // Zod runs this even when z.url() has refused the value (`www.clinic.com`): that refusal
      // says what is wrong, and this check has nothing to add (new URL would throw).
      const url = URL.parse(value);
      return !url || (url.pathname === '/' && !url.search && !url.hash);
    },
    { error: `must be an https:// address with nothing after the host, like ${example}` },
  );

/**
 * What developers own (`src/site.config.ts`): where the site is published and where the CMS
 * saves. `npm run setup` checks its answers against this, and `npm run launch-check` the file.
 */
export const deploySchema = z.strictObject({
  siteUrl: httpsOrigin('https://www.your-clinic.com').describe(
    'The address the site is published at, e.g. https://www.your-clinic.com.',
  ),
  repo: z
    .string(kind('a GitHub repository'))
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/, {
      error: 'must be a GitHub repository written owner/name, like my-clinic/website',
    })
    .describe('The GitHub repository of this site, owner/name.'),
  branch: z
    .string(kind('a branch name'))
    .regex(/^[A-Za-z0-9._/-]+$/, { error: 'must be a branch name like main' })
    .describe('The branch that is published (the production branch).'),
  loginEndpoint: httpsOrigin('https://www.your-clinic.com').describe(
    'Where staff log in to the CMS: the site’s own address on Netlify or Cloudflare Pages (the login ships with the site), the login Worker’s address for a site on GitHub Pages, or https://api.netlify.com for Netlify’s GitHub provider.',
  ),
});

/** Netlify's own GitHub OAuth provider (docs/go-live.md, "Netlify's GitHub provider"). */
export const NETLIFY_OAUTH = 'https://api.netlify.com';

/**
 * Decap's `auth_endpoint` for a login at `loginEndpoint` (an https origin): the path its login
 * popup opens there. `auth` on Netlify's provider; `api/auth` on the endpoint this project ships
 * (`src/login/github-login.ts`, deployed with the site or as a Worker).
 */
export const authEndpointFor = (loginEndpoint: string): 'auth' | 'api/auth' =>
  loginEndpoint === NETLIFY_OAUTH ? 'auth' : 'api/auth';

export type DeploySettings = z.infer<typeof deploySchema>;
