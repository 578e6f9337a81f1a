import { describe, expect, test } from 'vitest';
import { addDays, dayOf, isDay, siteDate, todayIn } from '../../src/lib/dates';

const ZONE = 'America/Los_Angeles';

describe('days in the clinic’s time zone', () => {
  test('a day is a real calendar day written YYYY-MM-DD', () => {
    expect(isDay('2026-12-24')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    for (const wrong of [
      '2026-02-29',
      '2026-13-01',
      '2026-12-32',
      '24/12/2026',
      '2026-12-24T00:00',
    ]) {
      expect(isDay(wrong), wrong).toBe(false);
    }
  });

  test('an unquoted YAML day (a Date at midnight UTC) is the day written, in any zone', () => {
    expect(dayOf(new Date('2026-12-24T00:00:00Z'))).toBe('2026-12-24');
    expect(dayOf('2026-12-24')).toBe('2026-12-24');
  });

  test('across midnight in the clinic’s zone, whatever the UTC day', () => {
    // Pacific Standard Time is UTC−8 in December: 23:59 on the 26th is 07:59 UTC on the 27th.
    expect(todayIn(ZONE, new Date('2026-12-27T07:59:00Z'))).toBe('2026-12-26');
    expect(todayIn(ZONE, new Date('2026-12-27T08:00:00Z'))).toBe('2026-12-27');
    // Daylight time (UTC−7) in July.
    expect(todayIn(ZONE, new Date('2026-07-05T06:59:00Z'))).toBe('2026-07-04');
    expect(todayIn(ZONE, new Date('2026-07-05T07:00:00Z'))).toBe('2026-07-05');
    // A zone ahead of UTC: Berlin's new day starts at 23:00 UTC in winter.
    expect(todayIn('Europe/Berlin', new Date('2026-12-26T23:00:00Z'))).toBe('2026-12-27');
  });

  test('SITE_DATE builds any day; unset, the site is built as of today in the clinic’s zone', () => {
    const now = new Date('2026-12-27T07:30:00Z');
    expect(siteDate(ZONE, { SITE_DATE: '2026-12-24' }, now)).toBe('2026-12-24');
    expect(siteDate(ZONE, {}, now)).toBe('2026-12-26');
    expect(siteDate(ZONE, { SITE_DATE: '' }, now)).toBe('2026-12-26');
    expect(() => siteDate(ZONE, { SITE_DATE: '24.12.2026' }, now)).toThrow(
      'SITE_DATE=24.12.2026: must be a calendar day like 2026-12-24 (or unset for today in America/Los_Angeles)',
    );
  });

  test('days are counted on the calendar, not in hours (no daylight-saving shift)', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-12-27', 42)).toBe('2027-02-07');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
