import type { Page } from '@playwright/test';
import { languagePane, markChecked, openCms, publish, save } from '../../support/cms-editor';
import { openCmsWorkspace, workspacePorts, type CmsWorkspace } from '../../support/cms-workspace';
import { expect, test } from '../fixtures';
import { LANGUAGES, siteWords } from '../site';

/**
 * Staff enter "Closed 24–26 December, back on the 27th" in the CMS, in both languages, with the
 * browser in a time zone far from the clinic's: Decap's date pickers have saved the day before in
 * UTC+2 (decaporg/decap-cms#7319, #3640). The days must reach the file, the list and the page as
 * typed, and the site built as of the last day shows them, as of the day after does not.
 */
test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US' });

const OTHER = LANGUAGES.others[0]!;
const MAIN = LANGUAGES.main;
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
const main = (page: Page) => languagePane(page, MAIN.code);
const other = (page: Page) => languagePane(page, OTHER.code);

async function newEntry(page: Page, collection: string): Promise<void> {
  await openCms(
    page,
    `/admin/#/collections/${collection}/new`,
    page.getByRole('button', { name: 'Save', exact: true }),
  );
}

/**
 * Types a day into a date field key by key, as a person does in the browser's date input (en-US:
 * month, day, year), and waits until the field holds it.
 */
async function typeDay(page: Page, label: string, day: string): Promise<void> {
  const input = main(page).getByLabel(label, { exact: true });
  await expect(input).toHaveAttribute('type', 'date');
  const [year, month, date] = day.split('-') as [string, string, string];
  await input.focus();
  await page.keyboard.type(`${month}${date}${year}`);
  await expect(input).toHaveValue(day);
}

/**
 * The browser's clock, fixed on a day before the dates the tests enter (the CMS refuses days
 * already over in the clinic's zone); timers keep running.
 */
async function fixClock(page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date('2026-12-01T20:00:00Z'));
}

test.describe('with the browser in UTC+2', () => {
  test.use({ timezoneId: 'Africa/Johannesburg' });

  test('a closure, in both languages, is saved on the days typed', async ({ page }) => {
    expect(await page.evaluate(() => new Date('2026-12-24T00:00:00').getTimezoneOffset())).toBe(
      -120,
    );
    await newEntry(page, 'closures');
    await main(page).getByLabel('Reason', { exact: true }).fill('Christmas');
    await other(page).getByLabel('Reason', { exact: true }).fill('Navidad');
    await typeDay(page, 'First day', '2026-12-24');
    await typeDay(page, 'Last day', '2026-12-26');
    await markChecked(other(page));
    await save(page);
    await publish(page);

    const file = onMain(`src/content/closures/${MAIN.code}/2026-12-24-christmas.yaml`);
    expect(file).toMatch(/^validFrom: '?2026-12-24'?$/m);
    expect(file).toMatch(/^validThrough: '?2026-12-26'?$/m);
    expect(file).not.toMatch(/^(opens|closes):/m);
    const translation = onMain(`src/content/closures/${OTHER.code}/2026-12-24-christmas.yaml`);
    expect(translation).toMatch(/^reason: Navidad$/m);
    expect(translation).not.toMatch(/^valid/m);

    // The list shows the days as the clinic reads them, and the entry reopens on the same days.
    await openCms(
      page,
      '/admin/#/collections/closures',
      page.getByText('Closures and holiday hours').first(),
    );
    await expect(page.getByText('Thu 24 Dec 2026 – Sat 26 Dec 2026: Christmas')).toBeVisible();
    await page.getByText('Thu 24 Dec 2026 – Sat 26 Dec 2026: Christmas').click();
    await expect(main(page).getByLabel('First day', { exact: true })).toHaveValue('2026-12-24');
    await expect(main(page).getByLabel('Last day', { exact: true })).toHaveValue('2026-12-26');
  });

  test('a last day before the first, or days already over, are refused before saving', async ({
    page,
  }) => {
    await fixClock(page);
    await newEntry(page, 'closures');
    await main(page).getByLabel('Reason', { exact: true }).fill('Staff training');
    await typeDay(page, 'First day', '2027-01-08');
    await typeDay(page, 'Last day', '2027-01-07');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await expect(
      page.getByText('Last day – validThrough: must be the first day or later'),
    ).toBeVisible();
    // A year typed wrong: the closure would show nowhere.
    await typeDay(page, 'First day', '2025-01-08');
    await typeDay(page, 'Last day', '2025-01-08');
    await save.click();
    await expect(
      page.getByText(
        'Last day – validThrough: 2025-01-08 is over (today is 2026-12-01 in the clinic’s time zone, America/Los_Angeles), so it would show nowhere: check the year',
      ),
    ).toBeVisible();
    expect(workspace.draftBranches()).toEqual([]);
  });
});

test.describe('with the browser in UTC−10', () => {
  test.use({ timezoneId: 'Pacific/Honolulu' });

  test('a notice, in both languages, is saved on the days typed', async ({ page }) => {
    expect(await page.evaluate(() => new Date('2026-12-24T00:00:00').getTimezoneOffset())).toBe(
      600,
    );
    await newEntry(page, 'notices');
    await main(page)
      .getByLabel('Notice', { exact: true })
      .fill('Closed 24–26 December, back on the 27th');
    await other(page)
      .getByLabel('Notice', { exact: true })
      .fill('Cerrado 24–26 de diciembre; volvemos el 27');
    await main(page).getByLabel('Link (optional)', { exact: true }).fill('/contact/');
    await typeDay(page, 'First day', '2026-12-23');
    await typeDay(page, 'Last day', '2026-12-26');
    await markChecked(other(page));
    await save(page);
    await publish(page);

    const [name] = workspace
      .git('ls-tree', '--name-only', `main:src/content/notices/${MAIN.code}/`)
      .split('\n')
      .filter((file) => file.startsWith('2026-12-23-'));
    expect(name).toBeDefined();
    const file = onMain(`src/content/notices/${MAIN.code}/${name}`);
    expect(file).toMatch(/^validFrom: '?2026-12-23'?$/m);
    expect(file).toMatch(/^validThrough: '?2026-12-26'?$/m);
    expect(onMain(`src/content/notices/${OTHER.code}/${name}`)).toContain(
      'Cerrado 24–26 de diciembre; volvemos el 27',
    );
  });
});

test('the site built as of the last day shows both in each language; as of the next day, neither', async ({
  page,
}) => {
  // Two builds of the whole site, each up to the project's 180 s on a loaded machine.
  test.slow();
  const pages = [
    {
      language: MAIN,
      path: '/contact/',
      notice: 'Closed 24–26 December, back on the 27th',
      reason: 'Christmas',
    },
    {
      language: OTHER,
      path: `/${OTHER.code}/`,
      notice: 'Cerrado 24–26 de diciembre; volvemos el 27',
      reason: 'Navidad',
    },
  ];
  let site = await workspace.buildAndServe({ SITE_DATE: '2026-12-26' });
  for (const { language, path, notice, reason } of pages) {
    await page.goto(`${site}${path}`);
    const region = page.getByRole('region', { name: siteWords(language).notice });
    await expect(region).toHaveText(notice);
    await expect(region.getByRole('link')).toHaveAttribute('href', /contact|contacto/);
    await expect(page.getByRole('contentinfo')).toContainText(`(${reason})`);
  }
  site = await workspace.buildAndServe({ SITE_DATE: '2026-12-27' });
  for (const { language, path, reason } of pages) {
    await page.goto(`${site}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: siteWords(language).notice })).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).not.toContainText(`(${reason})`);
  }
});
