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
 * Where the site can be published (docs/go-live.md, "4. Publish on a host"): each runs the CMS
 * login differently, so the settings name it.
 */
const HOSTS = ['netlify', 'cloudflare', 'github-pages'] as const;
export type Host = (typeof HOSTS)[number];

/**
 * How staff log in to the CMS, by Decap's backend names: `github`, each with a GitHub account,
 * through the login that ships with the site (or Netlify's provider, or the login Worker); or
 * `git-gateway`, by email invitation and password with Netlify Identity, on Netlify only
 * (docs/go-live.md, "Staff without GitHub accounts").
 */
const BACKENDS = ['github', 'git-gateway'] as const;
export type Backend = (typeof BACKENDS)[number];

/** `CMS_BACKEND` in `src/site.config.ts`. */
export interface CmsBackendSettings {
  name: Backend;
  repo: string;
  branch: string;
  base_url: string;
}

/**
 * What developers own (`src/site.config.ts`): where the site is published and where the CMS
 * saves. `npm run setup` checks its answers against this, and `npm run launch-check` the file.
 * Besides each field's rule, the login must work on the host: Netlify Identity (`git-gateway`)
 * and Netlify's GitHub provider only on Netlify, and on GitHub Pages, which runs no functions, a
 * login Worker at an address of its own.
 */
export const deploySchema = z
  .strictObject({
    host: z
      .enum(HOSTS, kind('netlify, cloudflare or github-pages'))
      .describe('Where the site is published: netlify, cloudflare or github-pages.'),
    backend: z
      .enum(BACKENDS, kind('github or git-gateway'))
      .describe(
        'How staff log in to the CMS: github (each with a GitHub account) or git-gateway (email invitations with Netlify Identity, on Netlify only).',
      ),
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
  })
  .superRefine(({ host, backend, siteUrl, loginEndpoint }, context) => {
    if (backend === 'git-gateway' && host !== 'netlify') {
      context.addIssue({
        code: 'custom',
        path: ['backend'],
        message: `git-gateway (Netlify Identity) works only on Netlify, and the host is ${host}: use github, or publish on Netlify`,
      });
    }
    if (backend !== 'github') return;
    if (loginEndpoint === NETLIFY_OAUTH && host !== 'netlify') {
      context.addIssue({
        code: 'custom',
        path: ['loginEndpoint'],
        message: `Netlify’s GitHub provider works only for a site on Netlify, and the host is ${host}: use ${host === 'github-pages' ? 'the login Worker’s address' : 'the site’s own address'}`,
      });
    }
    if (
      host === 'github-pages' &&
      URL.parse(loginEndpoint)?.origin === URL.parse(siteUrl)?.origin
    ) {
      context.addIssue({
        code: 'custom',
        path: ['loginEndpoint'],
        message:
          'is the site’s own address, but GitHub Pages runs no login: deploy the login Worker (login-worker/) and give its address',
      });
    }
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
