/** Turns stored values into what visitors read, and links that phones and maps understand. */
import type { ClinicData, OpeningHours, Weekday } from '../schemas/clinic';
import { WEEKDAYS } from '../schemas/clinic';
import type { PricingData } from '../schemas/pricing';

/** `+15415550123` → `(541) 555-0123`. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/^\+1/, '');
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

export function telHref(phone: string): string {
  return `tel:${phone}`;
}

/** `55` → `$55`, `99.5` → `$99.50`: cents only when there are some. */
export function formatPrice({ price, currency }: Pick<PricingData, 'price' | 'currency'>): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(price) ? 0 : 2,
  }).format(price);
}

export function formatDuration(minutes: number): string {
  return `${minutes} minutes`;
}

/** `17:30` → `5:30 PM`. */
export function formatTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const suffix = hours < 12 ? 'AM' : 'PM';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

export interface DayHours {
  day: Weekday;
  /** `null` when the clinic is closed that day. */
  hours: string | null;
}

/** One row per weekday, Monday first, so a closed day reads as closed rather than missing. */
export function weekSchedule(hours: readonly OpeningHours[]): DayHours[] {
  return WEEKDAYS.map((day) => {
    const open = hours.filter((entry) => entry.days.includes(day));
    return {
      day,
      hours:
        open.length === 0
          ? null
          : open
              .map((entry) => `${formatTime(entry.opens)}–${formatTime(entry.closes)}`)
              .join(', '),
    };
  });
}

export function addressLines({ address }: Pick<ClinicData, 'address'>): [string, string] {
  return [address.street, `${address.city}, ${address.region} ${address.postalCode}`];
}

/** The clinic's own map link, or a map search for its address. */
export function mapHref(clinic: Pick<ClinicData, 'address' | 'mapUrl'>): string {
  if (clinic.mapUrl) return clinic.mapUrl;
  const query = addressLines(clinic).join(', ');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}
