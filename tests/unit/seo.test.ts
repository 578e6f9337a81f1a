import { describe, expect, test } from 'vitest';
import { breadcrumbTrail, documentTitle } from '../../src/lib/seo';
import {
  breadcrumbData,
  businessData,
  conditionPageData,
  faqData,
  jsonLd,
  serviceData,
} from '../../src/lib/structured-data';
import { markdownToText } from '../../src/lib/mdx-text';
import { validate } from '../support/structured-data';

const site = new URL('https://clinic.example.com');

describe('documentTitle', () => {
  test('adds the clinic name when the whole fits in 60 characters', () => {
    expect(documentTitle('Prices', 'Riverside Medical Massage')).toBe(
      'Prices | Riverside Medical Massage',
    );
  });

  test('leaves the name out when it would not fit', () => {
    const title = 'Insurance, HSA/FSA and claims for massage';
    expect(documentTitle(title, 'Riverside Orthopedic and Medical Massage')).toBe(title);
  });
});

describe('markdownToText', () => {
  test('keeps the words of links and emphasis, drops the marks', () => {
    expect(markdownToText('See the [insurance page](/insurance/) and **call** us, _today_.')).toBe(
      'See the insurance page and call us, today.',
    );
  });

  test('shows escaped characters as typed, and drops component lines but keeps a callout’s words', () => {
    const body = [
      'Ask \\{us\\} \\<b>now\\</b> & save.',
      '<BookTier minutes="60" />',
      '<Callout>',
      'Bring your **prescription**.',
      '</Callout>',
    ].join('\n\n');
    expect(markdownToText(body)).toBe('Ask {us} <b>now</b> & save.\n\nBring your prescription.');
  });

  test('joins wrapped lines and keeps paragraphs apart', () => {
    expect(markdownToText('First line\nwraps here.\n\n- one item\n- two items')).toBe(
      'First line wraps here.\n\none item two items',
    );
  });
});

const clinic = {
  name: 'Riverside Medical Massage',
  phone: '+15415550123',
  email: 'hello@example.com',
  timeZone: 'America/Los_Angeles',
  serviceArea: ['Salem'],
  paymentAccepted: ['HSA card', 'FSA card'],
};
const location = {
  data: {
    address: {
      street: '1 Main Street',
      city: 'Salem',
      region: 'OR',
      postalCode: '97301',
      country: 'US' as const,
    },
    hours: [{ days: ['Monday' as const, 'Tuesday' as const], opens: '09:00', closes: '17:00' }],
  },
  phone: clinic.phone,
  email: clinic.email,
};
const tiers = [
  {
    data: { durationMinutes: 30, price: 55, currency: 'USD' as const, calEvent: '30min' },
    booking: { href: 'https://cal.com/r/30min' },
  },
  {
    data: { durationMinutes: 90, price: 150, currency: 'USD' as const, calEvent: '90min' },
    booking: { href: 'https://cal.com/r/90min' },
  },
];

