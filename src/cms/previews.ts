/**
 * Previews that look like the site: the same words and formatting helpers as the pages, styled by
 * the site's own stylesheet (src/cms/preview.css).
 */
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import type { ComponentType, ReactNode } from 'react';
import { createElement as h } from 'react';
import { formatDuration, formatPhone, formatPrice, weekSchedule } from '../lib/format';
import { FAQ_CATEGORIES, type FaqCategory } from '../schemas/faq';
import type { OpeningHours } from '../schemas/clinic';

import { bodyPreview } from './body-preview';

type PreviewProps = Pick<PreviewTemplateComponentProps, 'entry'>;

type Data = Record<string, unknown>;

function dataOf({ entry }: PreviewProps): Data {
  return (entry.get('data')?.toJS() ?? {}) as Data;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

const page = (...children: ReactNode[]) => h('main', { className: 'preview' }, ...children);

const ServicePreview = (props: PreviewProps) => {
  const data = dataOf(props);
  return page(
    h('h1', null, text(data['title'])),
    h('p', { className: 'lede' }, text(data['summary'])),
    h('h2', null, 'What it helps with'),
    h('ul', null, ...list(data['helpsWith']).map((item) => h('li', { key: item }, item))),
    list(data['steps']).length > 0 &&
      h(
        'ol',
        { className: 'steps' },
        ...list(data['steps']).map((step) => h('li', { key: step }, step)),
      ),
    h('h2', null, `About ${text(data['title']).toLowerCase()}`),
    bodyPreview(text(data['body'])),
  );
};

const PricingPreview = (props: PreviewProps) => {
  const data = dataOf(props);
  const price = Number(data['price']);
  const currency = 'USD' as const;
  return page(
    h(
      'div',
      { className: 'tier' },
      h('p', { className: 'duration' }, formatDuration(Number(data['durationMinutes']))),
      h(
        'p',
        { className: 'price' },
        Number.isFinite(price) && price > 0 ? formatPrice({ price, currency }) : '—',
      ),
      text(data['note']) && h('p', { className: 'note' }, text(data['note'])),
      h(
        'a',
        { className: 'preview-book-button' },
        `Book ${Number(data['durationMinutes'])} minutes`,
      ),
    ),
  );
};

const FaqPreview = (props: PreviewProps) => {
  const data = dataOf(props);
  const category = text(data['category']) as FaqCategory;
  return page(
    h('p', { className: 'eyebrow' }, FAQ_CATEGORIES[category] ?? ''),
    h(
      'article',
      { className: 'question' },
      h('h3', null, text(data['question'])),
      bodyPreview(text(data['body'])),
    ),
  );
};

const InsurancePreview = (props: PreviewProps) => {
  const data = dataOf(props);
  const types = list(data['planTypes']);
  return page(
    h(
      'ul',
      { className: 'plans' },
      h(
        'li',
        null,
        h('strong', null, text(data['name'])),
        types.length > 0 ? ` (${types.join(', ')})` : '',
        text(data['coverageNote']) &&
          h(
            'p',
            null,
            text(data['coverageNote']),
            ' ',
            text(data['coverageUrl']) &&
              h(
                'a',
                { href: text(data['coverageUrl']) },
                `Check coverage for ${text(data['name'])}`,
              ),
          ),
      ),
    ),
  );
};

const ClinicPreview = (props: PreviewProps) => {
  const data = dataOf(props);
  const address = (data['address'] ?? {}) as Data;
  const hours = (Array.isArray(data['hours']) ? data['hours'] : []) as OpeningHours[];
  const phone = text(data['phone']);
  return page(
    h('h1', null, text(data['name'])),
    h(
      'address',
      null,
      text(address['street']),
      h('br'),
      `${text(address['city'])}, ${text(address['region'])} ${text(address['postalCode'])}`,
    ),
    h(
      'p',
      null,
      /^\+1\d{10}$/.test(phone) ? `Call ${formatPhone(phone)}` : phone,
      h('br'),
      text(data['email']),
    ),
    h('h2', null, 'Opening hours'),
    h(
      'dl',
      { className: 'hours' },
      ...weekSchedule(hours.filter((entry) => Array.isArray(entry?.days))).map(
        ({ day, hours: open }) =>
          h('div', { key: day }, h('dt', null, day), h('dd', null, open ?? 'Closed')),
      ),
    ),
    text(data['hoursNote']) && h('p', { className: 'note' }, text(data['hoursNote'])),
  );
};

const BookingPreview = (props: PreviewProps) => {
  const data = dataOf(props);
  const visit = (data['beforeYourVisit'] ?? {}) as Data;
  return page(
    h(
      'p',
      null,
      `Booking pages: ${text(data['origin']) || 'https://cal.com'}/${text(data['calLink'])}/…`,
    ),
    h(
      'div',
      { className: 'dialog' },
      h('h2', null, text(visit['heading'])),
      h('ul', null, ...list(visit['items']).map((item) => h('li', { key: item }, item))),
    ),
  );
};

const PagePreview = (props: PreviewProps) => {
  const data = dataOf(props);
  return page(
    h('h1', null, text(data['heading'])),
    h('p', { className: 'lede' }, text(data['lede'])),
    bodyPreview(text(data['body'])),
  );
};

/** Preview template per collection (or settings file). */
export const previews: Record<string, ComponentType<PreviewTemplateComponentProps>> = {
  services: ServicePreview,
  pricing: PricingPreview,
  faq: FaqPreview,
  insurance: InsurancePreview,
  pages: PagePreview,
  clinic: ClinicPreview,
  booking: BookingPreview,
};
