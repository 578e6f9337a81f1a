/**
 * What developers own: the public URL and where the CMS saves.
 * Everything staff change (clinic facts, prices, plans, every word of the pages, the navigation and
 * the language) lives in `src/content/`.
 *
 * The values below are examples until `npm run setup` writes the clinic's own (rules:
 * `deploySchema` in `src/schemas/deploy.ts`); `npm run launch-check` lists what is left, and a
 * production deploy refuses to build while anything is.
 */

import type { CmsBackendSettings, Host } from './schemas/deploy';

/** The production origin: canonical URLs, the sitemap and robots.txt use it. */
export const SITE_URL = 'https://clinic.example.com';

/**
 * Where the site is published: `netlify`, `cloudflare` (Pages) or `github-pages`. The login the
 * CMS can use depends on it, and a production build on another host refuses to run.
 */
export const HOST: Host = 'netlify';

/**
 * Where the CMS saves in production and how staff log in (docs/go-live.md, "5. Let staff log in
 * to the CMS"): the GitHub repository of this site and the production branch; `name`, Decap's
 * backend: `github` (a GitHub account each) or `git-gateway` (Netlify Identity invitations, on
 * Netlify only); and for `github`, where staff log in (`base_url`): the site itself on Netlify
 * and Cloudflare Pages, whose login ships with it (`/api/auth`), the login Worker for a site on
 * GitHub Pages, or https://api.netlify.com for Netlify's provider.
 */
export const CMS_BACKEND: CmsBackendSettings = {
  name: 'github',
  repo: 'your-github-account/clinic-site',
  branch: 'main',
  base_url: 'https://clinic.example.com',
};
