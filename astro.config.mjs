// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { SITE_URL } from './src/site.config.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx()],
});
