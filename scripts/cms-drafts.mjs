// @ts-check
// The editorial workflow's drafts, kept as decap-server keeps them (a `cms/<collection>/<slug>`
// branch per draft, its status in `branch.<name>.description`), but read and written without ever
// checking a branch out: the folder the dev server watches changes only when a draft is published.
//
// A draft is one commit on top of the published branch as it was when the draft was last saved:
// the published tree plus the entry's files (Decap sends all of them, its new pictures included,
// at every save). Reading a draft lists what changed since it branched off (`a...b`), as a pull
// request does, so something published meanwhile never shows up as part of it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join, posix } from 'node:path';

/** Decap's defaults (decap-cms-lib-util APIUtils): branch prefix and status label prefix. */
const BRANCH_PREFIX = 'cms';
const DEFAULT_LABEL_PREFIX = 'decap-cms/';

/** Where the CMS may write: content and the media folder, nothing else of the repository. */
const WRITABLE = ['src/content/', 'src/assets/images/'];

/**
 * @param {string} repo
 * @param {string[]} args
 * @param {{ input?: Buffer | string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string}
 */
function git(repo, args, { input, env } = {}) {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: env ?? process.env,
    maxBuffer: 100 * 1024 * 1024,
  }).trim();
}

/** @param {string} repo @param {string} ref */
function exists(repo, ref) {
  try {
    git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A path Decap sent, made relative to the repository and checked: `/src/content/x.mdx` and
 * `src/content/x.mdx` are the same file; anything outside content and the media folder, or
 * climbing out with `..`, is refused.
 * @param {string} path
 * @returns {string}
 */
function repoPath(path) {
  const normal = posix.normalize(path.replace(/^\/+/, ''));
  if (normal.startsWith('..') || !WRITABLE.some((folder) => normal.startsWith(folder))) {
    throw new Error(`The content manager may not write "${path}"`);
  }
  return normal;
}

/** `services/my-entry` → `cms/services/my-entry` @param {string} collection @param {string} slug */
export const draftBranch = (collection, slug) => `${BRANCH_PREFIX}/${collection}/${slug}`;

/** @param {string} prefix */
const labelPrefix = (prefix) => prefix || DEFAULT_LABEL_PREFIX;

/**
 * What a draft changes, as Decap's proxy backend reads it (`UnpublishedEntryDiff`).
 * @param {string} repo
 * @param {string} published the branch drafts are published into
 * @param {string} draft
 */
function draftDiffs(repo, published, draft) {
  const range = `${published}...${draft}`;
  const statuses = git(repo, ['diff', '--no-renames', '--name-status', '-z', range])
    .split('\0')
    .filter(Boolean);
  const binary = new Set(
    git(repo, ['diff', '--no-renames', '--numstat', '-z', range])
      .split('\0')
      .filter((line) => line.startsWith('-\t-\t'))
      .map((line) => line.slice(4)),
  );
  /** @type {{ path: string, id: string, oldPath: string, newPath: string, status: string, newFile: boolean, binary: boolean }[]} */
  const diffs = [];
  for (let index = 0; index < statuses.length; index += 2) {
    const code = statuses[index] ?? '';
    const path = statuses[index + 1] ?? '';
    const status = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
    diffs.push({
      path,
      id: path,
      oldPath: status === 'added' ? '' : path,
      newPath: status === 'deleted' ? '' : path,
      status,
      newFile: status === 'added',
      binary: binary.has(path) || path.endsWith('.svg'),
    });
  }
  return diffs;
}

/**
 * `unpublishedEntry`: the draft's status, files and last save, or undefined when there is none.
 * @param {string} repo
 * @param {string} published
 * @param {{ id?: string, collection?: string, slug?: string, cmsLabelPrefix?: string }} params
 */
export function readDraft(repo, published, { id, collection, slug, cmsLabelPrefix = '' }) {
  if (id) {
    const slash = id.indexOf('/');
    collection = id.slice(0, slash);
    slug = id.slice(slash + 1);
  }
  const branch = draftBranch(String(collection), String(slug));
  if (!exists(repo, `refs/heads/${branch}`)) return undefined;
  const label = git(repo, ['config', '--default', '', `branch.${branch}.description`]);
  const prefix = labelPrefix(cmsLabelPrefix);
  return {
    collection,
    slug,
    status: label.startsWith(prefix) ? label.slice(prefix.length) : label,
    diffs: draftDiffs(repo, published, branch),
    updatedAt: new Date(git(repo, ['log', '-1', '--format=%cI', branch])).toISOString(),
  };
}

/**
 * A file as it is in a draft (or any commit): `git show`, never a checkout.
 * @param {string} repo
 * @param {string} ref
 * @param {string} path
 * @returns {Buffer}
 */
export function fileAt(repo, ref, path) {
  return execFileSync('git', ['show', `${ref}:${repoPath(path)}`], {
    cwd: repo,
    maxBuffer: 100 * 1024 * 1024,
    // Not on the console: a missing file is the caller's to answer (a language not translated).
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Whether a draft (or any commit) holds `path`.
 * @param {string} repo @param {string} ref @param {string} path
 */
export function hasFileAt(repo, ref, path) {
  try {
    git(repo, ['cat-file', '-e', `${ref}:${repoPath(path)}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A picture of a draft as decap-server's `readMediaFile` answers it.
 * @param {string} repo @param {string} ref @param {string} path
 */
export function mediaFileAt(repo, ref, path) {
  const buffer = fileAt(repo, ref, path);
  return {
    id: createHash('sha256').update(buffer).digest('hex'),
    content: buffer.toString('base64'),
    encoding: 'base64',
    path: repoPath(path),
    name: basename(path),
  };
}

/**
 * @typedef {{ path: string, raw: string, slug: string, newPath?: string }} DataFile
 * @typedef {{ path: string, content: string, encoding: BufferEncoding }} Asset
 */

/**
 * `persistEntry` in the editorial workflow: the draft becomes one commit on `published` holding
 * the entry's files and pictures. Built in a temporary index, so the folder is not touched.
 * @param {string} repo
 * @param {string} published
 * @param {{ collection: string, slug: string, dataFiles: DataFile[], assets: Asset[], commitMessage: string, status: string, cmsLabelPrefix?: string }} entry
 */
export function saveDraft(repo, published, entry) {
  const branch = draftBranch(entry.collection, entry.slug);
  const isNew = !exists(repo, `refs/heads/${branch}`);
  const gitDir = git(repo, ['rev-parse', '--absolute-git-dir']);
  const index = join(gitDir, `cms-draft-index-${process.pid}`);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    git(repo, ['read-tree', published], { env });
    /** @param {string} path @param {Buffer} content */
    const put = (path, content) => {
      const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: content });
      git(repo, ['update-index', '--add', '--cacheinfo', `100644,${blob},${repoPath(path)}`], {
        env,
      });
    };
    for (const file of entry.dataFiles) {
      put(file.newPath ?? file.path, Buffer.from(file.raw));
      if (file.newPath && file.newPath !== file.path) {
        git(repo, ['update-index', '--force-remove', repoPath(file.path)], { env });
      }
    }
    for (const asset of entry.assets) put(asset.path, Buffer.from(asset.content, asset.encoding));
    const tree = git(repo, ['write-tree'], { env });
    const commit = git(repo, ['commit-tree', tree, '-p', published, '-m', entry.commitMessage]);
    git(repo, ['update-ref', `refs/heads/${branch}`, commit]);
  } finally {
    rmSync(index, { force: true });
  }
  if (isNew) {
    git(repo, [
      'config',
      `branch.${branch}.description`,
      `${labelPrefix(entry.cmsLabelPrefix ?? '')}${entry.status}`,
    ]);
  }
}

/**
 * `publishUnpublishedEntry`: merges the draft into the checked-out branch (the folder changes here,
 * and only here), then deletes the draft. A draft that conflicts with what was published since it
 * was saved is left as it is, and the error says why.
 * @param {string} repo
 * @param {string} published the checked-out branch
 * @param {string} collection
 * @param {string} slug
 */
export function publishDraft(repo, published, collection, slug) {
  const branch = draftBranch(collection, slug);
  try {
    git(repo, [
      '-c',
      'commit.gpgsign=false',
      'merge',
      '--no-ff',
      '--no-verify',
      '-m',
      `Publish ${collection} “${slug}”`,
      branch,
    ]);
  } catch (error) {
    const said = String(/** @type {{ stderr?: unknown }} */ (error).stderr ?? error);
    if (exists(repo, 'MERGE_HEAD')) git(repo, ['merge', '--abort']);
    throw new Error(
      `Not published: git could not merge the draft into "${published}" (${said.trim()}). ` +
        'If the folder has uncommitted changes to the same files, commit or stash them and publish again.',
      { cause: error },
    );
  }
  git(repo, ['branch', '--delete', '--force', branch]);
}
