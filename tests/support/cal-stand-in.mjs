// A stand-in for the Cal.com booking origin, for the end-to-end tests and `npm run bench`: it
// serves the embed page `/<user>/<event>/embed` that speaks embed.js's protocol with its parent,
// and a plain booking page for every other path. Nothing here talks to Cal.com.
//
// Its prerender handshake is chosen by the `handshake` option, or for one browser context by the
// cookie `stand-in-handshake` (the tests share one stand-in; embed.js builds the frame's address):
// - `1.5.3` (default): Cal.com's booking page as it answered the pinned @calcom/embed-core 1.5.3
//   (whose dist/src/embed-iframe.d.ts declares `connect(queryObject)`): `__iframeReady` with no
//   data; a prerendered page stays silent after `parentKnowsIframeReady`; `connect` takes the
//   popup's query object, acknowledges nothing, and `linkReady` follows 700 ms later
//   (embed-iframe.ts of that release: `connectPreloadedEmbed`,
//   `MAX_TIME_TO_LET_REACT_APPLY_UI_CHANGES = 700`).
// - `current`: Cal.com's current embed-iframe.ts: `__iframeReady { isPrerendering }`; a prerendered
//   page says `linkPrerendered` once done; `connect({ config, params })` says `__connectInitiated`
//   at once, then fetches slots again (unless `cal.embed.noSlotsFetchOnConnect`) and says
//   `__connectCompleted` and `linkReady`. Given 1.5.3's query object instead, it stops after
//   `__connectInitiated`, as Cal.com's does (it destructures the missing `config`).
// - `silent`: a prerendered page loads (script, slots) and never says anything.
// - `hung`: a prerendered page speaks `1.5.3` until `connect`, which it never answers.
// Pages that are not prerendered speak `1.5.3` under `silent` and `hung`. Under every handshake a
// page that is not prerendered says `linkReady` once the calendar has its slots (the current rule,
// `isLinkReady`), so figures without prerender compare across handshakes.
//
// Like the real page, it loads a script bundle and fetches slots before it is ready; their weight
// and delay are options, so the bench can give it a realistic cost (tests keep it light).
//
// Its language is the event type's interface language where one is set (the `eventLanguages`
// option, by event slug), else the browser's: the first language of the request's Accept-Language.
// It writes the language as `<html lang>` and "Language: <code> (<whose>)", and the event it was
// opened with in its heading. Cal.com chooses the booking page's language the same way (the event
// type's `interfaceLanguage`, read by apps/web/app/(booking-page-wrapper)/[user]/[type]/page.tsx
// and embed/page.tsx; else apps/web/app/layout.tsx → getLocale: the signed-in user's locale, else
// Accept-Language), never from a query parameter; see docs/developer-guide.md, "Booking with
// Cal.com".
import { createServer } from 'node:http';
import { EVENT_LANGUAGES } from './language-events.mjs';

const HANDSHAKES = ['1.5.3', 'current', 'silent', 'hung'];

