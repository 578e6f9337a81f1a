import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { formatPhone } from '../../src/lib/format';
import { expect, iconUrls, test } from './fixtures';
import { clinic } from './site';

const settings = clinic();

const typed = {
  'Patient name': 'Ana Müller-Øst',
  'Reason for medical necessity': 'Chronic lower back pain',
  'Number of treatments': '12',
  Frequency: 'two sessions per week',
  Duration: '6 weeks',
  'Diagnosis code (ICD-10)': 'M54.50',
  'Physician name': 'Dr. Jordan Reyes',
  'Licence or NPI number': '1234567893',
  Date: '2026-11-27',
};

async function fillRequest(page: Page): Promise<void> {
  for (const [label, value] of Object.entries(typed)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('checkbox', { name: 'Massage therapy' }).check();
}

/** Page count and text of a PDF. */
async function readPdf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages: document.numPages, text: texts.join('\n').replace(/\s+/g, ' ') };
}

test('the HSA/FSA page is linked from pricing, insurance and the FAQ', async ({ page }) => {
  for (const path of ['/pricing/', '/insurance/', '/faq/']) {
    await page.goto(path);
    await expect(page.getByRole('main').locator('a[href="/hsa-fsa/"]').first(), path).toBeVisible();
  }
});

test('it explains paying with HSA/FSA, the receipt and the prescription, and says nothing typed leaves the browser', async ({
  page,
}) => {
  await page.goto('/hsa-fsa/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paying with your HSA or FSA');
  await expect(
    page.getByRole('region', { name: 'What your prescription should say' }),
  ).toContainText('two sessions per week for 6 weeks');
  await expect(
    page.getByRole('region', { name: 'Your customized receipt' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByText('it is not saved or sent anywhere')).toBeVisible();
});

test('typed values print on one US-Letter page, and on A4, with the clinic details', async ({
  page,
}) => {
  await page.goto('/hsa-fsa/');
  await fillRequest(page);
  for (const format of ['Letter', 'A4'] as const) {
    const { pages, text } = await readPdf(await page.pdf({ format }));
    expect(pages, format).toBe(1);
    for (const value of Object.values(typed)) expect(text, `${format}: ${value}`).toContain(value);
    expect(text).toContain(settings.name);
    expect(text).toContain(settings.address.street);
    expect(text).toContain(formatPhone(settings.phone));
    expect(text).toContain('myofascial release');
    expect(text).not.toContain('Skip to content');
    expect(text).not.toContain('Book a session');
    expect(text).not.toContain('For example');
  }
});

test('an empty request prints blank lines, still on one page', async ({ page }) => {
  await page.goto('/hsa-fsa/');
  const { pages, text } = await readPdf(await page.pdf({ format: 'Letter' }));
  expect(pages).toBe(1);
  expect(text).toContain('Patient name');
  expect(text).toContain('Physician signature');
});

test('typing into the request makes no network request', async ({ page }) => {
  await page.goto('/hsa-fsa/');
  const ownIcons = await iconUrls(page);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!ownIcons.includes(request.url())) requests.push(request.url());
  });
  await fillRequest(page);
  await page.getByLabel('Patient name', { exact: true }).press('Enter');
  // A barrier instead of a sleep: the browser reports requests in the order the page made them, so
  // once this one is seen, every request caused by the typing above has been seen too.
  const barrier = new URL('/robots.txt?barrier', page.url()).href;
  await Promise.all([
    page.waitForRequest(barrier),
    page.evaluate((url) => void fetch(url), barrier),
  ]);
  expect(requests).toEqual([barrier]);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('form:not([method="dialog"])')).toHaveCount(0);
  for (const input of await page.locator('.letter input[type="text"]').all()) {
    await expect(input).toHaveAttribute('autocomplete', 'off');
  }
});

test('the print button prints the page', async ({ page }) => {
  await page.goto('/hsa-fsa/');
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the fields take input and print, and no dead print button shows', async ({ page }) => {
    await page.goto('/hsa-fsa/');
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await fillRequest(page);
    const { pages, text } = await readPdf(await page.pdf({ format: 'Letter' }));
    expect(pages).toBe(1);
    expect(text).toContain(typed['Patient name']);
    expect(text).toContain(typed['Diagnosis code (ICD-10)']);
  });
});
