import { describe, expect, test } from 'vitest';
import {
  addressLines,
  fill,
  formatDuration,
  formatList,
  formatPhone,
  formatPrice,
  formatTime,
  mapHref,
  telHref,
  weekSchedule,
} from '../../src/lib/format';

describe('formatPhone', () => {
  test('writes a US number the way Americans read it', () => {
    expect(formatPhone('+15415550123')).toBe('(541) 555-0123');
  });

  test('links the international form for phones', () => {
    expect(telHref('+15415550123')).toBe('tel:+15415550123');
  });
});

describe('formatPrice', () => {
  test('leaves out cents on whole amounts', () => {
    expect(formatPrice({ price: 55, currency: 'USD' }, 'en-US')).toBe('$55');
  });

  test('shows cents when there are some', () => {
    expect(formatPrice({ price: 99.5, currency: 'USD' }, 'en-US')).toBe('$99.50');
  });

  test('groups thousands', () => {
    expect(formatPrice({ price: 1200, currency: 'USD' }, 'en-US')).toBe('$1,200');
  });
});

describe('formatTime', () => {
  test.each([
    ['09:00', '9:00 AM'],
    ['12:00', '12:00 PM'],
    ['00:30', '12:30 AM'],
    ['17:45', '5:45 PM'],
  ])('%s reads as %s', (time, expected) => {
    expect(formatTime(time, 'en-US')).toBe(expected);
  });
});

describe('weekSchedule', () => {
  test('lists every weekday from Monday, closed days as null', () => {
    const schedule = weekSchedule(
      [
        { days: ['Monday', 'Wednesday'], opens: '09:00', closes: '17:00' },
        { days: ['Wednesday'], opens: '18:00', closes: '20:00' },
      ],
      'en-US',
    );
    expect(schedule.map(({ day }) => day)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(schedule[0]?.hours).toBe('9:00 AM–5:00 PM');
    expect(schedule[1]?.hours).toBeNull();
    expect(schedule[2]?.hours).toBe('9:00 AM–5:00 PM, 6:00 PM–8:00 PM');
  });
});

describe('words from Intl in the site’s language', () => {
  test('day names, times, lengths, lists and prices follow the language', () => {
    const [monday] = weekSchedule([{ days: ['Monday'], opens: '09:00', closes: '17:30' }], 'de-DE');
    expect(monday).toEqual({ day: 'Monday', name: 'Montag', hours: '9:00–17:30' });
    expect(formatDuration(60, 'en-US')).toBe('60 minutes');
    expect(formatDuration(60, 'de-DE')).toBe('60 Minuten');
    expect(formatList(['a', 'b', 'c'], 'en-US')).toBe('a, b, and c');
    expect(formatList(['a', 'b', 'c'], 'de-DE')).toBe('a, b und c');
    expect(formatPrice({ price: 55, currency: 'USD' }, 'de-DE')).toBe('55\u00a0$');
  });
});

describe('fill', () => {
  test('puts each value in its place, and leaves an unknown place as written', () => {
    expect(fill('Book {duration}', { duration: '60 minutes' })).toBe('Book 60 minutes');
    expect(fill('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  });
});

describe('addresses and maps', () => {
  const address = {
    street: '1 Main St & 2nd Ave',
    city: 'Salem',
    region: 'OR',
    postalCode: '97301',
    country: 'US' as const,
  };

  test('splits an address into street and city lines', () => {
    expect(addressLines({ address })).toEqual(['1 Main St & 2nd Ave', 'Salem, OR 97301']);
  });

  test('searches the map for the address, encoded', () => {
    expect(mapHref({ address })).toBe(
      'https://www.google.com/maps/search/?api=1&query=1%20Main%20St%20%26%202nd%20Ave%2C%20Salem%2C%20OR%2097301',
    );
  });

  test("prefers the clinic's own map link", () => {
    expect(mapHref({ address, mapUrl: 'https://maps.example.com/clinic' })).toBe(
      'https://maps.example.com/clinic',
    );
  });
});
