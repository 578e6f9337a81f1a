// @ts-check
// The CMS's local backend: decap-server's own middlewares, in git mode (drafts are `cms/…` branches,
// "Publish" merges them, as on GitHub) or, with MODE=fs, its file-system mode (every save is
// published at once). Env: REPO (the repository, default the current folder), MODE (git | fs),
// PORT (8081: the only port Decap looks at).
//
// Why a wrapper around decap-server rather than its own binary:
// - decap-server's git mode reads and writes a draft by checking its branch out in the folder and
//   back. Astro's dev server watches that folder: every draft opened or saved made it reload its
//   content and every open page, the CMS included, and whatever staff were typing was lost. Here
//   drafts never touch the folder: they are read with `git show` and written as commits built in a
//   separate index (see drafts.mjs). Only "Publish" changes the folder, by merging the draft.
// - decap-server's git mode runs one git operation at a time behind a lock that gives up after 3 s
//   ("Request timed out", a failed save) when Decap sends several requests at once on a busy
//   machine. Here requests wait their turn instead, so the lock is always free.
// - Decap sends the branch named in the production config (`main`); "Publish" should merge into the
//   branch this folder is on, so each request names the checked-out branch.
// - A draft is one commit on the branch as it was when the draft was last saved, and shows only
//   its own files (a diff from where it branched, as a pull request compares).
// - In the editorial workflow nothing reaches the branch without review: the Media library's own
//   uploads are refused (pictures are uploaded inside an entry and travel with its draft), as the
//   CMS page also refuses them before sending (src/cms/media-guard.ts).
// - Deleting a published entry or picture commits with `git add .`: refused while the folder has
//   uncommitted work, which would be committed with it.
// - decap-server reads `git diff`'s file names, which git quotes and escapes when they hold
//   non-ASCII characters: its git commands run with `core.quotePath=false`, set for this process.
import express from 'express';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import {
  draftBranch,
  fileAt,
  hasFileAt,
  mediaFileAt,
  publishDraft,
  readDraft,
  saveDraft,
} from './cms-drafts.mjs';

/**
 * The actions that commit in the folder itself (decap-server's `git add .`): refused while it has
 * uncommitted work, which they would take along.
 */
const COMMITS_IN_FOLDER = new Set(['deleteFile', 'deleteFiles']);

