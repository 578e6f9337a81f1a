/**
 * JSON-LD for search engines, built from the same content the pages show. The schema-dts types
 * check every type and property name against the schema.org vocabulary at compile time.
 */
import type {
  BreadcrumbList,
  FAQPage,
  MedicalWebPage,
  Offer,
  OpeningHoursSpecification,
  Organization,
  Person,
  Physiotherapy,
  PhysiotherapyLeaf,
  Service,
  Thing,
  WebPage,
  WithContext,
} from 'schema-dts';
import { entryPath } from '../collections';
import type { ClinicData } from '../schemas/clinic';
import type { LocationData } from '../schemas/locations';
import type { ClosureData } from '../schemas/closures';
import type { PricingData } from '../schemas/pricing';
import type { ServiceData } from '../schemas/services';
import type { TierBooking } from './booking';
import { formatDuration, formatPrice, mapHref } from './format';
import type { Crumb } from './seo';
import { markdownToText } from './mdx-text';
import { profileLinks } from './profiles';

type Tier = { data: PricingData; booking: Pick<TierBooking, 'href'> };

/** A therapist as the structured data needs them (`src/content/therapists/en/`). */
export interface TherapistFacts {
  id: string;
  data: {
    name: string;
    credentials: string;
    credentialName: string;
    licence: { number: string; state: string; board: string; lookupUrl: string };
    languages: readonly string[];
  };
  /** The languages as the main language names them (`knowsLanguage` is the same on every page). */
  knowsLanguage?: readonly string[] | undefined;
}

/** A therapist of the practice, with their licence as a credential the state board recognises. */
function personData({ id, data, knowsLanguage }: TherapistFacts, site: URL): Person {
  return {
    '@type': 'Person',
    '@id': new URL(`/therapists/#${id}`, site).href,
    name: data.name,
    url: new URL(`/therapists/#${id}`, site).href,
    jobTitle: data.credentialName,
    knowsLanguage: [...(knowsLanguage ?? data.languages)],
    hasCredential: {
      '@type': 'EducationalOccupationalCredential',
      credentialCategory: 'license',
      name: `${data.credentialName} (${data.credentials})`,
      identifier: data.licence.number,
      url: data.licence.lookupUrl,
      recognizedBy: {
        '@type': 'GovernmentOrganization',
        name: data.licence.board,
        areaServed: { '@type': 'State', name: data.licence.state },
      },
    },
  };
}

/** One id for the business, so every page's data refers to the same practice. */
function businessId(site: URL): string {
  return new URL('/#business', site).href;
}

/**
 * The node every page's data names as the clinic (`about`, `provider`, `publisher`): with one
 * location the business itself (`/#business`), with two or more the organisation
 * (`/#organization`, `organizationData`) whose locations are each a business of their own.
 */
export function clinicId(site: URL, severalLocations: boolean): string {
  return severalLocations ? new URL('/#organization', site).href : businessId(site);
}

/**
 * A location's own business node, with two or more locations: `<site>/locations/<id>/#business`,
 * its page in the main language (the same node in every language).
 */
export function locationBusinessId(id: string, site: URL): string {
  return new URL(`${entryPath('locations', id)}#business`, site).href;
}

/**
 * A closure or special hours as schema.org's `OpeningHoursSpecification` for
 * `specialOpeningHoursSpecification`: from `validFrom` through `validThrough` (ISO 8601 days), open
 * `opens`–`closes`, or closed all day as Google's structured-data guidelines write it (`opens` and
 * `closes` both `00:00`); its reason as its `name`, where it is in the page's language.
 */
function specialHoursData({
  reason,
  validFrom,
  validThrough,
  opens,
  closes,
}: ClosureData): OpeningHoursSpecification {
  return {
    '@type': 'OpeningHoursSpecification',
    ...(reason && { name: reason }),
    opens: opens ?? '00:00',
    closes: closes ?? '00:00',
    validFrom,
    validThrough,
  };
}

