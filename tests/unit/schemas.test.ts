import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { benefitsSchema } from '../../src/schemas/benefits';
import { bookingSchema } from '../../src/schemas/booking';
import { brandColourProblem, SITE_BACKGROUNDS } from '../../src/schemas/clinic';
import { contentSchemas } from '../../src/collections';
import { insuranceSchema } from '../../src/schemas/insurance';
import { pageSchema, pageWords } from '../../src/schemas/pages';
import { pricingSchema } from '../../src/schemas/pricing';
import { servicesSchema } from '../../src/schemas/services';
import { siteSchema } from '../../src/schemas/site';
import { image, problems, sampleImage } from './schema-helpers';

/** A settings file as it is today: the words of a valid fixture come from the real content. */
const settingsFile = (name: string) =>
  parse(readFileSync(`src/content/settings/en/${name}.yaml`, 'utf8')) as Record<string, unknown>;
const clinicFile = settingsFile('clinic') as {
  hsaFsa: { letter: { labels: object } };
  visitPolicy: object;
};
/** The clinic settings as the CMS checks them (a logo is the path Decap writes). */
const clinicSchema = contentSchemas.clinic;

describe('services schema', () => {
  const schema = servicesSchema({ image });
  const valid = {
    title: 'Myofascial release',
    summary: 'Slow, sustained stretching of the fascia to ease restrictions that cause pain.',
    kind: 'modality',
    helpsWith: ['Stiffness'],
    order: 4,
  };

  test('accepts a valid service and defaults draft to false', () => {
    const parsed = schema.parse(valid);
    expect(parsed.draft).toBe(false);
  });

  test.each([
    [
      'a missing title',
      { title: undefined },
      'title: is required: name of the service as visitors see it, e.g. "Myofascial release"',
    ],
    ['a short summary', { summary: 'Too short.' }, 'summary: must be at least 50 characters'],
    ['an unknown kind', { kind: 'spa' }, 'kind: must be "treatment" or "modality"'],
    ['an empty helps-with list', { helpsWith: [] }, 'helpsWith: needs at least one item'],
    ['an order given as text', { order: '2' }, 'order: must be a whole number (1 comes first)'],
    ['an order of 0', { order: 0 }, 'order: must be 1 or more (1 comes first)'],
    ['a draft flag as text', { draft: 'yes' }, 'draft: must be true or false'],
    [
      'an image without alt text',
      { image: sampleImage },
      'imageAlt: is required when the service has an image',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(schema, { ...valid, ...change })).toContain(expected);
  });

  test('rejects a field it does not know', () => {
    expect(problems(schema, { ...valid, price: 55 })).toEqual([expect.stringMatching(/price/)]);
  });
});

describe('conditions schema', () => {
  /** As the CMS and launch-check read a file: references are the slugs they name. */
  const schema = contentSchemas.conditions;
  const valid = {
    title: 'Sciatica',
    summary:
      'Pain that runs from the lower back down the leg, eased by work on the muscles around it.',
    services: ['trigger-point-therapy'],
    reviewedBy: 'dana-whitfield-lmt',
    lastReviewed: '2026-12-01',
    approvedByReviewer: true,
    order: 2,
  };

  test('accepts a valid condition, its review day read from YAML as the day written', () => {
    expect(problems(schema, valid)).toEqual([]);
    const parsed = schema.parse({ ...valid, lastReviewed: new Date('2026-12-01T00:00:00Z') });
    expect(parsed.lastReviewed).toBe('2026-12-01');
    expect(parsed.draft).toBe(false);
  });

  test('a page that says nothing of its approval is not approved', () => {
    const parsed = schema.parse({ ...valid, approvedByReviewer: undefined });
    expect(parsed.approvedByReviewer).toBe(false);
  });

  test.each([
    ['no services', { services: [] }, 'services: needs at least one service'],
    [
      'no reviewer',
      { reviewedBy: undefined },
      'reviewedBy: is required: name a therapist (a file in src/content/therapists/)',
    ],
    [
      'no review day',
      { lastReviewed: undefined },
      'lastReviewed: is required: the day the therapist last reviewed this page, e.g. 2026-12-01',
    ],
    [
      'a review day that is not one',
      { lastReviewed: '2026-02-30' },
      'lastReviewed: must be a day like 2026-12-24',
    ],
    [
      'an approval as text',
      { approvedByReviewer: 'yes' },
      'approvedByReviewer: must be true or false',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(schema, { ...valid, ...change })).toContain(expected);
  });
});

