import type { Locator, Page } from '@playwright/test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { languagePane, markChecked, openCms, save, setStatus } from '../../support/cms-editor';
import { openCmsWorkspace, workspacePorts, type CmsWorkspace } from '../../support/cms-workspace';
import { fill, formatPhone } from '../../../src/lib/format';
import { languageLabel } from '../../../src/cms/config';
import { CMS_BACKEND } from '../../../src/site.config';
import { expect, test } from '../fixtures';
import {
  categoryFiles,
  clinic,
  entries,
  LANGUAGES,
  mainLocation,
  pageData,
  siteWords,
} from '../site';

/**
 * Staff's editorial workflow, through Decap's own UI, on a temporary git repository served by the
 * same CMS backend `npm run dev` starts: each save is a draft on a `cms/…` branch, moved Draft →
 * In review → Ready, and "Publish" merges it into `main`.
 */

/** What staff might type: every character that means something to MDX, Markdown or HTML. */
const SPECIAL = '{ } < > [ ] * _ $ & # 😀 日本語';
const TITLE = `Test ${SPECIAL}`;
const BODY = `Body with ${SPECIAL} and <script>alert(1)</script> as text.`;
const ANSWER = 'Yes. Ask {us} <b>now</b> about your claim; we treat injuries from car accidents. ';
const IMAGE_ALT = 'A therapist at work, uploaded through the CMS';
const SESSIONS_HEADING = 'Pick the length of your session';
const CATEGORY_HEADING = 'Before and after your visit';

test.describe.configure({ mode: 'serial' });

/** The other language the CMS tests edit (the first after the main one). */
const OTHER = LANGUAGES.others[0]!;

let workspace: CmsWorkspace;
/** The FAQ answer's text as the CMS preview showed it, compared with the built page at the end. */
let previewedAnswer = '';

test.beforeAll(async ({}, worker) => {
  workspace = await openCmsWorkspace({ ports: workspacePorts(worker.parallelIndex) });
});
test.beforeEach(({ context }) => workspace.connect(context));
test.afterEach(({ context }) => workspace.disconnect(context));

test.afterAll(async () => {
  await workspace?.close();
});

const onMain = (path: string) => workspace.git('show', `main:${path}`);
const fileOnMain = (path: string) => workspace.git('ls-tree', '--name-only', 'main', path) !== '';
const draftStatus = (branch: string) =>
  workspace.git('config', '--default', '', `branch.${branch}.description`);

/** The editor's column of the main language (each language has its own, side by side). */
const main = (page: Page) => languagePane(page, LANGUAGES.main.code);

/**
 * The preview. With several languages Decap shows the next language's fields where the preview
 * was (its right-hand column); the preview is then one click away ("Toggle preview").
 */
