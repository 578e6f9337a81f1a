import { describe, expect, test } from 'vitest';
import { embedUi, prerenderHandshake, tierBooking } from '../../src/lib/booking';

const settings = { origin: 'https://cal.com', calLink: 'riverside' };
const tiers = [
  { durationMinutes: 30, calEvent: '30min' },
  { durationMinutes: 60, calEvent: '60min' },
  { durationMinutes: 90, calEvent: '90min' },
];

describe('tierBooking', () => {
  test('links a tier with its own event to that event', () => {
    expect(tierBooking(settings, tiers[1]!, tiers)).toEqual({
      calLink: 'riverside/60min',
      params: {},
      href: 'https://cal.com/riverside/60min',
      browserLanguage: false,
    });
  });

  test('on another language’s page, says whether the tier books that language’s own event', () => {
    const spanish = { durationMinutes: 60, calEvent: '60min-es' };
    const own = tierBooking(settings, spanish, [tiers[0]!, spanish, tiers[2]!], '60min');
    expect(own.href).toBe('https://cal.com/riverside/60min-es');
    expect(own.browserLanguage).toBe(false);
    // No event of its own: the main language's, in the visitor's browser language.
    const main = tierBooking(settings, tiers[1]!, tiers, '60min');
    expect(main.href).toBe('https://cal.com/riverside/60min');
    expect(main.browserLanguage).toBe(true);
  });

  test('tells tiers sharing one multi-duration event apart by duration', () => {
    const shared = [
      { durationMinutes: 30, calEvent: 'massage' },
      { durationMinutes: 60, calEvent: 'massage' },
      { durationMinutes: 90, calEvent: 'intensive' },
    ];
    expect(tierBooking(settings, shared[1]!, shared)).toEqual({
      calLink: 'riverside/massage',
      params: { duration: '60' },
      href: 'https://cal.com/riverside/massage?duration=60',
      browserLanguage: false,
    });
    expect(tierBooking(settings, shared[2]!, shared).href).toBe(
      'https://cal.com/riverside/intensive',
    );
  });

  test('uses a self-hosted origin and a team link', () => {
    const booking = tierBooking(
      { origin: 'https://book.riverside.example', calLink: 'team/riverside' },
      tiers[0]!,
      tiers,
    );
    expect(booking.href).toBe('https://book.riverside.example/team/riverside/30min');
    expect(booking.calLink).toBe('team/riverside/30min');
  });
});

describe('embedUi', () => {
  test('passes the brand colour for both themes and a fixed theme', () => {
    expect(embedUi({ theme: 'dark' }, '#123456')).toEqual({
      theme: 'dark',
      cssVarsPerTheme: { light: { 'cal-brand': '#123456' }, dark: { 'cal-brand': '#123456' } },
    });
  });

  test('leaves the theme to the visitor’s device when set to auto', () => {
    expect(embedUi({ theme: 'auto' }, '#123456')).not.toHaveProperty('theme');
  });
});

describe('prerenderHandshake', () => {
  test('reads an __iframeReady without data as embed-core 1.5.3’s handshake', () => {
    expect(prerenderHandshake({})).toBe('query-object');
  });

  test('reads an __iframeReady carrying isPrerendering as Cal.com’s current handshake', () => {
    expect(prerenderHandshake({ isPrerendering: true })).toBe('config-and-params');
    expect(prerenderHandshake({ isPrerendering: false })).toBe('config-and-params');
  });

  test('reads data that is not an object as 1.5.3’s handshake, without an error', () => {
    for (const data of [undefined, null, 'isPrerendering', 42])
      expect(prerenderHandshake(data)).toBe('query-object');
  });
});