describe('benefits schema', () => {
  test('accepts a valid benefit', () => {
    expect(problems(benefitsSchema, { title: 'Calms the nervous system', order: 9 })).toEqual([]);
  });

  test('rejects an empty title', () => {
    expect(problems(benefitsSchema, { title: '  ', order: 1 })).toEqual([
      'title: must be at least 5 characters',
    ]);
  });

  test('rejects a missing order', () => {
    expect(problems(benefitsSchema, { title: 'Calms the nervous system' })).toEqual([
      'order: is required: position in lists (1 comes first)',
    ]);
  });
});

describe('pricing schema', () => {
  const valid = { durationMinutes: 60, price: 100, calEvent: '60min' };

  test('accepts a valid tier and defaults the currency to USD', () => {
    expect(pricingSchema.parse(valid)).toEqual({ ...valid, currency: 'USD' });
  });

  test.each([
    ['a price of 0', { price: 0 }, 'price: must be more than 0'],
    ['a negative price', { price: -55 }, 'price: must be more than 0'],
    ['a price as text', { price: '$100' }, 'price: must be a number, e.g. 100 or 99.50'],
    ['fractions of a cent', { price: 99.999 }, 'price: must be in whole cents, e.g. 99.50'],
    ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes: must be more than 0 minutes'],
    [
      'a negative duration',
      { durationMinutes: -30 },
      'durationMinutes: must be more than 0 minutes',
    ],
    [
      'a fractional duration',
      { durationMinutes: 45.5 },
      'durationMinutes: must be a whole number of minutes',
    ],
    ['another currency', { currency: 'EUR' }, 'currency: must be USD'],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(pricingSchema, { ...valid, ...change })).toContain(expected);
  });

  test('accepts cents', () => {
    expect(problems(pricingSchema, { ...valid, price: 99.5 })).toEqual([]);
  });
});

describe('faq schema', () => {
  // As the CMS checks it: related services are slugs (the build resolves them with reference()).
  const faqSchema = contentSchemas.faq;
  const valid = { question: 'Why do I need a prescription?', category: 'prescriptions', order: 1 };

  test('accepts a valid question with no related services', () => {
    expect(faqSchema.parse(valid).services).toEqual([]);
  });

  test.each([
    [
      'a question without a question mark',
      { question: 'Tell me about prescriptions' },
      'question: must end with a question mark',
    ],
    [
      'a category that is not a category’s file name',
      { category: 'Billing & claims' },
      'category: must name an entry',
    ],
    [
      'services that are not a list',
      { services: 'myofascial-release' },
      'services: must be a list of services',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(faqSchema, { ...valid, ...change })).toContain(expected);
  });
});

describe('insurance schema', () => {
  const valid = { name: 'Priority Health', planTypes: ['HMO', 'POS'], order: 6 };

  test('accepts a valid plan, defaulting to a direct (not wellness program) listing', () => {
    expect(insuranceSchema.parse(valid).viaWellnessProgram).toBe(false);
  });

  test('accepts a plan whose types the insurer does not give', () => {
    expect(insuranceSchema.parse({ name: 'Group Health, Inc.', order: 3 }).planTypes).toEqual([]);
  });

  test.each([
    [
      'an unknown plan type',
      { planTypes: ['EPO'] },
      'planTypes.0: must be one of: PPO, HMO, POS, Benefit plan, Discount program',
    ],
    [
      'a coverage link that is not https',
      { coverageUrl: 'http://example.com' },
      'coverageUrl: must be a full https:// address',
    ],
    [
      'a coverage link that would run script',
      { coverageUrl: ' JavaScript:alert(1)' },
      'coverageUrl: must be a full https:// address',
    ],
    [
      'a coverage link that is not an address',
      { coverageUrl: 'see website' },
      'coverageUrl: must be a full https:// address',
    ],
    [
      'a wellness flag as text',
      { viaWellnessProgram: 'yes' },
      'viaWellnessProgram: must be true or false',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(insuranceSchema, { ...valid, ...change })).toContain(expected);
  });
});

describe('pages schema', () => {
  const schema = pageSchema(pageWords('pricing'), { image });
  const valid = {
    title: 'Prices',
    description: 'Orthopedic/medical massage sessions of 30, 60 or 90 minutes, with HSA/FSA.',
    heading: 'Prices',
    lede: 'Choose the session length that fits your treatment plan.',
    words: { hsaFsaLink: 'Paying with HSA or FSA' },
  };

  test('accepts a valid page', () => {
    expect(problems(schema, valid)).toEqual([]);
  });

  test.each([
    [
      'a title over 45 characters',
      { title: 'x'.repeat(46) },
      'title: must be at most 45 characters',
    ],
    [
      'a description over 160 characters',
      { description: 'x'.repeat(161) },
      'description: must be at most 160 characters',
    ],
    [
      'a description under 50 characters',
      { description: 'Too short.' },
      'description: must be at least 50 characters',
    ],
    [
      'an image without alt text',
      { image: sampleImage },
      'imageAlt: is required when the page has an image',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(schema, { ...valid, ...change })).toContain(expected);
  });
});

