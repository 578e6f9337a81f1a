/**
 * The static server of the tests and `npm run serve` (scripts/serve.mjs) behaves like the hosts:
 * pages, 404 with the hosts' wildcard headers, and nothing outside the served folder, whatever the
 * request path says.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';

const SECRET = 'secret outside the site';
let parent: string;
let server: Server;

/** GET with the path sent exactly as written (no client-side normalising of `..`). */
function get(
  path: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { port } = server.address() as AddressInfo;
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
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
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
