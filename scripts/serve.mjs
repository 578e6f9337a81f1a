// Serves the built site (`dist/`) the way the hosts do, for the tests, the benchmark and
// `npm run serve`: files by sirv (`/path/` → `/path/index.html`, never outside `dist/`), gzip or
// brotli by `compression`, and the rules of `dist/_headers` read by Netlify's own parser and matched
// against the requested path, so an unknown path gets only what its wildcard rules give, as on the
// hosts. Anything no file answers gets a 404 page with status 404, chosen by the rule of the host
// emulated (`emulate`, `notFoundFile`): Netlify (the default), Cloudflare Pages or GitHub Pages,
// which also sends no custom headers. Optionally over HTTPS (`tls`), and with Netlify Functions at
// the paths their `config.path` names (`functions`), as Netlify serves them beside the files: the
// CMS login test serves the site and its login so.
import { parseAllHeaders } from '@netlify/headers-parser';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Readable } from 'node:stream';
import { join, resolve, sep } from 'node:path';
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
 * The rules of a Netlify `_redirects` file (https://docs.netlify.com/manage/routing/redirects/overview/)
 * that this server emulates: `from  to  404`, where `from` is a path or ends in `/*`; none when
 * there is no file. The site writes only such rules (src/integrations/not-found-pages.ts).
 * @param {string} file
 * @returns {Promise<{ from: string, to: string, status: number }[]>}
 * @throws Error naming the file and line of a rule of another kind (a redirect, a rewrite, a
 *   placeholder), which this server does not emulate.
 */
export async function redirectRules(file) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').flatMap((line, index) => {
    const rule = line.replace(/#.*$/, '').trim();
    if (!rule) return [];
    const [from = '', to = '', status = ''] = rule.split(/\s+/);
    if (status !== '404' || !from.startsWith('/') || /:\w|\*(?!$)/.test(from)) {
      throw new Error(
        `${file}, line ${index + 1}: "${rule}": only 404 rules from a path or a path/* are emulated`,
      );
    }
    return [{ from, to, status: 404 }];
  });
}

/** The hosts whose rule for a path no file answers `notFoundFile` knows. */
export const HOSTS = /** @type {const} */ (['netlify', 'cloudflare', 'github-pages']);

/**
 * The file (`/es/404.html`) a host serves, with status 404, for `pathname` when no file answers it:
 * - `netlify`: the target of the first `404` rule of `_redirects` (`rules`) whose path matches
 *   (`/es/*` matches `/es` and everything under it), else `/404.html`;
 * - `cloudflare`: the nearest `404.html` up the path's folders, ending at `/404.html`
 *   (https://developers.cloudflare.com/pages/configuration/serving-pages/#not-found-behavior);
 * - `github-pages`: `/404.html`, whatever the path.
 * Only files inside `root` are considered; undefined when there is none.
 * @param {string} root
 * @param {string} pathname as requested, not decoded
 * @param {(typeof HOSTS)[number]} host
 * @param {{ from: string, to: string }[]} [rules] Netlify's, from `redirectRules`
 * @returns {string | undefined}
 */
export function notFoundFile(root, pathname, host, rules = []) {
  const inside = (/** @type {string} */ path) => {
    const full = resolve(root, `.${path}`);
    return full.startsWith(`${resolve(root)}${sep}`) && existsSync(full) ? path : undefined;
  };
  if (host === 'netlify') {
    const rule = rules.find(({ from }) =>
      from.endsWith('/*')
        ? pathname === from.slice(0, -2) || pathname.startsWith(from.slice(0, -1))
        : pathname === from,
    );
    if (rule) return inside(rule.to) ?? inside('/404.html');
  }
  if (host === 'cloudflare') {
    const folders = pathname.split('/').slice(1, -1);
    for (let depth = folders.length; depth > 0; depth--) {
      const found = inside(`/${folders.slice(0, depth).join('/')}/404.html`);
      if (found) return found;
    }
  }
  return inside('/404.html');
}

/**
 * A Netlify Function (Functions API v2) and the paths it answers, its `config.path`.
 * @typedef {{ paths: string[], handler: (request: Request) => Response | Promise<Response> }} SiteFunction
 */

/**
 * Serves `root` on `host:port` (HTTP, or HTTPS with `tls`'s PEM `key` and `cert`) as host `emulate`
 * serves it (see `siteListener`); resolves with the listening server, rejects when it cannot
 * listen there (the port in use).
 * @param {{ root?: string, port?: number, host?: string, emulate?: (typeof HOSTS)[number], tls?: { key: string, cert: string }, functions?: SiteFunction[] }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export async function startServer({ port = 4321, host = '127.0.0.1', tls, ...site } = {}) {
  const listener = await siteListener({ ...site, scheme: tls ? 'https' : 'http' });
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready(server));
  });
}

/**
 * What answers each request for `root` as host `emulate` serves it: its `_headers` (GitHub Pages
 * sends none), its page for a path no file answers, and each of `functions` answering its paths
 * before the files (over `scheme`, the server's).
 * @param {{ root?: string, emulate?: (typeof HOSTS)[number], functions?: SiteFunction[], scheme?: 'http' | 'https' }} [options]
 * @returns {Promise<import('node:http').RequestListener>}
 */
export async function siteListener({
  root = 'dist',
  emulate = 'netlify',
  functions = [],
  scheme = 'http',
} = {}) {
  const base = resolve(root);
  const rules = emulate === 'github-pages' ? [] : await headerRules(join(base, '_headers'));
  const notFoundRules = emulate === 'netlify' ? await redirectRules(join(base, '_redirects')) : [];
  const compress = compression();
  const files = sirv(base, { dev: true, etag: true });

  return (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const siteFunction = functions.find(({ paths }) => paths.includes(pathname));
    if (siteFunction) {
      void answerWith(siteFunction.handler, request, response, scheme);
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rules, pathname)))
      response.setHeader(name, value);
    compress(request, response, () =>
      files(request, response, () => {
        const page = notFoundFile(base, pathname, emulate, notFoundRules);
        response.statusCode = 404;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        if (!page) response.end('Not found');
        else void readFile(join(base, page)).then((html) => response.end(html));
      }),
    );
  };
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
  const emulate = /** @type {(typeof HOSTS)[number]} */ (process.env.SERVE_AS ?? 'netlify');
  if (!HOSTS.includes(emulate)) throw new Error(`SERVE_AS: one of ${HOSTS.join(', ')}`);
  await startServer({ root: process.argv[2] ?? 'dist', port, emulate });
  console.log(`Serving dist on http://127.0.0.1:${port}/ as ${emulate} serves it`);
}
