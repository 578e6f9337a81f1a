// @ts-check
// The CMS's local backend: decap-server's own middlewares, in git mode (drafts are `cms/…` branches,
// "Publish" merges them, as on GitHub) or, with MODE=fs, its file-system mode (every save is
// published at once). Env: REPO (the repository, default the current folder), MODE (git | fs),
// PORT (8081: the only port Decap looks at).
//
// Why a wrapper around decap-server rather than its own binary:
// - decap-server's git mode runs one git operation at a time behind a lock that gives up after 3 s
//   ("Request timed out", a failed save) when Decap sends several requests at once on a busy
//   machine. Here requests wait their turn instead, so the lock is always free.
// - Decap sends the branch named in the production config (`main`); "Publish" should merge into the
//   branch this folder is on, so each request names the checked-out branch.
// - Every git-mode save runs `git add .` after checking out the draft's branch: uncommitted work in
//   the folder would be committed into the draft. Saves are refused while there is any, naming it.
// - decap-server finds a draft's files with `git diff <branch> <draft>`, which, once anything else
//   is committed on the branch (another draft published, a developer's commit), also lists those
//   files, and the draft then opens with another entry's file. On GitHub a pull request compares
//   from where it branched. Here drafts are rebased onto the branch before each request instead,
//   as decap-server itself does when a draft is saved again. A draft that conflicts stays as it is.
// - decap-server reads `git diff`'s file names, which git quotes and escapes when they hold
//   non-ASCII characters (a title with "é" or "日本語"): the draft then fails to open. Its git
//   commands run with `core.quotePath=false`, set for this process only.
import express from 'express';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The actions that only read (a draft is read by checking out its branch, then back). */
const READS = new Set([
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'getMedia',
  'getMediaFile',
  'unpublishedEntries',
  'unpublishedEntry',
  'unpublishedEntryDataFile',
  'unpublishedEntryMediaFile',
  'getDeployPreview',
]);

/** Same origins as decap-server's own CORS rule. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/** @param {string} repo @param {string[]} args */
function git(repo, args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

/**
 * The branch checked out in the folder, and why the folder cannot take a git-mode save now (none
 * when it can).
 * @param {string} repo
 * @returns {{ branch: string, problem?: string } | { branch?: undefined, problem: string }}
 */
function repoState(repo) {
  let branch;
  try {
    branch = git(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  } catch {
    return {
      problem: `${repo} is not on a branch (or is not a git repository): check out the branch the CMS should publish to.`,
    };
  }
  const changes = git(repo, ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  if (changes.length === 0) return { branch };
  const shown = changes.slice(0, 5).join(', ') + (changes.length > 5 ? ', …' : '');
  return {
    branch,
    problem:
      `Not saved: the folder has changes that are not committed on "${branch}" (${shown}). ` +
      'The CMS keeps drafts as git commits and would take them along. Commit or stash them, then ' +
      'save again (or start the CMS without drafts: npm run dev -- --simple).',
  };
}

/**
 * Rebases every draft that is behind `current`, the checked-out branch, onto it (see above).
 * @param {string} repo
 * @param {string} current
 */
function updateDrafts(repo, current) {
  const drafts = git(repo, ['branch', '--list', 'cms/*', '--format=%(refname:short)']);
  for (const draft of drafts.split('\n').filter(Boolean)) {
    try {
      git(repo, ['merge-base', '--is-ancestor', current, draft]);
      continue;
    } catch {
      // behind: rebase below
    }
    try {
      git(repo, ['-c', 'commit.gpgsign=false', 'rebase', '--quiet', '--no-verify', current, draft]);
    } catch {
      git(repo, ['rebase', '--abort']);
    }
    git(repo, ['checkout', '--quiet', current]);
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
    /** @param {string} error */
    const refuse = (error) => {
      const origin = request.get('origin');
      if (origin && LOCAL_ORIGIN.test(origin)) response.set('access-control-allow-origin', origin);
      response.status(409).json({ error });
    };
    void turn.then(() => {
      const body = request.body ?? {};
      if (mode !== 'git') return next();
      const { branch, problem } = repoState(repo);
      if (problem && !READS.has(body.action)) return refuse(problem);
      if (branch === undefined) return refuse(problem);
      try {
        if (!problem) updateDrafts(repo, branch);
      } catch (error) {
        return refuse(String(error));
      }
      if (body.params && typeof body.params === 'object') body.params.branch = branch;
      return next();
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
