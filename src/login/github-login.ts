/**
 * The CMS's login endpoint for the GitHub backend, shipped with the site: Decap's login popup opens
 * `/api/auth`, which sends the browser to GitHub's authorize page; GitHub sends it back to
 * `/api/callback`, which exchanges the code for a token with the OAuth App's client secret and
 * answers with a page that completes Decap's handshake (`authorizing:github`, then
 * `authorization:github:success:{…}` or `…:error:{…}`; decap-cms-lib-auth's `netlify-auth.js`).
 *
 * One `Request → Response` function (`handleLogin`), run as a Cloudflare Pages Function
 * (`functions/api/[[path]].ts`), a Netlify Function (`netlify/functions/cms-login.ts`) and a
 * Cloudflare Worker (`login-worker/worker.ts`, for a site on GitHub Pages). OAuth itself is
 * `oauth4webapi` (state, PKCE, the token request and its checks), not hand-written.
 *
 * Stricter than the public Decap OAuth workers, which post the token to `'*'`:
 * - a random `state` and a PKCE verifier, bound to the browser by an HttpOnly, Secure,
 *   SameSite=Lax `__Host-` cookie that lasts `STATE_SECONDS`, checked on the callback;
 * - the token is posted only to the site's own origin, and only after the opener's handshake
 *   came from that origin (a page elsewhere that opens the popup receives nothing);
 * - `Cache-Control: no-store`; the token is in no URL, header or log line;
 * - the scope is one setting (`public_repo` or `repo`), never what the popup's URL asks;
 * - optionally, only listed GitHub users receive a token.
 */
import * as oauth from 'oauth4webapi';

/** How long a login may take between `/api/auth` and `/api/callback`, in seconds. */
export const STATE_SECONDS = 600;
const COOKIE = '__Host-cms-login';

/** The host's settings (environment variables or secrets), as read by `loginSettings`. */
export interface LoginEnv {
  /** The GitHub OAuth App's client id. */
  GITHUB_CLIENT_ID?: string;
  /** The OAuth App's client secret: a secret of the host, never in the repository. */
  GITHUB_CLIENT_SECRET?: string;
  /** `repo` (a private repository, the default) or `public_repo` (a public one). */
  GITHUB_SCOPE?: string;
  /** GitHub user names allowed to log in, separated by commas or spaces; empty: anyone GitHub lets write. */
  CMS_ALLOWED_USERS?: string;
  /** GitHub's address, for GitHub Enterprise Server (`https://github.example.com`); default GitHub. */
  GITHUB_URL?: string;
  /** GitHub's REST API, for the allowed-users check; default `https://api.github.com`. */
  GITHUB_API_URL?: string;
  /**
   * The address of the site whose CMS page may receive the token (`https://clinic.example`), when
   * this endpoint is on another origin (the Worker beside a site on GitHub Pages); by default the
   * endpoint's own origin (a Pages or Netlify Function of the site itself).
   */
  SITE_ORIGIN?: string;
}

interface Settings {
  /** The origin of the CMS page given the token, or undefined for the endpoint's own. */
  siteOrigin: string | undefined;
  clientId: string;
  clientSecret: string;
  scope: 'repo' | 'public_repo';
  allowedUsers: string[];
  server: oauth.AuthorizationServer;
  apiUrl: string;
  /** Plain http is allowed for a GitHub on this machine only (the tests' stand-in). */
  insecure: boolean;
}

