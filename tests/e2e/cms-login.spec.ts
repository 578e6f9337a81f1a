/**
 * Staff log in to the CMS on the live site through the login that ships with it, as on Netlify:
 * the built site served over HTTPS at its own address (`SITE_URL`, which the browser resolves to
 * this machine), the Netlify Function `netlify/functions/cms-login.ts` at the paths its `config`
 * names, a stand-in for GitHub (its OAuth pages, and the two REST calls Decap makes to log in), and
 * Decap's own "Login with GitHub" button and popup. Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Route } from '@playwright/test';
import { startServer } from '../../scripts/serve.mjs';
import { CMS_BACKEND, SITE_URL } from '../../src/site.config';
import { loginEnvFor, startGitHubStandIn } from '../support/github-stand-in.mjs';
import { withDeploySettings } from '../../src/launch/site-config';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

/** A self-signed certificate for `host` (PEM), made with openssl; the test's browser accepts it. */
function selfSignedCertificate(host: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cms-login-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${host}`,
        '-addext',
        `subjectAltName=DNS:${host}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the site's settings are the login that ships with it, at `origin`. */
const shipsLogin = (origin: string) =>
  CMS_BACKEND.name === 'github' && CMS_BACKEND.base_url === origin;

/**
 * The built site to log in to: `dist/` when its settings are the login that ships with the site
 * (`github` at the site's own address, as shipped and as setup writes them for Netlify and
 * Cloudflare Pages); for a clinic that chose another (Netlify Identity, a login Worker, Netlify's
 * provider), a copy built with the shipped one. Throws, saying so, when `dist/` was not built.
 */
function siteWithShippedLogin(origin: string): { root: string; remove: () => void } {
  if (shipsLogin(origin)) {
    if (!existsSync('dist/admin/index.html')) {
      throw new Error('dist/ has no /admin/: run npm run build first (npm test does)');
    }
    return { root: 'dist', remove: () => undefined };
  }
  const copy = copyProject('clinic-login-', [], { withCms: true });
  const config = join(copy.dir, 'src/site.config.ts');
  writeFileSync(
    config,
    withDeploySettings(readFileSync(config, 'utf8'), { backend: 'github', loginEndpoint: origin }),
  );
  execFileSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { root: join(copy.dir, 'dist'), remove: copy.remove };
}

test('a staff member logs in with GitHub through the site’s own /api/auth; the token reaches the CMS page only', async ({
  playwright,
  launchOptions,
}) => {
  const site = new URL(SITE_URL);
  test.slow(!shipsLogin(site.origin), 'a copy is built first');
  const built = siteWithShippedLogin(site.origin);
  const gitHub = await startGitHubStandIn();
  // The Netlify Function reads its settings from the environment, as on Netlify.
  Object.assign(process.env, loginEnvFor(gitHub), { SITE_ORIGIN: site.origin });
  const { default: login, config } = await import('../../netlify/functions/cms-login');
  const server = await startServer({
    root: built.root,
    port: 0,
    tls: selfSignedCertificate(site.hostname),
    functions: [{ paths: config.path, handler: login }],
  });
  const { port } = server.address() as AddressInfo;
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      `--host-resolver-rules=MAP ${site.hostname} 127.0.0.1:${port}`,
    ],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    // Nothing leaves the machine: the site's host and the stand-in are local; GitHub's REST API is
    // answered from the stand-in's tokens (who is logged in, and that they may write to the repo).
    const apiCalls: { path: string; authorization: string }[] = [];
    await context.route(/^https?:\/\//, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.hostname === site.hostname || url.origin === gitHub.url) return route.fallback();
      if (url.origin !== 'https://api.github.com') return route.abort('blockedbyclient');
      const authorization = (await route.request().headerValue('authorization')) ?? '';
      apiCalls.push({ path: url.pathname, authorization });
      const known = gitHub.tokens.some((token) => authorization === `token ${token}`);
      if (!known) return route.fulfill({ status: 401, json: { message: 'Bad credentials' } });
      if (url.pathname === '/user') {
        return route.fulfill({
          json: { login: 'reception-staff', name: 'Reception', avatar_url: '' },
        });
      }
      if (url.pathname === `/repos/${CMS_BACKEND.repo}`) {
        const [owner = ''] = CMS_BACKEND.repo.split('/');
        return route.fulfill({
          json: { owner: { login: owner }, permissions: { push: true }, default_branch: 'main' },
        });
      }
      return route.fulfill({ status: 404, json: { message: 'Not Found' } });
    });

    const page = await context.newPage();
    await page.goto(`${site.origin}/admin/`);
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Login with GitHub' }).click();
    await (await popup).waitForEvent('close');

    // Logged in: Decap asked GitHub who this is with the token the stand-in issued, and shows its
    // workspace (the collections, the editorial workflow) instead of the login button.
    await expect(page.getByRole('link', { name: 'Workflow' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Login with GitHub' })).toHaveCount(0);
    expect(gitHub.tokens).toHaveLength(1);
    const [token = ''] = gitHub.tokens;
    expect(apiCalls).toContainEqual({ path: '/user', authorization: `token ${token}` });
    // The token travelled in the popup's message and the API's Authorization header only.
    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    await context.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await gitHub.close();
    built.remove();
  }
});
