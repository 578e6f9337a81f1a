// Builds the site with the booking origin set to the local Cal.com stand-in, through the same
// setting the clinic edits (`src/content/settings/en/booking.yaml`, in a temporary copy of the
// project), and some tiers' events of another language (./language-events.mjs), then serves that
// build like a static host. Started by Playwright for the booking tests.
//
// It listens at once and holds each request until the build is done (playwright.config.ts waits
// for the port only): the other projects' tests start meanwhile, and the booking tests wait for the
// site in their `beforeAll`.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { siteListener } from '../../scripts/serve.mjs';
import { LANGUAGE_EVENTS } from './language-events.mjs';
import { buildBookingThrough } from './project-copy.mjs';

const port = Number(process.env.PORT ?? 4322);
const origin = process.env.BOOKING_ORIGIN ?? 'http://127.0.0.1:4599';

const building = buildBookingThrough(origin, undefined, { languageEvents: LANGUAGE_EVENTS });
const site = building.then((copy) => siteListener({ root: join(copy.dir, 'dist') }));
site.then(
  () => console.log(`Site booking through ${origin} on http://127.0.0.1:${port}/`),
  (error) => console.error(error instanceof Error ? error.message : error),
);

createServer((request, response) => {
  site.then(
    (listener) => listener(request, response),
    (error) => {
      response.statusCode = 500;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end(error instanceof Error ? error.message : String(error));
    },
  );
}).listen(port, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void building
      .then(
        (copy) => copy.remove(),
        () => undefined,
      )
      .finally(() => process.exit(0));
  });
}
