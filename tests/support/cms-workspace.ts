/**
 * A temporary copy of the project, made a git repository on `main`, with the CMS's local backend
 * (scripts/cms-server.mjs) pointed at it: in git mode (drafts as `cms/…` branches, the editorial
 * workflow, as `npm run dev` gives staff) or in file-system mode (`npm run dev -- --simple`). The
 * CMS tests edit that copy, never the real src/content, then build it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext } from '@playwright/test';
import { startServer } from '../../scripts/serve.mjs';
import { ASTRO, copyProject } from './project-copy.mjs';

/** Decap looks for its local backend on this port only (`npm run dev` starts it there). */
export const DECAP_SERVER_PORT = 8081;

/**
 * The ports of the CMS tests' workspace in Playwright worker `parallelIndex`: its local backend's
 * and its built site's. One pair per worker, so that workspaces run side by side; none is 8081,
 * which `npm run dev`'s tests start on.
 */
export function workspacePorts(parallelIndex: number): { backend: number; site: number } {
  return { backend: 8090 + parallelIndex, site: 4340 + parallelIndex };
}

/** Whether something listens on `port` of this machine. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export interface CmsWorkspace {
  dir: string;
  /** Runs git in the copy and returns its output. */
  git(...args: string[]): string;
  /** The `cms/…` branches: one per draft. */
  draftBranches(): string[];
  /**
   * Sends `context`'s requests for Decap's local backend (`http://localhost:8081/api/v1`, the only
   * address Decap asks) to this workspace's backend, when it runs on another port. Call it for
   * each test's context before the CMS opens.
   */
  connect(context: BrowserContext): Promise<void>;
  /**
   * Ends `connect` for `context` at the end of a test: Decap's requests still in flight then (it
   * polls its backend) are dropped instead of failing the test that has passed.
   */
  disconnect(context: BrowserContext): Promise<void>;
  /**
   * Builds the copy (with `env` added, e.g. `SITE_DATE`) and serves its `dist/` (again, after each
   * call) on the workspace's site port; returns the site's address.
   */
  buildAndServe(env?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs git in `dir` and returns its output, once no other git command holds the repository's
 * index (`.git/index.lock`): the tests and the CMS backend (decap-server runs git for each of
 * Decap's requests) share the repository, and git refuses to start while the lock is there.
 */
function gitIn(dir: string, args: string[]): string {
  const lock = join(dir, '.git', 'index.lock');
  const deadline = Date.now() + 30_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    if (!existsSync(lock)) {
      try {
        return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim();
      } catch (error) {
        const locked = String((error as { stderr?: string }).stderr ?? '').includes('index.lock');
        if (!locked || Date.now() > deadline) throw error;
      }
    } else if (Date.now() > deadline) {
      throw new Error(`${lock} is still there after 30 s: a git process in ${dir} is stuck`);
    }
    Atomics.wait(pause, 0, 0, 20);
  }
}

/**
 * A temporary copy of the project (plus `extra`, e.g. `scripts`), made a git repository with the
 * site committed on `main`; `git` runs git in it and returns its output.
 */
export function copyAsRepository(
  prefix: string,
  extra: string[] = [],
  options: { withCms?: boolean } = {},
) {
  const copy = copyProject(prefix, extra, options);
  const git = (...args: string[]) => gitIn(copy.dir, args);
  writeFileSync(join(copy.dir, '.gitignore'), 'node_modules\ndist\n.astro\n');
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'CMS test');
  git('config', 'user.email', 'cms-test@localhost');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'The site as it is');
  return { copy, git };
}

/**
 * @param options.mode `git` (drafts and the editorial workflow) or `fs` (saves straight to files).
 * @param options.ports the local backend's port (8081 for a browser as staff use it; another, see
 *   `workspacePorts`, with `connect` in tests) and the port `buildAndServe` serves the site on.
 * @throws when the backend's port is in use, or the backend does not start within 15 s.
 */
export async function openCmsWorkspace({
  mode = 'git',
  ports = { backend: DECAP_SERVER_PORT, site: 4324 },
}: { mode?: 'git' | 'fs'; ports?: { backend: number; site: number } } = {}) {
  const port = ports.backend;
  if (await portOpen(port)) {
    throw new Error(
      port === DECAP_SERVER_PORT
        ? `Port ${port} is in use: stop the running CMS backend (npm run dev) first.`
        : `Port ${port} is in use: another CMS test's backend did not stop.`,
    );
  }
  const { copy, git } = copyAsRepository('clinic-cms-');

  const server: ChildProcess = spawn(process.execPath, ['scripts/cms-server.mjs'], {
    env: { ...process.env, REPO: copy.dir, MODE: mode, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 15_000;
  while (!(await portOpen(port))) {
    if (server.exitCode !== null) throw new Error('the CMS backend exited at start');
    if (Date.now() > deadline) throw new Error('the CMS backend did not start within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let site: Server | undefined;
  const closeSite = () =>
    new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  const workspace: CmsWorkspace = {
    dir: copy.dir,
    git,
    draftBranches: () =>
      git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').filter(Boolean),
    async connect(context) {
      if (port === DECAP_SERVER_PORT) return;
      await context.route(`http://localhost:${DECAP_SERVER_PORT}/api/v1**`, async (route) => {
        // The browser sends it on itself: nothing goes through this process.
        await route.continue({
          url: route.request().url().replace(`:${DECAP_SERVER_PORT}/`, `:${port}/`),
        });
      });
    },
    async disconnect(context) {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
    },
    async buildAndServe(env = {}) {
      await closeSite();
      execFileSync(process.execPath, [...ASTRO, 'build'], {
        cwd: copy.dir,
        stdio: 'pipe',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      });
      site = (await startServer({ root: join(copy.dir, 'dist'), port: ports.site })) as Server;
      return `http://127.0.0.1:${ports.site}`;
    },
    async close() {
      // Wait for the backend to exit, so the next workspace finds its port free.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      if (server.exitCode === null && server.signalCode === null) {
        server.kill();
        await exited;
      }
      await closeSite();
      copy.remove();
    },
  };
  return workspace;
}
