// A stand-in for GitHub's OAuth endpoints, for the login tests (no test reaches github.com):
// - GET  /login/oauth/authorize: approves at once, or refuses when the test said so (`refuse()`),
//   and sends the browser back to `redirect_uri` with `code` and `state`, as GitHub does;
// - POST /login/oauth/access_token: checks the client id and secret, the code (once only, for its
//   redirect_uri) and the PKCE verifier; answers 200 with `{ access_token }` or, as GitHub does,
//   200 with `{ error }`;
// - GET  /user: the login of the user a token was given to.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

/** The tests' GitHub OAuth App. */
export const OAUTH_APP = { clientId: 'Iv1.clinic', clientSecret: 'secret-of-the-oauth-app' };

/**
 * The login endpoint's settings (`LoginEnv`, src/login/github-login.ts) for `OAUTH_APP` on the
 * stand-in at `url`.
 * @param {{ url: string }} standIn
 * @returns {Record<string, string>}
 */
export const loginEnvFor = ({ url }) => ({
  GITHUB_CLIENT_ID: OAUTH_APP.clientId,
  GITHUB_CLIENT_SECRET: OAUTH_APP.clientSecret,
  GITHUB_URL: url,
  GITHUB_API_URL: url,
});

/**
 * @param {{ clientId: string, clientSecret: string, login?: string }} app
 * @returns {Promise<{ url: string, refuse: (error?: string) => void, tokens: string[], close: () => Promise<void> }>}
 */
export async function startGitHubStandIn({
  clientId,
  clientSecret,
  login = 'reception-staff',
} = OAUTH_APP) {
  /** @type {Map<string, { redirectUri: string, challenge: string }>} */
  const codes = new Map();
  /** @type {string[]} */
  const tokens = [];
  /** @type {string | undefined} */
  let refusal;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const json = (/** @type {unknown} */ body) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (url.searchParams.get('client_id') !== clientId) {
        response.writeHead(404).end('Not Found');
        return;
      }
      if (refusal) {
        back.searchParams.set('error', refusal);
        refusal = undefined;
      } else {
        const code = randomBytes(10).toString('hex');
        codes.set(code, {
          redirectUri: url.searchParams.get('redirect_uri') ?? '',
          challenge: url.searchParams.get('code_challenge') ?? '',
        });
        back.searchParams.set('code', code);
      }
      response.writeHead(302, { Location: back.href }).end();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const form = new URLSearchParams(text);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        json({ error: 'incorrect_client_credentials' });
        return;
      }
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!code) {
        json({ error: 'bad_verification_code' });
        return;
      }
      if (code.redirectUri !== form.get('redirect_uri')) {
        json({ error: 'redirect_uri_mismatch' });
        return;
      }
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (challenge !== code.challenge) {
        json({ error: 'bad_verification_code' });
        return;
      }
      const token = `gho_${randomBytes(16).toString('hex')}`;
      tokens.push(token);
      json({ access_token: token, token_type: 'bearer', scope: 'repo' });
      return;
    }
    if (request.method === 'GET' && url.pathname === '/user') {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!tokens.includes(token)) {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end('{"message":"Bad credentials"}');
        return;
      }
      json({ login });
      return;
    }
    response.writeHead(404).end('Not Found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    refuse: (error = 'access_denied') => {
      refusal = error;
    },
    tokens,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