/** Same origins as decap-server's own CORS rule. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/** @param {string} repo @param {string[]} args */
function git(repo, args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

/**
 * The branch checked out in the folder, or undefined when it is on none.
 * @param {string} repo
 */
function checkedOutBranch(repo) {
  try {
    return git(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  } catch {
    return undefined;
  }
}

/**
 * Why the folder cannot take a deletion now (its uncommitted changes), or undefined when it can.
 * @param {string} repo
 * @param {string} branch
 */
function uncommittedWork(repo, branch) {
  const changes = git(repo, ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  if (changes.length === 0) return undefined;
  const shown = changes.slice(0, 5).join(', ') + (changes.length > 5 ? ', …' : '');
  return (
    `Not deleted: the folder has changes that are not committed on "${branch}" (${shown}). ` +
    'A deletion is committed in the folder and would take them along. Commit them, or put ' +
    'them away with `git stash --include-untracked`, then delete again.'
  );
}

/** Why the Media library's own upload is refused in the editorial workflow. */
const MEDIA_UPLOAD_REFUSED =
  'Not uploaded: with drafts and review, a picture is uploaded from the entry that shows it ' +
  '(its image field: Choose an image, then Upload), so it is reviewed and published with it.';

/**
 * The editorial workflow's actions on drafts, answered here without checking anything out (see
 * cms-drafts.mjs); undefined for the actions decap-server answers itself.
 * @param {string} repo
 * @param {string} branch the checked-out branch
 * @param {{ action?: string, params?: Record<string, any> }} body
 * @returns {{ status: number, json: unknown } | undefined}
 */
function draftAction(repo, branch, { action, params = {} }) {
  switch (action) {
    case 'unpublishedEntry': {
      const draft = readDraft(repo, branch, params);
      return draft ? { status: 200, json: draft } : { status: 404, json: { message: 'Not Found' } };
    }
    case 'unpublishedEntryDataFile': {
      // Decap asks for every language's file of a draft; one not translated has none. GitHub
      // answers Not Found, which the browser logs as an error on every load; here it is an empty
      // file, which the CMS reads as no translation too (src/cms/formats.ts).
      const draft = draftBranch(params['collection'], params['slug']);
      const data = hasFileAt(repo, draft, params['path'])
        ? fileAt(repo, draft, params['path']).toString('utf8')
        : '';
      return { status: 200, json: { data } };
    }
    case 'unpublishedEntryMediaFile':
      return {
        status: 200,
        json: mediaFileAt(repo, draftBranch(params['collection'], params['slug']), params['path']),
      };
    case 'persistEntry': {
      const { options = {}, dataFiles = [params['entry']], assets = [] } = params;
      if (!options.useWorkflow) return undefined;
      saveDraft(repo, branch, {
        collection: options.collectionName,
        slug: dataFiles[0].slug,
        dataFiles,
        assets,
        commitMessage: options.commitMessage,
        status: options.status,
        cmsLabelPrefix: params['cmsLabelPrefix'],
      });
      return { status: 200, json: { message: 'entry persisted' } };
    }
    case 'publishUnpublishedEntry':
      publishDraft(repo, branch, params['collection'], params['slug']);
      return { status: 200, json: { message: `published into ${branch}` } };
    case 'persistMedia':
      return { status: 409, json: { error: MEDIA_UPLOAD_REFUSED } };
    default:
      return undefined;
  }
}

/**
 * @param {{ repo: string, mode: 'git' | 'fs', port: number }} options
 * @returns {Promise<import('node:http').Server>}
 */
export async function startCmsServer({ repo, mode, port }) {
  // decap-server reads its folder from the environment when its middleware is registered.
  process.env['GIT_REPO_DIRECTORY'] = repo;
  const configured = Number(process.env['GIT_CONFIG_COUNT'] ?? 0);
  process.env[`GIT_CONFIG_KEY_${configured}`] = 'core.quotePath';
  process.env[`GIT_CONFIG_VALUE_${configured}`] = 'false';
  process.env['GIT_CONFIG_COUNT'] = String(configured + 1);
  const { registerLocalFs, registerLocalGit } = (await import('decap-server/dist/middlewares.js'))
    .default;
  const app = express();

  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();
  app.post('/api/v1', express.json({ limit: '50mb' }), (request, response, next) => {
    const finished = new Promise((done) => {
      response.on('finish', done);
      response.on('close', done);
    });
    const turn = queue;
    queue = turn.then(() => finished);
    /** @param {number} status @param {unknown} json */
    const reply = (status, json) => {
      const origin = request.get('origin');
      if (origin && LOCAL_ORIGIN.test(origin)) response.set('access-control-allow-origin', origin);
      response.status(status).json(json);
    };
    void turn.then(() => {
      const body = request.body ?? {};
      if (mode !== 'git') return next();
      const branch = checkedOutBranch(repo);
      if (branch === undefined) {
        return reply(409, {
          error: `${repo} is not on a branch (or is not a git repository): check out the branch the CMS should publish to.`,
        });
      }
      // Only a deletion commits in the folder: the status is read for it alone.
      const problem = COMMITS_IN_FOLDER.has(body.action) && uncommittedWork(repo, branch);
      if (problem) return reply(409, { error: problem });
      if (body.params && typeof body.params === 'object') body.params.branch = branch;
      try {
        const answer = draftAction(repo, branch, body);
        return answer ? reply(answer.status, answer.json) : next();
      } catch (error) {
        return reply(409, { error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  await (mode === 'git' ? registerLocalGit : registerLocalFs)(app, { logLevel: 'warn' });
  return new Promise((started) => {
    const server = app.listen(port, '127.0.0.1', () => started(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const repo = resolve(process.env['REPO'] ?? process.cwd());
  const mode = process.env['MODE'] === 'fs' ? 'fs' : 'git';
  const port = Number(process.env['PORT'] ?? 8081);
  if (mode === 'git') {
    try {
      git(repo, ['rev-parse', '--git-dir']);
    } catch {
      console.error(`${repo} is not a git repository: the CMS's drafts need one (git init).`);
      process.exit(1);
    }
    // Drafts are commits: without a git identity on this machine, sign them as the local CMS.
    const identity = { name: 'Content manager (local)', email: 'cms@localhost' };
    for (const [part, value] of Object.entries(identity)) {
      try {
        git(repo, ['config', `user.${part}`]);
      } catch {
        process.env[`GIT_AUTHOR_${part.toUpperCase()}`] ??= value;
        process.env[`GIT_COMMITTER_${part.toUpperCase()}`] ??= value;
      }
    }
  }
  await startCmsServer({ repo, mode, port });
  console.log(
    mode === 'git'
      ? `CMS backend: drafts as cms/… branches of ${repo}, published into its current branch`
      : `CMS backend: saves straight into ${repo} (no drafts)`,
  );
}
