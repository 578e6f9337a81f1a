// Finds the Chromium the end-to-end tests drive: `CHROMIUM_PATH`, else a system Chromium, else
// Playwright's own browser when it has been downloaded (on a developer laptop).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Without these, Chromium calls home at start-up, which a closed network refuses. */
export const CHROMIUM_ARGS = [
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium as a browser, with its window and UI: what the benchmarks measure (as visitors run it). */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
/**
 * The same engine built for automation only (Debian's `chromium-headless-shell`, Playwright's
 * "headless shell"): no browser UI, and on this project's test suite about 40% less CPU than
 * `chromium` in headless mode (the desktop project: 105 against 183 core-seconds).
 */
const SYSTEM_SHELLS = ['/usr/bin/chromium-headless-shell'];

/**
 * @param {{ shell?: boolean }} [options] `shell: true` (the tests) prefers a headless shell and
 *   falls back to a browser; otherwise (benchmarks, screenshots) the other way round.
 * @returns {{ executablePath: string | undefined, source: string } | null}
 *   `executablePath` undefined means "Playwright's own" (which launches its headless shell when it
 *   has one); null means no browser was found.
 */
export function findChromium({ shell = false } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { executablePath: fromEnv, source: 'CHROMIUM_PATH' } : null;
  }
  const order = shell
    ? [...SYSTEM_SHELLS, ...SYSTEM_BROWSERS]
    : [...SYSTEM_BROWSERS, ...SYSTEM_SHELLS];
  const system = order.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  const playwright = playwrightBrowser();
  if (playwright && existsSync(playwright))
    return { executablePath: undefined, source: 'playwright' };
  return null;
}

/**
 * Where Playwright's own Chromium would be, or undefined before `npm ci` has installed Playwright:
 * CI runs `scripts/ensure-browser.mjs` while `npm ci` runs (`.ci/run`), so this is read only when
 * no system browser is there.
 * @returns {string | undefined}
 */
function playwrightBrowser() {
  try {
    const { chromium } = createRequire(import.meta.url)('@playwright/test');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
