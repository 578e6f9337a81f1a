/**
 * Booking links from settings: every "Book" control is a real link to the Cal.com booking page of
 * its event, so it works without JavaScript; the intent script turns a click into the popup.
 */
import type { BookingData } from '../schemas/booking';
import type { PricingData } from '../schemas/pricing';

type Tier = Pick<PricingData, 'durationMinutes' | 'calEvent'>;

export interface TierBooking {
  /** `user/event`, as Cal.com's embed takes it. */
  calLink: string;
  /** Query the booking page needs: the duration when one event offers several. */
  params: Record<string, string>;
  /** The Cal.com booking page itself. */
  href: string;
  /**
   * Whether the booking page is in the visitor's browser language rather than the page's: on a
   * page in another language than the main one, the tier books the main language's event (its
   * translation names no event of its own). Cal.com shows a booking page in its event type's
   * interface language when one is set, else in the browser's (docs/developer-guide.md, "Booking
   * with Cal.com").
   */
  browserLanguage: boolean;
}

/**
 * Where a tier is booked, in the language of `tier` (its `calEvent` is that language's, or the
 * main language's). `mainEvent` is the main language's event of the same tier, undefined on a page
 * in the main language. Tiers that share one multi-duration event are told apart by Cal.com's
 * `duration` parameter.
 */
export function tierBooking(
  booking: Pick<BookingData, 'origin' | 'calLink'>,
  tier: Tier,
  allTiers: readonly Tier[],
  mainEvent?: string,
): TierBooking {
  const calLink = `${booking.calLink}/${tier.calEvent}`;
  const shared = allTiers.filter((other) => other.calEvent === tier.calEvent).length > 1;
  const params: Record<string, string> = shared ? { duration: String(tier.durationMinutes) } : {};
  const url = new URL(`/${calLink}`, booking.origin);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { calLink, params, href: url.href, browserLanguage: mainEvent === tier.calEvent };
}

/** What the embed is told about the clinic's look: the booking theme and the clinic's colour. */
export function embedUi(booking: Pick<BookingData, 'theme'>, brandColour: string) {
  return {
    ...(booking.theme === 'auto' ? {} : { theme: booking.theme }),
    cssVarsPerTheme: {
      light: { 'cal-brand': brandColour },
      dark: { 'cal-brand': brandColour },
    },
  };
}

/**
 * Where the booking frame actually comes from: Cal.com's embed.js swaps `https://cal.com` for
 * `https://app.cal.com` when it builds the frame's URL; a self-hosted origin is used as it is.
 */
export function embedFrameOrigins(origin: string): string[] {
  return origin === 'https://cal.com' ? [origin, 'https://app.cal.com'] : [origin];
}

/**
 * The two prerender handshakes of Cal.com's booking page (packages/embeds/embed-core/src/
 * embed-iframe.ts in calcom/cal.com, which the framed booking page runs):
 * - `query-object`, the one of @calcom/embed-core 1.5.3, whose embed.js this site pins (it sends
 *   `connect` the popup's query object: dist/embed/embed.js line 455; dist/src/embed-iframe.d.ts
 *   line 75 declares `connect(queryObject)`): the page says `__iframeReady` with no data; `connect`
 *   is acknowledged by nothing and answered by `linkReady` 700 ms later (`connectPreloadedEmbed`,
 *   `MAX_TIME_TO_LET_REACT_APPLY_UI_CHANGES`).
 * - `config-and-params`, Cal.com's current one: `__iframeReady` carries `{ isPrerendering }`;
 *   `connect` takes `{ config, params }`, says `__connectInitiated` at once and `linkReady` once the
 *   slots are in. Sent 1.5.3's query object, it stops after `__connectInitiated` (it destructures
 *   `config`), so that popup never becomes ready.
 */
export type PrerenderHandshake = 'query-object' | 'config-and-params';

/**
 * Which handshake a booking frame speaks, from the `data` of its `__iframeReady` message (an
 * object, untrusted): with an `isPrerendering` field the current one, without it 1.5.3's.
 */
export function prerenderHandshake(iframeReadyData: unknown): PrerenderHandshake {
  return typeof iframeReadyData === 'object' &&
    iframeReadyData !== null &&
    'isPrerendering' in iframeReadyData
    ? 'config-and-params'
    : 'query-object';
}
