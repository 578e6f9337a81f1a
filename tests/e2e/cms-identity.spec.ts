/**
 * Staff log in with Netlify Identity (`CMS_BACKEND.name: 'git-gateway'` in src/site.config.ts), as
 * far as that can be tried without Netlify: a copy of the site built with that setting, served at
 * the clinic's own address. Its /admin/ loads Netlify's widget from the site itself, Decap accepts
 * the configuration and shows its Netlify Identity button, nothing is asked of another origin, and
 * the widget's login form talks to the site's own `/.netlify/identity` (answered here by a
 * stand-in: the settings, and a refused password, as GoTrue answers them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../../scripts/serve.mjs';
import { withDeploySettings } from '../../src/launch/site-config';
import { ASTRO, copyProject } from '../support/project-copy.mjs';

const CLINIC = 'https://clinic.test';
/** GoTrue's answer to a wrong password (`POST /token`, grant_type=password). */
/** GoTrue's answer to an invitation used already or withdrawn (`POST /verify`, type=signup). */
const EXPIRED = { code: 404, msg: 'User not found' };
const REFUSED = {
  error: 'invalid_grant',
  error_description: 'No user found with that email, or password invalid.',
};

// One build for both tests.
test.describe.configure({ mode: 'serial' });

let copy: { dir: string; remove: () => void };
let site: Server;
let origin: string;

test.beforeAll(async () => {
  // A site build on a loaded machine.
  test.setTimeout(180_000);
  copy = copyProject('clinic-identity-', [], { withCms: true });
  const config = join(copy.dir, 'src/site.config.ts');
  // Whatever login the clinic chose, this copy logs in with Netlify Identity, on Netlify.
  writeFileSync(
    config,
    withDeploySettings(readFileSync(config, 'utf8'), { backend: 'git-gateway', host: 'netlify' }),
  );
  execFileSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  site = await startServer({ root: join(copy.dir, 'dist'), port: 0 });
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  if (site) await new Promise((resolve) => site.close(resolve));
  copy?.remove();
});

test('with Netlify Identity, /admin/ loads the widget from the site and logs in at the site’s own /.netlify/identity', async ({
  page,
  context,
}) => {
  // Everything at the clinic's address is answered by the built copy, but Identity, which only
  // Netlify runs; any other origin is recorded and refused.
  const elsewhere: string[] = [];
  const identityCalls: { path: string; body: string }[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== CLINIC) {
      elsewhere.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname.startsWith('/.netlify/identity/')) {
      const path = url.pathname.slice('/.netlify/identity'.length);
      identityCalls.push({ path, body: route.request().postData() ?? '' });
      if (path === '/settings') {
        return route.fulfill({
          json: { external: {}, disable_signup: true, autoconfirm: false },
        });
      }
      if (path === '/token') return route.fulfill({ status: 400, json: REFUSED });
      if (path === '/verify') return route.fulfill({ status: 404, json: EXPIRED });
      return route.fulfill({ status: 404, json: { code: 404, msg: 'Not found' } });
    }
    const response = await route.fetch({ url: `${origin}${url.pathname}${url.search}` });
    return route.fulfill({ response });
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  const widget = page.waitForResponse((response) =>
    /\/_astro\/netlify-identity-widget\.[\w-]+\.js$/.test(response.url()),
  );

  await page.goto(`${CLINIC}/admin/`);
  // The widget, self-hosted: from the site, before Decap (a classic script in the head).
  const script = await widget;
  expect(script.status()).toBe(200);
  expect(new URL(script.url()).origin).toBe(CLINIC);
  const login = page.getByRole('button', { name: 'Login with Netlify Identity' });
  await expect(login).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Error loading the CMS configuration|Config Errors/i)).toHaveCount(0);
  expect(elsewhere, 'requests to other origins before the login button').toEqual([]);

  await login.click();
  const form = page.frameLocator('#netlify-identity-widget');
  await form.getByRole('textbox', { name: /email/i }).fill('reception@clinic.test');
  await form.getByLabel(/password/i).fill('not-the-password');
  // The form's own button (the one above it is the widget's "Log in" tab).
  await form.locator('form').getByRole('button', { name: 'Log in' }).click();
  await expect(form.getByText(REFUSED.error_description)).toBeVisible();
  // The password went to the site's own Identity, and nowhere else.
  const token = identityCalls.find(({ path }) => path === '/token');
  expect(token?.body).toContain('grant_type=password');
  expect(token?.body).toContain('username=reception%40clinic.test');

  // The link of an invitation email (below) opens the widget's form for a new password.
  const invited = await context.newPage();
  invited.on('pageerror', (error) => problems.push(error.message));
  await invited.goto(`${CLINIC}/admin/#invite_token=an-invitation`);
  const signup = invited.frameLocator('#netlify-identity-widget');
  await expect(signup.getByText('Complete your signup')).toBeVisible({ timeout: 60_000 });
  await signup.getByLabel(/password/i).fill('a-new-password');
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByText(EXPIRED.msg)).toBeVisible();
  const verify = identityCalls.find(({ path }) => path === '/verify');
  expect(JSON.parse(verify?.body ?? '{}')).toMatchObject({
    token: 'an-invitation',
    type: 'signup',
    password: 'a-new-password',
  });
  expect(elsewhere, 'requests to other origins').toEqual([]);
  expect(problems, 'errors and policy violations on the page').toEqual([]);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('Netlify’s invitation and password emails, served by the site, lead to /admin/, where the widget is', async () => {
  for (const [email, token] of [
    ['invitation', 'invite_token'],
    ['recovery', 'recovery_token'],
    ['confirmation', 'confirmation_token'],
    ['email-change', 'email_change_token'],
  ]) {
    const response = await fetch(`${origin}/admin/emails/${email}.html`);
    expect(response.status, email).toBe(200);
    const html = await response.text();
    expect(html, email).toContain(`<a href="{{ .SiteURL }}/admin/#${token}={{ .Token }}">`);
    expect(html, email).toContain('Clinic Name (placeholder)');
  }
  // Not pages to be found.
  expect(await (await fetch(`${origin}/sitemap-0.xml`)).text()).not.toContain('/admin/');
});
