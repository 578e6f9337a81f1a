/**
 * The booking widget, loaded only on intent (see BookingIntent.astro): it fetches the self-hosted
 * Cal.com embed.js, opens the popup or mounts the inline booking, and reacts to the embed's events.
 *
 * Embed events arrive by postMessage, and embed.js's page-side listener does not check who sent
 * them. `guardEmbedMessages` runs before it and lets a message through only from a booking frame
 * this page created, at the booking origin; booking events only once that frame said it was ready.
 * Even then the data is untrusted: it only decides which of our own panels to show, and the one
 * value displayed (the booked time) is parsed as a date and written as text.
 *
 * On intent (pointer over, pointer down or keyboard focus on a popup control), `prepare` asks
 * embed.js to prerender that event's popup out of sight; the tap then only shows it (`connect`).
 * The tap never waits for a prerendered popup that cannot answer: one whose frame has not said
 * `__iframeReady`, or speaks another handshake than the pinned embed.js (see `prerenderHandshake`),
 * is dropped at the tap for a fresh popup, and one that does not answer `connect` within
 * `CONNECT_ANSWER_MS` gives way to a fresh popup then.
 */
import type { GlobalCal } from '@calcom/embed-core';
import EmbedSnippet from '@calcom/embed-snippet';
import { embedFrameOrigins, prerenderHandshake, type PrerenderHandshake } from '../lib/booking';

/** How long the booking calendar may take to say it is ready before the visitor gets the fallback. */
const READY_TIMEOUT_MS = 6000;

/** The handshake of the pinned embed.js: @calcom/embed-core 1.5.3 sends `connect` the query object. */
const PINNED_HANDSHAKE: PrerenderHandshake = 'query-object';

/**
 * How long (ms) a prerendered frame of the pinned handshake may take from `connect` to `linkReady`:
 * Cal.com's page answers after a fixed 700 ms (embed-iframe.ts of embed-core 1.5.3,
 * `connectPreloadedEmbed`), plus 500 ms, past which a response to an interaction counts as poor
 * (web.dev, Interaction to Next Paint). A frame slower than that is not answering.
 */
const CONNECT_ANSWER_MS = 700 + 500;

type Namespace = GlobalCal['ns'][string];

const settings = document.getElementById('booking-settings')?.dataset ?? {};
const origin = settings['origin'] ?? 'https://cal.com';
const embedScriptUrl = settings['embed'];
const ui: unknown = JSON.parse(settings['ui'] ?? '{}');
/** The words this script writes, from the content (components/BookingIntent.astro). */
const messages = JSON.parse(settings['messages'] ?? '{}') as Partial<
  Record<'language' | 'loading' | 'ready' | 'booked', string>
>;
/** A message with its one place filled in: `Booking {duration}.` → `Booking 60 minutes.` */
const say = (message: keyof typeof messages, place: string, value: string) =>
  (messages[message] ?? '').replace(`{${place}}`, value);

let cal: GlobalCal | undefined;
let namespaces = 0;
/** Settles once embed.js has run; from then on an instruction to a namespace runs at once. */
let embedRan: Promise<void> | undefined;

/** Handshake messages a frame sends before it is ready; anything else waits for `linkReady`. */
const HANDSHAKE = new Set([
  '__iframeReady',
  '__dimensionChanged',
  '__connectInitiated',
  'linkReady',
  'linkFailed',
]);
const frameOrigins = new Set(embedFrameOrigins(origin));
const readyFrames = new WeakSet<MessageEventSource>();

interface EmbedMessage {
  originator: 'CAL';
  type: string;
  namespace: string;
  fullType: string;
}

function isEmbedMessage(data: unknown): data is EmbedMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { originator, type, namespace, fullType } = data as Record<string, unknown>;
  return (
    originator === 'CAL' &&
    typeof type === 'string' &&
    typeof namespace === 'string' &&
    fullType === `CAL:${namespace}:${type}`
  );
}

/** The namespace whose booking frame (created by embed.js for this page) is `source`. */
function namespaceOfFrame(source: MessageEventSource | null): string | undefined {
  if (!source || !cal) return undefined;
  for (const [name, ns] of Object.entries(cal.ns)) {
    const { instance } = ns as { instance?: { iframe?: HTMLIFrameElement | null } };
    if (instance?.iframe?.contentWindow === source) return name;
  }
  return undefined;
}

function trusted(event: MessageEvent): boolean {
  if (!frameOrigins.has(event.origin) || !isEmbedMessage(event.data)) return false;
  if (namespaceOfFrame(event.source) !== event.data.namespace || !event.source) return false;
  if (event.data.type === 'linkReady') readyFrames.add(event.source);
  return HANDSHAKE.has(event.data.type) || readyFrames.has(event.source);
}

