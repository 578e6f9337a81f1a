// Makes sure the end-to-end tests have a Chromium: uses one that is there (a headless shell first),
// or installs Debian's `chromium-headless-shell` package when running as root on Debian; otherwise
// says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './browser.mjs';

const found = findChromium({ shell: true });
if (found) {
  console.log(
    `Chromium for tests: ${found.executablePath ?? "Playwright's own browser"} (${found.source})`,
  );
  process.exit(0);
}

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  process.exit(1);
}

const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
  // The headless shell: what the tests run, and a smaller install than the browser. A release
  // without that package gets the browser.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  for (const name of ['chromium-headless-shell', 'chromium']) {
    console.log(`No Chromium found: installing Debian's ${name} package…`);
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', name], { stdio: 'inherit', env });
      break;
    } catch {
      console.log(`Debian's ${name} package could not be installed.`);
    }
  }
  if (findChromium({ shell: true })) process.exit(0);
}

console.error(
  [
    'No Chromium found for the end-to-end tests. Install one of:',
    '  - Debian/Ubuntu: sudo apt-get install chromium-headless-shell (or chromium)',
    "  - Playwright's browser: npx playwright install chromium",
    '  - or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  ].join('\n'),
);
process.exit(1);
