// Serves the built site (`dist/`) the way Netlify and Cloudflare Pages do, for the tests, the
// benchmark and `npm run serve`: files by sirv (`/path/` → `/path/index.html`, never outside
// `dist/`), `404.html` with status 404 for anything else, gzip or brotli by `compression`, and the
// rules of `dist/_headers` read by Netlify's own parser and matched against the requested path, so
// an unknown path gets only what its wildcard rules give, as on the hosts. Optionally over HTTPS
// (`tls`), and with Netlify Functions at the paths their `config.path` names (`functions`), as
// Netlify serves them beside the files: the CMS login test serves the site and its login so.
import { parseAllHeaders } from '@netlify/headers-parser';
import compression from 'compression';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Readable } from 'node:stream';
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

/**
 * A Netlify Function (Functions API v2) and the paths it answers, its `config.path`.
 * @typedef {{ paths: string[], handler: (request: Request) => Response | Promise<Response> }} SiteFunction
 */

/**
 * Serves `root` on `host:port` (HTTP, or HTTPS with `tls`'s PEM `key` and `cert`), with each of
 * `functions` answering its paths before the files; resolves with the listening server, rejects
 * when it cannot listen there (the port in use).
 * @param {{ root?: string, port?: number, host?: string, tls?: { key: string, cert: string }, functions?: SiteFunction[] }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export async function startServer({
  root = 'dist',
  port = 4321,
  host = '127.0.0.1',
  tls,
  functions = [],
} = {}) {
  const base = resolve(root);
  const rules = await headerRules(join(base, '_headers'));
  const notFoundPage = await readFile(join(base, '404.html')).catch(() => null);
  const compress = compression();
  const files = sirv(base, { dev: true, etag: true });

  /** @type {import('node:http').RequestListener} */
  const listener = (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const siteFunction = functions.find(({ paths }) => paths.includes(pathname));
    if (siteFunction) {
      void answerWith(siteFunction.handler, request, response, tls ? 'https' : 'http');
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rules, pathname)))
      response.setHeader(name, value);
    compress(request, response, () =>
      files(request, response, () => {
        response.statusCode = 404;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(notFoundPage ?? 'Not found');
      }),
    );
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready(server));
  });
}

/**
 * Answers a Node request with a `Request → Response` function, as a host runs it: the request's
 * URL from its Host header, its method, headers and body; each `Set-Cookie` kept apart.
 * @param {SiteFunction['handler']} handler
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {'http' | 'https'} scheme
 */
async function answerWith(handler, request, response, scheme) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const withBody = request.method !== 'GET' && request.method !== 'HEAD';
  const answer = await handler(
    new Request(`${scheme}://${request.headers.host}${request.url}`, {
      method: request.method,
      headers,
      ...(withBody && { body: Readable.toWeb(request), duplex: 'half' }),
    }),
  );
  const cookies = answer.headers.getSetCookie();
  response.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    if (name !== 'set-cookie') response.setHeader(name, value);
  }
  if (cookies.length) response.setHeader('set-cookie', cookies);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  await startServer({ root: process.argv[2] ?? 'dist', port });
  console.log(`Serving dist on http://127.0.0.1:${port}/`);
}
