import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCmsWorkspace, type CmsWorkspace } from '../../support/cms-workspace';
import { expect, test } from '../fixtures';

/** What staff might type: every character that means something to MDX, Markdown or HTML. */
const SPECIAL = '{ } < > [ ] * _ $ & # 😀 日本語';
const TITLE = `Test ${SPECIAL}`;
const BODY = `Body with ${SPECIAL} and <script>alert(1)</script> as text.`;

test.describe.configure({ mode: 'serial' });

let workspace: CmsWorkspace;
let site: string;

test.beforeAll(async () => {
  workspace = await openCmsWorkspace();
});

test.afterAll(async () => {
  await workspace?.close();
});

async function openEditor(page: Page, hash: string): Promise<void> {
  await page.goto(`/admin/#${hash}`);
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('button', { name: /^Publish/ }).first()).toBeVisible({
    timeout: 60_000,
  });
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

async function typeInBody(page: Page, text: string): Promise<void> {
  const editor = page.locator('[data-slate-editor="true"]');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // One input event for the whole text, as a paste would be: typing key by key on a loaded machine
  // takes longer than a test may.
  await page.keyboard.insertText(text);
  await expect(editor).toContainText(text);
}

/** Adds a link at the end of the body with the editor's Link button, which asks for the address. */
async function addLink(page: Page, address: string): Promise<void> {
  const links = page.locator('[data-slate-editor="true"] a');
  const before = await links.count();
  await page.keyboard.press('ControlOrMeta+End');
  page.once('dialog', (dialog) => void dialog.accept(address));
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(links).toHaveCount(before + 1);
}

test('the admin page is not for search engines', async ({ page, request }) => {
  await page.goto('/admin/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin/');
  expect(await (await request.get('/sitemap-0.xml')).text()).not.toContain('/admin/');
});

test('staff change a price and publish it', async ({ page }) => {
  await openEditor(page, '/collections/pricing/entries/60-minutes');
  await page.getByLabel('Price').fill('105');
  await publish(page);
  await expect(page.getByRole('button', { name: 'Published' })).toBeVisible();
  expect(readFileSync(join(workspace.dir, 'src/content/pricing/60-minutes.mdx'), 'utf8')).toMatch(
    /^price: 105$/m,
  );
});

test('staff change a FAQ answer and publish it', async ({ page }) => {
  await openEditor(page, '/collections/faq/entries/auto-accidents');
  await typeInBody(
    page,
    'Yes. We treat injuries from car accidents; call us to talk about your claim. Details: ',
  );
  await addLink(page, 'https://www.example.org/claims');
  await publish(page);
  await expect(page.getByRole('button', { name: 'Published' })).toBeVisible();
});

test('staff create a service whose title and text hold special characters', async ({ page }) => {
  await openEditor(page, '/collections/services/new');
  await page.getByLabel('Title').fill(TITLE);
  await page
    .getByLabel('Summary')
    .fill(`A summary that also holds ${SPECIAL} to show it stays as typed.`);
  await page.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'modality' }).click();
  await page.getByRole('button', { name: 'Add what it helps with' }).click();
  await page.getByLabel('Item').fill(`Helps with ${SPECIAL}`);
  await page.getByLabel('Order').fill('8');
  await typeInBody(page, BODY);
  await publish(page);
  await expect(page.getByRole('button', { name: 'Published' })).toBeVisible();
});

test('the CMS refuses to publish without a required field, saying which', async ({ page }) => {
  await openEditor(page, '/collections/benefits/new');
  await page.getByLabel('Order').fill('12');
  await publish(page);
  await expect(
    page.getByText(/Oops, a required field is missing|is required/i).first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Published' })).toHaveCount(0);
});

test('the CMS refuses what the schema rejects, with the field and the rule', async ({ page }) => {
  await openEditor(page, '/collections/benefits/new');
  await page.getByLabel('Title').fill('Hi');
  await page.getByLabel('Order').fill('12');
  await publish(page);
  await expect(page.getByText(/title: must be at least 5 characters/)).toBeVisible();
});

test('the CMS refuses a link that could run script, naming it as the build does', async ({
  page,
}) => {
  await openEditor(page, '/collections/faq/entries/what-is-medical-massage');
  await typeInBody(page, 'Read our policy: ');
  await addLink(page, 'JavaScript:alert(document.domain)');
  await publish(page);
  await expect(
    page.getByText('the link "JavaScript:alert(document.domain)" is not allowed'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Published' })).toHaveCount(0);
  expect(
    readFileSync(join(workspace.dir, 'src/content/faq/what-is-medical-massage.mdx'), 'utf8'),
  ).not.toContain('JavaScript:');
});

test('after a rebuild, the site shows the new price, answer and service, literally', async ({
  page,
}) => {
  site = await workspace.buildAndServe(4324);
  await page.goto(`${site}/pricing/`);
  await expect(page.getByRole('main').getByText('$105', { exact: true })).toBeVisible();
  await page.goto(`${site}/faq/#auto-accidents`);
  await expect(page.locator('#auto-accidents')).toContainText('call us to talk about your claim');
  await expect(
    page.locator('#auto-accidents').getByRole('link', { name: 'https://www.example.org/claims' }),
  ).toHaveAttribute('href', 'https://www.example.org/claims');

  await page.goto(`${site}/services/`);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole('main')).toContainText(BODY);
  await expect(page.getByRole('main')).toContainText(`Helps with ${SPECIAL}`);
  await expect(page.locator('main script')).toHaveCount(0);
});
