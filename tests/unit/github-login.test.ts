/**
 * The CMS's login endpoint (src/login/github-login.ts) through its `Request → Response` handler,
 * against a GitHub stand-in (tests/support/github-stand-in.mjs): the whole OAuth round trip, each
 * refusal, and what the popup's page tells Decap's page (its script run with a fake opener).
 */
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { handleLogin, STATE_SECONDS, type LoginEnv } from '../../src/login/github-login';
import { loginEnvFor, OAUTH_APP, startGitHubStandIn } from '../support/github-stand-in.mjs';

const SITE = 'https://clinic.test';

let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
let env: LoginEnv;

beforeAll(async () => {
  github = await startGitHubStandIn();
  env = loginEnvFor(github);
});
afterAll(() => github?.close());

/** The `name=value` of a response's Set-Cookie. */
const cookieOf = (response: Response) => (response.headers.get('Set-Cookie') ?? '').split(';')[0]!;

/** `/api/auth`, then GitHub's page (the stand-in approves or refuses): the callback request. */
async function startLogin(settings: LoginEnv = env) {
  const auth = await handleLogin(
    new Request(`${SITE}/api/auth?provider=github&scope=repo`),
    settings,
  );
  expect(auth.status).toBe(302);
  const atGitHub = await fetch(auth.headers.get('Location')!, { redirect: 'manual' });
  const back = atGitHub.headers.get('Location');
  if (!back) throw new Error(`GitHub's page answered ${atGitHub.status}`);
  return { auth, callbackUrl: back, cookie: cookieOf(auth) };
}

const callback = (url: string, cookie: string, settings: LoginEnv = env) =>
  handleLogin(new Request(url, { headers: { Cookie: cookie } }), settings);

/** Runs the popup page's script with a fake `window`: what it posts, to whom, and when. */
function runPopup(html: string) {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
  const posted: { data: unknown; targetOrigin: string }[] = [];
  const listeners: ((event: { origin: string; data: unknown }) => void)[] = [];
  const window = {
    opener: {
      postMessage: (data: unknown, targetOrigin: string) => posted.push({ data, targetOrigin }),
    },
    addEventListener: (_: string, listener: (typeof listeners)[number]) => listeners.push(listener),
  };
  runInNewContext(script, { window });
  const message = (origin: string, data: unknown) => {
    for (const listener of listeners) listener({ origin, data });
  };
  return { script, posted, message };
}

