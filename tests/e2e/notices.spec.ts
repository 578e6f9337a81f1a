/**
 * Notices and closures as visitors meet them: a copy of the site built as of 20 November 2026
 * (`SITE_DATE`), while the shipped Thanksgiving example runs, plus a notice of the longest length
 * shown on the pricing page only. Checked in a browser: where the notice is, that it fits one line
 * on a phone, axe, and the byte budgets. (Which days they show is tests/unit/closures-build.test.ts;
 * the CMS side is tests/e2e/cms/closures.spec.ts.)
 */
import type { Server } from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';
import { NOTICE_LENGTH } from '../../src/schemas/notices';
import { ASTRO, copyProject } from '../support/project-copy.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { htmlErrors } from './html';
import { LANGUAGES, siteWords } from './site';

test.describe.configure({ mode: 'serial' });

const PORT = 4327;
const OTHER = LANGUAGES.others[0]!;
/** The longest notice staff can save, in each language, shown on the pricing page only. */
const LONGEST = {
  [LANGUAGES.main.code]: 'Closed 24–26 December, back on Monday 28th',
  [OTHER.code]: 'Cerrado 24–26 de diciembre; volvemos el 27',
};
/** The shipped example, running on the day built. */
const EXAMPLE = {
  [LANGUAGES.main.code]: 'Closed 26–27 November for Thanksgiving',
  [OTHER.code]: 'Cerrado 26–27 nov. por Acción de Gracias',
};

let copy: ReturnType<typeof copyProject>;
let server: Server;
const site = `http://127.0.0.1:${PORT}`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  copy = copyProject('clinic-notices-');
  const write = (file: string, text: string) =>
    writeFileSync(join(copy.dir, 'src/content', file), text);
  write(
    `notices/${LANGUAGES.main.code}/longest.yaml`,
    `text: ${LONGEST[LANGUAGES.main.code]}\npages: [/pricing/]\nvalidFrom: 2026-11-01\nvalidThrough: 2026-11-30\n`,
  );
  write(`notices/${OTHER.code}/longest.yaml`, `reviewed: false\ntext: ${LONGEST[OTHER.code]}\n`);
  execFileSync(process.execPath, [...ASTRO, 'build'], {
    cwd: copy.dir,
    stdio: 'pipe',
    env: { ...process.env, SITE_DATE: '2026-11-20', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server = (await startServer({ root: join(copy.dir, 'dist'), port: PORT })) as Server;
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  copy?.remove();
});

test('the longest notices are as long as a notice may be', () => {
  for (const text of Object.values(LONGEST)) expect(text).toHaveLength(NOTICE_LENGTH);
});

test('while it runs, the example notice is above every page’s heading, a landmark in the page’s language', async ({
  page,
}) => {
  for (const [language, paths] of [
    [LANGUAGES.main, ['/', '/pricing/', '/services/muscle-testing/', '/privacy/']],
    [OTHER, [`/${OTHER.code}/`, `/${OTHER.code}/precios/`]],
  ] as const) {
    for (const path of paths) {
      await page.goto(`${site}${path}`);
      const notices = page
        .getByRole('main')
        .getByRole('region', { name: siteWords(language).notice });
      await expect(
        notices.getByRole('paragraph').filter({ hasText: EXAMPLE[language.code]! }),
      ).toBeVisible();
      // Above the heading: the first thing in the page's main content, before its h1.
      const above = await page.evaluate(() => {
        const region = document.querySelector('main .notices');
        const heading = document.querySelector('main h1');
        return Boolean(
          region &&
          heading &&
          region.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      });
      expect(above, path).toBe(true);
    }
  }
  // The example's link leads to the contact page in the page's language.
  await page.goto(`${site}/${OTHER.code}/`);
  await page.getByRole('link', { name: EXAMPLE[OTHER.code]! }).click();
  await expect(page).toHaveURL(new RegExp(`/${OTHER.code}/contacto/$`));
  await expect(page.getByRole('contentinfo')).toContainText('(Día de Acción de Gracias)');
});

test('a notice for chosen pages shows on them only', async ({ page }) => {
  await page.goto(`${site}/pricing/`);
  await expect(page.getByText(LONGEST[LANGUAGES.main.code]!)).toBeVisible();
  await page.goto(`${site}/faq/`);
  await expect(page.getByText(EXAMPLE[LANGUAGES.main.code]!)).toBeVisible();
  await expect(page.getByText(LONGEST[LANGUAGES.main.code]!)).toHaveCount(0);
});

test.describe('on a phone 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a notice of the longest length fits one line, in each language', async ({ page }) => {
    for (const [path, language] of [
      ['/pricing/', LANGUAGES.main],
      [`/${OTHER.code}/precios/`, OTHER],
    ] as const) {
      await page.goto(`${site}${path}`);
      const lines = await page.locator('main .notices p').evaluateAll((paragraphs) =>
        paragraphs.map((paragraph) => {
          // Lines taken: the paragraph's height in its line height.
          const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
          const count = Math.round(paragraph.getBoundingClientRect().height / lineHeight);
          return `${paragraph.textContent}: ${count} line(s)`;
        }),
      );
      // Edge to edge, without making the page scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBe(360);
      expect(lines, path).toEqual([
        // The soonest first: the longest notice started on 1 November, the example on the 16th.
        `${LONGEST[language.code]}: 1 line(s)`,
        `${EXAMPLE[language.code]}: 1 line(s)`,
      ]);
    }
  });

  test('axe finds no WCAG 2.2 A/AA violation with the notices and closures shown', async ({
    page,
  }) => {
    for (const path of ['/', '/pricing/', '/contact/', '/book/', `/${OTHER.code}/precios/`]) {
      await page.goto(`${site}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

test('with a notice and a closure shown, each page is valid HTML and fits in 14 KB gzip with its CSS', async () => {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(path);
    }
  };
  walk(join(copy.dir, 'dist'));
  expect(pages.length).toBeGreaterThan(30);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    if (file.includes('/admin/')) continue;
    expect(gzipSync(html).length, file).toBeLessThanOrEqual(14 * 1024);
    expect(await htmlErrors(html, file), file).toEqual([]);
  }
});
