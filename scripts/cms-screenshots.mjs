// `npm run screenshots`: the pictures of the CMS in the staff guide (docs/staff-guide.md), taken from the
// local CMS (`npm run dev`'s editorial workflow) on a temporary copy of the site, so they show the
// CMS as it is today. Needs a build (`npm run build`) and port 8081 free. Writes docs/cms/*.png.
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { languagePane, openCms, setStatus, typeAtEnd } from '../tests/support/cms-editor.ts';
import {
  MAIN,
  OTHER,
  PHONE,
  changeFridayHours,
  correctAnswer,
  publish,
  save,
} from '../tests/support/cms-phone.ts';
import { openCmsWorkspace } from '../tests/support/cms-workspace.ts';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { startServer } from './serve.mjs';

const OUT = 'docs/cms';
const PORT = 4331;

mkdirSync(OUT, { recursive: true });
const workspace = await openCmsWorkspace();
const site = await startServer({ root: 'dist', port: PORT });
const browser = await chromium.launch({
  executablePath: findChromium()?.executablePath,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('dialog', (dialog) => void dialog.accept());
  /** @param {string} hash */
  const open = (hash) =>
    openCms(
      page,
      `http://127.0.0.1:${PORT}/admin/#${hash}`,
      page
        .getByRole('button', { name: 'Save', exact: true })
        .or(page.getByText('Editorial Workflow')),
    );
  /** @param {string} name */
  const shot = async (name) => {
    // Without the notices that fade out after a save.
    const notices = page.getByText(/^Entry (saved|status updated)$/);
    while ((await notices.count()) > 0) await notices.first().waitFor({ state: 'detached' });
    await page.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`${OUT}/${name}.png`);
  };

  // 1. A price changed and saved: a draft, with its status and Publish in the toolbar.
  const main = languagePane(page, MAIN);
  await open('/collections/pricing/entries/60-minutes');
  await main.getByLabel('Price').fill('105');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Status: Draft' }).waitFor();
  await shot('1-draft-saved');

  // 2. Another draft, sent for review; a third marked ready.
  await open('/collections/faq/entries/auto-accidents');
  await typeAtEnd(page, main.locator('[data-slate-editor="true"]'), ' Bring your claim number.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Status: Draft' }).waitFor();
  await setStatus(page, 'In review');
  await open('/collections/insurance/entries/priority-health');
  await main.getByLabel('How to check coverage').fill('Call Priority Health with your member ID.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Status: Draft' }).waitFor();
  await setStatus(page, 'Ready');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).waitFor();
  await shot('2-publish-menu');
  await page.keyboard.press('Escape');

  // 2b. One FAQ answer in both languages, side by side (each other language beside the main one).
  await page.setViewportSize({ width: 1280, height: 900 });
  await open('/collections/faq/entries/why-a-prescription');
  await page.getByText(`Writing in ${OTHER.toUpperCase()}`).waitFor();
  await shot('4-faq-side-by-side');
  await page.setViewportSize({ width: 1280, height: 720 });

  // 3. The Workflow view: one card in each column.
  await open('/workflow');
  await page.getByText('60 minutes: 105 USD').waitFor();
  await shot('3-workflow');

  // On a phone (375 px): Friday's hours open for editing, a saved answer's toolbar, its Publish menu.
  const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  const base = `http://127.0.0.1:${PORT}`;
  await changeFridayHours(phone, base, '16:00');
  await languagePane(phone, MAIN)
    .getByLabel('Closes', { exact: true })
    .last()
    .scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${OUT}/phone-1-hours.png` });
  await save(phone);
  await publish(phone);
  await correctAnswer(phone, base, ' Keep your receipt.', 'workers-compensation');
  await save(phone);
  await phone.screenshot({ path: `${OUT}/phone-2-saved.png` });
  await setStatus(phone, 'Ready');
  await phone.getByRole('button', { name: 'Publish', exact: true }).click();
  await phone.getByRole('menuitem', { name: 'Publish now' }).waitFor();
  await phone.screenshot({ path: `${OUT}/phone-3-publish-menu.png` });
  console.log(`${OUT}/phone-1-hours.png, phone-2-saved.png, phone-3-publish-menu.png`);
} finally {
  await browser.close();
  await new Promise((resolve) => site.close(resolve));
  await workspace.close();
}
