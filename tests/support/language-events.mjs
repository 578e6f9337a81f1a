// The Cal.com events of the booking build's other languages (tests/e2e/booking/): event types the
// clinic set to that interface language in Cal.com, each named in the translation of a price tier
// (`calEvent` may differ by language). The 30-minute tier is left without one, so the same build
// also has a tier that books the main language's event, in the browser's language.

/** @type {{ language: string, tier: string, calEvent: string }[]} */
export const LANGUAGE_EVENTS = [
  { language: 'es', tier: '60-minutes', calEvent: '60min-es' },
  { language: 'es', tier: '90-minutes', calEvent: '90min-es' },
];

/** Each event's interface language by its slug, as the Cal.com stand-in reads them. */
export const EVENT_LANGUAGES = Object.fromEntries(
  LANGUAGE_EVENTS.map(({ calEvent, language }) => [calEvent, language]),
);
