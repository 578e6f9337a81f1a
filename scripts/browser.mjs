// Finds the Chromium the end-to-end tests drive: `CHROMIUM_PATH`, else a system Chromium, else
// Playwright's own browser when it has been downloaded (on a developer laptop).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Without these, Chromium calls home at start-up, which a closed network refuses. */
export const CHROMIUM_ARGS = [
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * @returns {{ executablePath: string | undefined, source: string } | null}
 *   `executablePath` undefined means "Playwright's own"; null means no browser was found.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { executablePath: fromEnv, source: 'CHROMIUM_PATH' } : null;
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  if (existsSync(chromium.executablePath()))
    return { executablePath: undefined, source: 'playwright' };
  return null;
}
