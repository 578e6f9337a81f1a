/**
 * Turns stored values into what visitors read, and links that phones and maps understand. Words
 * come from the content (`fill`) or from `Intl` in the site's language (`lang`, from
 * `src/content/settings/en/site.yaml`), never from here.
 */
import type { ClinicData, Weekday } from '../schemas/clinic';
import type { LocationData, OpeningHours } from '../schemas/locations';
import { WEEKDAYS } from '../schemas/clinic';
import type { PricingData } from '../schemas/pricing';
import { asUtcDate, type Day } from './dates';

/**
 * One `Intl` formatter per language and options, made once: making one costs far more than using
 * it, and every page formats the week's hours, prices and durations (in the footer and the
 * structured data), which was about 1.5 ms per page of the build.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function formatter<Format extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  Kind: new (lang: string, options: object) => Format,
  lang: string,
  options: object,
): Format {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as Format | undefined;
  if (!made) {
    made = new Kind(lang, options);
    formatters.set(key, made);
  }
  return made;
}

/** `+15415550123` → `(541) 555-0123`. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/^\+1/, '');
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

export function telHref(phone: string): string {
  return `tel:${phone}`;
}

/** `55` → `$55`, `99.5` → `$99.50`: cents only when there are some. */
export function formatPrice(
  { price, currency }: Pick<PricingData, 'price' | 'currency'>,
  lang: string,
): string {
  return formatter(Intl.NumberFormat, lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(price) ? 0 : 2,
  }).format(price);
}

/** `60` → `60 minutes` (in the site's language). */
export function formatDuration(minutes: number, lang: string): string {
  return formatter(Intl.NumberFormat, lang, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  }).format(minutes);
}

/** `24` → `24 hours` (in the site's language). */
export function formatHours(hours: number, lang: string): string {
  return formatter(Intl.NumberFormat, lang, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
  }).format(hours);
}

/** The cancellation rule with its notice period, as the policy page and the booking panel say it. */
export function cancellationRule(
  policy: Pick<ClinicData['visitPolicy'], 'cancellation' | 'cancellationNoticeHours'>,
  lang: string,
): string {
  return fill(policy.cancellation, { notice: formatHours(policy.cancellationNoticeHours, lang) });
}

/** `2026-11-28` → `November 28, 2026` (in the site's language). */
export function formatDate(date: Date, lang: string): string {
  return formatter(Intl.DateTimeFormat, lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A time of day as stored (`17:30`), as read in `lang`: `5:30 PM` in en-US. */
export function formatTime(time: string, lang: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return formatter(Intl.DateTimeFormat, lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(2024, 0, 1, hours, minutes));
}

/** `a, b, and c` (`conjunction`), or `a, b` (`unit`), as `lang` writes a list. */
export function formatList(
  items: readonly string[],
  lang: string,
  type: 'conjunction' | 'unit' = 'conjunction',
): string {
  return formatter(Intl.ListFormat, lang, {
    type,
    style: type === 'unit' ? 'short' : 'long',
  }).format(items);
}

/** Opening hours as read in `lang`: `09:00`, `12:00` → `9:00 AM–12:00 PM` in en-US. */
export function formatOpenHours(opens: string, closes: string, lang: string): string {
  return `${formatTime(opens, lang)}–${formatTime(closes, lang)}`;
}

/**
 * Calendar days (`YYYY-MM-DD`, src/lib/dates.ts) from `first` to `last` as read in `lang`, one day
 * written once: `Thursday, November 26 – Friday, November 27` in en-US, `jueves, 26 de noviembre –
 * viernes, 27 de noviembre` in es-US (`Intl.DateTimeFormat.formatRange`, in UTC, where a day stays
 * itself).
 */
export function formatDays(first: Day, last: Day, lang: string): string {
  const format = formatter(Intl.DateTimeFormat, lang, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return first === last
    ? format.format(asUtcDate(first))
    : format.formatRange(asUtcDate(first), asUtcDate(last));
}

/** A stored weekday (`Monday`) by its name in `lang`. */
export function weekdayName(day: Weekday, lang: string): string {
  // 1 January 2024 was a Monday.
  const date = Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day));
  return formatter(Intl.DateTimeFormat, lang, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A line from the content with its places filled in: `fill('Book {duration}', { duration: '60
 * minutes' })` → `Book 60 minutes`. The schemas (`template` in schemas/fields.ts) make sure each
 * place is there.
 */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (place, name: string) => values[name] ?? place);
}

export interface DayHours {
  day: Weekday;
  /** The day's name in the site's language. */
  name: string;
  /** `null` when the clinic is closed that day. */
  hours: string | null;
}

/** One row per weekday, Monday first, so a closed day reads as closed rather than missing. */
export function weekSchedule(hours: readonly OpeningHours[], lang: string): DayHours[] {
  return WEEKDAYS.map((day) => {
    const open = hours.filter((entry) => entry.days.includes(day));
    return {
      day,
      name: weekdayName(day, lang),
      hours:
        open.length === 0
          ? null
          : formatList(
              open.map((entry) => formatOpenHours(entry.opens, entry.closes, lang)),
              lang,
              'unit',
            ),
    };
  });
}

export function addressLines({ address }: Pick<LocationData, 'address'>): [string, string] {
  return [address.street, `${address.city}, ${address.region} ${address.postalCode}`];
}

/** A location's own map link, or a map search for its address. */
export function mapHref(location: Pick<LocationData, 'address' | 'mapUrl'>): string {
  if (location.mapUrl) return location.mapUrl;
  const query = addressLines(location).join(', ');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
