/**
 * The login endpoint as each host runs it, against the GitHub stand-in: the Cloudflare Pages
 * Function and the Worker in the Workers runtime (workerd, through Miniflare, each bundled by
 * esbuild as wrangler does), the Netlify Function through its `Request → Response` default export.
 * A whole login each: `/api/auth`, GitHub's page, `/api/callback`, the token for the CMS page.
 */
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LoginEnv } from '../../src/login/github-login';
import { loginEnvFor, startGitHubStandIn } from '../support/github-stand-in.mjs';

const ROOT = join(import.meta.dirname, '../..');
let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
let env: Record<string, string>;

beforeAll(async () => {
  github = await startGitHubStandIn();
  env = loginEnvFor(github);
});
afterAll(() => github?.close());

/** One ES module for workerd: `entry` (its imports bundled in), as `wrangler` would ship it. */
async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2024',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** A whole login through `fetchFrom` (the host's runtime), from `site`; the callback's response. */
async function logIn(fetchFrom: Fetch, site: string) {
  const auth = await fetchFrom(`${site}/api/auth?provider=github`, { redirect: 'manual' });
  expect(auth.status).toBe(302);
  const cookie = (auth.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/^__Host-cms-login=\S+/);
  const atGitHub = await fetch(auth.headers.get('Location')!, { redirect: 'manual' });
  const back = atGitHub.headers.get('Location')!;
  expect(back.startsWith(`${site}/api/callback?`)).toBe(true);
  return fetchFrom(back, { headers: { Cookie: cookie }, redirect: 'manual' });
}

async function inWorkerd(script: string, bindings: Record<string, string>) {
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-07-30',
    bindings,
  });
  await miniflare.ready;
  const fetchFrom: Fetch = async (url, init) => {
    const response = await miniflare.dispatchFetch(url, init as never);
    // Read here: Miniflare's response body does not outlive the runtime.
    const body = await response.text();
    return new Response(response.status === 302 ? null : body, {
      status: response.status,
      headers: Object.fromEntries(response.headers as unknown as Iterable<[string, string]>),
    });
  };
  return { fetchFrom, dispose: () => miniflare.dispose() };
}

test('the Cloudflare Pages Function logs staff in, in the Workers runtime', async () => {
  const script = await bundle(
    `import { onRequestGet } from './functions/api/[[path]].ts';
     export default { fetch: (request, env) => onRequestGet({ request, env }) };`,
  );
  const workerd = await inWorkerd(script, env);
  try {
    const response = await logIn(workerd.fetchFrom, 'https://clinic.test');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(github.tokens.at(-1)!);
    // The token goes to the site's own origin only.
    expect(html).toContain('const origin = "https://clinic.test"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  } finally {
    await workerd.dispose();
  }
});

test('the Worker beside a site on GitHub Pages gives the token to that site’s page only', async () => {
  const script = await bundle(`export { default } from './login-worker/worker.ts';`);
  const workerd = await inWorkerd(script, { ...env, SITE_ORIGIN: 'https://clinic.github.io/' });
  try {
    const response = await logIn(workerd.fetchFrom, 'https://cms-login.clinic.workers.dev');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('const origin = "https://clinic.github.io"');
    expect(html).toContain(github.tokens.at(-1)!);
  } finally {
    await workerd.dispose();
  }
});

test('the Netlify Function logs staff in, at the paths its config names', async () => {
  const { default: handler, config } = await import('../../netlify/functions/cms-login');
  expect(config.path).toEqual(['/api/auth', '/api/callback']);
  const saved = { ...process.env };
  Object.assign(process.env, env satisfies LoginEnv);
  try {
    const response = await logIn(
      (url, init) => handler(new Request(url, init)),
      'https://clinic.netlify.app',
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(github.tokens.at(-1)!);
  } finally {
    for (const name of Object.keys(env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
});
