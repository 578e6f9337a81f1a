import type { Locator, Page } from '@playwright/test';
import { languagePane, markChecked, openCms, setStatus, typeAtEnd } from '../../support/cms-editor';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { LANGUAGES, pathIn } from '../site';
import { startDev, type DevWorkspace } from '../../support/dev-workspace';
import { columnTests } from './columns';
import { expect, test } from '../fixtures';

/**
 * The README's own command, `npm run dev` (and `npm run dev -- --simple`), as staff use it: the
 * CMS opens on the dev server, drafts are saved and published through Decap's UI, the CMS page is
 * never reloaded under the editor's hands, and the dev server shows what was published.
 */

test.describe.configure({ mode: 'serial' });

const PORT = 4331;
/** How long staff keep typing in one entry while others are drafts (the reload loop was 2–3 s). */
const WATCH_MS = 20_000;
/** The pause of a slow writer between emptying a file and writing it (see writeInPlace). */
const WRITER_PAUSE_MS = 35;

/** Marks the page, so that a reload (which would lose what is typed) shows as a lost mark. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
}

async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
}

async function openEditor(page: Page, dev: DevWorkspace, hash: string): Promise<void> {
  await openCms(
    page,
    `${dev.url}/admin/#${hash}`,
    // The editor's toolbar ("Writing in Prices collection"), drafts or not.
    page.getByRole('link', { name: /Writing in / }),
  );
}

/**
 * Writes `text` over the file at `path` in place, as an editor or decap-server's `fs.writeFile`
 * does: the file is emptied, then written. Between the two, WRITER_PAUSE_MS: a writer descheduled
 * on a loaded machine. A dev server that read the file at its first change stored the entry empty,
 * and missed the write (chokidar drops a second change within 50 ms): 3 times in 3 at 25–45 ms.
 */
async function writeInPlace(path: string, text: string): Promise<void> {
  const file = await open(path, 'w');
  await new Promise((resolve) => setTimeout(resolve, WRITER_PAUSE_MS));
  await file.writeFile(text);
  await file.close();
}

/** Saves the open entry (a draft, or with --simple, straight to the site) and waits until it is. */
async function save(page: Page, simple: boolean): Promise<void> {
  if (simple) {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await expect(page.getByText('Changes saved', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Published', exact: true })).toBeVisible();
    return;
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Changes saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Status:/ })).toBeVisible();
}

/**
 * Types into `field` for at least WATCH_MS, a word at a time; after each word it watches up to a
 * second for a navigation of the page, which fails the test. Returns the words typed.
 */
async function keepTyping(page: Page, field: Locator): Promise<string[]> {
  const words: string[] = [];
  const started = Date.now();
  for (let word = 1; Date.now() - started < WATCH_MS; word += 1) {
    await typeAtEnd(page, field, ` word${word}`);
    words.push(`word${word}`);
    const navigated = await page
      .waitForEvent('framenavigated', { timeout: 1_000 })
      .then((frame) => frame === page.mainFrame())
      .catch(() => false);
    expect(navigated, `the CMS page reloaded after ${Date.now() - started} ms`).toBe(false);
  }
  expect(await stillSamePage(page), 'the CMS page was reloaded').toBe(true);
  return words;
}

