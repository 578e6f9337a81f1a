import { defineConfig, devices } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

const PORT = 4321;
/** The site built with its booking origin pointed at the Cal.com stand-in (tests/e2e/booking/). */
const BOOKING_SITE_PORT = 4322;
export const CAL_STAND_IN_ORIGIN = 'http://127.0.0.1:4599';
const browser = findChromium({ shell: true });

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // A flaky test is fixed, never retried.
  retries: 0,
  // One more than the cores: each test also waits (for a server, a build, the CMS's backend), and
  // a third worker keeps a 2-core machine busy through those waits (the suite: 322 s at 99% busy,
  // against 354 s at 79% with two).
  workers: availableParallelism() + 1,
  // Sized for a loaded 2-core CI machine: every wait is on a condition, so a generous limit only
  // matters when something is really wrong.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      ...(browser?.executablePath ? { executablePath: browser.executablePath } : {}),
      // V8 on the page's own thread only (no background compiling or garbage collecting), and
      // without its optimising compilers (Maglev, TurboFan), which pages open for seconds do not
      // repay: the same pages on about a quarter less CPU (single-threaded: an opening of the CMS
      // 1.2 against 1.5 core-s; the compilers off: the CMS's tests 74 against 82 core-s), the
      // tests' cost on a 2-core machine.
      // The benchmarks keep Chromium's defaults.
      args: [...CHROMIUM_ARGS, '--js-flags=--single-threaded --no-opt --no-maglev'],
    },
  },
  projects: [
    // First: each file's tests run one after another in one worker (they share a workspace), so
    // starting the longest chains last would leave the other workers idle at the end. Workspaces
    // run side by side, each with its own local backend (tests/support/cms-workspace.ts).
    {
      name: 'cms',
      testDir: 'tests/e2e/cms',
      // Decap's 5 MB bundle and a rebuild of the site on a loaded machine.
      timeout: 180_000,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    {
      name: 'desktop',
      testIgnore: ['booking/**', 'cms/**', 'widths.spec.ts', 'accessibility-phone.spec.ts'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    {
      name: 'booking',
      testDir: 'tests/e2e/booking',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        baseURL: `http://127.0.0.1:${BOOKING_SITE_PORT}`,
      },
    },
    {
      name: 'mobile',
      testMatch: ['navigation.spec.ts', 'widths.spec.ts', 'accessibility-phone.spec.ts'],
      use: { ...devices['Pixel 7'], viewport: { width: 375, height: 740 } },
    },
  ],
  webServer: [
    {
      command: 'node scripts/serve.mjs dist',
      url: `http://127.0.0.1:${PORT}/`,
      env: { PORT: String(PORT) },
      reuseExistingServer: !process.env.CI,
    },
    {
      command: 'node tests/support/cal-stand-in.mjs',
      url: `${CAL_STAND_IN_ORIGIN}/`,
      env: { PORT: new URL(CAL_STAND_IN_ORIGIN).port },
      reuseExistingServer: !process.env.CI,
    },
    {
      // Listens at once and builds meanwhile: the booking tests wait for the build (their
      // beforeAll), the others start at once.
      command: 'node tests/support/booking-site.mjs',
      port: BOOKING_SITE_PORT,
      // Stopped with SIGTERM, not Playwright's default SIGKILL: it removes its copy of the project.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: { PORT: String(BOOKING_SITE_PORT), BOOKING_ORIGIN: CAL_STAND_IN_ORIGIN },
      reuseExistingServer: !process.env.CI,
    },
  ],
});
