import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fill, formatPhone } from '../../src/lib/format';
import { expect, iconUrls, test } from './fixtures';
import { bookingSettings, clinic, mainLocation, pageData, siteWords } from './site';

const settings = clinic();
const { letter } = settings.hsaFsa;
const words = siteWords();
const hsaFsa = pageData('hsa-fsa');

/** What a visitor types, by the field's label in the content. */
const typedByField = {
  patientName: 'Ana Müller-Øst',
  reason: 'Chronic lower back pain',
  treatments: '12',
  frequency: 'two sessions per week',
  duration: '6 weeks',
  diagnosisCode: 'M54.50',
  physicianName: 'Dr. Jordan Reyes',
  licence: '1234567893',
  date: '2026-11-27',
} satisfies Partial<Record<keyof typeof letter.labels, string>>;
const typed = Object.values(typedByField);

async function fillRequest(page: Page): Promise<void> {
  for (const [field, value] of Object.entries(typedByField)) {
    const label = letter.labels[field as keyof typeof typedByField];
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('checkbox', { name: letter.modalityOptions[0] ?? '' }).check();
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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hsaFsa.heading);
  const prescription = page.getByRole('region', { name: hsaFsa.words.prescription });
  for (const { item } of settings.hsaFsa.checklist) await expect(prescription).toContainText(item);
  await expect(
    page.getByRole('region', { name: hsaFsa.words.receipt }).getByRole('listitem'),
  ).toHaveText(settings.hsaFsa.receiptIncludes);
  await expect(page.getByText(letter.privacyNote)).toBeVisible();
});

test('typed values print on one US-Letter page, and on A4, with the clinic details', async ({
  page,
}) => {
  await page.goto('/hsa-fsa/');
  await fillRequest(page);
  for (const format of ['Letter', 'A4'] as const) {
    const { pages, text } = await readPdf(await page.pdf({ format }));
    expect(pages, format).toBe(1);
    for (const value of typed) expect(text, `${format}: ${value}`).toContain(value);
    expect(text).toContain(settings.name);
    expect(text).toContain(mainLocation().address.street);
    expect(text).toContain(formatPhone(settings.phone));
    expect(text).toContain(letter.labels.techniques.split('{techniques}')[0]?.trim());
    expect(text).not.toContain(words.skipLink);
    expect(text).not.toContain(bookingSettings().words.bookSession);
    const example = fill(words.forExample, { example: letter.examples.reason });
    expect(text).not.toContain(example);
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
  await page.getByRole('button', { name: hsaFsa.words.print }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the fields take input and print, and no dead print button shows', async ({ page }) => {
    await page.goto('/hsa-fsa/');
    await expect(page.getByRole('button', { name: hsaFsa.words.print })).toBeHidden();
    await fillRequest(page);
    const { pages, text } = await readPdf(await page.pdf({ format: 'Letter' }));
    expect(pages).toBe(1);
    expect(text).toContain(typedByField.patientName);
    expect(text).toContain(typedByField.diagnosisCode);
  });
});