describe('clinic settings schema', () => {
  const valid = {
    name: 'Riverside Medical Massage',
    phone: '+15415550123',
    email: 'hello@example.com',
    timeZone: 'America/Los_Angeles',
    serviceArea: ['Salem'],
    paymentAccepted: ['HSA card'],
    hsaFsa: {
      statement: 'You can pay with your HSA or FSA card for therapeutic massage.',
      checklistIntro: 'Ask your practitioner for a prescription that states:',
      checklist: [{ item: 'The diagnosis code' }],
      receipt: 'We can give you a customized receipt for your claim.',
      receiptIncludes: ['The amount you paid'],
      letter: {
        heading: 'Prescription request',
        greeting: 'Dear Doctor,',
        request: 'Please write a prescription for massage therapy for my HSA.',
        privacyNote: 'What you type stays in your browser and is never sent.',
        modalityOptions: ['Massage therapy'],
        examples: {
          reason: 'back pain',
          treatments: '12',
          frequency: 'twice a week',
          duration: '6 weeks',
        },
        labels: clinicFile.hsaFsa.letter.labels,
      },
    },
    visitPolicy: clinicFile.visitPolicy,
    brand: { colour: '#1f5f57' },
  };

  test('accepts valid settings', () => {
    expect(problems(clinicSchema, valid)).toEqual([]);
  });

  test.each(['address', 'hours', 'hoursNote', 'geo', 'mapUrl', 'googlePlaceId'])(
    'refuses %s: where the clinic is, and when it is open, is each location’s',
    (field) => {
      expect(problems(clinicSchema, { ...valid, [field]: 'x' }).join()).toMatch(field);
    },
  );

  test.each([
    [
      'a phone number with spaces',
      { phone: '541 555 0123' },
      'phone: must be a US number written like +15415550123',
    ],
    ['an invalid email', { email: 'hello at clinic' }, 'email: must be an email address'],
    [
      'an empty HSA/FSA checklist',
      { hsaFsa: { ...valid.hsaFsa, checklist: [] } },
      'hsaFsa.checklist: needs at least one item',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(clinicSchema, { ...valid, ...change })).toContain(expected);
  });

  test('rejects a key it does not know, naming it', () => {
    expect(problems(clinicSchema, { ...valid, fax: '+15415550199' }).join()).toMatch(/fax/);
  });

  test.each([
    ['google', 'https://g.page/r/CdXf4yzAbC'],
    ['google', 'https://maps.app.goo.gl/AbCdEf123'],
    ['google', 'https://www.google.com/maps/place/Riverside+Medical+Massage'],
    ['yelp', 'https://www.yelp.com/biz/riverside-medical-massage-salem'],
    ['facebook', 'https://m.facebook.com/riversidemassage'],
    ['instagram', 'https://instagram.com/riversidemassage'],
    ['healthgrades', 'https://www.healthgrades.com/group-directory/or-oregon/salem/riverside'],
  ])('accepts a %s profile at %s', (profile, url) => {
    expect(problems(clinicSchema, { ...valid, profiles: { [profile]: url } })).toEqual([]);
  });

  test.each([
    [
      'google',
      'http://g.page/r/CdXf4yzAbC',
      'profiles.google: must be a full https:// address like https://g.page/r/CdXf4yz',
    ],
    [
      'google',
      'https://www.yelp.com/biz/riverside',
      'profiles.google: must be an address on google.com, maps.google.com, g.page, maps.app.goo.gl, goo.gl, g.co, like https://g.page/r/CdXf4yz',
    ],
    [
      'yelp',
      'https://yelp.com.example.net/biz/riverside',
      'profiles.yelp: must be an address on yelp.com, like https://www.yelp.com/biz/your-clinic',
    ],
    [
      'facebook',
      'https://notfacebook.com/riverside',
      'profiles.facebook: must be an address on facebook.com, fb.com, like https://www.facebook.com/your-clinic',
    ],
    [
      'instagram',
      'instagram.com/riverside',
      'profiles.instagram: must be a full https:// address like https://www.instagram.com/your-clinic',
    ],
    [
      'healthgrades',
      'https://www.healthgrade.com/riverside',
      'profiles.healthgrades: must be an address on healthgrades.com, like https://www.healthgrades.com/group-directory/your-clinic',
    ],
  ])('rejects a %s profile at %s', (profile, url, expected) => {
    expect(problems(clinicSchema, { ...valid, profiles: { [profile]: url } })).toContain(expected);
  });

  test('rejects a profile of a site it does not know, naming the ones it knows', () => {
    expect(
      problems(clinicSchema, { ...valid, profiles: { tiktok: 'https://tiktok.com/@x' } }),
    ).toEqual([
      'profiles: must be a group of fields (google, yelp, facebook, instagram, healthgrades)',
    ]);
  });
});

