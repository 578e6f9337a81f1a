// Serves the built site (`dist/`) the way a static host does: `/path/` → `/path/index.html`,
// `/path` → 301 to `/path/` when that folder exists, `404.html` with status 404 otherwise,
// gzip or brotli when the browser accepts it, and the headers of `dist/_headers` (the file
// Netlify and Cloudflare Pages read). Used by the tests, the benchmark and `npm run serve`.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBrotliCompress, createGzip } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

const COMPRESSIBLE = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.webmanifest',
  '.xml',
  '.txt',
  '.svg',
  '.ico',
]);

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Resolves a request path to a file in `root`, or says where to redirect. */
export async function resolveRequest(root, pathname) {
  const decoded = decodeURIComponent(pathname);
  const target = normalize(join(root, decoded));
  if (!target.startsWith(root)) return { status: 404 };
  if (decoded.endsWith('/')) {
    const index = await fileAt(join(target, 'index.html'));
    return index ? { status: 200, file: index } : { status: 404 };
  }
  const file = await fileAt(target);
  if (file) return { status: 200, file };
  if (await fileAt(join(target, 'index.html'))) return { status: 301, location: `${pathname}/` };
  return { status: 404 };
}

/**
 * Rules of a `_headers` file: a path pattern line (`/*` matches anything below), then indented
 * `Name: value` lines. Later rules add to earlier ones, as on Netlify and Cloudflare Pages.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length > 0) {
      const colon = line.indexOf(':');
      rules
        .at(-1)
        .headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

export function headersFor(rules, pathname) {
  const headers = {};
  for (const { pattern, headers: values } of rules) {
    const matches = pattern.endsWith('*')
      ? pathname.startsWith(pattern.slice(0, -1))
      : pathname === pattern;
    if (matches)
      for (const [name, value] of values)
        headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export async function startServer({ root = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const rules = parseHeaders(await readFile(join(base, '_headers'), 'utf8').catch(() => ''));
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let result;
    try {
      result = await resolveRequest(base, url.pathname);
    } catch {
      result = { status: 400 };
    }
    if (result.status === 301) {
      response.writeHead(301, { location: result.location + url.search });
      response.end();
      return;
    }
    const file = result.file ?? (await fileAt(join(base, '404.html')));
    const status = result.file ? 200 : result.status;
    if (!file) {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    const type = extname(file);
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(type)
      ? null
      : /\bbr\b/.test(accepted)
        ? 'br'
        : /\bgzip\b/.test(accepted)
          ? 'gzip'
          : null;
    response.writeHead(status, {
      ...headersFor(rules, result.file ? url.pathname : '/404.html'),
      'content-type': TYPES[type] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(encoding && { 'content-encoding': encoding }),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    if (encoding === 'br') stream.pipe(createBrotliCompress()).pipe(response);
    else if (encoding === 'gzip') stream.pipe(createGzip()).pipe(response);
    else stream.pipe(response);
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  await startServer({ root: process.argv[2] ?? 'dist', port });
  console.log(`Serving dist on http://127.0.0.1:${port}/`);
}
