// The "instant" figures of `npm run bench` (issue: next page and booking calendar on intent), each
// the median of RUNS runs on a slow phone connection (150 ms per request, 1.6 Mbps), throttled by
// a proxy in front of both servers (the same for the site and the Cal.com stand-in):
//
// (a) click on a navigation link → the next page's first paint, with and without speculation
//     rules. Chromium will not prerender while DevTools is attached, so this runs a real Chromium
//     window on a virtual display (Xvfb) driven by xdotool, and the pages report their own times:
//     the proxy adds a small timing script to each page (and its hash to the page's policy).
// (b) on a 375 px screen, the tap on "Book 60 minutes" → the calendar shown and ready (`linkReady`),
//     without prerender (a tap with no intent before it), and with the popup prerendered on intent
//     (pointer over the control, then the tap) for each handshake the stand-in can speak: 1.5.3's
//     (that of the pinned embed.js), Cal.com's current one, a prerendered page that never says a
//     word, and one that never answers `connect` (tests/support/cal-stand-in.mjs). Driven by
//     Playwright, which this does not disturb: the popup's prerender is the embed's own hidden
//     frame, not the browser's.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { startServer } from './serve.mjs';
import { startCalStandIn } from '../tests/support/cal-stand-in.mjs';
import { buildBookingThrough } from '../tests/support/project-copy.mjs';

const LATENCY_MS = 150;
const BYTES_PER_SECOND = 1_600_000 / 8;

/** The median of the numbers in `values` (null when there are none); shared with bench.mjs. */
export const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
};
/** Runs' figures in ms: their median, each run, and any extra figures. */
const summary = (runsMs, extra = {}) => ({
  medianMs: Math.round(median(runsMs)),
  runsMs: runsMs.map(Math.round),
  ...extra,
});
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reports the click time on the page it leaves and the first paint of the page it opens. Put at
 * the top of `<head>`, before the page's own policy, which stays as it is.
 */
const TIMING_SCRIPT = `(() => {
  const report = (what, at) => fetch('/__bench', { method: 'POST', keepalive: true, body: JSON.stringify({ what, at, path: location.pathname }) });
  addEventListener('click', (event) => report('click', performance.timeOrigin + event.timeStamp), true);
  addEventListener('DOMContentLoaded', () => {
    const link = document.querySelector('header nav a[href="/pricing/"]');
    if (link && !document.prerendering) { const r = link.getBoundingClientRect(); report('link', [r.x + r.width / 2, r.y + r.height / 2]); }
  });
  if (document.prerendering) {
    report('prerendered', performance.timeOrigin + performance.now());
    document.addEventListener('prerenderingchange', () => {
      report('activation', performance.timeOrigin + performance.getEntriesByType('navigation')[0].activationStart);
      requestAnimationFrame(() => report('paint', performance.timeOrigin + performance.now()));
    });
  } else {
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') report('paint', performance.timeOrigin + entry.startTime); }).observe({ type: 'paint', buffered: true });
  }
})();`;

const listen = (server, port) =>
  new Promise((ready) => server.listen(port, '127.0.0.1', () => ready(server)));
const closeAll = (servers) => servers.forEach((server) => server.close());

/**
 * A proxy's request handler that delays each response by the latency and sends its body at the
 * connection's speed. With `html`, HTML bodies are rewritten on the way (uncompressed upstream,
 * to read them).
 */
function throttle({ upstream, html }) {
  return (request, response) => {
    const headers = { ...request.headers, host: `127.0.0.1:${upstream}` };
    if (html) delete headers['accept-encoding'];
    const proxied = httpRequest(
      { host: '127.0.0.1', port: upstream, path: request.url, method: request.method, headers },
      (upstreamResponse) => {
        const chunks = [];
        upstreamResponse.on('data', (chunk) => chunks.push(chunk));
        upstreamResponse.on('end', async () => {
          let body = Buffer.concat(chunks);
          const outHeaders = { ...upstreamResponse.headers };
          if (html && String(outHeaders['content-type']).startsWith('text/html')) {
            body = Buffer.from(html(body.toString()));
            delete outHeaders['content-length'];
            delete outHeaders['etag'];
          }
          await wait(LATENCY_MS);
          response.writeHead(upstreamResponse.statusCode ?? 200, outHeaders);
          for (let offset = 0; offset < body.length; offset += 2000) {
            response.write(body.subarray(offset, offset + 2000));
            await wait((Math.min(2000, body.length - offset) / BYTES_PER_SECOND) * 1000);
          }
          response.end();
        });
      },
    );
    request.pipe(proxied);
  };
}