/** Registered before embed.js loads, in the capture phase, so it runs before embed.js's listener. */
function guardEmbedMessages(): void {
  window.addEventListener(
    'message',
    (event) => {
      if (!trusted(event)) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

/**
 * A deposit taken in Cal.com (Stripe's Apple Pay / Google Pay) needs the Payment Request API in the
 * booking frame, which a cross-origin frame only gets with `allow="payment"`; embed-core 1.5.3
 * builds the frame without it, setting `src` before it inserts the frame. So the attribute is added
 * as the frame gets its booking-origin address, before it loads. The site's Permissions-Policy
 * delegates payment to the booking origin only (src/lib/security-headers.ts).
 */
function allowPaymentInBookingFrames(): void {
  const src = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src');
  const setSrc = src?.set;
  if (!src || !setSrc) return;
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    ...src,
    set(this: HTMLIFrameElement, value: string) {
      if (URL.canParse(value) && frameOrigins.has(new URL(value).origin)) this.allow = 'payment';
      setSrc.call(this, value);
    },
  });
}

function calendar(): GlobalCal {
  if (!cal) {
    guardEmbedMessages();
    allowPaymentInBookingFrames();
    cal = EmbedSnippet(embedScriptUrl);
  }
  return cal;
}

/** The booked start time, when the event's data holds a valid one. */
function bookedStart(data: unknown): Date | undefined {
  const startTime =
    typeof data === 'object' && data !== null && 'startTime' in data ? data.startTime : undefined;
  const start = typeof startTime === 'string' ? new Date(startTime) : undefined;
  return start && !Number.isNaN(start.getTime()) ? start : undefined;
}

interface Target {
  calLink: string;
  params: Record<string, string>;
  href: string;
  minutes: string;
  /** The length as the page writes it, e.g. "60 minutes". */
  duration: string;
}

function targetOf(link: HTMLAnchorElement): Target {
  return {
    calLink: link.dataset['event'] ?? '',
    params: JSON.parse(link.dataset['eventParams'] ?? '{}') as Record<string, string>,
    href: link.href,
    minutes: link.dataset['minutes'] ?? '',
    duration: link.dataset['duration'] ?? '',
  };
}

/**
 * A fresh embed namespace for each popup or inline calendar, so events from an earlier one cannot
 * reach a later one.
 */
function newNamespace(): Namespace {
  const name = `booking${++namespaces}`;
  const Cal = calendar();
  Cal('init', name, { origin });
  // The snippet adds embed.js's script on its first call, the line above.
  embedRan ??= new Promise((ran) =>
    [...document.scripts]
      .find((script) => script.getAttribute('src') === embedScriptUrl)
      ?.addEventListener('load', () => ran(), { once: true }),
  );
  const ns = Cal.ns[name] as Namespace;
  ns('ui', ui as never);
  return ns;
}

interface EmbedStart {
  /** Runs once if the calendar is not ready within `readyWithinMs` or reports failure. */
  onFail: () => void;
  onReady?: () => void;
  /** The namespace to use, e.g. a prerendered popup's; a new one by default. */
  ns?: Namespace;
  readyWithinMs?: number;
}

function startEmbed({
  onFail,
  onReady = () => {},
  ns = newNamespace(),
  readyWithinMs = READY_TIMEOUT_MS,
}: EmbedStart): Namespace {
  let settled = false;
  const settle = (done: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    done();
  };
  const timer = setTimeout(() => settle(onFail), readyWithinMs);
  ns('on', { action: 'linkReady', callback: () => settle(onReady) });
  ns('on', { action: 'linkFailed', callback: () => settle(onFail) });
  ns('on', {
    action: 'bookingSuccessfulV2',
    callback: (event: { detail?: { data?: unknown } }) => {
      const start = bookedStart(event.detail?.data);
      if (start) showBeforeYourVisit(start);
    },
  });
  return ns;
}

function dialog(id: string): HTMLDialogElement | null {
  const element = document.getElementById(id);
  return element instanceof HTMLDialogElement ? element : null;
}

function showBeforeYourVisit(start: Date): void {
  const panel = dialog('before-your-visit');
  if (!panel || panel.open) return;
  const time = panel.querySelector<HTMLElement>('[data-booked-time]');
  if (time) {
    const when = start.toLocaleString(messages.language, {
      dateStyle: 'full',
      timeStyle: 'short',
    });
    time.textContent = say('booked', 'when', when);
    time.hidden = false;
  }
  panel.showModal();
}

function showFallbackLink(container: ParentNode, href: string): void {
  const link = container.querySelector<HTMLAnchorElement>('[data-direct-link]');
  if (link) link.href = href;
}

interface Prerendered {
  ns: Namespace;
  /** The frame's handshake, once it said `__iframeReady`; embed.js holds `connect` back until then. */
  handshake?: PrerenderHandshake;
}

/** Popups prerendered on intent, by event and parameters, each used for one tap. */
const prerendered = new Map<string, Prerendered>();
const keyOf = (target: Target) => JSON.stringify([target.calLink, target.params]);

function opensPopup(link: HTMLAnchorElement): boolean {
  return link.dataset['booking'] !== 'inline' || !document.querySelector('[data-booking-inline]');
}

/** Called on intent: the popup this control opens starts loading out of sight. */
function prepare(link: HTMLAnchorElement): void {
  if (!opensPopup(link)) return;
  const target = targetOf(link);
  const key = keyOf(target);
  if (prerendered.has(key)) return;
  const entry: Prerendered = { ns: newNamespace() };
  entry.ns('on', {
    action: '__iframeReady',
    callback: (event: { detail?: { data?: unknown } }) =>
      (entry.handshake = prerenderHandshake(event.detail?.data)),
  });
  prerendered.set(key, entry);
  // An instruction given before embed.js has run waits in the snippet's queue, beyond reach of a
  // tap that drops this popup; so the prerender is asked for once embed.js runs, if still wanted.
  void embedRan?.then(() => {
    if (prerendered.get(key) === entry)
      entry.ns('prerender', { calLink: target.calLink, type: 'modal' });
  });
}

function modalOf(ns: Namespace): Element | null | undefined {
  return (ns as { instance?: { modalBox?: Element | null } }).instance?.modalBox;
}

function openPopup(target: Target): void {
  const key = keyOf(target);
  const prerender = prerendered.get(key);
  prerendered.delete(key);
  const showFallback = () => {
    // The embed's own modal would stay an empty frame; ours offers the other ways to book.
    document.querySelectorAll('cal-modal-box').forEach((modal) => modal.remove());
    const fallback = dialog('booking-fallback');
    if (!fallback) return;
    showFallbackLink(fallback, target.href);
    fallback.showModal();
  };
  const config = { ...target.params, layout: 'month_view' as const };
  const openFresh = () => {
    if (prerender) modalOf(prerender.ns)?.remove();
    startEmbed({ onFail: showFallback })('modal', { calLink: target.calLink, config });
  };
  // A frame that has not said `__iframeReady` would not get `connect` yet, and one speaking
  // Cal.com's current handshake would never become ready after it: a fresh popup at once instead.
  if (prerender?.handshake !== PINNED_HANDSHAKE) {
    openFresh();
    return;
  }
  startEmbed({ onFail: openFresh, ns: prerender.ns, readyWithinMs: CONNECT_ANSWER_MS })('modal', {
    calLink: target.calLink,
    config,
  });
}

let inlineSection: HTMLElement | undefined;
let inlineRender = 0;

function inlineLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('a[data-booking="inline"]')];
}