async function previewPane(page: Page) {
  const frame = page.locator('#preview-pane');
  // Again until it shows: just after publishing, Decap draws the editor anew, and a click on the
  // toolbar it is replacing is lost (seen once, on a loaded machine).
  await expect(async () => {
    if ((await frame.count()) === 0)
      await page.getByRole('button', { name: 'Toggle preview' }).click();
    await expect(frame).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  return page.frameLocator('#preview-pane');
}

async function openEditor(page: Page, hash: string): Promise<void> {
  await openCms(page, `/admin/#${hash}`, page.getByRole('button', { name: 'Save', exact: true }));
}

/** Publishes the open draft, and waits until the toolbar says it is published. */
async function publish(page: Page): Promise<void> {
  await publishNow(page);
  await expect(page.getByRole('button', { name: 'Published', exact: true })).toBeVisible();
}

async function publishNow(page: Page): Promise<void> {
  // Decap asks "Are you sure you want to publish this entry?".
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

async function typeInBody(page: Page, text: string, pane = main(page)): Promise<void> {
  const editor = pane.locator('[data-slate-editor="true"]');
  await editor.click();
  // Decap's editor (Slate) takes the caret from the click a moment later, which can undo a
  // selection made at once: select and delete until the field really is empty.
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    expect((await editor.innerText()).trim()).toBe('');
  }).toPass({ timeout: 15_000 });
  // One input event for the whole text, as a paste would be: typing key by key on a loaded machine
  // takes longer than a test may.
  await page.keyboard.insertText(text);
  await expect(editor).toHaveText(text);
}

/** Adds a link at the end of the body with the editor's Link button, which asks for the address. */
async function addLink(page: Page, address: string, pane = main(page)): Promise<void> {
  const links = pane.locator('[data-slate-editor="true"] a');
  const before = await links.count();
  await page.keyboard.press('ControlOrMeta+End');
  page.once('dialog', (dialog) => void dialog.accept(address));
  await pane.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(links).toHaveCount(before + 1);
}

test('the admin page is not for search engines', async ({ page, request }) => {
  await page.goto('/admin/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin/');
  expect(await (await request.get('/sitemap-0.xml')).text()).not.toContain('/admin/');
});

test('on the clinic’s own domain the CMS asks for a GitHub login, its configuration accepted', async ({
  page,
  baseURL,
}) => {
  // A host name that is not localhost: Decap then uses the production configuration (GitHub,
  // editorial workflow). The built site answers for it; GitHub and everything else are blocked.
  // HTTPS, as in production: Decap needs a secure context (crypto.randomUUID).
  const clinic = 'https://clinic.test';
  const blocked: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== clinic) {
      blocked.push(url.origin);
      return route.abort('blockedbyclient');
    }
    const response = await route.fetch({ url: `${baseURL}${url.pathname}${url.search}` });
    return route.fulfill({ response });
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${clinic}/admin/`);
  await expect(page.getByRole('button', { name: 'Login with GitHub' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/Error loading the CMS configuration|Config Errors/i)).toHaveCount(0);
  expect(problems, 'errors on the page').toEqual([]);
  expect(
    blocked.filter((origin) => origin.includes('localhost:8081')),
    'local backend',
  ).toEqual([]);
  // The browser still fetches (the favicon, Decap's chunks) on its own schedule: a fetch the
  // handler has in flight when the page closes would fail the test after it passed.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a new service with special characters and an uploaded photo goes Draft → In review → Ready → Publish', async ({
  page,
}) => {
  await openEditor(page, '/collections/services/new');
  await main(page).getByLabel('Title').fill(TITLE);
  await main(page)
    .getByLabel('Summary')
    .fill(`A summary that also holds ${SPECIAL} to show it stays as typed.`);
  await main(page).getByLabel('Kind').click();
  await page.getByRole('option', { name: 'modality' }).click();
  await main(page).getByRole('button', { name: 'Add what it helps with' }).click();
  await main(page).getByLabel('Item').fill(`Helps with ${SPECIAL}`);
  await main(page).getByLabel('Order').fill('8');
  await main(page).getByText('Choose an image').click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'uploaded-photo.jpg',
    mimeType: 'image/jpeg',
    // A photo of its own (Astro would serve identical bytes under an existing file's name).
    buffer: await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 110 } },
    })
      .jpeg()
      .toBuffer(),
  });
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await main(page).getByLabel('Image description (alt text)').fill(IMAGE_ALT);
  await typeInBody(page, BODY);
  await save(page);

  // A draft: its own branch; main and the working files have nothing of it.
  const [branch] = workspace.draftBranches();
  expect(branch).toMatch(/^cms\/services\/test-/);
  expect(draftStatus(branch ?? '')).toBe('decap-cms/draft');
  const file = `src/content/services/en/${(branch ?? '').slice('cms/services/'.length)}.mdx`;
  expect(fileOnMain(file)).toBe(false);
  expect(existsSync(join(workspace.dir, file))).toBe(false);
  expect(existsSync(join(workspace.dir, 'src/assets/images/uploaded-photo.jpg'))).toBe(false);
  expect(workspace.git('status', '--porcelain')).toBe('');

  await setStatus(page, 'In review');
  expect(draftStatus(branch ?? '')).toBe('decap-cms/pending_review');
  await setStatus(page, 'Ready');
  expect(draftStatus(branch ?? '')).toBe('decap-cms/pending_publish');

  // The site built from main before publishing shows nothing of the draft.
  const site = await workspace.buildAndServe();
  await page.goto(`${site}/services/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);

  await openEditor(page, `/collections/services/entries/${file.split('/').pop()?.slice(0, -4)}`);
  await publish(page);
  expect(workspace.draftBranches()).toEqual([]);
  expect(onMain(file)).toContain('image: /src/assets/images/uploaded-photo.jpg');
  // Written in the main language only: no file for the other language, not even an empty one.
  expect(fileOnMain(file.replace(`/${LANGUAGES.main.code}/`, `/${OTHER.code}/`))).toBe(false);
  // Its preview says where its page is in each language.
  const address = (await previewPane(page)).locator('.preview-address');
  await expect(address).toContainText(`/services/${file.split('/').pop()?.slice(0, -4)}/`);
  await expect(address).toContainText('(not translated yet)');
  expect(fileOnMain('src/assets/images/uploaded-photo.jpg')).toBe(true);
  expect(readFileSync(join(workspace.dir, file), 'utf8')).toContain(IMAGE_ALT);
});

