import { describe, expect, test } from 'vitest';
import { contentSchemas } from '../../src/collections';
import { NOTICE_LENGTH } from '../../src/schemas/notices';
import { PAGE_PATHS } from '../../src/schemas/pages';
import { problems } from './schema-helpers';

const closureSchema = contentSchemas.closures;
const noticeSchema = contentSchemas.notices;
const christmas = { reason: 'Christmas', validFrom: '2026-12-24', validThrough: '2026-12-26' };

describe('closures schema', () => {
  test('closed all day, or open other hours; days as YAML writes them or as the CMS does', () => {
    expect(problems(closureSchema, christmas)).toEqual([]);
    expect(
      closureSchema.parse({
        reason: 'Christmas Eve',
        validFrom: new Date('2026-12-24T00:00:00Z'),
        validThrough: new Date('2026-12-24T00:00:00Z'),
        opens: '09:00',
        closes: '12:00',
      }),
    ).toMatchObject({ validFrom: '2026-12-24', validThrough: '2026-12-24' });
  });

  test('the last day is not before the first; hours are both given or neither', () => {
    expect(problems(closureSchema, { ...christmas, validThrough: '2026-12-23' })).toEqual([
      'validThrough: must be the first day or later',
    ]);
    expect(problems(closureSchema, { ...christmas, opens: '09:00' })).toEqual([
      'closes: needs both an opening and a closing time, or neither (closed all day)',
    ]);
    expect(problems(closureSchema, { ...christmas, opens: '12:00', closes: '09:00' })).toEqual([
      'closes: must be later than the opening time',
    ]);
    // A year typed wrong at either end: 2025-12-24 for 2026-12-24, or 2062 for 2026.
    for (const typo of [{ validFrom: '2025-12-24' }, { validThrough: '2062-12-26' }]) {
      expect(problems(closureSchema, { ...christmas, ...typo })).toEqual([
        'validThrough: makes the closure longer than 92 days (three months): check the years; for longer, change the weekly opening hours',
      ]);
    }
    expect(
      problems(closureSchema, {
        ...christmas,
        validFrom: '2026-10-01',
        validThrough: '2026-12-31',
      }),
    ).toEqual([]);
    expect(problems(closureSchema, { ...christmas, validFrom: '2026-02-30' })).toEqual([
      'validFrom: must be a day like 2026-12-24',
    ]);
    expect(problems(closureSchema, { reason: 'Christmas' })).toEqual([
      'validFrom: is required: the first day (in the clinic’s time zone), e.g. 2026-12-24',
      'validThrough: is required: the last day: the same as the first for one day, e.g. 2026-12-26',
    ]);
  });
});

describe('notices schema', () => {
  const notice = {
    text: 'Closed 24–26 December, back on the 27th',
    validFrom: '2026-12-10',
    validThrough: '2026-12-26',
  };

  test('one line on a phone, on every page unless pages are chosen', () => {
    expect(noticeSchema.parse(notice).pages).toEqual([]);
    expect(problems(noticeSchema, { ...notice, text: 'x'.repeat(NOTICE_LENGTH + 1) })).toEqual([
      `text: must be at most ${NOTICE_LENGTH} characters`,
    ]);
    expect(problems(noticeSchema, { ...notice, pages: ['/book/', '/prices/'] })).toEqual([
      `pages.1: must be one of the pages: ${PAGE_PATHS.join(', ')}`,
    ]);
    expect(problems(noticeSchema, { ...notice, validThrough: '2026-12-09' })).toEqual([
      'validThrough: must be the first day or later',
    ]);
    expect(problems(noticeSchema, { ...notice, validFrom: '2025-12-10' })).toEqual([
      'validThrough: makes the notice longer than 366 days (a year): check the years',
    ]);
  });

  test('a link is a page of the site or a full https:// address', () => {
    for (const link of ['/contact/', '/services/deep-tissue/', 'https://example.org/snow']) {
      expect(problems(noticeSchema, { ...notice, link }), link).toEqual([]);
    }
    for (const link of ['contact', '/Contact', 'http://example.org', 'javascript:alert(1)']) {
      expect(problems(noticeSchema, { ...notice, link }), link).toEqual([
        'link: must be a page of the site like /contact/, or a full https:// address',
      ]);
    }
  });
});
