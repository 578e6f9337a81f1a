/**
 * Which fields are words, and how a translation is laid over the main language's entry
 * (src/schemas/translation.ts), on the real schemas.
 */
import { describe, expect, test } from 'vitest';
import { contentSchemas } from '../../src/collections';
import { languagesSchema, siteLanguages } from '../../src/schemas/languages';
import { isEmptyTranslation, pickWords, translate, wordPaths } from '../../src/schemas/translation';
import { asciiSlug, translationMetaSchema } from '../../src/schemas/translation-meta';

const tier = { durationMinutes: 60, price: 100, currency: 'USD', calEvent: '60min', order: 2 };

describe('translate', () => {
  test('lays the words over the main entry: the price stays the main language’s', () => {
    const main = { ...tier, note: 'Most clients start here.' };
    const { data, problems } = translate(
      contentSchemas.pricing,
      main,
      { note: 'La mayoría empieza aquí.' },
      'src/content/pricing/en/60-minutes.mdx',
    );
    expect(problems).toEqual([]);
    expect(data).toEqual({ ...tier, note: 'La mayoría empieza aquí.' });
  });

  test('a missing word is named, so no page is half in one language', () => {
    const main = { ...tier, note: 'Most clients start here.' };
    const { problems } = translate(contentSchemas.pricing, main, {}, 'main.mdx');
    expect(problems).toEqual(['note: is not translated yet']);
  });

  test('a value set once may not be changed in a translation, which says where to change it', () => {
    const { problems } = translate(
      contentSchemas.pricing,
      tier,
      { price: 90 },
      'src/content/pricing/en/60-minutes.mdx',
    );
    expect(problems).toEqual([
      'price: is the same in every language: change it in src/content/pricing/en/60-minutes.mdx (remove it here)',
    ]);
  });

  test('each word keeps its own rule (length, places to fill in)', () => {
    const main = { ...tier, note: 'Most clients start here.' };
    const { problems } = translate(contentSchemas.pricing, main, { note: 'x' }, 'main.mdx');
    expect(problems).toEqual(['note: must be at least 3 characters']);
    const booking = translate(
      contentSchemas.booking,
      { calLink: 'x', words: { bookTier: 'Book {duration}' } },
      { words: { bookTier: 'Reservar' } },
      'main.yaml',
    );
    expect(booking.problems).toContain(
      'words.bookTier: must contain {duration} where the site fills it in',
    );
  });

  test('a list of links is translated item by item, one for each of the main language', () => {
    const main = {
      navigation: {
        label: 'Main',
        items: [
          { label: 'Prices', href: '/pricing/' },
          { label: 'FAQ', href: '/faq/' },
        ],
      },
    };
    const ok = translate(
      contentSchemas.site,
      main,
      { navigation: { label: 'Principal', items: [{ label: 'Precios' }, { label: 'Preguntas' }] } },
      'site.yaml',
    );
    expect(ok.data).toEqual({
      navigation: {
        label: 'Principal',
        items: [
          { label: 'Precios', href: '/pricing/' },
          { label: 'Preguntas', href: '/faq/' },
        ],
      },
    });
    const short = translate(
      contentSchemas.site,
      main,
      { navigation: { label: 'Principal', items: [{ label: 'Precios' }] } },
      'site.yaml',
    );
    expect(short.problems).toEqual([
      'navigation.items: must be a list of 2 items, one for each in site.yaml',
    ]);
  });

  test('a Cal.com event may differ by language: a translation’s own is used, else the main one', () => {
    const mainFile = 'src/content/pricing/en/60-minutes.mdx';
    const own = translate(contentSchemas.pricing, tier, { calEvent: '60min-es' }, mainFile);
    expect(own.problems).toEqual([]);
    expect(own.data).toEqual({ ...tier, calEvent: '60min-es' });
    const none = translate(contentSchemas.pricing, tier, {}, mainFile);
    expect(none.problems).toEqual([]);
    expect(none.data).toEqual(tier);
    const bad = translate(contentSchemas.pricing, tier, { calEvent: 'clinic/60min-es' }, mainFile);
    expect(bad.problems).toEqual(['calEvent: must be a Cal.com event slug like 60min']);
    expect(bad.data).toEqual(tier);
  });

  test('an unknown field is named', () => {
    const { problems } = translate(contentSchemas.pricing, tier, { nota: 'x' }, 'main.mdx');
    expect(problems).toEqual(['nota: is not a field here']);
  });
});

