/**
 * Cloudflare Pages: the CMS's login endpoint at `/api/auth` and `/api/callback` of the site itself
 * (a Pages Function; Cloudflare builds `functions/` with the site). Its settings are the Pages
 * project's environment variables and secrets (`LoginEnv`, src/login/github-login.ts).
 */
import { handleLogin, type LoginEnv } from '../../src/login/github-login';

/** Pages' `onRequestGet`: the request and the project's variables (`EventContext`'s two used here). */
export const onRequestGet = ({ request, env }: { request: Request; env: LoginEnv }) =>
  handleLogin(request, env);
