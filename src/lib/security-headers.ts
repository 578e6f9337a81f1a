/**
 * Security headers for the static hosts that read a `_headers` file (Netlify, Cloudflare Pages).
 * Public pages get a strict Content Security Policy: scripts only from this site or with the hash of
 * one of the site's own inline scripts, never 'unsafe-inline'; only the booking origin may be framed.
 * /admin/ gets the looser policy Decap CMS needs, and only /admin/ does.
 */
import { createHash } from 'node:crypto';
import { CMS_BACKEND } from '../site.config';
import { embedFrameOrigins } from './booking';

type Policy = Record<string, string[]>;

function serialise(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** `'sha256-…'` of an inline script's text, as CSP matches it. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** The inline scripts of a page (JSON-LD data blocks are not scripts to CSP). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attributes = '']) =>
        !/\bsrc=/.test(attributes) && !/application\/ld\+json/.test(attributes),
    )
    .map(([, , source = '']) => source);
}

export function publicPolicy({
  scriptHashes,
  bookingOrigin,
}: {
  scriptHashes: string[];
  bookingOrigin: string;
}): string {
  const booking = embedFrameOrigins(bookingOrigin);
  return serialise({
    'default-src': ["'self'"],
    'script-src': ["'self'", ...new Set(scriptHashes)],
    // Astro inlines each page's CSS, and Cal.com's embed adds a <style> element when it opens.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...booking],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...booking],
    'frame-src': booking,
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  });
}

/** Decap CMS: its bundle evaluates code, styles itself inline, and talks to GitHub or decap-server. */
function adminPolicy(): string {
  return serialise({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': [
      "'self'",
      'data:',
      'blob:',
      'https://avatars.githubusercontent.com',
      'https://raw.githubusercontent.com',
    ],
    'font-src': ["'self'", 'data:'],
    'connect-src': [
      "'self'",
      'https://api.github.com',
      CMS_BACKEND.base_url,
      'http://localhost:8081',
    ],
    'frame-src': ["'self'", 'blob:'],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  });
}

const COMMON = [
  'Strict-Transport-Security: max-age=63072000; includeSubDomains',
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: strict-origin-when-cross-origin',
  'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options: DENY',
];

/**
 * The `_headers` file. The policy is given per page path rather than under `/*`: both hosts add
 * up the headers of every matching rule, and /admin/ must not inherit the public policy.
 */
export function headersFile({
  pagePaths,
  publicCsp,
}: {
  pagePaths: string[];
  publicCsp: string;
}): string {
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`).join('\n');
  return (
    [
      `/*\n${indent(COMMON)}`,
      ...pagePaths.map((path) => `${path}\n${indent([`Content-Security-Policy: ${publicCsp}`])}`),
      `/admin/*\n${indent([`Content-Security-Policy: ${adminPolicy()}`])}`,
    ].join('\n\n') + '\n'
  );
}