/**
 * The practice. schema.org's `Physiotherapy` (a `MedicalBusiness`) is "the practice of treatment of
 * disease, injury, deformity by physical means such as massage", which is what the clinic does.
 */
export function businessData(
  clinic: Omit<ClinicData, 'hsaFsa' | 'visitPolicy' | 'brand'>,
  /** Where it is: the main location, with its phone and email resolved (`getLocations`). */
  location: {
    data: Pick<LocationData, 'address' | 'geo' | 'mapUrl' | 'hours'>;
    phone: string;
    email: string;
  },
  tiers: readonly Pick<Tier, 'data'>[],
  site: URL,
  image: string,
  /** The site's language, for the price range's text. */
  lang: string,
  /** The therapists, as the people of the business. */
  therapists: readonly TherapistFacts[] = [],
  /** The site's languages (BCP 47 tags) on a site with more than one: its `availableLanguage`. */
  availableLanguage?: readonly string[],
  /** Closures and special hours not over yet: its `specialOpeningHoursSpecification`. */
  closures: readonly { data: ClosureData }[] = [],
): WithContext<Physiotherapy> {
  const prices = tiers.map(({ data }) => data.price);
  const currency = tiers[0]?.data.currency ?? 'USD';
  const range = (price: number) => formatPrice({ price, currency }, lang);
  // The clinic's own profiles elsewhere: schema.org's `sameAs`, "URL of a reference Web page that
  // unambiguously indicates the item's identity".
  const sameAs = profileLinks(clinic).map(({ href }) => href);
  return {
    '@context': 'https://schema.org',
    '@type': 'Physiotherapy',
    '@id': businessId(site),
    name: clinic.name,
    url: site.href,
    image,
    telephone: location.phone,
    email: location.email,
    address: {
      '@type': 'PostalAddress',
      streetAddress: location.data.address.street,
      addressLocality: location.data.address.city,
      addressRegion: location.data.address.region,
      postalCode: location.data.address.postalCode,
      addressCountry: location.data.address.country,
    },
    ...(location.data.geo && {
      geo: {
        '@type': 'GeoCoordinates',
        latitude: location.data.geo.latitude,
        longitude: location.data.geo.longitude,
      },
    }),
    hasMap: mapHref(location.data),
    ...(sameAs.length > 0 && { sameAs }),
    openingHoursSpecification: location.data.hours.map((hours) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: hours.days.map((day) => `https://schema.org/${day}` as const),
      opens: hours.opens,
      closes: hours.closes,
    })),
    ...(closures.length > 0 && {
      specialOpeningHoursSpecification: closures.map(({ data }) => specialHoursData(data)),
    }),
    ...(prices.length > 0 && {
      priceRange: `${range(Math.min(...prices))}–${range(Math.max(...prices))}`,
    }),
    currenciesAccepted: currency,
    paymentAccepted: clinic.paymentAccepted.join(', '),
    areaServed: clinic.serviceArea.map((name) => ({ '@type': 'Place', name })),
    ...(therapists.length > 0 && {
      employee: therapists.map((therapist) => personData(therapist, site)),
    }),
    ...(availableLanguage && {
      contactPoint: {
        '@type': 'ContactPoint',
        contactType: 'customer service',
        telephone: location.phone,
        email: location.email,
        availableLanguage: [...availableLanguage],
      },
    }),
  };
}

/**
 * With two or more locations, the clinic itself: schema.org's `Organization`, with the name, site,
 * logo, contact, profiles (`sameAs`) and languages that are the same everywhere, and each location
 * as a `subOrganization` (`locationData`'s `@id`s). Google's "Local business" guidance: one
 * `LocalBusiness` per location, each marked up on its own page
 * (https://developers.google.com/search/docs/appearance/structured-data/local-business);
 * "Organization": the organisation's name, logo, `url`, `sameAs` and `contactPoint`
 * (https://developers.google.com/search/docs/appearance/structured-data/organization).
 */