for (const simple of [false, true]) {
  const command = simple ? 'npm run dev -- --simple' : 'npm run dev';

  test.describe(command, () => {
    let dev: DevWorkspace;

    test.beforeAll(async () => {
      dev = await startDev({ port: PORT, simple });
    });

    test.afterAll(async () => {
      await dev?.close();
    });

    // What the dev server printed, beside a failure (CI shows attachments' text in its log).
    test.afterEach(async ({}, testInfo) => {
      if (testInfo.status !== testInfo.expectedStatus && dev) {
        await testInfo.attach('npm run dev printed', { body: dev.output().slice(-20_000) });
        // The terminal report shows an attachment's first 300 characters: the last lines here.
        console.log(
          `npm run dev printed, last lines:\n${dev.output().split('\n').slice(-40).join('\n')}`,
        );
      }
    });

    test('the CMS opens, saves, is never reloaded while staff type, and the site shows what was published', async ({
      page,
      context,
    }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Staff type in one tab while drafts are saved and published in another.
      const typing = page;
      await openEditor(typing, dev, '/collections/faq/entries/what-is-medical-massage');
      const answer = languagePane(typing, LANGUAGES.main.code).locator(
        '[data-slate-editor="true"]',
      );
      await expect(answer).toContainText(/\w/);
      await markPage(typing);

      const other = await context.newPage();
      other.on('pageerror', (error) => errors.push(error.message));
      await openEditor(other, dev, '/collections/pricing/entries/60-minutes');
      await languagePane(other, LANGUAGES.main.code).getByLabel('Price').fill('105');
      await save(other, simple);
      if (!simple) {
        expect(dev.draftBranches()).toEqual(['cms/pricing/60-minutes']);
        await openEditor(other, dev, '/collections/faq/entries/auto-accidents');
        const otherAnswer = languagePane(other, LANGUAGES.main.code).locator(
          '[data-slate-editor="true"]',
        );
        await expect(otherAnswer).toContainText(/\w/);
        await typeAtEnd(other, otherAnswer, ' Call us first.');
        await save(other, simple);
        expect(dev.draftBranches().sort()).toEqual([
          'cms/faq/auto-accidents',
          'cms/pricing/60-minutes',
        ]);
        // Reading and saving drafts left the files the dev server watches as they were.
        expect(dev.git('status', '--porcelain')).toBe('');
        expect(dev.git('show', 'HEAD:src/content/pricing/en/60-minutes.mdx')).toMatch(
          /^price: 100$/m,
        );
      }

      // 20 s of typing with the drafts open (or just after a save with --simple): no reload.
      await typing.bringToFront();
      const typed = await keepTyping(typing, answer);

      if (!simple) {
        await openEditor(other, dev, '/collections/pricing/entries/60-minutes');
        await setStatus(other, 'Ready');
        other.once('dialog', (dialog) => void dialog.accept());
        await other.getByRole('button', { name: 'Publish', exact: true }).click();
        await other.getByRole('menuitem', { name: 'Publish now' }).click();
        await expect(other.getByRole('button', { name: 'Published', exact: true })).toBeVisible();
        expect(dev.draftBranches()).toEqual(['cms/faq/auto-accidents']);
      }
      // The dev server picks the change up from the folder, as it does for any edit: its content
      // store holds it, then its pages show it.
      await expect
        .poll(() => dev.storedEntry('src/content/pricing/en/60-minutes.mdx')?.data['price'], {
          timeout: 60_000,
        })
        .toBe(105);
      await expect
        .poll(async () => (await context.request.get(`${dev.url}/pricing/`)).text())
        .toContain('$105');
      const site = await context.newPage();
      await site.goto(`${dev.url}/pricing/`);
      await expect(site.getByRole('main').getByText('$105', { exact: true })).toBeVisible();
      // The dev server announced the content change to every open page; the CMS stayed as it was.
      expect(await stillSamePage(typing), 'the CMS page was reloaded after publishing').toBe(true);
      for (const word of typed) await expect(answer).toContainText(word);
      expect(errors, 'errors on the CMS pages').toEqual([]);
    });

    // The languages side by side, on this same dev server (tests/e2e/cms/columns.ts).
    if (!simple) columnTests(() => dev);

    if (simple) {
      test('a file the site cannot build is named in the CMS, never covering it, and is fixed there', async ({
        page,
        context,
      }) => {
        const other = LANGUAGES.others[0]!;
        const entry = 'what-is-medical-massage';
        const file = `src/content/faq/${other.code}/${entry}.mdx`;
        const faqPage = `${dev.url}${pathIn('/faq/', other)}`;
        await openEditor(page, dev, `/collections/faq/entries/${entry}`);
        // Edited by hand (or published before every column was checked): MDX reads {…} as code.
        // Saved in place as an editor does, the file emptied a moment before its words are
        // written: the dev server reads it once it has stopped changing (astro.config.mjs).
        const path = join(dev.dir, file);
        await writeInPlace(
          path,
          `${readFileSync(path, 'utf8').trimEnd()}\n\nEscrito a mano {roto}.\n`,
        );
        // Asked for once the dev server has stored the change (see storedEntry).
        await expect
          .poll(() => dev.storedEntry(file)?.body, { timeout: 60_000 })
          .toContain('Escrito a mano {roto}.');
        await expect.poll(async () => (await context.request.get(faqPage)).status()).toBe(500);
        // The dev server sends its error to every open page: here a notice, not its box.
        const notice = page.getByRole('alert', { name: 'The site cannot be built' });
        await expect(notice).toContainText(file);
        await expect(page.locator('vite-error-overlay')).toHaveCount(0);
        await notice.getByRole('button', { name: 'Close this notice' }).click();
        await expect(notice).toHaveCount(0);
        // Named again the next time the page is asked for; from it, the entry opens afresh.
        expect((await context.request.get(faqPage)).status()).toBe(500);
        await expect(notice).toContainText(file);
        await notice.getByRole('link', { name: 'Open the entry' }).click();
        const answer = languagePane(page, other.code).locator('[data-slate-editor="true"]');
        // Read afresh: the page is loaded again (logging in again if Decap asks).
        const login = page.getByRole('button', { name: 'Login' });
        await expect(login.or(answer.getByText('Escrito a mano {roto}.'))).toBeVisible();
        if (await login.isVisible()) await login.click();
        await expect(answer).toContainText('Escrito a mano {roto}.');
        // Saved through the CMS, the same words are escaped, and the page builds again.
        await typeAtEnd(page, answer, ' Corregido.');
        await markChecked(languagePane(page, other.code));
        await save(page, simple);
        expect(readFileSync(path, 'utf8')).toContain('Escrito a mano \\{roto\\}. Corregido.');
        await expect
          .poll(() => dev.storedEntry(file)?.body, { timeout: 60_000 })
          .toContain('Corregido.');
        await expect.poll(async () => (await context.request.get(faqPage)).status()).toBe(200);
      });
    }
  });
}
