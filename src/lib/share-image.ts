import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';

/** The 1200×630 crop that link previews (Open Graph, X/Twitter cards) show, as an absolute URL. */
export async function shareImageUrl(image: ImageMetadata, site: URL): Promise<string> {
  const { src } = await getImage({
    src: image,
    width: 1200,
    height: 630,
    fit: 'cover',
    format: 'jpg',
  });
  return new URL(src, site).href;
}
