// A stand-in for the Cal.com booking origin, for the end-to-end tests: it serves the embed page
// `/<user>/<event>/embed` that posts the embed's ready and booking events to its parent, and a plain
// booking page for every other path. Nothing here talks to Cal.com.
import { createServer } from 'node:http';

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const escape = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function embedPage(calLink, query) {
  const details = escape(`${calLink} ${query.toString()}`);
  return page(
    `Stand-in booking: ${escape(calLink)}`,
    `<h1>Stand-in booking for ${escape(calLink)}</h1>
<p id="details">${details}</p>
<button id="confirm" type="button">Confirm booking</button>
<script>
  const namespace = new URLSearchParams(location.search).get('embed') ?? '';
  const post = (type, data = {}) =>
    parent.postMessage({ originator: 'CAL', type, namespace, fullType: 'CAL:' + namespace + ':' + type, data }, '*');
  post('__iframeReady');
  post('__dimensionChanged', { iframeHeight: 420, iframeWidth: 600, isFirstTime: true });
  post('linkReady');
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

export function startCalStandIn(port) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
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
