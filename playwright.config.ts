import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/browser.mjs';

const PORT = 4321;
const browser = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      ...(browser?.executablePath ? { executablePath: browser.executablePath } : {}),
      // Without these, Chromium calls home at start-up, which a closed network refuses.
      args: [
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      name: 'mobile',
      testMatch: ['navigation.spec.ts', 'accessibility.spec.ts'],
      use: { ...devices['Pixel 7'], viewport: { width: 375, height: 740 } },
    },
  ],
  webServer: {
    command: `node scripts/serve.mjs dist`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { PORT: String(PORT) },
    reuseExistingServer: !process.env.CI,
  },
});
