import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  expect,
  iconUrls,
  recordCspViolations,
  test,
  transferredBytes,
  visitEach,
} from './fixtures';
import { htmlErrors } from './html';
import { headerRules } from '../../scripts/serve.mjs';
import { builtHtml, builtPages, distDir } from './site';

const KB = 1024;
/** Pages with a photo; every other page is a text page. */
const PHOTO_PAGES = ['/', '/services/orthopedic-medical-massage/'];

/** Records CSP violations and console errors from the first script on; call the result to read them. */
async function watchProblems(page: Page): Promise<() => string[]> {
  const violations = await recordCspViolations(page);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  return () => [...violations.map((violation) => `CSP: ${violation}`), ...problems];
}

/** The policy a page carries in its `<meta http-equiv>`, and whether it comes before any script. */
function metaPolicy(html: string): { policy: string; beforeScripts: boolean } {
  const match = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
  const firstScript = html.search(/<script\b(?![^>]*application\/ld\+json)/);
  return {
    policy: match?.[1] ?? '',
    beforeScripts: match !== null && (firstScript === -1 || match.index < firstScript),
  };
}

test('every page, and the 404 for an unknown path, carries a strict policy and the security headers', async ({
  request,
}) => {
  for (const path of [...builtPages(), '/no-such-page/']) {
    const response = await request.get(path);
    // The script policy is in the page itself, so it holds on hosts that send no headers.
    const { policy, beforeScripts } = metaPolicy(await response.text());
    expect(beforeScripts, `${path}: policy before the first script`).toBe(true);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1]?.trim() ?? '';
    expect(scriptSrc, path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    expect(policy, path).toContain('frame-src https://cal.com https://app.cal.com');
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'self'");
    expect(policy, path).not.toContain('unsafe-eval');
    // What a meta tag cannot carry comes from _headers, on Netlify and Cloudflare Pages.
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{7,}/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['permissions-policy'], path).toContain(
      'payment=(self "https://cal.com" "https://app.cal.com")',
    );
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  const admin = metaPolicy(await (await request.get('/admin/')).text()).policy;
  expect(admin).toContain("'unsafe-eval'");
});

test('_headers reads cleanly with the parser Netlify uses, in a few rules that do not grow with the pages', async () => {
  const rules = await headerRules(join(distDir, '_headers'));
  // Cloudflare Pages reads at most 100 rules; every rule here is a wildcard, none names a page.
  expect(rules.map((rule) => rule.for)).toEqual(['/*', '/_astro/*']);
  expect(JSON.stringify(rules)).not.toContain('unsafe-eval');
});

test('no public page logs a CSP violation or a console error', async ({ browser }) => {
  const visited: string[] = [];
  await visitEach(browser, builtPages(), async (page, path) => {
    const problems = await watchProblems(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(problems(), path).toEqual([]);
    visited.push(path);
  });
  expect(visited.toSorted()).toEqual(builtPages().toSorted());
});

test('every built page is valid HTML', async () => {
  for (const [file, html] of builtHtml()) expect(await htmlErrors(html, file), file).toEqual([]);
});

test('each page with its CSS fits in 14 KB gzip, with no render-blocking request', async () => {
  for (const [file, html] of builtHtml()) {
    expect(gzipSync(html).length, `${file} HTML+CSS gzip`).toBeLessThanOrEqual(14 * KB);
    expect(html, file).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html.match(/<script\b[^>]*\bsrc=/g) ?? [], file).toEqual([]);
  }
});

test('before a visitor asks to book, a page carries at most 1 KB of JavaScript (gzip)', async () => {
  for (const [file, html] of builtHtml()) {
    const scripts = [
      ...html.matchAll(/<script\b(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
    ];
    const bytes = scripts.reduce((total, [, source = '']) => total + gzipSync(source).length, 0);
    expect(bytes, file).toBeLessThanOrEqual(KB);
  }
});

test('a page transfers under 20 KB, or 60 KB with a photo, on a phone', async ({ browser }) => {
  const probe = await browser.newPage();
  await probe.goto('/');
  const icons = new Set(await iconUrls(probe));
  await probe.close();
  const measured: string[] = [];
  await visitEach(
    browser,
    builtPages(),
    async (page, path) => {
      const total = await transferredBytes(page, path, icons);
      expect(total, `${path}: ${total} bytes`).toBeLessThan(
        (PHOTO_PAGES.includes(path) ? 60 : 20) * KB,
      );
      measured.push(path);
    },
    { options: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true } },
  );
  expect(measured.toSorted()).toEqual(builtPages().toSorted());
});

test('the photo keeps its space while loading, so the layout does not shift', async ({ page }) => {
  await page.goto('/');
  const photo = page.locator('main img').first();
  await expect(photo).toHaveAttribute('width', /\d+/);
  await expect(photo).toHaveAttribute('height', /\d+/);
  // Once the photo is decoded and a frame has been drawn with it, every shift it could cause has
  // happened; a buffered observer hands over all of them at once.
  await photo.evaluate((image: HTMLImageElement) => image.decode());
  const shift = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const observer = new PerformanceObserver(() => undefined);
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as (PerformanceEntry & { value: number })[];
    observer.disconnect();
    return entries.reduce((total, entry) => total + entry.value, 0);
  });
  expect(shift).toBeLessThan(0.01);
});

test('every public page asks for prerendering on intent with valid speculation rules its policy allows', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  for (const [file, html] of builtHtml()) {
    const rules = [...html.matchAll(/<script type="speculationrules">([^<]*)<\/script>/g)];
    expect(rules, file).toHaveLength(1);
    const json = rules[0]?.[1] ?? '';
    const parsed = JSON.parse(json) as { prerender: { where: unknown; eagerness: string }[] };
    expect(
      parsed.prerender.map((rule) => rule.eagerness),
      file,
    ).toEqual(['moderate']);
    expect(JSON.stringify(parsed), file).toContain('{"not":{"href_matches":"/admin/*"}}');
    const hash = `'sha256-${createHash('sha256').update(json).digest('base64')}'`;
    expect(metaPolicy(html).policy, file).toContain(hash);
  }
  for (const path of builtPages()) {
    await page.goto(path);
    expect(await page.evaluate(() => HTMLScriptElement.supports('speculationrules'))).toBe(true);
  }
  // A blocked rules script would show as a CSP violation here.
  expect(problems()).toEqual([]);
});
