/**
 * Keeps content bodies text: the build fails, naming the file, when a body holds MDX code
 * (import/export, `{…}` expressions), any element but the approved components, or a link or image
 * whose address could run script (`javascript:`, `data:`, …). So no edit, in the CMS or by hand in
 * Git, can run script on the public site.
 */
import { fileURLToPath } from 'node:url';
import { APPROVED_COMPONENTS, linkProblem } from './mdx-text';

export interface MdxNode {
  type: string;
  url?: string;
  name?: string | null;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } } | undefined;
}

const ALLOWED_ATTRIBUTES: Record<string, RegExp> = { minutes: /^\d{1,3}$/ };

/** What is wrong with an MDX node in content text, or undefined when it is allowed. */
export function problemWith(node: MdxNode): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return 'import and export statements are not allowed in content text';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'found a {…} expression: write \\{ and \\} to show braces in content text';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!(APPROVED_COMPONENTS as readonly string[]).includes(name)) {
        const approved = APPROVED_COMPONENTS.map((component) => `<${component}>`).join(' and ');
        return `found <${name || '>'}: only ${approved} may be used in content text; write \\< to show a "<"`;
      }
      for (const attribute of node.attributes ?? []) {
        const rule = attribute.name ? ALLOWED_ATTRIBUTES[attribute.name] : undefined;
        if (!rule || typeof attribute.value !== 'string' || !rule.test(attribute.value)) {
          return `<${name}> does not take the attribute ${attribute.name ?? '{…}'} written this way`;
        }
      }
      return undefined;
    }
    case 'link':
    case 'image':
    case 'definition':
      return linkProblem(node.url ?? '');
    default:
      return undefined;
  }
}

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
