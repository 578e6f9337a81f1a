// A stand-in for the Cal.com booking origin, for the end-to-end tests and `npm run bench`: it
// serves the embed page `/<user>/<event>/embed` that speaks embed.js's protocol with its parent,
// and a plain booking page for every other path. Nothing here talks to Cal.com.
//
// The protocol is the one of the pinned @calcom/embed-core (1.5.3; its `connect` takes the query
// object, see dist/src/embed-iframe.d.ts), as the real booking page does it:
// - on load the page says `__iframeReady` and its size; once the parent answers
//   `parentKnowsIframeReady` and the calendar has its slots, it says `linkReady`;
// - opened with `prerender=true` it stays silent after its size (a hidden process) until the
//   parent sends `connect` with the visitor's query; then it fetches slots again (unless told
//   `cal.embed.noSlotsFetchOnConnect`) and says `linkReady`.
// Like the real page, it loads a script bundle and fetches slots before it is ready; their
// weight and delay are options, so the bench can give it a realistic cost (tests keep it light).
import { createServer } from 'node:http';

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const escape = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function embedPage(calLink, query) {
  const details = escape(`${calLink} ${query.toString()}`);
  return page(
    `Stand-in booking: ${escape(calLink)}`,
    `<main>
<h1>Stand-in booking for ${escape(calLink)}</h1>
<p id="details">${details}</p>
<p id="connected" hidden></p>
<button id="confirm" type="button">Confirm booking</button>
</main>
<script src="/stand-in/booker.js"></script>
<script>
  // How this page reads \`connect\`: the argument is the query object (embed-core 1.5.3).
  const protocol = 'query-object';
  const search = new URLSearchParams(location.search);
  const namespace = search.get('embed') ?? '';
  let prerendering = search.get('prerender') === 'true';
  let slots;
  const post = (type, data = {}) =>
    parent.postMessage({ originator: 'CAL', type, namespace, fullType: 'CAL:' + namespace + ':' + type, data }, '*');
  const fetchSlots = () => (slots = fetch('/stand-in/slots').then((response) => response.json()));
  const ready = () => slots.then(() => { if (!prerendering) post('linkReady'); });
  const methods = {
    parentKnowsIframeReady: ready,
    connect(arg) {
      post('__connectInitiated');
      if (protocol !== 'query-object') arg = arg.config;
      const connected = document.getElementById('connected');
      connected.textContent = 'Connected: ' + new URLSearchParams(Object.entries(arg).filter(([, value]) => value !== undefined)).toString();
      connected.hidden = false;
      prerendering = false;
      // As Cal.com does: the slots are fetched again unless the parent says those it has will do.
      if (arg['cal.embed.noSlotsFetchOnConnect'] !== 'true') fetchSlots();
      ready();
    },
  };
  addEventListener('message', (event) => {
    const { originator, method, arg } = event.data ?? {};
    if (event.source === parent && originator === 'CAL' && Object.hasOwn(methods, method)) methods[method](arg);
  });
  fetchSlots();
  post('__iframeReady', { isPrerendering: prerendering });
  post('__dimensionChanged', { iframeHeight: 420, iframeWidth: 600, isFirstTime: true });
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
 * @param {{ bookerBytes?: number, slotsDelayMs?: number }} [options] the weight of the booking
 *   page's script and how long the slot query takes (both small by default, for the tests).
 */
export function startCalStandIn(port, { bookerBytes = 2_000, slotsDelayMs = 0 } = {}) {
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
    const html = embed
      ? embedPage(decodeURIComponent(embed[1]), url.searchParams)
      : page('Stand-in booking page', `<h1>Stand-in booking page ${escape(url.pathname)}</h1>`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((ready) => server.listen(port, '127.0.0.1', () => ready(server)));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const port = Number(process.env.PORT ?? 4599);
  await startCalStandIn(port);
  console.log(`Cal.com stand-in on http://127.0.0.1:${port}/`);
}
