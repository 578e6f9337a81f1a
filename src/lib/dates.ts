/**
 * Days as the clinic reads them. A closure or a notice is entered as calendar days (`2026-12-24`,
 * ISO 8601's calendar date): that day in the clinic's time zone (`timeZone` in `clinic.yaml`, an
 * IANA name), whatever the zone of the editor's browser or of the machine that builds the site.
 * A day is kept as its `YYYY-MM-DD` string, never as a `Date` (an instant, which a time zone shifts
 * to the day before or after: decaporg/decap-cms#7319, #3640).
 */

/** A calendar day, `YYYY-MM-DD` (ISO 8601). */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
}

/**
 * The day a value from a content file names. YAML reads an unquoted `2026-12-24` as a `Date` at
 * midnight UTC, so its UTC day is the day written; a string is kept as written.
 */
export function dayOf(value: Date | string): Day {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/**
 * The file each build writes into the site with the day it was built for (`YYYY-MM-DD` and a
 * newline; src/integrations/launch-guard.ts), which the daily rebuild reads from the live site
 * (scripts/rebuild-due.mjs).
 */
export const SITE_DAY_FILE = 'site-day.txt';

/** One day formatter per time zone: making one costs far more than using it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day it is at instant `now` in `timeZone` (an IANA name): `todayIn('America/Los_Angeles',
 * new Date('2026-12-27T07:30:00Z'))` is `2026-12-26`. Throws a RangeError for an unknown zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): Day {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `day` moved by `days` calendar days (negative: earlier). */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The day the site is built as of: `SITE_DATE` (`YYYY-MM-DD`) when set, so that tests and
 * previews can build any day; else today in the clinic's time zone. Throws, naming `SITE_DATE`,
 * when it is set to anything but a calendar day.
 */
export function siteDate(
  timeZone: string,
  env: Record<string, string | undefined> = process.env,
  now: Date = new Date(),
): Day {
  const fixed = env['SITE_DATE']?.trim();
  if (fixed) {
    if (!isDay(fixed)) {
      throw new Error(
        `SITE_DATE=${fixed}: must be a calendar day like 2026-12-24 (or unset for today in ${timeZone})`,
      );
    }
    return fixed;
  }
  return todayIn(timeZone, now);
}

/** Calendar days from `first` to `last` (0 for the same day, negative when `last` is earlier). */
export function daysBetween(first: Day, last: Day): number {
  return Math.round(
    (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000,
  );
}

/** A day as a `Date` at midnight UTC, for `Intl.DateTimeFormat` with `timeZone: 'UTC'`. */
export const asUtcDate = (day: Day): Date => new Date(`${day}T00:00:00Z`);
