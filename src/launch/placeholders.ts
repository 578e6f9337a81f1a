/**
 * What counts as "not the clinic's own yet": the template's placeholders and example values. Read by
 * `npm run launch-check`, the production build guard and `npm run setup`.
 */
import type { Host } from '../schemas/deploy';
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

/**
 * What a comment can mark the field beside or below it as (`# PLACEHOLDER`, `# CONFIRM: why`):
 * `PLACEHOLDER`, not known yet; `CONFIRM`, a fact of the clinic this site was built from, as
 * shipped, which another clinic confirms or replaces (keeping it is a valid answer for that clinic).
 */
export type Mark = 'PLACEHOLDER' | 'CONFIRM';

const markerLine = (mark: Mark) => new RegExp(`^\\s*${mark}\\b.*$`, 'gm');

/** Domains reserved for examples (RFC 2606) and this machine. */
const EXAMPLE_HOST =
  /\b(?:[a-z0-9-]+\.)*(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid)|localhost)\b|\b127\.0\.0\.1\b/i;

/** US numbers 555-0100 to 555-0199 are reserved for fiction and examples. */
const EXAMPLE_PHONE = /(?:\+1\s*)?\(?\d{3}\)?[\s.-]*555[\s.-]*01\d\d\b/;

/** Sample values the template ships with that no rule above catches. */
const SAMPLES: [RegExp, string][] = [
  [/^your-clinic$/, 'is the sample Cal.com link'],
  [/your-github-account/, 'is the sample GitHub account'],
  [/\bAnytown\b/, 'is the sample town'],
  [/^https:\/\/.*\/your-clinic$/, 'is a sample profile address'],
  [
    /^ChIJN1t_tDeuEmsRUsoyG83frY4$/,
    'is Google’s example Place ID (Google Sydney’s), not the clinic’s',
  ],
];

/** Why a stored value is a placeholder or an example, or nothing when it looks like the clinic's own. */
export function valueProblems(value: string): string[] {
  const problems: string[] = [];
  const word = /\bplaceholder\b/i.exec(value);
  if (word) problems.push(`${excerpt(value, word)} says placeholder`);
  const host = EXAMPLE_HOST.exec(value);
  if (host) problems.push(`${excerpt(value, host)} uses ${host[0]}, an example address`);
  const phone = EXAMPLE_PHONE.exec(value);
  if (phone) problems.push(`${excerpt(value, phone)} is a 555-01xx number, reserved for examples`);
  for (const [pattern, why] of SAMPLES) {
    const sample = pattern.exec(value);
    if (sample) problems.push(`${excerpt(value, sample)} ${why}`);
  }
  return problems;
}

/** The value, or for a long one the words around what was found, quoted. */
function excerpt(value: string, match: RegExpExecArray): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length <= 60) return JSON.stringify(text);
  const at = text.indexOf(match[0]);
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + match[0].length + 30);
  return JSON.stringify(
    `${start ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`,
  );
}

/** Files that say of themselves that they are placeholders (the illustrations, logo and icon). */
export const isPlaceholderFile = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes).includes('PLACEHOLDER');

type FieldPath = (string | number)[];

/** The comments of a pair that speak of it: after its key or value, or on the line above it. */
function pairComments(
  pair: Pair,
  first: boolean,
): { node: Node; key: 'comment' | 'commentBefore' }[] {
  const found: { node: Node; key: 'comment' | 'commentBefore' }[] = [];
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  // A comment above the first key is the file's own heading: it is about the whole entry.
  if (key && !first) found.push({ node: key, key: 'commentBefore' });
  if (key) found.push({ node: key, key: 'comment' });
  if (value) found.push({ node: value, key: 'commentBefore' }, { node: value, key: 'comment' });
  return found;
}

/**
 * Every field a `# PLACEHOLDER` comment (or `mark`) marks, by path; `[]` is the whole entry (a
 * marker in the comment above the first field, the file's heading).
 */