export function organizationData(
  clinic: Pick<ClinicData, 'name' | 'phone' | 'email' | 'profiles'>,
  site: URL,
  image: string,
  /** Each location's id (its file name): its business node is `locationBusinessId`. */
  locations: readonly string[],
  /** The site's languages (BCP 47 tags) on a site with more than one: its `availableLanguage`. */
  availableLanguage?: readonly string[],
  /** The address of the clinic's logo (`brand.logo`: an SVG as it is, else a PNG); none without one. */
  logo?: string,
): WithContext<Organization> {
  const sameAs = profileLinks(clinic).map(({ href }) => href);
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': clinicId(site, true),
    name: clinic.name,
    url: site.href,
    // Google: the logo "that represents the organization" (a photo is not one).
    ...(logo && { logo }),
    image,
    telephone: clinic.phone,
    email: clinic.email,
    ...(sameAs.length > 0 && { sameAs }),
    subOrganization: locations.map((id) => ({ '@id': locationBusinessId(id, site) })),
    ...(availableLanguage && {
      contactPoint: {
        '@type': 'ContactPoint',
        contactType: 'customer service',
        telephone: clinic.phone,
        email: clinic.email,
        availableLanguage: [...availableLanguage],
      },
    }),
  };
}

/** A location as `locationData` needs it: its entry, with phone and email resolved (`getLocations`). */
export interface LocationFacts {
  id: string;
  data: Pick<
    LocationData,
    'name' | 'address' | 'geo' | 'mapUrl' | 'hours' | 'googlePlaceId' | 'profiles'
  >;
  phone: string;
  email: string;
}

/**
 * Google Maps' page of the place `placeId` (Google's "Maps URLs": `query_place_id`), the one
 * address that says which place a location is: its `sameAs`.
 * https://developers.google.com/maps/documentation/urls/get-started#search-action
 */
const placeUrl = (placeId: string, query: string): string =>
  `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}&query_place_id=${encodeURIComponent(placeId)}`;

/**
 * With two or more locations, one of them: the same `@type` as the single business
 * (`businessData`: `Physiotherapy`), with its own `@id` (`locationBusinessId`), name (the clinic's
 * and the location's), page (`url`), address, `geo`, phone, hours, closures
 * (`specialOpeningHoursSpecification`), its Google Maps place (with a Place ID) and its own
 * profiles as `sameAs`, the therapists who work there, `parentOrganization` the clinic
 * (`organizationData`) and a `ReserveAction` whose target is its booking page on Cal.com.
 */
export function locationData(
  clinic: Omit<ClinicData, 'hsaFsa' | 'visitPolicy' | 'brand'>,
  location: LocationFacts,
  /** The location's page, in the page's language. */
  url: URL,
  /** Its Cal.com booking page (its `calLink` at the booking origin). */
  bookingUrl: string,
  tiers: readonly Pick<Tier, 'data'>[],
  site: URL,
  image: string,
  lang: string,
  therapists: readonly TherapistFacts[],
  closures: readonly { data: ClosureData }[],
): WithContext<Physiotherapy> {
  // No profiles and no languages: those are the organisation's (`sameAs`, `contactPoint`). The
  // node is an object (schema-dts's type also allows a bare IRI string, which it never is here).
  const business = businessData(
    { ...clinic, profiles: {} },
    location,
    tiers,
    site,
    image,
    lang,
    therapists,
    undefined,
    closures,
  ) as WithContext<PhysiotherapyLeaf>;
  const { googlePlaceId, profiles } = location.data;
  const sameAs = [
    ...(googlePlaceId
      ? [placeUrl(googlePlaceId, `${clinic.name}, ${location.data.address.street}`)]
      : []),
    ...profileLinks({ profiles }).map(({ href }) => href),
  ];
  return {
    ...business,
    '@id': locationBusinessId(location.id, site),
    name: `${clinic.name} – ${location.data.name}`,
    url: url.href,
    ...(sameAs.length > 0 ? { sameAs } : {}),
    parentOrganization: { '@id': clinicId(site, true) },
    potentialAction: {
      '@type': 'ReserveAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: bookingUrl,
        actionPlatform: [
          'https://schema.org/DesktopWebPlatform',
          'https://schema.org/MobileWebPlatform',
        ],
      },
    },
  };
}

