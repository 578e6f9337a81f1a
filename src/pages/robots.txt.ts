import type { APIRoute } from 'astro';

/** Crawlers may read everything but the CMS, and find the sitemap at the site's own URL. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site);
  return new Response(`User-agent: *\nDisallow: /admin/\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
