/**
 * A temporary copy of the project with the CMS's local backend (decap-server, file-system mode)
 * pointed at it: the CMS tests edit that copy, never the real src/content, then build it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { startServer } from '../../scripts/serve.mjs';
import { copyProject } from './project-copy.mjs';

/** Decap looks for its local backend on this port only. */
const DECAP_SERVER_PORT = 8081;

function portOpen(port: number): Promise<boolean> {
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
  /** Builds the copy and serves its `dist/`; returns the site's address. */
  buildAndServe(port: number): Promise<string>;
  close(): Promise<void>;
}

export async function openCmsWorkspace(): Promise<CmsWorkspace> {
  if (await portOpen(DECAP_SERVER_PORT)) {
    throw new Error(
      `Port ${DECAP_SERVER_PORT} is in use: stop the running decap-server (npm run dev) first.`,
    );
  }
  const copy = copyProject('clinic-cms-');
  const server: ChildProcess = spawn(
    process.execPath,
    [fileURLToPath(import.meta.resolve('decap-server'))],
    {
      cwd: copy.dir,
      env: {
        ...process.env,
        MODE: 'fs',
        PORT: String(DECAP_SERVER_PORT),
        GIT_REPO_DIRECTORY: copy.dir,
      },
      stdio: 'ignore',
    },
  );
  const deadline = Date.now() + 15_000;
  while (!(await portOpen(DECAP_SERVER_PORT))) {
    if (Date.now() > deadline) throw new Error('decap-server did not start within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let site: Server | undefined;
  return {
    dir: copy.dir,
    async buildAndServe(port) {
      execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        cwd: copy.dir,
        stdio: 'pipe',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      site = (await startServer({ root: join(copy.dir, 'dist'), port })) as Server;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      // Wait for decap-server to exit, so the next workspace finds port 8081 free.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      if (server.exitCode === null && server.signalCode === null) {
        server.kill();
        await exited;
      }
      await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
      copy.remove();
    },
  };
}