describe('words', () => {
  test('the clinic’s words are its texts; phone, colour and pictures are set once', () => {
    const words = pickWords(contentSchemas.clinic, {
      name: 'Clinic',
      phone: '+15415550100',
      paymentAccepted: ['HSA card'],
      brand: { colour: '#1f5f57', logo: '/src/assets/images/logo.svg', logoAlt: 'Logo' },
    });
    expect(words).toEqual({ paymentAccepted: ['HSA card'], brand: { logoAlt: 'Logo' } });
    expect(wordPaths(contentSchemas.clinic, words)).toEqual(['paymentAccepted', 'brand.logoAlt']);
  });

  test('a location’s words are its name, hours note and directions; address, hours and links are set once', () => {
    const words = pickWords(contentSchemas.locations, {
      name: 'Downtown',
      order: 1,
      address: { street: '1 Main St', city: 'Town', region: 'OR', postalCode: '97201' },
      phone: '+15415550100',
      hours: [{ days: ['Monday'], opens: '09:00', closes: '17:00' }],
      hoursNote: 'Call first.',
      directions: 'Parking behind the building, step-free entrance.',
      calLink: 'team/downtown',
      googlePlaceId: 'ChIJN1t_tDeuEmsRUsoyG83frY4',
    });
    expect(words).toEqual({
      name: 'Downtown',
      hoursNote: 'Call first.',
      directions: 'Parking behind the building, step-free entrance.',
    });
  });

  test('references, choices and dates are not words', () => {
    expect(
      pickWords(contentSchemas.faq, {
        question: 'Why?',
        category: 'about',
        services: ['myofascial-release'],
        order: 1,
      }),
    ).toEqual({ question: 'Why?' });
  });

  test('a Cal.com event is not words: a tier without a note needs no translation or review', () => {
    expect(pickWords(contentSchemas.pricing, tier)).toBeUndefined();
    expect(wordPaths(contentSchemas.pricing, { calEvent: '60min-es' })).toEqual([]);
    // A translation holding only its own event is a translation, laid over the tier.
    expect(isEmptyTranslation({ calEvent: '60min-es' })).toBe(false);
  });
});

describe('an empty translation', () => {
  test('is no translation: only a reviewed mark, empty texts or an empty body say nothing', () => {
    expect(isEmptyTranslation({ reviewed: false })).toBe(true);
    expect(isEmptyTranslation({ title: '', helpsWith: [] }, '\n')).toBe(true);
    expect(isEmptyTranslation(null)).toBe(true);
    expect(isEmptyTranslation({ title: 'Precios' })).toBe(false);
    expect(isEmptyTranslation({}, 'Texto.')).toBe(false);
    // A value set once, written into a translation, is not nothing: the build refuses it.
    expect(isEmptyTranslation({ price: 80 })).toBe(false);
  });
});

describe('slugs and languages', () => {
  test('a title becomes an ASCII slug, accents dropped', () => {
    expect(asciiSlug('Masaje terapéutico')).toBe('masaje-terapeutico');
    expect(asciiSlug('  Liberación  miofascial! ')).toBe('liberacion-miofascial');
    expect(
      translationMetaSchema.safeParse({ slug: 'masaje-terapéutico' }).error?.issues[0]?.message,
    ).toBe('must be lower-case ASCII letters, digits and hyphens, like masaje-terapeutico');
  });

  test('the first language is the main one; each has its URL prefix; physicians default to it', () => {
    const { main, others, physicians } = siteLanguages({ languages: ['en-US', 'es-US', 'qaa-US'] });
    expect(main).toEqual({ tag: 'en-US', code: 'en' });
    expect(others.map(({ code }) => code)).toEqual(['es', 'qaa']);
    expect(physicians).toBe(main);
  });

  test('two tags of one language, a malformed tag and an unknown physicians’ language are refused', () => {
    const messages = (data: unknown) =>
      languagesSchema
        .safeParse(data)
        .error?.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
    expect(messages({ languages: ['en-US', 'en-GB'] })).toEqual([
      'languages: must not hold two tags of one language (each has its own /<language>/ pages)',
    ]);
    expect(messages({ languages: ['english'] })?.[0]).toMatch(
      /^languages.0: must be a language tag/,
    );
    expect(messages({ languages: ['en-US'], physicians: 'es-US' })).toEqual([
      'physicians: must be one of the languages',
    ]);
  });
});
