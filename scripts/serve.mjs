// Serves the built site (`dist/`) the way Netlify and Cloudflare Pages do, for the tests, the
// benchmark and `npm run serve`: files by sirv (`/path/` → `/path/index.html`, never outside
// `dist/`), `404.html` with status 404 for anything else, gzip or brotli by `compression`, and the
// rules of `dist/_headers` read by Netlify's own parser and matched against the requested path, so
// an unknown path gets only what its wildcard rules give, as on the hosts.
import { parseAllHeaders } from '@netlify/headers-parser';
import compression from 'compression';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** The rules of a `_headers` file as Netlify reads them; an error in the file is an error here. */
export async function headerRules(file) {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [file],
    configHeaders: [],
    minimal: false,
  });
  if (errors.length > 0) throw new Error(`${file}: ${errors.map(String).join('; ')}`);
  return headers;
}

/** The headers a host sends for a path: those of every matching rule, added up in order. */
export function headersFor(rules, pathname) {
  const headers = {};
  for (const rule of rules) {
    if (!rule.forRegExp.test(pathname)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
    }
  }
  return headers;
}

export async function startServer({ root = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const rules = await headerRules(join(base, '_headers'));
  const notFoundPage = await readFile(join(base, '404.html')).catch(() => null);
  const compress = compression();
  const files = sirv(base, { dev: true, etag: true });

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(headersFor(rules, pathname)))
      response.setHeader(name, value);
    compress(request, response, () =>
      files(request, response, () => {
        response.statusCode = 404;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(notFoundPage ?? 'Not found');
      }),
    );
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  await startServer({ root: process.argv[2] ?? 'dist', port });
  console.log(`Serving dist on http://127.0.0.1:${port}/`);
}