test('two drafts of different entries are open at once and publish independently', async ({
  page,
}) => {
  await openEditor(page, '/collections/pricing/entries/60-minutes');
  await main(page).getByLabel('Price').fill('105');
  // A note typed and cleared again: no note, not an empty one the build would refuse.
  await main(page).getByLabel('Note').fill('Most popular');
  await main(page).getByLabel('Note').fill('');
  await save(page);

  await openEditor(page, '/collections/faq/entries/auto-accidents');
  await typeInBody(page, ANSWER);
  await addLink(page, 'https://www.example.org/claims');
  const preview = (await previewPane(page)).locator('.prose');
  await expect(preview).toContainText('Ask {us} <b>now</b>');
  await expect(preview.locator('b')).toHaveCount(0);
  previewedAnswer = await preview.innerText();
  await save(page);

  expect(workspace.draftBranches().sort()).toEqual([
    'cms/faq/auto-accidents',
    'cms/pricing/60-minutes',
  ]);
  await page.goto('/admin/#/workflow');
  await expect(page.getByText('60 minutes: 105 USD')).toBeVisible();
  await expect(page.getByText(/auto-accidents|car accident/i).first()).toBeVisible();

  // Publishing the answer leaves the price a draft.
  await openEditor(page, '/collections/faq/entries/auto-accidents');
  await setStatus(page, 'Ready');
  await publish(page);
  expect(onMain('src/content/faq/en/auto-accidents.mdx')).toContain('Ask \\{us\\} \\<b>now\\</b>');
  expect(onMain('src/content/pricing/en/60-minutes.mdx')).toMatch(/^price: 100$/m);
  expect(workspace.draftBranches()).toEqual(['cms/pricing/60-minutes']);

  await openEditor(page, '/collections/pricing/entries/60-minutes');
  await setStatus(page, 'Ready');
  await publish(page);
  expect(onMain('src/content/pricing/en/60-minutes.mdx')).toMatch(/^price: 105$/m);
  expect(onMain('src/content/pricing/en/60-minutes.mdx')).not.toMatch(/^note:/m);
  expect(workspace.draftBranches()).toEqual([]);
});

test('the FAQ list shows one category at a time by its heading, its questions in order', async ({
  page,
}) => {
  await openCms(page, '/admin/#/collections/faq', page.getByRole('button', { name: 'Filter by' }));
  const [category] = categoryFiles().filter(({ id }) =>
    entries<{ category: string }>('faq').some(({ data }) => data.category === id),
  );
  const questions = entries<{ category: string; order: number; question: string }>('faq')
    .filter(({ data }) => data.category === category?.id)
    .sort((a, b) => a.data.order - b.data.order)
    .map(({ data }) => `${data.order}. ${data.question}`);
  await page.getByRole('button', { name: 'Filter by' }).click();
  await page.getByRole('menuitem', { name: category?.heading ?? '', exact: true }).click();
  await page.keyboard.press('Escape');
  const cards = page
    .locator('main')
    .getByRole('link')
    .filter({ hasText: /^\d+\. / });
  await expect(cards).toHaveText(questions);
});

test('a page’s own words and an FAQ category are edited like any entry', async ({ page }) => {
  await openEditor(page, '/collections/pages/entries/page-book');
  await main(page).getByLabel('Sessions', { exact: true }).fill(SESSIONS_HEADING);
  await save(page);
  await setStatus(page, 'Ready');
  await publish(page);
  expect(onMain('src/content/pages/en/book.mdx')).toContain(`sessions: ${SESSIONS_HEADING}`);

  await openEditor(page, '/collections/faqCategories/entries/visit');
  await main(page).getByLabel('Heading', { exact: true }).fill(CATEGORY_HEADING);
  await save(page);
  await setStatus(page, 'Ready');
  await publish(page);
  // Renamed, not moved: questions name the category by its file, which stays.
  expect(onMain('src/content/faq-categories/en/visit.yaml')).toContain(
    `heading: ${CATEGORY_HEADING}`,
  );
  expect(workspace.draftBranches()).toEqual([]);
});

test('a therapist opens with a preview in the site’s words, their licence and its lookup', async ({
  page,
}) => {
  await openEditor(page, '/collections/therapists/entries/therapist-placeholder');
  await main(page).getByLabel('Number', { exact: true }).fill('MT-12345');
  const preview = await previewPane(page);
  const { words } = pageData('therapists');
  const therapist = entries<{ licence: { board: string; lookupUrl: string } }>('therapists')[0];
  await expect(preview.locator('main')).toContainText(
    fill(words.licence, { number: 'MT-12345', board: therapist?.data.licence.board ?? '' }),
  );
  await expect(preview.getByRole('link', { name: words.lookup })).toHaveAttribute(
    'href',
    therapist?.data.licence.lookupUrl ?? '',
  );
});

