/**
 * "Page not found" in the reader's language: the built site served with each host's rule for a
 * path no file answers (scripts/serve.mjs, `emulate`). Netlify (its `_redirects` 404 rule per
 * language) and Cloudflare Pages (the nearest `404.html`) answer an unknown Spanish path with the
 * Spanish page; GitHub Pages has one `/404.html`, which offers every language in its own words.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { HOSTS, startServer } from '../../scripts/serve.mjs';
import { distDir, LANGUAGES, pageData, siteWords } from './site';

const servers = new Map<(typeof HOSTS)[number], Server>();

test.beforeAll(async () => {
  for (const host of HOSTS) {
    servers.set(host, (await startServer({ root: distDir, port: 0, emulate: host })) as Server);
  }
});

test.afterAll(async () => {
  for (const server of servers.values()) await new Promise((done) => server.close(done));
});

const origin = (host: (typeof HOSTS)[number]) =>
  `http://127.0.0.1:${(servers.get(host)!.address() as AddressInfo).port}`;

for (const language of LANGUAGES.all) {
  const prefix = language.code === LANGUAGES.main.code ? '' : `/${language.code}`;
  const words = pageData('not-found', language);
  const site = siteWords(language);
  const hosts = prefix ? (['netlify', 'cloudflare'] as const) : HOSTS;

  for (const host of hosts) {
    test(`${host}: an unknown path under ${prefix || '/'} gets the ${language.tag} page not found`, async ({
      page,
    }) => {
      const response = await page.goto(`${origin(host)}${prefix}/no-such-page/deeper/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', language.tag);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.heading);
      const main = page.getByRole('main');
      await expect(
        main.getByRole('link', { name: site.breadcrumbs.home, exact: true }),
      ).toHaveAttribute('href', `${prefix}/`);
      // Every other language, in its own words, leads to its home page.
      for (const other of LANGUAGES.all.filter(({ code }) => code !== language.code)) {
        const section = main.locator(`section[lang="${other.tag}"]`);
        await expect(section.getByRole('heading', { level: 2 })).toHaveText(
          pageData('not-found', other).heading,
        );
        await expect(
          section.getByRole('link', { name: siteWords(other).breadcrumbs.home }),
        ).toHaveAttribute('href', other.code === LANGUAGES.main.code ? '/' : `/${other.code}/`);
      }
    });
  }
}

test('github-pages: an unknown path in any language gets the one /404.html, offering every language', async ({
  page,
}) => {
  for (const language of LANGUAGES.others) {
    const response = await page.goto(`${origin('github-pages')}/${language.code}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', LANGUAGES.main.tag);
    const section = page.getByRole('main').locator(`section[lang="${language.tag}"]`);
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(
      pageData('not-found', language).heading,
    );
    await expect(
      section.getByRole('link', { name: siteWords(language).breadcrumbs.home }),
    ).toHaveAttribute('href', `/${language.code}/`);
  }
});

test('each language’s page not found is where the hosts look for it, and Netlify’s rule names it', async ({
  request,
}) => {
  for (const { code } of LANGUAGES.others) {
    expect((await request.get(`/${code}/404.html`)).status()).toBe(200);
    expect(existsSync(join(distDir, code, '404')), `dist/${code}/404/`).toBe(false);
  }
  const redirects = readFileSync(join(distDir, '_redirects'), 'utf8');
  for (const { code } of LANGUAGES.others)
    expect(redirects).toContain(`/${code}/*  /${code}/404.html  404`);
});
