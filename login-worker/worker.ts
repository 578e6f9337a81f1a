/**
 * A Cloudflare Worker: the CMS's login endpoint for a site on a host that runs no functions (GitHub
 * Pages). Deployed on its own (`login-worker/wrangler.toml`, docs/go-live.md); `SITE_ORIGIN` names
 * the site whose CMS page may receive the token.
 */
import { handleLogin, type LoginEnv } from '../src/login/github-login';

export default {
  fetch: (request: Request, env: LoginEnv) => handleLogin(request, env),
};
