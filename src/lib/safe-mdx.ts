/**
 * Keeps content bodies text: the build fails, naming the file, when a body holds MDX code
 * (import/export, `{…}` expressions), any element but the approved components, or a link or image
 * whose address could run script (`javascript:`, `data:`, …). So no edit, in the CMS or by hand in
 * Git, can run script on the public site.
 */
import { fileURLToPath } from 'node:url';
import { problemWith, type MdxNode } from './mdx-rules';

function fail(node: MdxNode, context: { fileURL: URL | undefined }): void {
  const problem = problemWith(node);
  if (!problem) return;
  const file = context.fileURL ? fileURLToPath(context.fileURL) : 'content';
  const line = node.position ? `:${node.position.start.line}` : '';
  throw new Error(`${file}${line}: ${problem}`);
}

/** The check as a plugin of Astro's Markdown processor (Sätteri), for every MDX file. */
export const safeMdxPlugin = {
  name: 'clinic-safe-mdx',
  mdxjsEsm: fail,
  mdxFlowExpression: fail,
  mdxTextExpression: fail,
  mdxJsxFlowElement: fail,
  mdxJsxTextElement: fail,
  link: fail,
  image: fail,
  definition: fail,
};
