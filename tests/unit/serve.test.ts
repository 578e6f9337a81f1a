/**
 * The static server of the tests and `npm run serve` (scripts/serve.mjs) behaves like the hosts:
 * pages, 404 with the hosts' wildcard headers, each host's page-not-found rule, and nothing outside
 * the served folder, whatever the request path says.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notFoundFile, redirectRules, startServer } from '../../scripts/serve.mjs';

const SECRET = 'secret outside the site';
let parent: string;
let server: Server;
let cloudflare: Server;
let githubPages: Server;

/** GET with the path sent exactly as written (no client-side normalising of `..`). */
function get(
  path: string,
  from = server,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { port } = from.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'clinic-serve-'));
  const site = join(parent, 'dist');
  mkdirSync(join(site, 'pricing'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<p>home</p>');
  writeFileSync(join(site, 'pricing/index.html'), '<p>prices</p>');
  writeFileSync(join(site, '404.html'), '<p>not found</p>');
  mkdirSync(join(site, 'es/precios'), { recursive: true });
  writeFileSync(join(site, 'es/precios/index.html'), '<p>precios</p>');
  writeFileSync(join(site, 'es/404.html'), '<p>no encontrada</p>');
  writeFileSync(
    join(site, '_redirects'),
    '# Page not found in Spanish\n/es/*  /es/404.html  404\n',
  );
  writeFileSync(
    join(site, '_headers'),
    '/*\n  X-Frame-Options: DENY\n\n/pricing/\n  X-Page: prices\n',
  );
  // A sibling whose name starts like the served folder's, and a file above it.
  mkdirSync(join(parent, 'dist-x'));
  writeFileSync(join(parent, 'dist-x/index.html'), SECRET);
  writeFileSync(join(parent, 'dist-x/secret.txt'), SECRET);
  writeFileSync(join(parent, 'secret.txt'), SECRET);
  server = (await startServer({ root: site, port: 0 })) as Server;
  cloudflare = (await startServer({ root: site, port: 0, emulate: 'cloudflare' })) as Server;
  githubPages = (await startServer({ root: site, port: 0, emulate: 'github-pages' })) as Server;
});

afterAll(async () => {
  for (const running of [server, cloudflare, githubPages])
    await new Promise((resolve) => running.close(resolve));
  rmSync(parent, { recursive: true, force: true });
});

describe('the static server', () => {
  test('serves pages with the header rules that match them', async () => {
    const page = await get('/pricing/');
    expect(page.status).toBe(200);
    expect(page.body).toBe('<p>prices</p>');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-page']).toBe('prices');
  });

  test('answers an unknown path with the 404 page and only the wildcard rules', async () => {
    const missing = await get('/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('<p>not found</p>');
    expect(missing.headers['x-frame-options']).toBe('DENY');
    expect(missing.headers['x-page']).toBeUndefined();
  });

  test.each([
    '/../secret.txt',
    '/../dist-x/secret.txt',
    '/..%2fdist-x/',
    '/..%2fdist-x/secret.txt',
    '/..%2f..%2fetc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/pricing/../../dist-x/secret.txt',
  ])('never leaves the served folder: %s', async (path) => {
    const response = await get(path);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
    expect(response.status).toBe(404);
  });
});

describe('each host’s page for a path no file answers', () => {
  test('Netlify: the 404 rule of _redirects for the path, else /404.html', async () => {
    const spanish = await get('/es/no-existe/');
    expect(spanish.status).toBe(404);
    expect(spanish.body).toBe('<p>no encontrada</p>');
    expect(spanish.headers['x-frame-options']).toBe('DENY');
    expect((await get('/es')).body).toBe('<p>no encontrada</p>');
    expect((await get('/est/')).body).toBe('<p>not found</p>');
    expect((await get('/es/precios/')).body).toBe('<p>precios</p>');
  });

  test('Cloudflare Pages: the nearest 404.html up the path', async () => {
    for (const path of ['/es/no-existe/', '/es/a/b/c']) {
      const response = await get(path, cloudflare);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toBe('<p>no encontrada</p>');
    }
    expect((await get('/no-such-page/', cloudflare)).body).toBe('<p>not found</p>');
    expect((await get('/pricing/nope/', cloudflare)).body).toBe('<p>not found</p>');
  });

  test('GitHub Pages: /404.html for every path, and no custom headers', async () => {
    const spanish = await get('/es/no-existe/', githubPages);
    expect(spanish.status).toBe(404);
    expect(spanish.body).toBe('<p>not found</p>');
    expect(spanish.headers['x-frame-options']).toBeUndefined();
    expect((await get('/pricing/', githubPages)).headers['x-page']).toBeUndefined();
  });

  test('a 404 page is never looked for outside the served folder', () => {
    const root = join(parent, 'dist');
    for (const host of ['netlify', 'cloudflare', 'github-pages'] as const) {
      expect(notFoundFile(root, '/..%2fdist-x/', host)).toBe('/404.html');
      expect(notFoundFile(root, '/x/', host, [{ from: '/x/*', to: '/../dist-x/index.html' }])).toBe(
        '/404.html',
      );
    }
  });

  test('a _redirects rule the server does not emulate is refused, naming file and line', async () => {
    const file = join(parent, '_redirects-other');
    writeFileSync(file, '/es/*  /es/404.html  404\n/old/  /new/  301\n');
    await expect(redirectRules(file)).rejects.toThrow(
      `${file}, line 2: "/old/  /new/  301": only 404 rules`,
    );
  });
});
