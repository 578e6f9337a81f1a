/**
 * Netlify: the CMS's login endpoint at `/api/auth` and `/api/callback` of the site itself (a
 * Netlify Function, built by Netlify from `netlify/functions/`). Its settings are the site's
 * environment variables (`LoginEnv`, src/login/github-login.ts), marked secret where they are.
 */
import { handleLogin, type LoginEnv } from '../../src/login/github-login';

export default (request: Request) => handleLogin(request, process.env as LoginEnv);

/** Netlify's function config: served at these paths of the site (Functions API v2). */
export const config = { path: ['/api/auth', '/api/callback'] };
