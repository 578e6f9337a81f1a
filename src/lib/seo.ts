/** Titles, canonical URLs and breadcrumbs: what a page tells search engines about itself. */

/** Longest `<title>` search results show without cutting it off. */
const MAX_TITLE_LENGTH = 60;

/** `Prices | Riverside Medical Massage`, or just the page title where both would not fit. */
export function documentTitle(title: string, siteName: string): string {
  const full = `${title} | ${siteName}`;
  return full.length <= MAX_TITLE_LENGTH ? full : title;
}

export interface Crumb {
  label: string;
  /** Site path, e.g. `/services/`. */
  href: string;
}

/** Home (named `home`), then the given trail; the last crumb is the page itself. */
export function breadcrumbTrail(home: string, trail: readonly Crumb[], homeHref = '/'): Crumb[] {
  return [{ label: home, href: homeHref }, ...trail];
}
