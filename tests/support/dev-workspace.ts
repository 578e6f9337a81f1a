/**
 * `npm run dev` exactly as the README gives it, in a temporary copy of the project made a git
 * repository on `main`: Astro's dev server and the CMS backend, started by the project's own
 * script, with `-- --simple` for the file-system mode. The CMS tests open its /admin/ as staff do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unflatten } from 'devalue';
import { DECAP_SERVER_PORT, copyAsRepository, portOpen } from './cms-workspace';

/** An entry of Astro's content store: its fields (`data`) and, for MDX, its text (`body`). */
interface StoredEntry {
  data: Record<string, unknown>;
  body?: string;
}

export interface DevWorkspace {
  dir: string;
  /** The dev server's address, on `localhost` as staff open it (Decap needs that name). */
  url: string;
  git(...args: string[]): string;
  draftBranches(): string[];
  /** Everything the two servers printed so far. */
  output(): string;
  /**
   * The entry read from `file` (`src/content/faq/es/a.mdx`) as the dev server last stored it
   * (`.astro/data-store.json`, Astro's content store in dev, written by devalue), or undefined.
   *
   * Wait for this before asking for a page after a content file changed. Asked for while the dev
   * server rewrites its store, a page can leave a module of the old content in Vite's module runner
   * (fetched before the store's invalidation, cached after it), served until the next change: under
   * load this showed as a published price missing for a minute, about one publish in fifteen. Once
   * the store holds the change, nothing of the old content is left to fetch.
   */
  storedEntry(file: string): StoredEntry | undefined;
  close(): Promise<void>;
}

/**
 * Starts `npm run dev -- --port <port>` (plus `--simple`) in a fresh copy and waits until both the
 * site and the CMS backend answer.
 */
export async function startDev({
  port,
  simple = false,
}: {
  port: number;
  simple?: boolean;
}): Promise<DevWorkspace> {
  if (await portOpen(DECAP_SERVER_PORT)) {
    throw new Error(`Port ${DECAP_SERVER_PORT} is in use: stop the running CMS backend first.`);
  }
  const { copy, git } = copyAsRepository('clinic-dev-', ['scripts'], { withCms: true });

  const args = ['run', 'dev', '--', '--port', String(port), ...(simple ? ['--simple'] : [])];
  // Its own process group, so that closing stops npm, the dev script and both servers.
  const dev: ChildProcess = spawn('npm', args, {
    cwd: copy.dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', BROWSER: 'none' },
  });
  let printed = '';
  dev.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`npm run dev exited:\n${printed}`);
    const site = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (site && (await portOpen(DECAP_SERVER_PORT))) break;
    if (Date.now() > deadline) throw new Error(`npm run dev did not start in 120 s:\n${printed}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    dir: copy.dir,
    url,
    git,
    draftBranches: () =>
      git('branch', '--list', 'cms/*', '--format=%(refname:short)').split('\n').filter(Boolean),
    output: () => printed,
    storedEntry(file) {
      const path = join(copy.dir, '.astro/data-store.json');
      if (!existsSync(path)) return undefined;
      // Written to a temporary file and renamed: never read half-written.
      const store = unflatten(JSON.parse(readFileSync(path, 'utf8'))) as Map<
        string,
        Map<string, StoredEntry & { filePath?: string }>
      >;
      for (const entries of store.values()) {
        for (const entry of entries.values()) if (entry.filePath === file) return entry;
      }
      return undefined;
    },
    async close() {
      if (dev.exitCode === null && dev.pid !== undefined) {
        const exited = new Promise((resolve) => dev.once('exit', resolve));
        process.kill(-dev.pid, 'SIGTERM');
        await exited;
      }
      // The backend lets go of its port before the next workspace starts one.
      while (await portOpen(DECAP_SERVER_PORT)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      copy.remove();
    },
  };
}