describe('a login through GitHub', () => {
  test('sends the browser to GitHub with a state bound to it by a short-lived, HttpOnly cookie', async () => {
    const { auth } = await startLogin();
    const location = new URL(auth.headers.get('Location')!);
    expect(location.origin + location.pathname).toBe(`${github.url}/login/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe(OAUTH_APP.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(`${SITE}/api/callback`);
    // The setting's scope, not what the popup's address asked for.
    expect(location.searchParams.get('scope')).toBe('repo');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    const state = location.searchParams.get('state')!;
    expect(state.length).toBeGreaterThanOrEqual(32);
    const setCookie = auth.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(new RegExp(`^__Host-cms-login=${state}\\.`));
    for (const attribute of [
      'HttpOnly',
      'Secure',
      'SameSite=Lax',
      'Path=/',
      `Max-Age=${STATE_SECONDS}`,
    ]) {
      expect(setCookie).toContain(attribute);
    }
    expect(auth.headers.get('Cache-Control')).toBe('no-store');
    const scoped = await startLogin({ ...env, GITHUB_SCOPE: 'public_repo' });
    expect(new URL(scoped.auth.headers.get('Location')!).searchParams.get('scope')).toBe(
      'public_repo',
    );
  });

  test('ends on a page that gives the token to the site’s own page only, after its handshake', async () => {
    const { callbackUrl, cookie } = await startLogin();
    const response = await callback(callbackUrl, cookie);
    expect(response.status).toBe(200);
    const token = github.tokens.at(-1)!;
    const html = await response.text();
    expect(html).toContain('Logged in');
    // The token is in the page's script only: in no header, and the state cookie is cleared.
    for (const [name, value] of response.headers) {
      expect(value, name).not.toContain(token);
    }
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Set-Cookie')).toMatch(/^__Host-cms-login=; .*Max-Age=0/);
    expect(response.headers.get('Content-Security-Policy')).toMatch(
      /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'/,
    );

    const popup = runPopup(html);
    // First the handshake, to the site's origin only (a page elsewhere that opened it gets nothing).
    expect(popup.posted).toEqual([{ data: 'authorizing:github', targetOrigin: SITE }]);
    popup.message('https://attacker.example', 'authorizing:github');
    popup.message(SITE, 'something else');
    expect(popup.posted).toHaveLength(1);
    popup.message(SITE, 'authorizing:github');
    expect(popup.posted[1]).toEqual({
      data: `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`,
      targetOrigin: SITE,
    });
  });

  test('accepts a code once', async () => {
    const { callbackUrl, cookie } = await startLogin();
    expect((await callback(callbackUrl, cookie)).status).toBe(200);
    const again = await callback(callbackUrl, cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used or is too old');
  });
});

describe('a login that cannot complete ends on a page saying what happened and what to do', () => {
  test('without the cookie of the browser that started it (another browser, or a forged link)', async () => {
    const { callbackUrl } = await startLogin();
    const response = await callback(callbackUrl, '');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('not started from this browser');
    expect(html).toContain('Login with GitHub');
    // Decap is told too (it shows the message and closes the popup).
    const popup = runPopup(html);
    popup.message(SITE, 'authorizing:github');
    expect(String(popup.posted[1]?.data)).toMatch(
      /^authorization:github:error:\{"message":".*not started/,
    );
    expect(popup.posted[1]?.targetOrigin).toBe(SITE);
  });

  test('with a state that is not the one in the cookie', async () => {
    const first = await startLogin();
    const second = await startLogin();
    const response = await callback(first.callbackUrl, second.cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('its state differs');
  });

  test('after the state expired', async () => {
    const { callbackUrl, cookie } = await startLogin();
    const old = Math.floor(Date.now() / 1000) - STATE_SECONDS - 1;
    const response = await callback(callbackUrl, cookie.replace(/\.\d+$/, `.${old}`));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('longer than 10 minutes');
  });

  test('when staff clicked Cancel on GitHub', async () => {
    github.refuse('access_denied');
    const { callbackUrl, cookie } = await startLogin();
    const response = await callback(callbackUrl, cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      'GitHub was told not to let the CMS in (&quot;Cancel&quot;',
    );
  });

  test('with a wrong client secret, or none', async () => {
    const { callbackUrl, cookie } = await startLogin();
    const wrong = await callback(callbackUrl, cookie, { ...env, GITHUB_CLIENT_SECRET: 'not-it' });
    expect(wrong.status).toBe(500);
    expect(await wrong.text()).toContain('GitHub refused the OAuth App&#39;s client id or secret');
    const none = await handleLogin(new Request(`${SITE}/api/auth`), {
      ...env,
      GITHUB_CLIENT_SECRET: '',
    });
    expect(none.status).toBe(500);
    expect(await none.text()).toContain('the host has no GITHUB_CLIENT_SECRET');
  });

  test('with a callback address that is not the OAuth App’s', async () => {
    const { callbackUrl, cookie } = await startLogin();
    const elsewhere = callbackUrl.replace(SITE, 'https://www.clinic.test');
    const response = await callback(elsewhere, cookie);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('callback URL is not this site&#39;s /api/callback');
  });

  test('for a GitHub user the clinic did not list', async () => {
    const listed = { ...env, CMS_ALLOWED_USERS: 'therapist-one, Reception-Staff' };
    const allowed = await startLogin(listed);
    expect((await callback(allowed.callbackUrl, allowed.cookie, listed)).status).toBe(200);
    const others = { ...env, CMS_ALLOWED_USERS: 'therapist-one' };
    const refused = await startLogin(others);
    const response = await callback(refused.callbackUrl, refused.cookie, others);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('&quot;reception-staff&quot; is not one of the clinic&#39;s CMS users');
    expect(html).not.toContain(github.tokens.at(-1)!);
  });

  test('a GitHub on plain http that is not this machine is refused; other paths are not found', async () => {
    const remote = { ...env, GITHUB_URL: 'http://github.example.com' };
    expect(await (await handleLogin(new Request(`${SITE}/api/auth`), remote)).text()).toContain(
      'GITHUB_URL must be an https:// address',
    );
    expect((await handleLogin(new Request(`${SITE}/api/other`), env)).status).toBe(404);
    expect(
      (await handleLogin(new Request(`${SITE}/api/auth`, { method: 'POST' }), env)).status,
    ).toBe(404);
  });
});
