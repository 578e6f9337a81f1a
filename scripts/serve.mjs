// Serves the built site (`dist/`) the way a static host does: `/path/` → `/path/index.html`,
// `/path` → 301 to `/path/` when that folder exists, and `404.html` with status 404 otherwise.
// Used by the end-to-end tests and `npm run serve`; it is not a production server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function startServer({ root = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
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
    response.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  await startServer({ root: process.argv[2] ?? 'dist', port });
  console.log(`Serving dist on http://127.0.0.1:${port}/`);
}
