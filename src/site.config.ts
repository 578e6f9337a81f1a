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
