/**
 * The CMS's local backend (scripts/cms-server.mjs) as Decap speaks to it: decap-server's git mode
 * with the wrapper's three rules (publish into the checked-out branch, drafts kept up to date with
 * it, no save over uncommitted work), and the file-system mode behind `npm run dev -- --simple`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const PORT = 8095;
const API = `http://127.0.0.1:${PORT}/api/v1`;

let server: ChildProcess | undefined;
let repo = '';

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

function write(path: string, text: string): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

async function start(mode: 'git' | 'fs'): Promise<void> {
  repo = mkdtempSync(join(tmpdir(), 'cms-server-'));
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@localhost');
  write('src/content/pricing/60-minutes.mdx', '---\nprice: 100\n---\n');
  write('src/content/faq/parking.mdx', '---\nquestion: Where do I park?\n---\n\nBehind.\n');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'start');
  server = spawn(process.execPath, ['scripts/cms-server.mjs'], {
    env: { ...process.env, REPO: repo, MODE: mode, PORT: String(PORT) },
    stdio: 'ignore',
  });
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port: PORT, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (server.exitCode !== null) throw new Error('the CMS backend exited');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A request as Decap's proxy backend sends it (the branch named in the production config). */
async function call(action: string, params: Record<string, unknown> = {}) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Saves a draft of the 60-minute tier with a new price, as Decap's "Save" does. */
const saveDraft = (price: number) =>
  call('persistEntry', {
    dataFiles: [
      {
        path: 'src/content/pricing/60-minutes.mdx',
        slug: '60-minutes',
        raw: `---\nprice: ${price}\n---\n`,
      },
    ],
    assets: [],
    options: {
      collectionName: 'pricing',
      status: 'draft',
      useWorkflow: true,
      commitMessage: 'Update price',
    },
  });

afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill();
    await exited;
  }
  rmSync(repo, { recursive: true, force: true });
});

describe('git mode (npm run dev): the editorial workflow', () => {
  test('offers the editorial workflow; a save is a draft branch, main untouched', async () => {
    await start('git');
    expect((await call('info')).body['publish_modes']).toEqual(['simple', 'editorial_workflow']);
    expect((await saveDraft(105)).status).toBe(200);
    expect(git('branch', '--list', 'cms/*', '--format=%(refname:short)')).toBe(
      'cms/pricing/60-minutes',
    );
    expect(git('show', 'main:src/content/pricing/60-minutes.mdx')).toContain('price: 100');
    expect(git('status', '--porcelain')).toBe('');
  });

  test('publishes into the branch checked out here, whatever branch Decap names', async () => {
    await start('git');
    git('checkout', '--quiet', '-b', 'clinic-edits');
    await saveDraft(105);
    const published = await call('publishUnpublishedEntry', {
      collection: 'pricing',
      slug: '60-minutes',
    });
    expect(published.status).toBe(200);
    expect(git('show', 'clinic-edits:src/content/pricing/60-minutes.mdx')).toContain('price: 105');
    expect(git('show', 'main:src/content/pricing/60-minutes.mdx')).toContain('price: 100');
  });

  test('a draft shows only its own files after something else is committed', async () => {
    await start('git');
    await saveDraft(105);
    write('src/content/faq/parking.mdx', '---\nquestion: Where do I park?\n---\n\nIn front.\n');
    git('commit', '--quiet', '--all', '--message', 'A change made elsewhere');
    const draft = await call('unpublishedEntry', { collection: 'pricing', slug: '60-minutes' });
    const diffs = draft.body['diffs'] as { path: string }[];
    expect(diffs.map(({ path }) => path)).toEqual(['src/content/pricing/60-minutes.mdx']);
    expect(git('show', 'cms/pricing/60-minutes:src/content/faq/parking.mdx')).toContain(
      'In front.',
    );
  });

  test('refuses to save over uncommitted work, naming the files', async () => {
    await start('git');
    write('notes.txt', 'mine');
    const refused = await saveDraft(105);
    expect(refused.status).toBe(409);
    expect(refused.body['error']).toMatch(
      /changes that are not committed on "main" \(notes\.txt\)/,
    );
    expect(git('branch', '--list', 'cms/*')).toBe('');
    expect(git('log', '--format=%s')).toBe('start');
  });
});

describe('file-system mode (npm run dev -- --simple)', () => {
  test('offers no drafts: Decap publishes each save', async () => {
    await start('fs');
    expect((await call('info')).body['publish_modes']).toEqual(['simple']);
  });
});