test('a draft that no longer passes the rules cannot be published; a deleted draft leaves no branch', async ({
  page,
}) => {
  // Draft 1 makes the 30-minute tier 45 minutes: valid when saved.
  await openEditor(page, '/collections/pricing/entries/30-minutes');
  await main(page).getByLabel('Length (minutes)').fill('45');
  await save(page);

  // Draft 2, a new 45-minute tier, is published first.
  await openEditor(page, '/collections/pricing/new');
  await main(page).getByLabel('Length (minutes)').fill('45');
  await main(page).getByLabel('Price').fill('80');
  await main(page).getByLabel('Cal.com event').fill('45min');
  await save(page);
  await setStatus(page, 'Ready');
  await publish(page);
  expect(fileOnMain('src/content/pricing/en/45-minutes.mdx')).toBe(true);

  // Now draft 1 would make two 45-minute tiers: refused, naming the field, both files and the rule.
  await openEditor(page, '/collections/pricing/entries/30-minutes');
  await setStatus(page, 'Ready');
  await publishNow(page);
  await expect(
    page.getByText(
      'durationMinutes: src/content/pricing/en/45-minutes.mdx and src/content/pricing/en/30-minutes.mdx are both 45 minutes; each session length may have only one price tier',
    ),
  ).toBeVisible();
  expect(onMain('src/content/pricing/en/30-minutes.mdx')).toMatch(/^durationMinutes: 30$/m);
  expect(workspace.draftBranches()).toEqual(['cms/pricing/30-minutes']);

  // Deleting the draft deletes its branch; the published tier is as it was.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete unpublished changes' }).click();
  await expect.poll(() => workspace.draftBranches()).toEqual([]);
  expect(onMain('src/content/pricing/en/30-minutes.mdx')).toMatch(/^durationMinutes: 30$/m);
});

