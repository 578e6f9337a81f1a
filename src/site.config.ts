/**
 * What developers own: the public URL, the navigation and the language.
 * Everything staff change (clinic facts, prices, plans, texts) lives in `src/content/`.
 */

/** The production origin. PLACEHOLDER: set the clinic's real domain before launch. */
export const SITE_URL = 'https://clinic.example.com';

export const SITE_LANG = 'en-US';

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

export const NAVIGATION: readonly NavItem[] = [
  { href: '/services/', label: 'Services' },
  { href: '/pricing/', label: 'Pricing' },
  { href: '/insurance/', label: 'Insurance' },
  { href: '/faq/', label: 'FAQ' },
  { href: '/contact/', label: 'Contact' },
];

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
