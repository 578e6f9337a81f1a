/**
 * Netlify Identity's email templates (src/cms/identity-emails.ts), at /admin/emails/<name>.html:
 * built only when staff log in with Netlify Identity (`CMS_BACKEND.name: 'git-gateway'`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { IDENTITY_EMAILS, identityEmail, type IdentityEmail } from '../../../cms/identity-emails';
import { LANGUAGES } from '../../../i18n/languages';
import { getClinic } from '../../../lib/content';
import { CMS_BACKEND } from '../../../site.config';

export const getStaticPaths = (() =>
  CMS_BACKEND.name === 'git-gateway'
    ? Object.keys(IDENTITY_EMAILS).map((email) => ({ params: { email: `${email}.html` } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const email = String(params['email']).replace(/\.html$/, '') as IdentityEmail;
  const { name } = await getClinic(LANGUAGES.main);
  return new Response(identityEmail(email, name), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
};
