/**
 * The CMS's local backend (scripts/cms-server.mjs) as Decap speaks to it: decap-server's git mode
 * with the wrapper's rules (drafts read and written without touching the folder, publish into the
 * checked-out branch, no upload outside an entry, no deletion over uncommitted work), and the
 * file-system mode behind `npm run dev -- --simple`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  write('src/content/pricing/en/60-minutes.mdx', '---\nprice: 100\n---\n');
  write('src/content/faq/en/parking.mdx', '---\nquestion: Where do I park?\n---\n\nBehind.\n');
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
        path: 'src/content/pricing/en/60-minutes.mdx',
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
    expect(git('show', 'main:src/content/pricing/en/60-minutes.mdx')).toContain('price: 100');
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
    expect(git('show', 'clinic-edits:src/content/pricing/en/60-minutes.mdx')).toContain(
      'price: 105',
    );
    expect(git('show', 'main:src/content/pricing/en/60-minutes.mdx')).toContain('price: 100');
  });

  test('a draft shows only its own files after something else is committed', async () => {
    await start('git');
    await saveDraft(105);
    write('src/content/faq/en/parking.mdx', '---\nquestion: Where do I park?\n---\n\nIn front.\n');
    git('commit', '--quiet', '--all', '--message', 'A change made elsewhere');
    const draft = await call('unpublishedEntry', { collection: 'pricing', slug: '60-minutes' });
    const diffs = draft.body['diffs'] as { path: string }[];
    expect(diffs.map(({ path }) => path)).toEqual(['src/content/pricing/en/60-minutes.mdx']);
    // Publishing keeps both: the draft's price and the change made meanwhile.
    await call('publishUnpublishedEntry', { collection: 'pricing', slug: '60-minutes' });
    expect(git('show', 'main:src/content/faq/en/parking.mdx')).toContain('In front.');
    expect(git('show', 'main:src/content/pricing/en/60-minutes.mdx')).toContain('price: 105');
  });

  test('reading and saving drafts never touch the folder; publishing changes it', async () => {
    await start('git');
    const file = join(repo, 'src/content/pricing/en/60-minutes.mdx');
    const untouched = () => ({
      text: readFileSync(file, 'utf8'),
      modified: statSync(file).mtimeMs,
    });
    const before = untouched();
    await saveDraft(105);
    await saveDraft(110);
    const draft = await call('unpublishedEntry', { collection: 'pricing', slug: '60-minutes' });
    expect(draft.body['status']).toBe('draft');
    const data = await call('unpublishedEntryDataFile', {
      collection: 'pricing',
      slug: '60-minutes',
      path: 'src/content/pricing/en/60-minutes.mdx',
    });
    expect(data.body['data']).toContain('price: 110');
    // A language the draft has no file for (not translated): an empty file, no translation.
    const missing = await call('unpublishedEntryDataFile', {
      collection: 'pricing',
      slug: '60-minutes',
      path: 'src/content/pricing/es/60-minutes.mdx',
    });
    expect(missing).toEqual({ status: 200, body: { data: '' } });
    expect(untouched()).toEqual(before);
    expect(git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git('status', '--porcelain')).toBe('');
    // One commit on main, whatever the number of saves.
    expect(git('rev-list', '--count', 'main..cms/pricing/60-minutes')).toBe('1');

    await call('publishUnpublishedEntry', { collection: 'pricing', slug: '60-minutes' });
    expect(readFileSync(file, 'utf8')).toContain('price: 110');
    expect(git('status', '--porcelain')).toBe('');
  });

  test('saves a draft beside uncommitted work, which stays uncommitted', async () => {
    await start('git');
    write('notes.txt', 'mine');
    expect((await saveDraft(105)).status).toBe(200);
    expect(git('show', 'cms/pricing/60-minutes:src/content/pricing/en/60-minutes.mdx')).toContain(
      'price: 105',
    );
    expect(git('ls-tree', '--name-only', 'cms/pricing/60-minutes', 'notes.txt')).toBe('');
    expect(git('status', '--porcelain')).toBe('?? notes.txt');
  });

  test('refuses to delete while the folder has uncommitted work, naming the files', async () => {
    await start('git');
    write('notes.txt', 'mine');
    const refused = await call('deleteFiles', {
      paths: ['src/content/faq/en/parking.mdx'],
      options: { commitMessage: 'Delete' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body['error']).toMatch(
      /changes that are not committed on "main" \(notes\.txt\)/,
    );
    expect(git('log', '--format=%s')).toBe('start');
  });

  test('refuses the Media library’s own upload: pictures travel with an entry’s draft', async () => {
    await start('git');
    const refused = await call('persistMedia', {
      asset: { path: 'src/assets/images/new.jpg', content: 'AAAA', encoding: 'base64' },
      options: { commitMessage: 'Upload' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body['error']).toMatch(/uploaded from the entry that shows it/);
    expect(git('log', '--format=%s')).toBe('start');
  });

  test('refuses a file outside the content and media folders', async () => {
    await start('git');
    const refused = await call('persistEntry', {
      dataFiles: [{ path: 'package.json', slug: 'x', raw: '{}' }],
      assets: [],
      options: {
        collectionName: 'pricing',
        status: 'draft',
        useWorkflow: true,
        commitMessage: 'x',
      },
    });
    expect(refused.status).toBe(409);
    expect(refused.body['error']).toContain('may not write "package.json"');
    expect(git('branch', '--list', 'cms/*')).toBe('');
  });

  test('a draft that conflicts with what was published since stays a draft, with the reason', async () => {
    await start('git');
    await saveDraft(105);
    write('src/content/pricing/en/60-minutes.mdx', '---\nprice: 120\n---\n');
    git('commit', '--quiet', '--all', '--message', 'Price changed by hand');
    const refused = await call('publishUnpublishedEntry', {
      collection: 'pricing',
      slug: '60-minutes',
    });
    expect(refused.status).toBe(409);
    expect(refused.body['error']).toMatch(/^Not published: git could not merge the draft/);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', 'main:src/content/pricing/en/60-minutes.mdx')).toContain('price: 120');
    expect(git('branch', '--list', 'cms/*', '--format=%(refname:short)')).toBe(
      'cms/pricing/60-minutes',
    );
  });
});

describe('file-system mode (npm run dev -- --simple)', () => {
  test('offers no drafts: Decap publishes each save', async () => {
    await start('fs');
    expect((await call('info')).body['publish_modes']).toEqual(['simple']);
  });
});
