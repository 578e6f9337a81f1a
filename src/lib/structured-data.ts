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
  Person,
  Physiotherapy,
  Service,
  Thing,
  WebPage,
  WithContext,
} from 'schema-dts';
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

/** The page itself, in its language (`inLanguage`, a BCP 47 tag), part of the clinic's site. */
export function webPageData(
  name: string,
  url: URL,
  inLanguage: string,
  site: URL,
): WithContext<WebPage> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name,
    url: url.href,
    inLanguage,
    about: { '@id': businessId(site) },
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
): WithContext<Service> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name: service.title,
    serviceType: service.title,
    description: service.summary,
    url: url.href,
    ...(image && { image }),
    provider: { '@id': businessId(site) },
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
    publisher: { '@id': businessId(site) },
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