describe('structured data', () => {
  test('the business is a Physiotherapy practice with address, hours, prices and payment', () => {
    const data = businessData(
      clinic,
      location,
      tiers,
      site,
      'https://clinic.example.com/share.jpg',
      'en-US',
    );
    expect(data).toMatchObject({
      '@type': 'Physiotherapy',
      '@id': 'https://clinic.example.com/#business',
      telephone: '+15415550123',
      address: { '@type': 'PostalAddress', postalCode: '97301' },
      openingHoursSpecification: [
        {
          dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday'],
          opens: '09:00',
          closes: '17:00',
        },
      ],
      priceRange: '$55–$150',
      paymentAccepted: 'HSA card, FSA card',
    });
    expect(data).not.toHaveProperty('geo');
  });

  test('the business names the clinic’s profiles as sameAs, and none when it has none', () => {
    const data = businessData(
      {
        ...clinic,
        profiles: {
          google: 'https://g.page/r/CdXf4yzAbC',
          instagram: 'https://www.instagram.com/riversidemassage',
        },
      },
      location,
      tiers,
      site,
      '',
      'en-US',
    );
    expect(data).toMatchObject({
      sameAs: ['https://g.page/r/CdXf4yzAbC', 'https://www.instagram.com/riversidemassage'],
    });
    expect(businessData(clinic, location, tiers, site, '', 'en-US')).not.toHaveProperty('sameAs');
    expect(
      businessData({ ...clinic, profiles: {} }, location, tiers, site, '', 'en-US'),
    ).not.toHaveProperty('sameAs');
  });

  test('the business gets coordinates when its location has them', () => {
    const data = businessData(
      clinic,
      { ...location, data: { ...location.data, geo: { latitude: 44.94, longitude: -123.03 } } },
      tiers,
      site,
      '',
      'en-US',
    );
    expect(data).toMatchObject({
      geo: { '@type': 'GeoCoordinates', latitude: 44.94, longitude: -123.03 },
    });
  });

  test('a service offers each tier with price, currency and duration, provided by the business', () => {
    const data = serviceData(
      { title: 'Myofascial release', summary: 'Summary.' },
      tiers,
      new URL('/services/x/', site),
      site,
      undefined,
      'es-US',
    );
    expect(data).toMatchObject({
      '@type': 'Service',
      provider: { '@id': 'https://clinic.example.com/#business' },
      offers: [
        {
          // Named in the page's language by Intl.
          name: '30 minutos',
          price: 55,
          priceCurrency: 'USD',
          eligibleDuration: { value: 30, unitCode: 'MIN' },
          url: 'https://cal.com/r/30min',
        },
        { price: 150, priceCurrency: 'USD', eligibleDuration: { value: 90, unitCode: 'MIN' } },
      ],
    });
    expect(data).not.toHaveProperty('image');
  });

  test('a condition’s page is a MedicalWebPage about the condition, its treatments, reviewer and review day', () => {
    const data = conditionPageData(
      { title: 'Ciática', summary: 'Dolor que baja por la pierna.', lastReviewed: '2026-12-01' },
      [
        {
          name: 'Terapia neuromuscular',
          url: new URL('/es/servicios/terapia-neuromuscular/', site),
        },
      ],
      { id: 'dana-whitfield-lmt', data: { name: 'Dana Whitfield', credentialName: 'LMT' } },
      new URL('/es/afecciones/ciatica/', site),
      'es-US',
      site,
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      name: 'Ciática',
      description: 'Dolor que baja por la pierna.',
      url: 'https://clinic.example.com/es/afecciones/ciatica/',
      inLanguage: 'es-US',
      lastReviewed: '2026-12-01',
      // The same person as the business's employee of that id.
      reviewedBy: {
        '@type': 'Person',
        '@id': 'https://clinic.example.com/therapists/#dana-whitfield-lmt',
        name: 'Dana Whitfield',
        jobTitle: 'LMT',
      },
      publisher: { '@id': 'https://clinic.example.com/#business' },
      about: {
        '@type': 'MedicalCondition',
        name: 'Ciática',
        description: 'Dolor que baja por la pierna.',
        possibleTreatment: [
          {
            '@type': 'MedicalTherapy',
            name: 'Terapia neuromuscular',
            url: 'https://clinic.example.com/es/servicios/terapia-neuromuscular/',
          },
        ],
      },
    });
  });

  test('FAQ answers are plain text', () => {
    const data = faqData([
      { data: { question: 'Can I pay with HSA?' }, body: 'Yes, see [prices](/pricing/).' },
    ]);
    expect(data.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'Can I pay with HSA?',
        acceptedAnswer: { '@type': 'Answer', text: 'Yes, see prices.' },
      },
    ]);
  });

  test('breadcrumbs number their items from Home with absolute URLs', () => {
    const data = breadcrumbData(
      breadcrumbTrail('Home', [{ label: 'Prices', href: '/pricing/' }]),
      site,
    );
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://clinic.example.com/' },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Prices',
        item: 'https://clinic.example.com/pricing/',
      },
    ]);
  });

  test('JSON-LD text cannot close its script element', () => {
    const json = jsonLd(
      faqData([{ data: { question: '</script><script>alert(1)</script>?' }, body: '' }]),
    );
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).mainEntity[0].name).toBe('</script><script>alert(1)</script>?');
  });
});

describe('the offline structured-data validator', () => {
  test('accepts our breadcrumbs', async () => {
    const data = breadcrumbData(
      breadcrumbTrail('Home', [{ label: 'Prices', href: '/pricing/' }]),
      site,
    );
    expect(await validate([data as never])).toEqual([]);
  });

  test('accepts a condition’s page', async () => {
    const data = conditionPageData(
      { title: 'Sciatica', summary: 'Pain down the leg.', lastReviewed: '2026-12-01' },
      [{ name: 'Trigger point therapy', url: new URL('/services/trigger-point-therapy/', site) }],
      { id: 'therapist', data: { name: 'Dana Whitfield', credentialName: 'LMT' } },
      new URL('/conditions/sciatica/', site),
      'en-US',
      site,
    );
    expect(await validate([data as never])).toEqual([]);
  });

  test('reports a breadcrumb item without a name (so the e2e check can fail)', async () => {
    const broken = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: 'https://clinic.example.com/' }],
    };
    const issues = await validate([broken]);
    expect(issues.filter((issue) => issue.severity === 'ERROR')).not.toEqual([]);
  });
});
