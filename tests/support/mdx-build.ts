/** The build's own verdict on a content body, for tests that hold the CMS's checks to it. */
import { mdxToJs } from 'satteri';
import { safeMdxPlugin } from '../../src/lib/safe-mdx';

/**
 * What the build says about `body`: its error message, or undefined when it compiles. The build's
 * compiler (Sätteri, as Astro's MDX integration runs it) with the site's `safeMdxPlugin`.
 */
export function buildProblem(body: string): string | undefined {
  try {
    mdxToJs(body, { mdastPlugins: [safeMdxPlugin] });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
