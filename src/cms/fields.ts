/**
 * Decap CMS fields generated from the zod schemas (through their JSON Schema), so the CMS and the
 * build cannot disagree on a field, its type, whether it is required, its limits or its choices.
 * Only what a schema cannot say (which widget shows an image, a relation, long text) is added here.
 */
import { z } from 'astro/zod';

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: (string | number)[];
  multiple?: boolean;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  pattern?: [string, string];
  fields?: DecapField[];
  field?: DecapField;
  [extra: string]: unknown;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: string | number;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

/** Widgets chosen by field path (`image`, `hsaFsa.statement`, …), merged over the generated field. */
export type FieldOverrides = Record<string, Partial<DecapField>>;

/** Text longer than this is edited in a multi-line box. */
const LONG_TEXT = 160;

/** `helpsWith` → `Helps with`, `hsaFsa` → `Hsa fsa` (override where that reads badly). */
function labelFor(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function withLimits(field: DecapField, schema: JsonSchema): DecapField {
  const limited = { ...field };
  if (schema.minItems !== undefined) limited.min = schema.minItems;
  if (schema.maxItems !== undefined) limited.max = schema.maxItems;
  return limited;
}

function convert(
  name: string,
  schema: JsonSchema,
  required: boolean,
  path: string,
  overrides: FieldOverrides,
): DecapField {
  const field: DecapField = {
    name,
    label: labelFor(name),
    widget: 'string',
    required,
    ...(schema.description && { hint: schema.description }),
    ...(schema.default !== undefined && { default: schema.default }),
  };

  if (schema.const !== undefined) {
    Object.assign(field, { widget: 'hidden', default: schema.const });
  } else if (schema.enum) {
    Object.assign(field, { widget: 'select', options: schema.enum });
  } else if (schema.type === 'string') {
    if ((schema.maxLength ?? 0) > LONG_TEXT) field.widget = 'text';
    if (schema.pattern)
      field.pattern = [schema.pattern, `Check the format: ${schema.description ?? name}`];
  } else if (schema.type === 'integer' || schema.type === 'number') {
    const step = schema.type === 'integer' ? 1 : (schema.multipleOf ?? 0.01);
    Object.assign(field, {
      widget: 'number',
      value_type: schema.type === 'integer' ? 'int' : 'float',
      step,
    });
    if (schema.minimum !== undefined) field.min = schema.minimum;
    if (schema.exclusiveMinimum !== undefined) field.min = schema.exclusiveMinimum + step;
    if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER)
      field.max = schema.maximum;
  } else if (schema.type === 'boolean') {
    field.widget = 'boolean';
  } else if (schema.type === 'object') {
    Object.assign(field, { widget: 'object', fields: objectFields(schema, path, overrides) });
  } else if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    if (items.enum) {
      Object.assign(field, withLimits(field, schema), {
        widget: 'select',
        multiple: true,
        options: items.enum,
      });
    } else if (items.type === 'object') {
      Object.assign(field, withLimits(field, schema), {
        widget: 'list',
        fields: objectFields(items, path, overrides),
      });
    } else {
      Object.assign(field, withLimits(field, schema), {
        widget: 'list',
        field: convert('item', items, true, `${path}.item`, overrides),
      });
    }
  }
  return { ...field, ...overrides[path] };
}

function objectFields(schema: JsonSchema, path: string, overrides: FieldOverrides): DecapField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    convert(name, property, required.has(name), path ? `${path}.${name}` : name, overrides),
  );
}

/** The Decap fields of a schema, in the schema's order. */
export function decapFields(schema: z.ZodType, overrides: FieldOverrides = {}): DecapField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return objectFields(json, '', overrides);
}