/** Median ms from a click on the header's "Prices" link to the next page's first paint. */
async function navigationRuns(dist, { speculation, runs }) {
  const events = [];
  const site = await startServer({ root: dist, port: 4431 });
  const timing = (body) => {
    const page = body.replace('<head>', `<head><script>${TIMING_SCRIPT}</script>`);
    return speculation ? page : page.replace(/<script type="speculationrules">[^<]*<\/script>/, '');
  };
  const throttled = throttle({ upstream: 4431, html: timing });
  const proxy = createServer((request, response) => {
    if (request.url === '/__bench') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        events.push(JSON.parse(body));
        response.end();
      });
      return;
    }
    throttled(request, response);
  });
  await listen(proxy, 4432);
  const display = ':97';
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24'], { stdio: 'ignore' });
  const env = { ...process.env, DISPLAY: display };
  const seen = (what, path) =>
    events.find((event) => event.what === what && (!path || event.path === path));
  /** The event, once the pages have reported it (30 s at most). */
  const until = async (what, path) => {
    for (let i = 0; i < 600 && !seen(what, path); i++) await wait(50);
    const event = seen(what, path);
    if (!event) throw new Error(`bench: no "${what}" event (events: ${JSON.stringify(events)})`);
    return event;
  };
  const results = [];
  const activations = [];
  try {
    await wait(500);
    for (let run = 0; run < runs; run++) {
      events.length = 0;
      const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
      const browser = spawn(
        findChromium()?.executablePath ?? 'chromium',
        [
          '--no-sandbox',
          '--kiosk',
          '--window-position=0,0',
          '--window-size=1280,800',
          `--user-data-dir=${profile}`,
          ...CHROMIUM_ARGS,
          'http://127.0.0.1:4432/',
        ],
        { env, stdio: 'ignore' },
      );
      try {
        const [x, y] = (await until('link')).at;
        execFileSync('xdotool', ['mousemove', String(Math.round(x)), String(Math.round(y))], {
          env,
        });
        // A visitor's hand rests on the link before the click; with rules, that is when the
        // browser prerenders the page (moderate eagerness: 200 ms of hover).
        if (speculation) await until('prerendered');
        else await wait(1500);
        execFileSync('xdotool', ['click', '1'], { env });
        const paint = (await until('paint', '/pricing/')).at;
        const click = seen('click').at;
        results.push(paint - click);
        const activation = seen('activation');
        if (activation) activations.push(activation.at - click);
      } finally {
        const exited = new Promise((done) => browser.once('exit', done));
        if (browser.exitCode === null && browser.signalCode === null) browser.kill();
        await Promise.race([exited, wait(5000)]);
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    const gone = new Promise((done) => xvfb.once('exit', done));
    xvfb.kill();
    await gone;
    closeAll([proxy, site]);
  }
  return summary(
    results,
    activations.length > 0 && { activationStartMs: activations.map(Math.round) },
  );
}

/**
 * Median ms from the tap on "Book 60 minutes" to the calendar ready, on a 375 px screen, with the
 * stand-in speaking `handshake`.
 */
async function bookingRuns(dist, { intent, runs, handshake = '1.5.3' }) {
  const standIn = await startCalStandIn(4441, {
    bookerBytes: 400_000,
    slotsDelayMs: 300,
    handshake,
  });
  const calProxy = await listen(createServer(throttle({ upstream: 4441 })), 4440);
  const site = await startServer({ root: dist, port: 4443 });
  const siteProxy = await listen(createServer(throttle({ upstream: 4443 })), 4442);
  const browser = await chromium.launch({
    ...(findChromium()?.executablePath && { executablePath: findChromium().executablePath }),
    args: CHROMIUM_ARGS,
  });
  const results = [];
  const prerenderMs = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
      });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const marks = (window.benchMarks = {});
        addEventListener('click', (event) => (marks.tap ??= event.timeStamp), true);
        addEventListener(
          'message',
          (event) => {
            if (event.data?.type === 'linkReady') marks.ready ??= performance.now();
          },
          true,
        );
      });
      await page.goto('http://127.0.0.1:4442/pricing/', { waitUntil: 'networkidle' });
      const book = page.locator('a[data-booking][data-minutes="60"]').first();
      await book.scrollIntoViewIfNeeded();
      if (intent) {
        // The prerendered calendar is complete once its free times have arrived.
        const slots = page.waitForEvent('requestfinished', {
          predicate: (request) => request.url().endsWith('/stand-in/slots'),
          timeout: 60_000,
        });
        const intentAt = Date.now();
        await book.hover();
        await slots;
        prerenderMs.push(Date.now() - intentAt);
        await book.click();
      } else {
        // A tap with nothing before it: no pointer over, no press, no focus.
        await book.dispatchEvent('click', { button: 0 });
      }
      await page.waitForFunction(() => window.benchMarks.ready !== undefined, null, {
        timeout: 60_000,
      });
      await page.locator('iframe[src^="http://127.0.0.1:4440/"]').waitFor({ state: 'visible' });
      const marks = await page.evaluate(() => window.benchMarks);
      results.push(marks.ready - marks.tap);
      await context.close();
    }
  } finally {
    await browser.close();
    closeAll([siteProxy, site, calProxy, standIn]);
  }
  return summary(
    results,
    prerenderMs.length > 0 && { intentToPrerenderedMs: Math.round(median(prerenderMs)) },
  );
}

