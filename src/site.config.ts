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
 * and the OAuth endpoint that lets staff log in with GitHub (docs/go-live.md, "5. Let staff log in to the CMS").
 */
export const CMS_BACKEND = {
  name: 'github',
  repo: 'your-github-account/clinic-site',
  branch: 'main',
  base_url: 'https://cms-auth.example.com',
} as const;
