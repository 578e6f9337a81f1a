import type { APIRoute } from 'astro';
import { LANGUAGES } from '../i18n/languages';
import { getClinic, getPage, getSite } from '../lib/content';

/** Lets phones add the site to the home screen with the clinic's name and icon. */
export const GET: APIRoute = async () => {
  const main = LANGUAGES.main;
  const [clinic, home, site] = await Promise.all([
    getClinic(main),
    getPage('home', main),
    getSite(main),
  ]);
  const manifest = {
    name: clinic.name,
    short_name: clinic.name.length <= 12 ? clinic.name : clinic.name.split(/\s+/)[0],
    description: home.data.description,
    lang: site.language,
    start_url: '/',
    display: 'browser',
    background_color: '#fbfaf7',
    theme_color: clinic.brand.colour,
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