function renderInline(section: HTMLElement, link: HTMLAnchorElement): void {
  const target = targetOf(link);
  const render = ++inlineRender;
  for (const other of inlineLinks()) {
    if (other === link) other.setAttribute('aria-current', 'true');
    else other.removeAttribute('aria-current');
  }
  const frame = section.querySelector<HTMLElement>('[data-booking-frame]');
  const failed = section.querySelector<HTMLElement>('[data-booking-failed]');
  const status = section.querySelector<HTMLElement>('[data-booking-status]');
  if (!frame || !failed || !status) return;
  // The sentence on the calendar's language holds only for a tier whose booking page follows the
  // browser's language (InlineBooking.astro).
  const language = section.querySelector<HTMLElement>('[data-calendar-language]');
  if (language) language.hidden = !('browserLanguage' in link.dataset);
  frame.replaceChildren();
  frame.hidden = false;
  failed.hidden = true;
  status.textContent = say('loading', 'duration', target.duration);
  const ns = startEmbed({
    onFail: () => {
      if (render !== inlineRender) return;
      frame.replaceChildren();
      frame.hidden = true;
      showFallbackLink(failed, target.href);
      failed.hidden = false;
      status.textContent = '';
    },
    onReady: () => {
      if (render === inlineRender) status.textContent = say('ready', 'duration', target.duration);
    },
  });
  ns('inline', {
    elementOrSelector: frame,
    calLink: target.calLink,
    config: { ...target.params, layout: 'month_view' },
  });
}

/** The tier named by `?tier=<minutes>`, else the section's default. */
function chosenLink(section: HTMLElement): HTMLAnchorElement | undefined {
  const links = inlineLinks();
  const wanted =
    new URLSearchParams(location.search).get('tier') ?? section.dataset['defaultMinutes'];
  return links.find((link) => link.dataset['minutes'] === wanted) ?? links[0];
}

/** Mounts the inline booking on /book/ (called once it scrolls into view). */
function mountInline(section: HTMLElement): void {
  inlineSection = section;
  const link = chosenLink(section);
  if (link) renderInline(section, link);
}

/** Handles a click on a booking control. */
function book(link: HTMLAnchorElement): void {
  const section = document.querySelector<HTMLElement>('[data-booking-inline]');
  if (link.dataset['booking'] !== 'inline' || !section) {
    openPopup(targetOf(link));
    return;
  }
  const url = new URL(location.href);
  url.searchParams.set('tier', link.dataset['minutes'] ?? '');
  history.replaceState(null, '', url);
  if (inlineSection) renderInline(inlineSection, link);
  section.scrollIntoView({ block: 'start' });
}

export interface BookingWidget {
  book: typeof book;
  prepare: typeof prepare;
  mountInline: typeof mountInline;
}

declare global {
  interface Window {
    bookingWidget: BookingWidget;
  }
}

// This file is built as a standalone module that is loaded, not imported, so it hands its API over
// through the window (see BookingIntent.astro).
window.bookingWidget = { book, prepare, mountInline };
