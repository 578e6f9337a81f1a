import {
  PHONE,
  changeFridayHours,
  changePrice,
  correctAnswer,
  publish,
  save,
  toolbarFits,
} from '../../support/cms-phone';
import { parse } from 'yaml';
import { openCmsWorkspace, workspacePorts, type CmsWorkspace } from '../../support/cms-workspace';
import { expect, test } from '../fixtures';

/**
 * The everyday jobs on a phone, 375 px wide, through Decap's UI (with the admin page's own styles,
 * src/cms/admin.css): each saved as a draft, moved to Ready and published, and in the file on main.
 */

test.describe.configure({ mode: 'serial' });
test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

let workspace: CmsWorkspace;

test.beforeAll(async ({}, worker) => {
  workspace = await openCmsWorkspace({ ports: workspacePorts(worker.parallelIndex) });
});
test.beforeEach(({ context }) => workspace.connect(context));
test.afterEach(({ context }) => workspace.disconnect(context));

test.afterAll(async () => {
  await workspace?.close();
});

const onMain = (path: string) => workspace.git('show', `main:${path}`);

test('Friday’s opening hours, from draft to published', async ({ page, baseURL }) => {
  await changeFridayHours(page, baseURL ?? '', '16:00');
  await save(page);
  await toolbarFits(page);
  await publish(page);
  const { hours } = parse(onMain('src/content/locations/en/main.yaml')) as {
    hours: { days: string[]; opens: string; closes: string }[];
  };
  expect(hours.find(({ days }) => days.includes('Friday'))).toEqual({
    days: ['Friday'],
    opens: '09:00',
    closes: '16:00',
  });
});

test('a price, from draft to published', async ({ page, baseURL }) => {
  await changePrice(page, baseURL ?? '', '105');
  await save(page);
  await toolbarFits(page);
  await publish(page);
  expect(onMain('src/content/pricing/en/60-minutes.mdx')).toMatch(/^price: 105$/m);
});

test('an FAQ answer, from draft to published', async ({ page, baseURL }) => {
  await correctAnswer(page, baseURL ?? '', ' Bring your claim number.');
  await save(page);
  await toolbarFits(page);
  await publish(page);
  expect(onMain('src/content/faq/en/auto-accidents.mdx')).toContain('Bring your claim number.');
  expect(workspace.draftBranches()).toEqual([]);
});

test('the site built from what was published shows the new hours, price and answer', async ({
  page,
}) => {
  const site = await workspace.buildAndServe();
  await page.goto(`${site}/contact/`);
  const friday = page.getByRole('main').locator('dt', { hasText: 'Friday' }).locator('+ dd');
  await expect(friday).toContainText('4:00 PM');
  await page.goto(`${site}/pricing/`);
  await expect(page.getByRole('main').getByText('$105', { exact: true })).toBeVisible();
  await page.goto(`${site}/faq/#auto-accidents`);
  await expect(page.locator('#auto-accidents')).toContainText('Bring your claim number.');
});