export function markedFields(doc: Document, mark: Mark = 'PLACEHOLDER'): FieldPath[] {
  const hasMarker = (text: string | null | undefined) => !!text && markerLine(mark).test(text);
  const marked: FieldPath[] = [];
  const root = doc.contents;
  if (isMap(root)) {
    const heading = (root.items[0]?.key as Node | undefined)?.commentBefore;
    if (hasMarker(heading) || hasMarker(doc.commentBefore)) marked.push([]);
  }
  const walk = (node: unknown, path: FieldPath) => {
    if (isMap(node)) {
      node.items.forEach((pair, index) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const here = [...path, key];
        const first = path.length === 0 && index === 0;
        if (pairComments(pair, first).some(({ node, key }) => hasMarker(node[key]))) {
          marked.push(here);
        }
        walk(pair.value, here);
      });
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const here = [...path, index];
        if (hasMarker((item as Node).comment) || hasMarker((item as Node).commentBefore)) {
          marked.push(here);
        }
        walk(item, here);
      });
    }
  };
  walk(root, []);
  return marked;
}

/**
 * Removes the `# PLACEHOLDER` comments (or those of `mark`) at `path` and under it: the value has
 * been set, or confirmed. Other comments stay as they are, the file's heading included.
 */
export function clearMarkers(doc: Document, path: FieldPath, mark: Mark = 'PLACEHOLDER'): void {
  const strip = (node: Node | null | undefined, key: 'comment' | 'commentBefore') => {
    const text = node?.[key];
    if (!node || !text) return;
    const rest = text
      .replace(markerLine(mark), '')
      .replace(/\n{2,}/g, '\n')
      .replace(/^\n|\n$/g, '');
    node[key] = rest.trim() ? rest : null;
  };
  const clearAll = (node: unknown) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        for (const { node: commented, key } of pairComments(pair, false)) strip(commented, key);
        clearAll(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        strip(item as Node, 'comment');
        strip(item as Node, 'commentBefore');
        clearAll(item);
      }
    }
  };
  if (path.length === 0) {
    // The whole entry: the file's heading, and every mark under it.
    const rest = (doc.commentBefore ?? '').replace(markerLine(mark), '').trim();
    doc.commentBefore = rest || null;
    if (isMap(doc.contents)) {
      strip(doc.contents.items[0]?.key as Node | undefined, 'commentBefore');
    }
    clearAll(doc.contents);
    return;
  }
  let parent: unknown = doc.contents;
  for (const [depth, key] of path.entries()) {
    if (!isMap(parent) && !isSeq(parent)) return;
    const items = (parent as { items: unknown[] }).items;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return;
      for (const { node, key: which } of pairComments(pair, depth === 0 && pair === items[0])) {
        strip(node, which);
      }
      if (depth === path.length - 1) clearAll(pair.value);
      parent = pair.value;
    } else {
      parent = items[key as number];
      if (depth === path.length - 1) {
        strip(parent as Node, 'comment');
        strip(parent as Node, 'commentBefore');
        clearAll(parent);
      }
    }
  }
}

/**
 * Whether this build publishes the production site: Netlify's production context, Cloudflare Pages
 * building its production branch, or a workflow that says so (`DEPLOY_CONTEXT=production`, as the
 * GitHub Pages workflow does). Previews, branch deploys and local builds are not.
 */
export function productionDeploy(
  env: Record<string, string | undefined>,
  productionBranch: string,
): string | undefined {
  if (env.DEPLOY_CONTEXT === 'production') return 'DEPLOY_CONTEXT=production';
  if (env.NETLIFY === 'true' || env.CONTEXT) {
    return env.CONTEXT === 'production'
      ? 'Netlify production deploy (CONTEXT=production)'
      : undefined;
  }
  if (env.CF_PAGES === '1') {
    const branch = env.PRODUCTION_BRANCH || productionBranch;
    return env.CF_PAGES_BRANCH === branch
      ? `Cloudflare Pages production branch (CF_PAGES_BRANCH=${branch})`
      : undefined;
  }
  return undefined;
}

/**
 * The host a build runs on, from the variables each sets: Netlify `NETLIFY=true`, Cloudflare Pages
 * `CF_PAGES=1`, GitHub Actions `GITHUB_ACTIONS=true` (the GitHub Pages workflow); undefined
 * elsewhere (this machine, another CI).
 */
export function buildHost(env: Record<string, string | undefined>): Host | undefined {
  if (env.NETLIFY === 'true') return 'netlify';
  if (env.CF_PAGES === '1') return 'cloudflare';
  if (env.GITHUB_ACTIONS === 'true') return 'github-pages';
  return undefined;
}
