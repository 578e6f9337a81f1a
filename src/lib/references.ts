/**
 * What refers to what, so that no CMS action leaves the published site unbuildable: an entry that
 * another entry names (a service in a question or a therapist's techniques, a question's FAQ
 * category) or a picture an entry shows is not deleted, and a draft naming an entry that is not
 * published is not published. The reference fields are read from the schemas (each `reference()`
 * carries the collection it names, see src/collections.ts), so a new one is checked without code here.
 */
import { z } from 'astro/zod';
import { contentSchemas, type ContentName } from '../collections';

/** A field that names entries of `target`: `faq.services` → `services` (a list, so `many`). */
export interface ReferenceField {
  /** The content (collection, or page or settings file) whose entries hold the field. */
  holder: ContentName;
  /** The field's path in the entry, e.g. `['services']`. */
  path: string[];
  target: string;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  references?: string;
}

function referencesIn(json: JsonSchema, path: string[]): { path: string[]; target: string }[] {
  if (json.references) return [{ path, target: json.references }];
  if (json.items) return referencesIn(json.items, path);
  return Object.entries(json.properties ?? {}).flatMap(([name, property]) =>
    referencesIn(property, [...path, name]),
  );
}

/** Every reference field of every collection and file, from the schemas. */
export const REFERENCE_FIELDS: ReferenceField[] = Object.entries(contentSchemas).flatMap(
  ([holder, schema]) =>
    referencesIn(
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
      [],
    ).map((field) => ({ holder: holder as ContentName, ...field })),
);

/** The values at `path` in `data`, flattened through lists (`['services']` → each slug). */
export function valuesAt(data: unknown, path: string[]): unknown[] {
  if (Array.isArray(data)) return data.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [data];
  if (!data || typeof data !== 'object') return [];
  const [first = '', ...rest] = path;
  return valuesAt((data as Record<string, unknown>)[first], rest);
}

/** Whether any string value anywhere in `data` `matches` (a picture's path in an entry). */
export function holdsValue(data: unknown, matches: (value: string) => boolean): boolean {
  if (typeof data === 'string') return matches(data);
  if (Array.isArray(data)) return data.some((item) => holdsValue(item, matches));
  if (data && typeof data === 'object') {
    return Object.values(data).some((value) => holdsValue(value, matches));
  }
  return false;
}
