/**
 * Netlify Identity's emails for a CMS login by invitation (`CMS_BACKEND.name: 'git-gateway'`).
 * Netlify's own templates link to the site's home page (`/#invite_token=…`), where this site loads
 * no login widget (public pages ship no script for it); these link to /admin/, where it is. Netlify
 * reads them from the site, at the paths set under Identity › Emails (docs/go-live.md, "Staff
 * without GitHub accounts"), and fills in GoTrue's template values: `{{ .SiteURL }}`,
 * `{{ .Token }}`, `{{ .Email }}`, `{{ .NewEmail }}`. The widget reads the `…_token` it is given
 * from the address (`(confirmation|invite|recovery|email_change)_token=` in netlify-identity-widget).
 */

/** Each email: its file under /admin/emails/, and what it says. */
export const IDENTITY_EMAILS = {
  invitation: {
    subject: 'You are invited to edit the website of {clinic}',
    lines: [
      'You have been invited to edit the website of {clinic}.',
      'Follow this link to choose your password, then sign in with {{ .Email }}:',
    ],
    link: { text: 'Accept the invitation', token: 'invite_token' },
  },
  recovery: {
    subject: 'Choose a new password for the website of {clinic}',
    lines: [
      'Someone asked to reset the password of {{ .Email }}. If it was you, follow this link:',
    ],
    link: { text: 'Choose a new password', token: 'recovery_token' },
  },
  confirmation: {
    subject: 'Confirm your email address for the website of {clinic}',
    lines: ['Follow this link to confirm {{ .Email }}:'],
    link: { text: 'Confirm your email address', token: 'confirmation_token' },
  },
  'email-change': {
    subject: 'Confirm your new email address for the website of {clinic}',
    lines: ['Follow this link to sign in with {{ .NewEmail }} from now on:'],
    link: { text: 'Confirm the change', token: 'email_change_token' },
  },
} as const;

export type IdentityEmail = keyof typeof IDENTITY_EMAILS;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The HTML of `email` for the clinic named `clinic`: a short document whose link opens /admin/
 * with the token, for Netlify to fill in and send. The clinic's name is escaped; the `{{ … }}`
 * values are GoTrue's and stay as they are.
 */
export function identityEmail(email: IdentityEmail, clinic: string): string {
  const { subject, lines, link } = IDENTITY_EMAILS[email];
  const words = (text: string) => text.replaceAll('{clinic}', escapeHtml(clinic));
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${words(subject)}</title></head>`,
    '<body>',
    ...lines.map((line) => `<p>${words(line)}</p>`),
    `<p><a href="{{ .SiteURL }}/admin/#${link.token}={{ .Token }}">${link.text}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
