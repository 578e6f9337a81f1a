/**
 * A list's items, collapsed, read in staff's words: opening hours as "Mon–Thu 08:00–18:00", a list
 * of words by its words. Decap labels an item by its first field's value, printed as Immutable.js
 * prints it (`List [ "Friday" ]`), or a list of words by the field's label ("Item") for every item
 * (decap-cms-widget-list `ListControl.objectLabel`), and its `summary` templates cannot join a
 * list. So the list widget is Decap's own, with that one method replaced.
 */
import type { CmsWidget } from 'decap-cms-core';
import { WEEKDAYS } from '../schemas/clinic';

/** `Monday` → `Mon`: the names staff read in the (English) CMS. */
const shortDay = (day: string) => day.slice(0, 3);

/** `['Monday', 'Tuesday', 'Wednesday', 'Friday']` → `Mon–Wed, Fri`; other words joined by commas. */
function listInWords(values: unknown[]): string {
  const words = values.map(String);
  const indexes = words.map((word) => (WEEKDAYS as readonly string[]).indexOf(word));
  if (words.length === 0 || indexes.some((index) => index < 0)) return words.join(', ');
  const runs: number[][] = [];
  for (const index of [...new Set(indexes)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  return runs
    .map((run) => {
      const [first = 0] = run;
      const last = run.at(-1) ?? first;
      const name = (index: number) => shortDay(WEEKDAYS[index] ?? '');
      return run.length > 2 ? `${name(first)}–${name(last)}` : run.map(name).join(', ');
    })
    .join(', ');
}

/**
 * One item of a list of groups, in staff's words: each field's value in the order of the fields,
 * lists as `listInWords`, an opening and a closing time (schema.org `opens`, `closes`) as a span.
 * Empty when the item holds nothing yet.
 * @param item the item's data, e.g. `{ days: ['Friday'], opens: '08:00', closes: '14:00' }`
 * @param fields the names of its fields, in the order the CMS shows them
 */
export function itemInWords(item: Record<string, unknown>, fields: string[]): string {
  const shown = (value: unknown): string =>
    Array.isArray(value)
      ? listInWords(value)
      : value === undefined || value === null || typeof value === 'object'
        ? ''
        : String(value);
  const parts: string[] = [];
  for (const name of fields) {
    if (name === 'closes' && fields.includes('opens')) continue;
    const value =
      name === 'opens' && fields.includes('closes')
        ? [shown(item['opens']), shown(item['closes'])].filter(Boolean).join('–')
        : shown(item[name]);
    if (value.trim()) parts.push(value.trim());
  }
  // Days and hours read as one phrase; other fields are set apart.
  return parts.join(fields.includes('opens') ? ' ' : ' · ');
}

interface Immutable {
  get(key: string): unknown;
  toJS(): unknown;
}
const isImmutable = (value: unknown): value is Immutable =>
  typeof value === 'object' && value !== null && 'toJS' in value;

type ListControlClass = new (...args: never[]) => {
  props: { field: Immutable };
  objectLabel(item: unknown): unknown;
};

interface WidgetRegistry {
  getWidget(name: string): CmsWidget | undefined;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
}

/** Registers Decap's list widget again, its collapsed items labelled by `itemInWords`. */
export function listItemsInWords(cms: WidgetRegistry): void {
  const list = cms.getWidget('list');
  if (!list) throw new Error('Decap has no list widget');
  const Base = list.control as unknown as ListControlClass;
  class ListInWords extends Base {
    override objectLabel(item: unknown): unknown {
      const fields = this.props.field.get('fields');
      if (typeof item === 'string' && item.trim()) return item;
      if (!isImmutable(item) || !isImmutable(fields)) return super.objectLabel(item);
      const names = (fields.toJS() as { name: string }[]).map(({ name }) => name);
      return itemInWords(item.toJS() as Record<string, unknown>, names) || super.objectLabel(item);
    }
  }
  cms.registerWidget('list', ListInWords, list.preview);
}
