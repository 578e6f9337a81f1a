/**
 * Keeps content bodies text: a build fails, naming the file and line, when a body holds MDX code
 * (import/export, `{…}` expressions) or any element but the approved components. So no edit, in
 * the CMS or by hand in Git, can run script on the public site.
 */
import { APPROVED_COMPONENTS } from './mdx-text';

interface Point {
  line: number;
  column: number;
}

interface Position {
  start: Point;
  end: Point;
}

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: Position;
}

interface VFileLike {
  path?: string;
  fail(reason: string, options?: { place?: Position | undefined }): never;
}

const ALLOWED_ATTRIBUTES: Record<string, RegExp> = { minutes: /^\d{1,3}$/ };

function check(node: Node, file: VFileLike): void {
  switch (node.type) {
    case 'mdxjsEsm':
      return file.fail('import and export statements are not allowed in content text', {
        place: node.position,
      });
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return file.fail('found a {…} expression: write \\{ and \\} to show braces in content text', {
        place: node.position,
      });
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!(APPROVED_COMPONENTS as readonly string[]).includes(name)) {
        file.fail(
          `found <${name || '>'}: only ${APPROVED_COMPONENTS.map((c) => `<${c}>`).join(' and ')} may be used in content text; write \\< to show a "<"`,
          { place: node.position },
        );
      }
      for (const attribute of node.attributes ?? []) {
        const rule = attribute.name ? ALLOWED_ATTRIBUTES[attribute.name] : undefined;
        if (!rule || typeof attribute.value !== 'string' || !rule.test(attribute.value)) {
          file.fail(
            `<${name}> does not take the attribute ${attribute.name ?? '{…}'} written this way`,
            { place: node.position },
          );
        }
      }
      break;
    }
  }
  for (const child of node.children ?? []) check(child, file);
}

export default function remarkSafeMdx() {
  return (tree: Node, file: VFileLike) => check(tree, file);
}
