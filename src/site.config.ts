/**
 * What developers own: the public URL and where the CMS saves.
 * Everything staff change (clinic facts, prices, plans, every word of the pages, the navigation and
 * the language) lives in `src/content/`.
 */

/** The production origin. PLACEHOLDER: set the clinic's real domain before launch. */
export const SITE_URL = 'https://clinic.example.com';

/**
 * Where the CMS saves in production: the GitHub repository of this site, and the OAuth endpoint that
 * lets staff log in with GitHub (see "Staff editing" in the README). PLACEHOLDERS until deployed.
 */
export const CMS_BACKEND = {
  name: 'github',
  repo: 'your-github-account/clinic-site',
  branch: 'main',
  base_url: 'https://cms-auth.example.com',
} as const;
