/**
 * `npm run dev` exactly as the README gives it, in a temporary copy of the project made a git
 * repository on `main`: Astro's dev server and the CMS backend, started by the project's own
 * script, with `-- --simple` for the file-system mode. The CMS tests open its /admin/ as staff do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { DECAP_SERVER_PORT, copyAsRepository, portOpen } from './cms-workspace';

export interface DevWorkspace {
  dir: string;
  /** The dev server's address, on `localhost` as staff open it (Decap needs that name). */
  url: string;
  git(...args: string[]): string;
  draftBranches(): string[];
  /** Everything the two servers printed so far. */
  output(): string;
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
  const { copy, git } = copyAsRepository('clinic-dev-', ['scripts']);

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
