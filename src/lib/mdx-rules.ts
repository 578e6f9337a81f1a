/**
 * What content text may hold, as MDX nodes: text, links and images to safe addresses, and the two
 * approved components (src/lib/mdx-text.ts). The build applies `problemWith` to every MDX file
 * (`safeMdxPlugin`, src/lib/safe-mdx.ts); the CMS and launch-check apply it through `mdxProblems`
 * before anything is saved or deployed. No Node.js module here: the CMS runs it in the browser.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
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

/**
 * Every problem of a body as the build would find it, reading it as the MDX it is saved as (give
 * the saved form: `escapeForMdx` applied). `body: …` for each node `problemWith` refuses, or one
 * `body: line N: …` when the text is not valid MDX at all (a component left open, say); empty when
 * the body builds. The parser is micromark's MDX syntax, the reference implementation of what
 * the build's compiler (Sätteri) reads; tests/unit/mdx-rules.test.ts holds them to the same verdicts.
 */
export function mdxProblems(body: string): string[] {
  let tree: Nodes;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    // micromark ends its message with where: `Expected a closing tag for <Callout> (3:1-3:10)`.
    const message = (error as Error).message;
    const place = / \((\d+):\d+(?:-\d+:\d+)?\)$/.exec(message);
    return [
      place ? `body: line ${place[1]}: ${message.slice(0, place.index)}` : `body: ${message}`,
    ];
  }
  const problems: string[] = [];
  const visit = (node: Nodes): void => {
    const problem = problemWith(node as MdxNode);
    if (problem) problems.push(`body: ${problem}`);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return problems;
}