/** A login that ended, in words for staff: what happened and what to do. */
class LoginProblem extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const isLocal = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** `SITE_ORIGIN` as an origin (`https://clinic.example`), or undefined when unset or no address. */
function siteOriginOf(env: LoginEnv): string | undefined {
  const origin = URL.parse(env.SITE_ORIGIN?.trim() ?? '')?.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

/** Where GitHub sends the browser back: `callback` beside the `auth` or `callback` requested. */
const callbackUrl = (request: Request) => {
  const url = new URL(request.url);
  return new URL(url.pathname.replace(/(auth|callback)\/?$/, 'callback'), url).href;
};

/**
 * The settings from the host's environment.
 * @throws LoginProblem naming the setting that is missing or wrong.
 */
function loginSettings(env: LoginEnv): Settings {
  const clientId = env.GITHUB_CLIENT_ID?.trim();
  const clientSecret = env.GITHUB_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    throw new LoginProblem(
      `The login is not set up: the host has no ${clientId ? 'GITHUB_CLIENT_SECRET' : 'GITHUB_CLIENT_ID'}. Whoever runs the site sets it from the GitHub OAuth App (docs/go-live.md, "CMS login").`,
      500,
    );
  }
  const scope = (env.GITHUB_SCOPE?.trim() || 'repo') as Settings['scope'];
  if (scope !== 'repo' && scope !== 'public_repo') {
    throw new LoginProblem(
      `The login is not set up: GITHUB_SCOPE is "${scope}"; it must be "repo" (a private repository) or "public_repo" (a public one).`,
      500,
    );
  }
  const github = new URL(env.GITHUB_URL?.trim() || 'https://github.com');
  const api = new URL(env.GITHUB_API_URL?.trim() || 'https://api.github.com');
  const insecure = github.protocol === 'http:' || api.protocol === 'http:';
  if (insecure && !(isLocal(github) && isLocal(api))) {
    throw new LoginProblem('The login is not set up: GITHUB_URL must be an https:// address.', 500);
  }
  const base = github.href.replace(/\/$/, '');
  const siteOrigin = siteOriginOf(env);
  if (env.SITE_ORIGIN?.trim() && !siteOrigin) {
    throw new LoginProblem(
      `The login is not set up: SITE_ORIGIN is "${env.SITE_ORIGIN}"; it must be the site's address, such as https://clinic.example.`,
      500,
    );
  }
  return {
    siteOrigin,
    clientId,
    clientSecret,
    scope,
    allowedUsers: (env.CMS_ALLOWED_USERS ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((user) => user.toLowerCase()),
    server: {
      issuer: base,
      authorization_endpoint: `${base}/login/oauth/authorize`,
      token_endpoint: `${base}/login/oauth/access_token`,
    },
    apiUrl: api.href.replace(/\/$/, ''),
    insecure,
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/**
 * The popup's page: `message` for anyone reading it, and a script that tells Decap's page (the
 * opener, if it is on `origin`) the outcome. `outcome` is `success` with `{ token, provider }` or
 * `error` with `{ message }`. The script answers only a handshake from `origin` and posts only
 * to `origin`.
 */
async function popupPage(
  origin: string,
  outcome: 'success' | 'error',
  data: Record<string, string>,
  message: string,
  status = 200,
): Promise<Response> {
  const payload = `authorization:github:${outcome}:${JSON.stringify(data)}`;
  // JSON in a script: `<` escaped so that nothing in it can close the script element.
  const script = `(() => {
  const origin = ${JSON.stringify(origin).replace(/</g, '\\u003c')};
  const payload = ${JSON.stringify(payload).replace(/</g, '\\u003c')};
  if (!window.opener) return;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.data !== 'authorizing:github') return;
    window.opener.postMessage(payload, origin);
  });
  window.opener.postMessage('authorizing:github', origin);
})();`;
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CMS login</title></head>
<body><main><h1>CMS login</h1><p>${escapeHtml(message)}</p></main><script>${script}</script></body>
</html>`;
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': `default-src 'none'; script-src 'sha256-${await sha256Base64(script)}'; frame-ancestors 'none'; base-uri 'none'`,
      // The state cookie has done its work (or failed): gone either way.
      'Set-Cookie': `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}

/** `/api/auth`: a new state and PKCE verifier in the cookie, and off to GitHub. */
async function authorize(request: Request, settings: Settings): Promise<Response> {
  const state = oauth.generateRandomState();
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(settings.server.authorization_endpoint!);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', callbackUrl(request));
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('allow_signup', 'false');
  const issued = Math.floor(Date.now() / 1000);
  return new Response(null, {
    status: 302,
    headers: {
      Location: url.href,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Set-Cookie': `${COOKIE}=${state}.${verifier}.${issued}; Path=/; Max-Age=${STATE_SECONDS}; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}

function cookieOf(request: Request): string | undefined {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

const START_AGAIN = 'Close this window and click "Login with GitHub" again.';

/** GitHub's token endpoint answers 200 with `{ error }` (not an OAuth error status): in words. */
function tokenProblem(error: string): LoginProblem {
  switch (error) {
    case 'bad_verification_code':
      return new LoginProblem(`This login link was already used or is too old. ${START_AGAIN}`);
    case 'incorrect_client_credentials':
      return new LoginProblem(
        "The login is not set up: GitHub refused the OAuth App's client id or secret. Whoever runs the site checks GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET against the OAuth App (docs/go-live.md).",
        500,
      );
    case 'redirect_uri_mismatch':
      return new LoginProblem(
        "The login is not set up: the OAuth App's callback URL is not this site's /api/callback. Whoever runs the site corrects it in the OAuth App's settings on GitHub (docs/go-live.md).",
        500,
      );
    default:
      return new LoginProblem(`GitHub refused the login (${error}). ${START_AGAIN}`);
  }
}

/** `/api/callback`: the state checked, the code exchanged, the user checked, the token passed on. */
async function callback(request: Request, settings: Settings): Promise<Response> {
  const url = new URL(request.url);
  const [state, verifier, issued] = (cookieOf(request) ?? '').split('.');
  if (!state || !verifier || !issued) {
    throw new LoginProblem(
      `This login was not started from this browser's CMS page (or cookies are blocked). ${START_AGAIN}`,
    );
  }
  if (Date.now() / 1000 - Number(issued) > STATE_SECONDS) {
    throw new LoginProblem(
      `This login took longer than ${STATE_SECONDS / 60} minutes. ${START_AGAIN}`,
    );
  }
  const client: oauth.Client = { client_id: settings.clientId };
  // oauth4webapi marks this option deprecated so that it stands out: it is for a GitHub on this
  // machine only (loginSettings refuses plain http anywhere else).
  const options = settings.insecure ? { [oauth.allowInsecureRequests]: true } : {};
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(settings.server, client, url, state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError && error.error === 'access_denied') {
      throw new LoginProblem(
        `GitHub was told not to let the CMS in ("Cancel" on GitHub's page). ${START_AGAIN}`,
      );
    }
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new LoginProblem(`GitHub refused the login (${error.error}). ${START_AGAIN}`);
    }
    throw new LoginProblem(
      `This login does not match the one this browser started (its state differs). ${START_AGAIN}`,
    );
  }
  const response = await oauth.authorizationCodeGrantRequest(
    settings.server,
    client,
    oauth.ClientSecretPost(settings.clientSecret),
    parameters,
    callbackUrl(request),
    verifier,
    options,
  );
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: unknown } | undefined;
  if (typeof body?.error === 'string') throw tokenProblem(body.error);
  let token: string;
  try {
    token = (await oauth.processAuthorizationCodeResponse(settings.server, client, response))
      .access_token;
  } catch {
    throw new LoginProblem(
      `GitHub did not answer as expected (${response.status}). ${START_AGAIN}`,
      502,
    );
  }
  if (settings.allowedUsers.length > 0) {
    const user = await fetch(`${settings.apiUrl}/user`, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/vnd.github+json',
        'User-Agent': 'clinic-cms-login',
      },
    });
    const login = user.ok ? String(((await user.json()) as { login?: unknown }).login ?? '') : '';
    if (!settings.allowedUsers.includes(login.toLowerCase())) {
      throw new LoginProblem(
        `The GitHub account ${login ? `"${login}" ` : ''}is not one of the clinic's CMS users. Ask whoever runs the site to add it to CMS_ALLOWED_USERS, or log in to GitHub with your clinic account.`,
        403,
      );
    }
  }
  return popupPage(
    settings.siteOrigin ?? url.origin,
    'success',
    { token, provider: 'github' },
    'Logged in. This window closes by itself.',
  );
}

/**
 * Answers `/api/auth` and `/api/callback` (any path ending so: the host may mount the function
 * under a prefix); anything else is 404.
 * @param request the browser's request, its URL the site's own address.
 * @param env the host's settings (`LoginEnv`).
 * @returns a redirect to GitHub, or the popup's page (200 with the token; 4xx or 5xx with what
 *   went wrong in words, posted to Decap as `authorization:github:error:{ message }`).
 */
export async function handleLogin(request: Request, env: LoginEnv): Promise<Response> {
  const url = new URL(request.url);
  const route = /\/api\/(auth|callback)\/?$/.exec(url.pathname)?.[1];
  if (!route || request.method !== 'GET') {
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  try {
    const settings = loginSettings(env);
    return route === 'auth'
      ? await authorize(request, settings)
      : await callback(request, settings);
  } catch (error) {
    const problem =
      error instanceof LoginProblem
        ? error
        : new LoginProblem(`The login failed on the site's side. ${START_AGAIN}`, 500);
    return popupPage(
      siteOriginOf(env) ?? url.origin,
      'error',
      { message: problem.message },
      problem.message,
      problem.status,
    );
  }
}
