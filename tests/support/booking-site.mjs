// Builds the site with the booking origin set to the local Cal.com stand-in, through the same
// setting the clinic edits (`src/content/settings/en/booking.yaml`, in a temporary copy of the
// project), and some tiers' events of another language (./language-events.mjs), then serves that
// build like a static host. Started by Playwright for the booking tests.
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { LANGUAGE_EVENTS } from './language-events.mjs';
import { buildBookingThrough } from './project-copy.mjs';

const port = Number(process.env.PORT ?? 4322);
const origin = process.env.BOOKING_ORIGIN ?? 'http://127.0.0.1:4599';

const copy = buildBookingThrough(origin, undefined, { languageEvents: LANGUAGE_EVENTS });
await startServer({ root: join(copy.dir, 'dist'), port });
console.log(`Site booking through ${origin} on http://127.0.0.1:${port}/`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    copy.remove();
    process.exit(0);
  });
}
