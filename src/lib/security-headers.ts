/**
 * The site's Content Security Policy and security headers.
 *
 * The script-restricting policy is Astro's (`security.csp` in astro.config.mjs): every page carries
 * it in a `<meta http-equiv>` tag with the hashes of its own scripts, so it holds on every host,
 * GitHub Pages included, and for the 404 page served at any unknown path. This module adds what
 * depends on the booking origin (per page, through `Astro.csp`), the looser needs of the CMS (on
 * /admin/ only), and `_headers` for what a meta tag cannot carry (`frame-ancestors`, HSTS, …),
 * in a fixed number of rules whatever the number of pages (Cloudflare Pages reads at most 100).
 */
import { createHash } from 'node:crypto';
import type { AstroGlobal } from 'astro';
import { CMS_BACKEND } from '../site.config';
import { embedFrameOrigins } from './booking';

type PageCsp = NonNullable<AstroGlobal['csp']>;
type CspDirective = Parameters<PageCsp['insertDirective']>[0];

/** The page's CSP API; it exists only while `security.csp` is on, which this site relies on. */
export function pageCsp(astro: Pick<AstroGlobal, 'csp'>): PageCsp {
  if (!astro.csp) throw new Error('security.csp must be enabled in astro.config.mjs');
  return astro.csp;
}

/** Directives every page gets from astro.config.mjs; Astro adds `script-src` and `style-src`. */
export const BASE_DIRECTIVES: CspDirective[] = [
  "default-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** A public page may frame the booking page and load its images and data; nothing else. */
export function bookingDirectives(bookingOrigin: string): CspDirective[] {
  const booking = embedFrameOrigins(bookingOrigin).join(' ');
  return [
    `img-src 'self' data: ${booking}`,
    `connect-src 'self' ${booking}`,
    `frame-src ${booking}`,
  ];
}

/**
 * Speculation rules: when a visitor shows intent on a link (pointer over it for a moment, or
 * pressing it; Chrome's "moderate"), the browser prerenders that page of this site, so it shows at
 * once. Static JSON in the page, so no script file; browsers without the API ignore it. Never the
 * CMS, nor a booking control (its own page is Cal.com's), nor a download.
 */
export const SPECULATION_RULES = JSON.stringify({
  prerender: [
    {
      where: {
        and: [
          { href_matches: '/*' },
          { not: { href_matches: '/admin/*' } },
          { not: { selector_matches: '[data-booking], [download], [rel~="nofollow"]' } },
        ],
      },
      eagerness: 'moderate',
    },
  ],
});

/** The rules' hash, for `script-src`: an inline speculation-rules script is held to the CSP. */
export const SPECULATION_RULES_HASH =
  `sha256-${createHash('sha256').update(SPECULATION_RULES).digest('base64')}` as const;

/**
 * The clinic's colour as a CSS custom property for every page (`--color-brand`, which
 * `src/styles/global.css` uses for links and buttons), allowed by its hash.
 */
export function brandStyle(colour: string): { css: string; hash: `sha256-${string}` } {
  const css = `:root{--color-brand:${colour}}`;
  return { css, hash: `sha256-${createHash('sha256').update(css).digest('base64')}` };
}

/** Decap CMS evaluates code and talks to GitHub or decap-server; only /admin/ allows that. */
export const ADMIN_SCRIPT_RESOURCE = "'unsafe-eval'";
export const ADMIN_DIRECTIVES: CspDirective[] = [
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  "font-src 'self' data:",
  // blob: an uploaded image is read back from its object URL when the entry is saved. With Netlify
  // Identity, Decap saves through the site's own /.netlify/git and asks Netlify's status page
  // whether Git Gateway is up (GIT_GATEWAY_STATUS_ENDPOINT in decap-cms-backend-git-gateway).
  `connect-src 'self' blob: ${
    CMS_BACKEND.name === 'git-gateway'
      ? 'https://www.netlifystatus.com'
      : `https://api.github.com ${CMS_BACKEND.base_url}`
  } http://localhost:8081`,
  "frame-src 'self' blob:",
];

/**
 * `_headers` for Netlify and Cloudflare Pages: both add up the headers of every rule matching a
 * path, and a 404 for an unknown path matches only wildcard rules, so everything is under `/*`.
 * Payment is allowed to the booking frame only, for deposits taken in Cal.com (Apple Pay, Google
 * Pay); the booking widget gives that frame `allow="payment"` (src/scripts/booking.ts), and `self`
 * must allow payment for a frame to get it.
 */
export function headersFile(bookingOrigin: string): string {
  const payment = ['self', ...embedFrameOrigins(bookingOrigin).map((origin) => `"${origin}"`)];
  const everything = [
    "Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    'Strict-Transport-Security: max-age=63072000; includeSubDomains',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    `Permissions-Policy: camera=(), microphone=(), geolocation=(), usb=(), payment=(${payment.join(' ')})`,
    'X-Frame-Options: DENY',
  ];
  // Built assets (scripts, styles, images, uploads such as SVGs) are never documents: opened
  // directly, an uploaded SVG must not run script.
  const assets = [
    "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox",
  ];
  const rule = (path: string, lines: string[]) =>
    [path, ...lines.map((line) => `  ${line}`)].join('\n');
  return `${rule('/*', everything)}\n\n${rule('/_astro/*', assets)}\n`;
}
