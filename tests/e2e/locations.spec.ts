/**
 * A clinic with two locations (tests/support/two-locations.mjs, built once for this file), in a
 * browser: the locations pages, and the pages on which a visitor chooses a location (contact,
 * booking, therapists, and the home page's footer), in both languages, pass axe and stay within
 * the transfer budget of every page (tests/e2e/quality.spec.ts), on a phone. What they show, and
 * their JSON-LD, is read in tests/unit/two-locations.test.ts.
 */
import type { Server } from 'node:http';
import { startServer } from '../../scripts/serve.mjs';
import { buildTwoLocations } from '../support/two-locations.mjs';
import { axeViolations } from './axe';
import { expect, iconUrls, test, transferredBytes, visitEach } from './fixtures';

const KB = 1024;

const PAGES = [
  '/',
  '/locations/',
  '/locations/main/',
  '/locations/eastside/',
  '/contact/',
  '/book/',
  '/therapists/',
  '/es/ubicaciones/',
  '/es/ubicaciones/sede-principal/',
  '/es/ubicaciones/lado-este/',
  '/es/contacto/',
  '/es/reservar/',
  '/es/terapeutas/',
];
/** The home page shows the clinic's photo (its budget is that of a page with a photo). */
const PHOTO_PAGES = ['/'];

// One build for the file: its tests run in order in one worker.
test.describe.configure({ mode: 'default' });

let copy: ReturnType<typeof buildTwoLocations> | undefined;
let server: Server | undefined;
let origin = '';

test.beforeAll(async ({}, worker) => {
  test.setTimeout(300_000);
  copy = buildTwoLocations('clinic-two-locations-e2e-');
  const port = 4360 + worker.parallelIndex;
  server = (await startServer({ root: `${copy.dir}/dist`, port })) as Server;
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  copy?.remove();
});

for (const path of PAGES) {
  test(`two locations: axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
    await page.goto(`${origin}${path}`);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('two locations: each of these pages transfers under 20 KB, or 60 KB with a photo, on a phone', async ({
  browser,
}) => {
  // Icons and the manifest are fetched on the browser's own schedule (see quality.spec.ts).
  const probe = await browser.newPage();
  await probe.goto(`${origin}/`);
  const icons = new Set(await iconUrls(probe));
  await probe.close();
  const measured: string[] = [];
  await visitEach(
    browser,
    PAGES,
    async (page, path) => {
      const total = await transferredBytes(page, `${origin}${path}`, icons);
      expect(total, `${path}: ${total} bytes`).toBeLessThan(
        (PHOTO_PAGES.includes(path) ? 60 : 20) * KB,
      );
      measured.push(path);
    },
    { options: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true } },
  );
  expect(measured.toSorted()).toEqual(PAGES.toSorted());
});
