// Builds the site with the booking origin set to the local Cal.com stand-in, through the same
// setting the clinic edits (`src/content/settings/booking.yaml`, in a temporary copy of the
// project), then serves that build like a static host. Started by Playwright for the booking tests.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { copyProject } from './project-copy.mjs';

const port = Number(process.env.PORT ?? 4322);
const origin = process.env.BOOKING_ORIGIN ?? 'http://127.0.0.1:4599';

const copy = copyProject('clinic-booking-site-');
const settings = join(copy.dir, 'src/content/settings/booking.yaml');
const before = readFileSync(settings, 'utf8');
const after = before.replace(/^origin: .*$/m, `origin: ${origin}`);
if (after === before) throw new Error(`${settings}: no "origin:" line to point at the stand-in`);
writeFileSync(settings, after);

execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
  cwd: copy.dir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});

await startServer({ root: join(copy.dir, 'dist'), port });
console.log(`Site booking through ${origin} on http://127.0.0.1:${port}/`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    copy.remove();
    process.exit(0);
  });
}
