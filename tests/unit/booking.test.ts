import { describe, expect, test } from 'vitest';
import { embedUi, tierBooking } from '../../src/lib/booking';

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
    });
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