/** The page itself, in its language (`inLanguage`, a BCP 47 tag), part of the clinic's site. */
export function webPageData(
  name: string,
  url: URL,
  inLanguage: string,
  site: URL,
  /**
   * What the page is about: `clinicId` (the business, or with several locations the organisation),
   * or on a location's own page that location's business (`locationBusinessId`).
   */
  clinic = businessId(site),
): WithContext<WebPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name,
    url: url.href,
    inLanguage,
    about: { '@id': clinic },
  };
}

/** A service page: the service, who provides it, and an offer for each session length. */
export function serviceData(
  service: Pick<ServiceData, 'title' | 'summary'>,
  tiers: readonly Tier[],
  url: URL,
  site: URL,
  image: string | undefined,
  /** The page's language tag (BCP 47), for the offers' names. */
  lang: string,
  /** Who provides it: `clinicId` (the business, or with several locations the organisation). */
  clinic = businessId(site),
): WithContext<Service> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name: service.title,
    serviceType: service.title,
    description: service.summary,
    url: url.href,
    ...(image && { image }),
    provider: { '@id': clinic },
    offers: tiers.map(({ data, booking }): Offer => ({
      '@type': 'Offer',
      // In the page's language, by Intl ("60 minutes", "60 minutos"): no English of our own.
      name: formatDuration(data.durationMinutes, lang),
      price: data.price,
      priceCurrency: data.currency,
      eligibleDuration: {
        '@type': 'QuantitativeValue',
        value: data.durationMinutes,
        unitCode: 'MIN',
      },
      url: booking.href,
    })),
  };
}

/** A service named as a treatment: its name, and its page in the page's language. */
export interface TreatmentFacts {
  name: string;
  url: URL;
}

/**
 * A condition's page, as Google and schema.org describe a health page: a `MedicalWebPage` in the
 * page's language (`inLanguage`, BCP 47) `about` the `MedicalCondition`, its `possibleTreatment`
 * the services that help (each a `MedicalTherapy`, the range schema.org gives the property), and
 * who reviewed it and when (`reviewedBy`, the therapist's `Person` of the business's `employee`
 * list by its `@id`; `lastReviewed`, an ISO 8601 day). It takes the place of the plain `WebPage`.
 */
export function conditionPageData(
  condition: { title: string; summary: string; lastReviewed: string },
  treatments: readonly TreatmentFacts[],
  reviewer: Pick<TherapistFacts, 'id'> & {
    data: Pick<TherapistFacts['data'], 'name' | 'credentialName'>;
  },
  url: URL,
  inLanguage: string,
  site: URL,
  /** Its publisher: `clinicId` (the business, or with several locations the organisation). */
  clinic = businessId(site),
): WithContext<MedicalWebPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: condition.title,
    description: condition.summary,
    url: url.href,
    inLanguage,
    lastReviewed: condition.lastReviewed,
    reviewedBy: {
      '@type': 'Person',
      '@id': new URL(`/therapists/#${reviewer.id}`, site).href,
      name: reviewer.data.name,
      jobTitle: reviewer.data.credentialName,
    },
    publisher: { '@id': clinic },
    about: {
      '@type': 'MedicalCondition',
      name: condition.title,
      description: condition.summary,
      possibleTreatment: treatments.map(({ name, url: page }) => ({
        '@type': 'MedicalTherapy',
        name,
        url: page.href,
      })),
    },
  };
}

/** Every question on the FAQ page, its answer as plain text. */
export function faqData(
  questions: readonly { data: { question: string }; body?: string | undefined }[],
): WithContext<FAQPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: questions.map(({ data, body }) => ({
      '@type': 'Question',
      name: data.question,
      acceptedAnswer: { '@type': 'Answer', text: markdownToText(body ?? '') },
    })),
  };
}

export function breadcrumbData(crumbs: readonly Crumb[], site: URL): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.label,
      item: new URL(crumb.href, site).href,
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can end the script. */
export function jsonLd(data: WithContext<Thing>): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