describe('locations schema', () => {
  const locationSchema = contentSchemas.locations;
  const valid = {
    name: 'Downtown',
    order: 1,
    address: { street: '1 Main Street', city: 'Salem', region: 'OR', postalCode: '97301' },
    hours: [{ days: ['Monday'], opens: '09:00', closes: '17:00' }],
  };

  test('accepts a location and defaults the country to US', () => {
    expect(locationSchema.parse(valid).address.country).toBe('US');
  });

  test('a phone, email and Cal.com link of its own are optional', () => {
    expect(
      problems(locationSchema, {
        ...valid,
        phone: '+15035550123',
        email: 'downtown@example.com',
        calLink: 'team/downtown',
      }),
    ).toEqual([]);
  });

  test.each([
    [
      'a ZIP code with letters',
      { address: { ...valid.address, postalCode: 'ABCDE' } },
      'address.postalCode: must be a ZIP code like 97201',
    ],
    [
      'a state name instead of a code',
      { address: { ...valid.address, region: 'Oregon' } },
      'address.region: must be a two-letter state code like OR',
    ],
    [
      'a closing time before the opening time',
      { hours: [{ days: ['Monday'], opens: '17:00', closes: '09:00' }] },
      'hours.0.closes: must be later than the opening time',
    ],
    [
      'a 12-hour time',
      { hours: [{ days: ['Monday'], opens: '9am', closes: '17:00' }] },
      'hours.0.opens: must be a 24-hour time like 09:00 or 17:30',
    ],
    [
      'a misspelled day',
      { hours: [{ days: ['Munday'], opens: '09:00', closes: '17:00' }] },
      'hours.0.days.0: must be a day: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
    ],
    [
      'a phone number with spaces',
      { phone: '541 555 0123' },
      'phone: must be a US number written like +15415550123',
    ],
    [
      'a Cal.com link with a path',
      { calLink: 'team/downtown/60min' },
      'calLink: must be a Cal.com username or team link like your-clinic or team/your-clinic',
    ],
    [
      'no name',
      { name: undefined },
      'name: is required: the location’s short name, as visitors choose between locations, e.g. Downtown',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(locationSchema, { ...valid, ...change })).toContain(expected);
  });

  test('accepts a Google Place ID and refuses what is not one, naming the field', () => {
    expect(
      problems(locationSchema, { ...valid, googlePlaceId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' }),
    ).toEqual([]);
    for (const wrong of ['https://g.page/r/CdXf4yz', 'ChIJ N1t tDeu', 'short']) {
      expect(problems(locationSchema, { ...valid, googlePlaceId: wrong })).toEqual([
        expect.stringMatching(/^googlePlaceId: must be a Google Place ID like/),
      ]);
    }
  });
});

describe('booking settings schema', () => {
  const valid = {
    calLink: 'riverside',
    beforeYourVisit: { heading: 'Before your visit', items: ['Bring your prescription.'] },
    words: settingsFile('booking')['words'],
  };

  test('accepts valid settings with Cal.com defaults', () => {
    expect(bookingSchema.parse(valid)).toMatchObject({
      origin: 'https://cal.com',
      theme: 'light',
    });
  });

  test('accepts a team link and a self-hosted origin, dropping a trailing slash', () => {
    const parsed = bookingSchema.parse({
      ...valid,
      calLink: 'team/riverside',
      origin: 'https://book.riverside.example/',
    });
    expect(parsed.origin).toBe('https://book.riverside.example');
  });

  test('accepts a local stand-in origin over http', () => {
    expect(bookingSchema.parse({ ...valid, origin: 'http://127.0.0.1:4599' }).origin).toBe(
      'http://127.0.0.1:4599',
    );
  });

  test.each([
    [
      'a link with spaces',
      { calLink: 'my clinic' },
      'calLink: must be a Cal.com username or team link like your-clinic or team/your-clinic',
    ],
    [
      'a full URL as the link',
      { calLink: 'https://cal.com/riverside' },
      'calLink: must be a Cal.com username or team link like your-clinic or team/your-clinic',
    ],
    [
      'a plain-http origin',
      { origin: 'http://cal.example.com' },
      'origin: must be an https:// address with nothing after the host, like https://cal.com',
    ],
    [
      'an origin with a path',
      { origin: 'https://cal.com/riverside' },
      'origin: must be an https:// address with nothing after the host, like https://cal.com',
    ],
    ['an unknown theme', { theme: 'blue' }, 'theme: must be light, dark or auto'],
    [
      'no before-your-visit items',
      { beforeYourVisit: { heading: 'Before your visit', items: [] } },
      'beforeYourVisit.items: needs at least one item',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(bookingSchema, { ...valid, ...change })).toContain(expected);
  });
});

describe('pricing tiers name their Cal.com event', () => {
  test('rejects a tier without an event', () => {
    expect(problems(pricingSchema, { durationMinutes: 60, price: 100 })).toContain(
      'calEvent: is required: the Cal.com event that books this session, e.g. 60min (tiers may share one multi-duration event); in another language’s column, optional: an event whose interface language is set to that language in Cal.com, e.g. 60min-es',
    );
  });

  test('rejects an event written as a link', () => {
    expect(
      problems(pricingSchema, { durationMinutes: 60, price: 100, calEvent: 'your-clinic/60min' }),
    ).toContain('calEvent: must be a Cal.com event slug like 60min');
  });
});

describe('words with places the site fills in', () => {
  const valid: Record<string, unknown> = { ...settingsFile('booking'), calLink: 'riverside' };
  const words = valid['words'] as Record<string, string>;

  test.each([
    [
      'without its place',
      'Book now',
      'words.bookTier: must contain {duration} where the site fills it in',
    ],
    [
      'with a place the site does not fill',
      'Book {minutes}',
      'words.bookTier: may only contain {duration} in { }',
    ],
  ])('a booking button text %s is refused', (_, bookTier, expected) => {
    expect(problems(bookingSchema, { ...valid, words: { ...words, bookTier } })).toContain(
      expected,
    );
  });
});

describe('site settings schema', () => {
  const valid = settingsFile('site');

  test('accepts the site’s shared words', () => {
    expect(problems(siteSchema, valid)).toEqual([]);
  });

  test.each([
    [
      'a navigation link to a page that does not exist',
      { navigation: { label: 'Main', items: [{ label: 'Blog', href: '/blog/' }] } },
      'navigation.items.0.href: must be one of the pages: /, /services/, /conditions/, /pricing/, /insurance/, /hsa-fsa/, /faq/, /book/, /contact/, /therapists/, /your-visit/, /privacy/, /accessibility/',
    ],
    [
      'an empty navigation',
      { navigation: { label: 'Main', items: [] } },
      'navigation.items: needs at least one link',
    ],
  ])('rejects %s', (_, change, expected) => {
    expect(problems(siteSchema, { ...valid, ...change })).toContain(expected);
  });
});

describe('the brand colour', () => {
  test('the backgrounds it is checked against are the stylesheet’s', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const token = (name: string) => new RegExp(`--color-${name}: (#[0-9a-f]{6});`).exec(css)?.[1];
    expect(Object.values(SITE_BACKGROUNDS)).toEqual([
      token('bg'),
      token('surface'),
      token('surface-alt'),
    ]);
    // Button text is the header's white: the same check covers it.
    expect(token('on-accent')).toBe(SITE_BACKGROUNDS['the header and cards']);
  });

  test('a dark colour reaches AA on every background', () => {
    expect(brandColourProblem('#1f5f57')).toBeUndefined();
  });

  test('a too-light colour is refused, naming the field, the ratio and the background', () => {
    const clinic = parse(readFileSync('src/content/settings/en/clinic.yaml', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(problems(clinicSchema, { ...clinic, brand: { colour: '#7fb8ad' } })).toEqual([
      'brand.colour: #7fb8ad reaches only 2.15:1 against the page background (#fbfaf7); links and buttons need 4.5:1 (WCAG AA). Choose a darker colour.',
    ]);
  });

  test('a colour name is refused', () => {
    const clinic = parse(readFileSync('src/content/settings/en/clinic.yaml', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(problems(clinicSchema, { ...clinic, brand: { colour: 'green' } })).toContain(
      'brand.colour: must be a colour like #1f5f57',
    );
  });
});