const page = (title, body, language = 'en') =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const escape = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The primary language subtag of the first language the browser asks for (`es-US,es;q=0.9` → `es`). */
function languageOf(acceptLanguage = '') {
  const [first = ''] = acceptLanguage.split(',');
  const code = first.split(';')[0].trim().split('-')[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(code) ? code : 'en';
}

function handshakeOf(cookieHeader = '', fallback) {
  const chosen = /(?:^|;\s*)stand-in-handshake=([^;]+)/.exec(cookieHeader)?.[1];
  return chosen && HANDSHAKES.includes(chosen) ? chosen : fallback;
}

/**
 * The booking page's language: the event type's interface language, else the browser's.
 * @param {string} calLink `user/event`
 * @param {Record<string, string>} eventLanguages interface languages by event slug
 * @param {string | undefined} acceptLanguage
 */
function bookingLanguage(calLink, eventLanguages, acceptLanguage) {
  const event = calLink.split('/').at(-1) ?? '';
  return Object.hasOwn(eventLanguages, event)
    ? { language: eventLanguages[event], whose: 'the event type’s' }
    : { language: languageOf(acceptLanguage), whose: 'the browser’s' };
}

function embedPage(calLink, query, { handshake, language, whose }) {
  const details = escape(`${calLink} ${query.toString()}`);
  return page(
    `Stand-in booking: ${escape(calLink)}`,
    `<main>
<h1>Stand-in booking for ${escape(calLink)}</h1>
<p id="details">${details}</p>
<p id="language">Language: ${language} (${whose})</p>
<p id="connected" hidden></p>
<button id="confirm" type="button">Confirm booking</button>
</main>
<script src="/stand-in/booker.js"></script>
<script>
  const search = new URLSearchParams(location.search);
  const namespace = search.get('embed') ?? '';
  let prerendering = search.get('prerender') === 'true';
  const handshake = ${JSON.stringify(handshake)};
  const silent = prerendering && handshake === 'silent';
  const ignoresConnect = prerendering && handshake === 'hung';
  const current = handshake === 'current';
  let slots;
  let markRendered;
  const rendered = new Promise((resolve) => (markRendered = resolve));
  const post = (type, data = {}) =>
    parent.postMessage({ originator: 'CAL', type, namespace, fullType: 'CAL:' + namespace + ':' + type, data }, '*');
  const fetchSlots = () => (slots = fetch('/stand-in/slots').then((response) => response.json()));
  const showConnected = (query) => {
    const connected = document.getElementById('connected');
    connected.textContent = 'Connected: ' + new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined)).toString();
    connected.hidden = false;
  };
  async function connectCurrent({ config, params }) {
    post('__connectInitiated');
    const { iframeAttrs, 'cal.embed.noSlotsFetchOnConnect': noSlotsFetch, ...fromConfig } = config;
    if (noSlotsFetch !== 'true') fetchSlots();
    await rendered;
    prerendering = false;
    showConnected({ ...params, ...fromConfig });
    await slots;
    post('__connectCompleted');
    post('linkReady');
  }
  const methods = {
    parentKnowsIframeReady() {
      slots.then(() => {
        markRendered();
        if (!prerendering) post('linkReady');
        else if (current) post('linkPrerendered');
      });
    },
    connect(arg) {
      if (ignoresConnect) return;
      if (current) return connectCurrent(arg);
      prerendering = false;
      showConnected(arg);
      setTimeout(() => post('linkReady'), 700);
    },
  };
  fetchSlots();
  if (!silent) {
    addEventListener('message', (event) => {
      const { originator, method, arg } = event.data ?? {};
      if (event.source === parent && originator === 'CAL' && Object.hasOwn(methods, method)) methods[method](arg);
    });
    post('__iframeReady', current ? { isPrerendering: prerendering } : {});
    post('__dimensionChanged', { iframeHeight: 420, iframeWidth: 600, isFirstTime: true });
  }
  document.getElementById('confirm').addEventListener('click', () => {
    post('bookingSuccessfulV2', {
      uid: 'stand-in-booking',
      title: '<img src=x onerror="document.title=\\'injected\\'">',
      startTime: '2026-12-01T17:00:00.000Z',
      endTime: '2026-12-01T18:00:00.000Z',
      eventTypeId: 1,
      status: 'ACCEPTED',
      paymentRequired: false,
      isRecurring: false,
    });
  });
</script>`,
    language,
  );
}

/** A script of `bytes` bytes that does not compress away, like a real application bundle. */
function booker(bytes) {
  const lines = ['window.standInBooker = true;'];
  let size = lines[0].length;
  for (let seed = 1; size < bytes; seed++) {
    const line = `// ${(seed * 2654435761).toString(36)}${Math.sin(seed).toString(36).slice(2)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * @param {number} port
 * @param {{ bookerBytes?: number, slotsDelayMs?: number, handshake?: string, eventLanguages?: Record<string, string> }} [options]
 *   the weight of the booking page's script and how long the slot query takes (both small by
 *   default, for the tests), its prerender handshake (`1.5.3`, `current`, `silent` or `hung`,
 *   above), and the interface language of event types that have one, by event slug
 *   (`{ '60min-es': 'es' }`).
 */
export function startCalStandIn(
  port,
  { bookerBytes = 2_000, slotsDelayMs = 0, handshake = '1.5.3', eventLanguages = {} } = {},
) {
  if (!HANDSHAKES.includes(handshake))
    throw new Error(`handshake: ${handshake} is not one of ${HANDSHAKES.join(', ')}`);
  const bookerScript = booker(bookerBytes);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/stand-in/booker.js') {
      response.writeHead(200, {
        'content-type': 'text/javascript',
        'cache-control': 'max-age=3600',
      });
      response.end(bookerScript);
      return;
    }
    if (url.pathname === '/stand-in/slots') {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ slots: ['2026-12-01T17:00:00.000Z'] }));
      }, slotsDelayMs);
      return;
    }
    const embed = /^\/(.+)\/embed\/?$/.exec(url.pathname);
    const calLink = embed ? decodeURIComponent(embed[1]) : '';
    const html = embed
      ? embedPage(calLink, url.searchParams, {
          handshake: handshakeOf(request.headers.cookie, handshake),
          ...bookingLanguage(calLink, eventLanguages, request.headers['accept-language']),
        })
      : page('Stand-in booking page', `<h1>Stand-in booking page ${escape(url.pathname)}</h1>`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', vary: 'cookie' });
    response.end(html);
  });
  return new Promise((ready) => server.listen(port, '127.0.0.1', () => ready(server)));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const port = Number(process.env.PORT ?? 4599);
  // The event types of the booking build's other languages (tests/support/booking-site.mjs).
  await startCalStandIn(port, { eventLanguages: EVENT_LANGUAGES });
  console.log(`Cal.com stand-in on http://127.0.0.1:${port}/`);
}