/** JavaScript a visitor downloads (gzip): before intent, and what intent adds. */
function scriptBytes(dist) {
  const html = readFileSync(join(dist, 'pricing/index.html'), 'utf8');
  const inline = [
    ...html.matchAll(
      /<script\b(?![^>]*(application\/ld\+json|speculationrules))[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ].reduce((sum, match) => sum + gzipSync(match[2]).length, 0);
  const rules = [...html.matchAll(/<script type="speculationrules">([^<]*)<\/script>/g)].reduce(
    (sum, match) => sum + gzipSync(match[1]).length,
    0,
  );
  const settings = /data-module="([^"]+)"[^>]*data-embed="([^"]+)"/.exec(html);
  const file = (url) => gzipSync(readFileSync(join(dist, url))).length;
  const afterIntent = settings ? file(settings[1]) + file(settings[2]) : 0;
  return { beforeIntent: inline, speculationRules: rules, afterIntent };
}

/** The stand-in's handshakes (tests/support/cal-stand-in.mjs), as the bench names them. */
const HANDSHAKES = {
  '1.5.3': 'embed-core 1.5.3’s (the pinned embed.js)',
  current: 'Cal.com’s current',
  silent: 'never says a word',
  hung: 'never answers connect',
};

export async function instantFigures(dist, runs) {
  const figures = { scripts: scriptBytes(dist) };
  const hasDisplay = ['Xvfb', 'xdotool'].every((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (hasDisplay) {
    console.log(`Next page on intent ×${runs}, with and without speculation rules…`);
    figures.navigation = {
      withRules: await navigationRuns(dist, { speculation: true, runs }),
      withoutRules: await navigationRuns(dist, { speculation: false, runs }),
    };
  } else {
    console.log(
      'Next page on intent: skipped (needs Xvfb and xdotool: apt-get install xvfb xdotool)',
    );
  }
  console.log(
    `Booking calendar on tap ×${runs}, without prerender and prerendered on intent for each of the booking page's handshakes…`,
  );
  const copy = buildBookingThrough('http://127.0.0.1:4440', 'clinic-bench-booking-');
  try {
    const bookingDist = join(copy.dir, 'dist');
    figures.booking = {
      withoutPrerender: await bookingRuns(bookingDist, { intent: false, runs }),
      prerendered: {},
    };
    for (const handshake of Object.keys(HANDSHAKES))
      figures.booking.prerendered[handshake] = await bookingRuns(bookingDist, {
        intent: true,
        runs,
        handshake,
      });
  } finally {
    copy.remove();
  }
  return figures;
}

/** The booking figures as one printed line. */
export function bookingLine({ withoutPrerender, prerendered }) {
  const byHandshake = Object.entries(HANDSHAKES)
    .map(([handshake, name]) => `${name} ${prerendered[handshake].medianMs} ms`)
    .join(', ');
  return `Tap on "Book 60 minutes" → calendar ready (median, 375 px): ${withoutPrerender.medianMs} ms without prerender; prerendered on intent, by the booking page's handshake: ${byHandshake} (goal: never slower than without)`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const figures = await instantFigures('dist', Number(process.env.BENCH_RUNS ?? 5));
  console.log(JSON.stringify(figures, null, 2));
  console.log(bookingLine(figures.booking));
}
