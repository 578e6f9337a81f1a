/**
 * What developers own: the public URL and where the CMS saves.
 * Everything staff change (clinic facts, prices, plans, every word of the pages, the navigation and
 * the language) lives in `src/content/`.
 *
 * The values below are examples until `npm run setup` writes the clinic's own (rules:
 * `deploySchema` in `src/schemas/deploy.ts`); `npm run launch-check` lists what is left, and a
 * production deploy refuses to build while anything is.
 */

/** The production origin: canonical URLs, the sitemap and robots.txt use it. */
export const SITE_URL = 'https://clinic.example.com';

/**
 * Where the CMS saves in production: the GitHub repository of this site, the production branch,
 * and where staff log in with GitHub (`base_url`): the site itself on Netlify and Cloudflare Pages,
 * whose login ships with it (`/api/auth`), the login Worker for a site on GitHub Pages, or
 * https://api.netlify.com for Netlify's provider (docs/go-live.md, "5. Let staff log in to the CMS").
 */
export const CMS_BACKEND = {
  name: 'github',
  repo: 'your-github-account/clinic-site',
  branch: 'main',
  base_url: 'https://clinic.example.com',
} as const;
