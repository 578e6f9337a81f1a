import { z } from 'astro/zod';
import { calLink } from './booking';
import { clockTime, emailAddress, phoneNumber, profilesGroup, WEEKDAYS } from './clinic';
import { group, kind, line, order, stateCode } from './fields';
import { sameInEveryLanguage } from './translation';

const openingHours = group({
  days: z
    .array(z.enum(WEEKDAYS, kind(`a day: ${WEEKDAYS.join(', ')}`)), kind('a list of days'))
    .min(1, { error: 'needs at least one day' })
    .describe('Days with these opening hours.'),
  opens: clockTime.describe('Opening time, 24-hour clock, e.g. 09:00.'),
  closes: clockTime.describe('Closing time, 24-hour clock, e.g. 17:30.'),
}).refine((hours) => hours.closes > hours.opens, {
  error: 'must be later than the opening time',
  path: ['closes'],
});

export type OpeningHours = z.infer<typeof openingHours>;

/**
 * A Google Place ID: the identifier Google's Place ID Finder gives a business (usually 27
 * characters or more, starting `ChIJ`; letters, digits, `_` and `-`). Google: "Place IDs",
 * https://developers.google.com/maps/documentation/places/web-service/place-id
 */
const placeId = sameInEveryLanguage(
  z
    .string(kind('a Google Place ID like ChIJN1t_tDeuEmsRUsoyG83frY4'))
    .regex(/^[A-Za-z0-9_-]{16,1000}$/, {
      error:
        'must be a Google Place ID like ChIJN1t_tDeuEmsRUsoyG83frY4 (letters, digits, _ and -), as the Place ID Finder shows it',
    }),
);

/**
 * One of the clinic's locations: where clients come for their session, its hours and how to reach
 * it. One file per location in `src/content/locations/<language>/<id>.yaml`; the first in `order`
 * is the clinic's main location. What is the same at every location (the clinic's name, prices,
 * services, policies) is the clinic's (`settings/clinic.yaml`). Therapists, closures and notices
 * name the locations they belong to (`locations`; none: every location).
 *
 * schema.org: each location is a `LocalBusiness` (here `Physiotherapy`) with its own address,
 * `geo`, `openingHoursSpecification`, `telephone` and `hasMap`; Google: "LocalBusiness structured
 * data", one per location (https://developers.google.com/search/docs/appearance/structured-data/local-business).
 * A location may have profiles of its own (`profiles`, its `sameAs` besides its Google Maps place);
 * the clinic's stay in `clinic.yaml`.
 */
export const locationsSchema = z.strictObject({
  name: line(2, 60).describe(
    'The location’s short name, as visitors choose between locations, e.g. Downtown.',
  ),
  order,
  address: group({
    street: sameInEveryLanguage(line(3, 100)).describe(
      'Street and number, e.g. 123 Main Street, Suite 4.',
    ),
    city: sameInEveryLanguage(line(2, 60)).describe('City.'),
    region: stateCode.describe('Two-letter state code, e.g. OR.'),
    postalCode: sameInEveryLanguage(
      z
        .string(kind('a ZIP code'))
        .regex(/^\d{5}(-\d{4})?$/, { error: 'must be a ZIP code like 97201' }),
    ).describe('ZIP code, e.g. 97201.'),
    country: z.literal('US', kind('US')).default('US').describe('Country code.'),
  }).describe('Where clients come for their session.'),
  geo: group({
    latitude: z
      .number(kind('a number like 45.5231'))
      .min(-90, { error: 'must be between -90 and 90' })
      .max(90, { error: 'must be between -90 and 90' }),
    longitude: z
      .number(kind('a number like -122.6765'))
      .min(-180, { error: 'must be between -180 and 180' })
      .max(180, { error: 'must be between -180 and 180' }),
  })
    .optional()
    .describe('Optional map position of the entrance, for search engines (decimal degrees).'),
  mapUrl: sameInEveryLanguage(z.url({ protocol: /^https$/, ...kind('a full https:// address') }))
    .optional()
    .describe(
      'Optional link to the clinic on a map. Without it, a map search for the address is linked.',
    ),
  phone: phoneNumber
    .optional()
    .describe(
      'Optional: this location’s own phone number, e.g. +15415550123. Without it, the clinic’s.',
    ),
  email: emailAddress
    .optional()
    .describe('Optional: this location’s own email address. Without it, the clinic’s.'),
  hours: z
    .array(openingHours, kind('a list of opening hours'))
    .min(1, { error: 'needs at least one set of opening hours' })
    .describe('Opening hours. Days not listed are shown as closed.'),
  hoursNote: line(5, 160).optional().describe('Optional note shown under the opening hours.'),
  directions: line(20, 600)
    .optional()
    .describe(
      'Optional: how to get there, access and parking, in a few sentences (shown on the location’s page).',
    ),
  calLink: calLink
    .optional()
    .describe(
      'Optional: the Cal.com username or team link for booking at this location (the same event names as the clinic’s). Without it, the one in Online booking.',
    ),
  googlePlaceId: placeId
    .optional()
    .describe(
      'Optional: the location’s Google Place ID (from Google’s Place ID Finder). The main location’s: the site shows a "leave us a review" link, and builds the short /review/ address and a printable card with a QR code that lead to Google’s review form. Another location’s: the review link on its own page, and its place in search results.',
    ),
  profiles: profilesGroup('location’s')
    .optional()
    .describe(
      'Optional, with two or more locations: this location’s own profiles on other sites (its own Google Business Profile, Yelp page…), linked on its page and named to search engines with it. The clinic’s are in Settings › Clinic.',
    ),
});

export type LocationData = z.infer<typeof locationsSchema>;