test('a second tier of a length already published is refused when saved, naming both files', async ({
  page,
}) => {
  await openEditor(page, '/collections/pricing/entries/90-minutes');
  await main(page).getByLabel('Length (minutes)').fill('60');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText(
      'durationMinutes: src/content/pricing/en/60-minutes.mdx and src/content/pricing/en/90-minutes.mdx are both 60 minutes',
    ),
  ).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

test('the CMS refuses to save without a required field, saying which', async ({ page }) => {
  await openEditor(page, '/collections/benefits/new');
  await main(page).getByLabel('Order').fill('12');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText(/Oops, a required field is missing|is required/i).first(),
  ).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

test('the CMS refuses what the schema rejects, with the field and the rule', async ({ page }) => {
  await openEditor(page, '/collections/benefits/new');
  await main(page).getByLabel('Title').fill('Hi');
  await main(page).getByLabel('Order').fill('12');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/title: must be at least 5 characters/)).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

test('the CMS refuses a link that could run script, naming it as the build does', async ({
  page,
}) => {
  await openEditor(page, '/collections/faq/entries/what-is-medical-massage');
  await typeInBody(page, 'Read our policy: ');
  await addLink(page, 'JavaScript:alert(document.domain)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText('the link "JavaScript:alert(document.domain)" is not allowed'),
  ).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

test('a draft is saved beside uncommitted work, which stays uncommitted and untouched', async ({
  page,
}) => {
  const notes = join(workspace.dir, 'my-notes.txt');
  writeFileSync(notes, 'work in progress');
  try {
    await openEditor(page, '/collections/pricing/entries/90-minutes');
    await main(page).getByLabel('Price').fill('175');
    await save(page);
    expect(workspace.draftBranches()).toEqual(['cms/pricing/90-minutes']);
    expect(workspace.git('status', '--porcelain')).toBe('?? my-notes.txt');
    expect(workspace.git('ls-tree', '--name-only', 'cms/pricing/90-minutes', 'my-notes.txt')).toBe(
      '',
    );
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete unpublished changes' }).click();
    await expect.poll(() => workspace.draftBranches()).toEqual([]);
  } finally {
    rmSync(notes);
  }
});

/** Deletes the open published entry as staff do: the toolbar's button, then Decap's question. */
async function deletePublished(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete published entry' }).click();
}

/**
 * Opens the entry at `hash`, tries to delete it, and returns the refusal shown; main is as it was.
 */
async function refusedDelete(page: Page, hash: string): Promise<Locator> {
  const head = workspace.git('rev-parse', 'main');
  await openEditor(page, hash);
  await deletePublished(page);
  const refusal = page.getByText(/^Failed to delete entry: Not deleted:/);
  await expect(refusal).toBeVisible();
  expect(workspace.git('rev-parse', 'main')).toBe(head);
  return refusal;
}

test('a service that questions and a therapist name is not deleted; each is named', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const refusal = await refusedDelete(page, '/collections/services/entries/myofascial-release');
  // The FAQ's "Show on these service pages" and the therapist's techniques: both references.
  await expect(refusal).toContainText(
    'Question “Which techniques does orthopedic/medical massage use?” (field “Show on these service pages”)',
  );
  await expect(refusal).toContainText(
    'Therapist “Therapist Name (placeholder)” (field “Techniques”)',
  );
  await expect(refusal).toContainText('take it out of that field');
  expect(fileOnMain('src/content/services/en/myofascial-release.mdx')).toBe(true);
  // Refused and said so: nothing left uncaught on the page.
  expect(errors, 'uncaught errors on the CMS page').toEqual([]);
});

test('an FAQ category that questions are in is not deleted; one without questions is', async ({
  page,
}) => {
  const head = workspace.git('rev-parse', 'main');
  const refusal = await refusedDelete(page, '/collections/faqCategories/entries/prescriptions');
  await expect(refusal).toContainText('(field “Category”)');

  // A category nobody uses any more: deleted (Decap deletes straight on the branch).
  workspace.git(
    'mv',
    'src/content/faq-categories/en/prescriptions.yaml',
    'src/content/faq-categories/en/unused.yaml',
  );
  workspace.git('commit', '--quiet', '--message', 'A category with no questions');
  try {
    await openEditor(page, '/collections/faqCategories/entries/unused');
    await deletePublished(page);
    await expect.poll(() => fileOnMain('src/content/faq-categories/en/unused.yaml')).toBe(false);
  } finally {
    workspace.git('reset', '--quiet', '--hard', head);
  }
});

test('the Media library neither uploads nor deletes on the published branch', async ({ page }) => {
  const head = workspace.git('rev-parse', 'main');
  const media = page.getByRole('button', { name: 'Media', exact: true });
  await openCms(page, '/admin/#/collections/services', media);
  await media.click();
  await expect(page.getByRole('button', { name: 'Upload' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'straight-to-main.jpg',
    mimeType: 'image/jpeg',
    buffer: await sharp({
      create: { width: 40, height: 40, channels: 3, background: { r: 200, g: 0, b: 0 } },
    })
      .jpeg()
      .toBuffer(),
  });
  await expect(page.getByText(/uploaded from the entry that shows it/)).toBeVisible();

  // A picture a page shows: named, and kept.
  await page.getByText('massage-in-progress.jpg').click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete selected' }).click();
  await expect(
    page.getByText(
      /massage-in-progress\.jpg is on the site \(shown by Service “Orthopedic\/medical massage”\), so it is neither replaced nor deleted/,
    ),
  ).toBeVisible();
  expect(workspace.git('rev-parse', 'main')).toBe(head);
  expect(fileOnMain('src/assets/images/massage-in-progress.jpg')).toBe(true);
});

test('uploading over a picture the site shows is refused: rename it', async ({ page }) => {
  await openEditor(page, '/collections/services/entries/myofascial-release');
  await main(page).getByText('Choose an image').click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('input[type="file"]').setInputFiles({
    name: 'massage-in-progress.jpg',
    mimeType: 'image/jpeg',
    buffer: await sharp({
      create: { width: 60, height: 40, channels: 3, background: { r: 0, g: 0, b: 200 } },
    })
      .jpeg()
      .toBuffer(),
  });
  // Decap's "replace?" deletes the published file first: refused, naming who shows it.
  await expect(page.getByText(/massage-in-progress\.jpg is on the site/)).toBeVisible();
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await main(page).getByLabel('Image description (alt text)').fill('Another picture');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/is already on the site.*Rename your picture/)).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

/** Sets the left column's "Writing in" menu to the other language. */
async function writeInOther(page: Page): Promise<void> {
  await page.getByText(`Writing in ${LANGUAGES.main.code.toUpperCase()}`, { exact: true }).click();
  await page.getByRole('menuitem', { name: OTHER.code, exact: true }).click();
  await expect(
    page.getByText(`Writing in ${OTHER.code.toUpperCase()}`, { exact: true }).first(),
  ).toBeVisible();
}

/** Typed into the other language's column: every character MDX reads as code (issue 29). */
const OTHER_ANSWER = 'Respuesta corregida: <b>negrita</b> {llaves} & 100% "comillas".';
/** …as its file holds it: escaped as the main language's words are, so the build reads text. */
const OTHER_ANSWER_SAVED =
  'Respuesta corregida: \\<b>negrita\\</b> \\{llaves\\} & 100% "comillas".';

test('an FAQ answer in the other language is edited beside the main one and published to its own file', async ({
  page,
}) => {
  await openEditor(page, '/collections/faq/entries/what-happens-in-a-session');
  const other = languagePane(page, OTHER.code);
  // Side by side: the question in both languages; what is set once (the category) only in the main.
  await expect(main(page).getByLabel('Question')).toBeVisible();
  await expect(other.getByLabel('Question')).toBeVisible();
  await expect(other.getByLabel('Category')).toHaveCount(0);
  // A link that could run script, added in this column, is refused as in the main one, by name.
  await typeInBody(page, OTHER_ANSWER, other);
  await addLink(page, 'javascript:alert(1)', other);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText(
      `${languageLabel(OTHER)} (${OTHER.code.toUpperCase()}) – Answer – body: the link "javascript:alert(1)" is not allowed`,
      { exact: false },
    ),
  ).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
  // Refused, nothing was saved: the toolbar still offers what a published entry has, no draft's.
  await expect(page.getByRole('button', { name: 'Delete published entry' })).toBeVisible();
  await typeInBody(page, OTHER_ANSWER, other);

  // Its preview: "Writing in" set to the other language shows its words, with what is set once
  // (the category, whose heading is in that language) from the main language beside it.
  const category = entries<{ category: string }>('faq').find(
    ({ id }) => id === 'what-happens-in-a-session',
  )!.data.category;
  const { heading } = parse(
    readFileSync(
      new URL(
        `../../../src/content/faq-categories/${OTHER.code}/${category}.yaml`,
        import.meta.url,
      ),
      'utf8',
    ),
  ) as { heading: string };
  await main(page)
    .getByText(`Writing in ${LANGUAGES.main.code.toUpperCase()}`, { exact: true })
    .click();
  await page.getByRole('menuitem', { name: OTHER.code, exact: true }).click();
  const preview = await previewPane(page);
  await expect(preview.locator('.eyebrow')).toHaveText(heading);
  await expect(preview.locator('.prose')).toContainText(OTHER_ANSWER);
  await save(page);
  const file = `src/content/faq/${OTHER.code}/what-happens-in-a-session.mdx`;
  expect(onMain(file)).not.toContain(OTHER_ANSWER_SAVED);
  const [branch] = workspace.draftBranches();
  // Saved escaped, as the main column's words are: the build reads it as text.
  expect(workspace.git('show', `${branch}:${file}`)).toContain(OTHER_ANSWER_SAVED);
  await setStatus(page, 'Ready');
  // Changed words not checked by a fluent speaker would stop the production build: refused.
  await publishNow(page);
  await expect(
    page.getByText(
      /reviewed: its words are new or changed and not yet checked by a fluent speaker/,
    ),
  ).toBeVisible();
  expect(onMain(file)).not.toContain(OTHER_ANSWER_SAVED);
  // After the refusal Decap shows the main language's column alone: write in the other one.
  await writeInOther(page);
  await markChecked(other);
  await save(page);
  // The toolbar says the status the backend has (Ready, kept by a save), so Publish publishes.
  expect(draftStatus(branch ?? '')).toBe('decap-cms/pending_publish');
  await expect(page.getByRole('button', { name: 'Status: Ready' })).toBeVisible();
  await publish(page);
  expect(onMain(file)).toContain(OTHER_ANSWER_SAVED);
  expect(onMain(file)).toMatch(/^reviewed: true$/m);

  // Unticking a checked translation would stop the production build as well: refused.
  await openEditor(page, '/collections/faq/entries/what-happens-in-a-session');
  // Decap remembers the preview shown: one column, the main language's.
  await writeInOther(page);
  await other.getByRole('switch', { name: /^Translation checked by a fluent speaker/ }).click();
  await save(page);
  await setStatus(page, 'Ready');
  await publishNow(page);
  await expect(page.getByText(/reviewed: was checked by a fluent speaker; tick/)).toBeVisible();
  expect(onMain(file)).toMatch(/^reviewed: true$/m);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete unpublished changes' }).click();
  await expect.poll(() => workspace.draftBranches()).toEqual([]);
  // The main language's file keeps its words, and no reviewed mark.
  const mainFile = onMain(`src/content/faq/${LANGUAGES.main.code}/what-happens-in-a-session.mdx`);
  expect(mainFile).not.toContain('Respuesta corregida');
  expect(mainFile).not.toMatch(/^reviewed:/m);

  // The other language's own settings file holds only words; its preview shows them with what is
  // set once (the clinic's name and phone) from the main language's file.
  await openEditor(page, `/collections/settings-${OTHER.code}/entries/clinic`);
  const clinicPreview = await previewPane(page);
  await expect(clinicPreview.locator('h1')).toHaveText(clinic().name);
  await expect(clinicPreview.locator('main')).toContainText(
    `${siteWords(OTHER).contact.call} ${formatPhone(clinic().phone)}`,
  );

  // A location is edited in every language side by side (a folder collection of the registry):
  // its name and the note under its hours in each language's column, its address and hours once.
  const location = mainLocation();
  const otherLocation = parse(
    readFileSync(`src/content/locations/${OTHER.code}/${location.id}.yaml`, 'utf8'),
  ) as { name: string; hoursNote: string };
  await openEditor(page, `/collections/locations/entries/${location.id}`);
  const mainColumn = languagePane(page, LANGUAGES.main.code);
  await expect(mainColumn.getByLabel('Street', { exact: true })).toHaveValue(
    location.address.street,
  );
  await expect(mainColumn.getByLabel('Name', { exact: true })).toHaveValue(location.name);
  const otherColumn = languagePane(page, OTHER.code);
  await expect(otherColumn.getByLabel('Name', { exact: true })).toHaveValue(otherLocation.name);
  await expect(otherColumn.getByLabel('Hours note (optional)', { exact: true })).toHaveValue(
    otherLocation.hoursNote,
  );
  // Its address only once on screen: in the main language's column (Decap keeps a hidden copy of
  // each field in the other column).
  await expect(page.getByLabel('Street', { exact: true }).filter({ visible: true })).toHaveCount(1);
});

test('in the other language’s column a cleared field is left out, and a language left without words writes no file', async ({
  page,
}) => {
  const other = languagePane(page, OTHER.code);
  const note = () => other.getByLabel('How to check coverage');
  const spanish = `src/content/insurance/${OTHER.code}/capital-blue-cross.mdx`;
  // A plan with no translation yet: a note typed in the other column makes its file…
  await openEditor(page, '/collections/insurance/entries/capital-blue-cross');
  await note().fill('Llame {antes} <b>a su aseguradora</b>.');
  await save(page);
  const [branch] = workspace.draftBranches();
  expect(branch).toBe('cms/insurance/capital-blue-cross');
  const written = workspace.git('show', `${branch}:${spanish}`);
  expect(written).toMatch(/^coverageNote: /m);
  expect(written).toContain('Llame {antes} <b>a su aseguradora</b>.');
  // …and cleared again, the language has no words: no file at all, not an empty one.
  await note().fill('');
  await page.getByText('Unsaved Changes', { exact: true }).waitFor();
  await save(page);
  expect(workspace.git('ls-tree', '--name-only', branch ?? '', spanish)).toBe('');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete unpublished changes' }).click();
  await expect.poll(() => workspace.draftBranches()).toEqual([]);

  // A published translation whose every word is cleared is refused: its old words would stay.
  await openEditor(page, '/collections/insurance/entries/choosehealthy-affinity-program');
  await expect(note()).not.toHaveValue('');
  await note().fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText(
      `${languageLabel(OTHER)} (${OTHER.code.toUpperCase()}) – every word in the ${languageLabel(OTHER)} column (${OTHER.code.toUpperCase()}) was cleared`,
      { exact: false },
    ),
  ).toBeVisible();
  expect(workspace.draftBranches()).toEqual([]);
});

test('after publishing, the site shows the new price, answer, tier, service, page words and category, literally', async ({
  page,
}) => {
  const site = await workspace.buildAndServe();
  await page.goto(`${site}/book/`);
  await expect(page.getByRole('heading', { level: 2, name: SESSIONS_HEADING })).toBeVisible();
  await page.goto(`${site}/faq/`);
  await expect(page.getByRole('heading', { level: 2, name: CATEGORY_HEADING })).toHaveAttribute(
    'id',
    'visit',
  );
  await page.goto(`${site}/pricing/`);
  await expect(page.getByRole('main').getByText('$105', { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText('45 minutes').first()).toBeVisible();

  await page.goto(`${site}/faq/#auto-accidents`);
  const answer = page.locator('#auto-accidents .prose');
  await expect(answer).toContainText('Ask {us} <b>now</b> about your claim');
  await expect(answer.locator('b')).toHaveCount(0);
  await expect(
    answer.getByRole('link', { name: 'https://www.example.org/claims' }),
  ).toHaveAttribute('href', 'https://www.example.org/claims');
  // The CMS preview showed exactly what the page shows.
  expect(previewedAnswer).not.toBe('');
  expect(await answer.innerText()).toBe(previewedAnswer);

  // The other language's page shows its own answer.
  await page.goto(`${site}/faq/`);
  await page
    .getByRole('banner')
    .getByRole('link', { name: siteWords(OTHER).languageName, exact: true })
    .click();
  const otherAnswer = page.locator('#what-happens-in-a-session');
  // As typed, the quotes set as the site sets every quote (Astro's smart punctuation).
  await expect(otherAnswer).toContainText(OTHER_ANSWER.replace(/"([^"]*)"/g, '“$1”'));
  await expect(otherAnswer.locator('.prose b')).toHaveCount(0);

  await page.goto(`${site}/services/`);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const main = page.getByRole('main');
  await expect(main).toContainText(BODY);
  await expect(main).toContainText(`Helps with ${SPECIAL}`);
  await expect(main.locator('script')).toHaveCount(0);
  const photo = main.getByRole('img', { name: IMAGE_ALT });
  await expect(photo).toHaveAttribute('src', /^\/_astro\/uploaded-photo\.[\w-]+\.(webp|avif|jpg)$/);
  await expect(photo).toHaveJSProperty('complete', true);
  expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
});

test('a draft naming a service deleted since it was saved is not published', async ({ page }) => {
  // Only a draft names the new service, so deleting it is allowed (no published entry names it).
  await openEditor(page, '/collections/faq/entries/why-a-prescription');
  await page.getByRole('combobox', { name: /^Show on these service pages/ }).fill('Test');
  await page.getByRole('option', { name: TITLE }).click();
  await save(page);
  const [service] = workspace
    .git('ls-tree', '--name-only', 'main', 'src/content/services/en/')
    .split('\n')
    .filter((path) => path.includes('/test-'));
  const slug = (service ?? '').split('/').pop()?.slice(0, -'.mdx'.length) ?? '';
  expect(slug).not.toBe('');
  await openEditor(page, `/collections/services/entries/${slug}`);
  await deletePublished(page);
  await expect.poll(() => fileOnMain(service ?? '')).toBe(false);

  await openEditor(page, '/collections/faq/entries/why-a-prescription');
  await setStatus(page, 'Ready');
  await publishNow(page);
  await expect(
    page.getByText(
      `services: names “${slug}”, which is not published (publish it first, or choose another)`,
    ),
  ).toBeVisible();
  expect(onMain('src/content/faq/en/why-a-prescription.mdx')).not.toContain(slug);
  expect(workspace.draftBranches()).toEqual(['cms/faq/why-a-prescription']);
});

test('every screen links to the staff guide, beside Decap’s controls and over none of them', async ({
  page,
}) => {
  // The guide as GitHub shows it on the production branch: the file must be in the repository.
  expect(existsSync(new URL('../../../docs/staff-guide.md', import.meta.url))).toBe(true);
  const guide = `https://github.com/${CMS_BACKEND.repo}/blob/${CMS_BACKEND.branch}/docs/staff-guide.md`;
  const help = page.getByRole('link', { name: /^Help for staff/ });
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 740 },
  ]) {
    await page.setViewportSize(viewport);
    const screens = [
      ['/collections/faq', page.getByRole('link', { name: 'Workflow', exact: true })],
      [
        '/collections/faq/entries/why-a-prescription',
        page.getByRole('button', { name: 'Save', exact: true }),
      ],
    ] as const;
    for (const [hash, ready] of screens) {
      await openCms(page, `/admin/#${hash}`, ready);
      const where = `${hash} at ${viewport.width} px`;
      await expect(help, where).toBeVisible();
      await expect(help).toHaveText('Help');
      await expect(help).toHaveAttribute('href', guide);
      const box = await help.boundingBox();
      expect(box, where).not.toBeNull();
      // WCAG 2.2 target size (2.5.8), and on screen.
      expect(box!.width).toBeGreaterThanOrEqual(24);
      expect(box!.height).toBeGreaterThanOrEqual(24);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      const covered = await help.evaluate((link) => {
        const own = link.getBoundingClientRect();
        const atCentre = document.elementFromPoint(
          own.left + own.width / 2,
          own.top + own.height / 2,
        );
        const controls = document.querySelectorAll(
          '#nc-root :is(a, button, input, select, textarea, [role="button"])',
        );
        const under = [...controls]
          .filter((control) => !link.contains(control) && !control.contains(link))
          .filter((control) => {
            const other = control.getBoundingClientRect();
            return (
              other.width > 0 &&
              other.height > 0 &&
              other.left < own.right &&
              own.left < other.right &&
              other.top < own.bottom &&
              own.top < other.bottom
            );
          })
          .map(
            (control) =>
              control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName,
          );
        return atCentre && link.contains(atCentre) ? under : ['(the link is covered)', ...under];
      });
      expect(covered, `Decap’s controls the link overlaps, ${where}`).toEqual([]);
    }
  }
  // A key pressed first, as a keyboard user would: the browser then shows focus on a focus() call.
  await page.keyboard.press('Shift');
  await help.focus();
  await expect(help).toBeFocused();
  expect(await help.evaluate((link) => getComputedStyle(link).outlineStyle)).toBe('solid');
});
