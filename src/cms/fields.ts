/**
 * Decap CMS fields generated from the zod schemas (through their JSON Schema), so the CMS and the
 * build cannot disagree on a field, its type, whether it is required, its limits or its choices.
 * Only what a schema cannot say (which widget shows an image, a relation, long text) is added here.
 */
import { z } from 'astro/zod';
import type { CmsField } from 'decap-cms-core';

/** A field as Decap defines it, without the name (which comes from the schema). */
type Unnamed<Field> = Field extends unknown ? Omit<Field, 'name'> : never;
type FieldOverride = Unnamed<CmsField>;

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
  /**
   * `.meta()` of the schema: text the same in every language, a value another language may set
   * for itself (shown in every language's column, like words), the collection a name refers to.
   */
  sameInEveryLanguage?: boolean;
  mayDifferByLanguage?: boolean;
  references?: string;
}

/** Widgets chosen by field path (`image`, `hsaFsa.statement`, …), merged over the generated field. */
export type FieldOverrides = Record<string, FieldOverride>;

/** Text longer than this is edited in a multi-line box. */
const LONG_TEXT = 160;

/** `helpsWith` → `Helps with`, `hsaFsa` → `Hsa fsa` (override where that reads badly). */
function labelFor(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The widget part of a field: what the schema says about its kind, limits and choices. */
type Widget = Unnamed<CmsField>;

function listLimits(schema: JsonSchema): { min?: number; max?: number } {
  return {
    ...(schema.minItems !== undefined && { min: schema.minItems }),
    ...(schema.maxItems !== undefined && { max: schema.maxItems }),
  };
}

function widgetFor(
  name: string,
  schema: JsonSchema,
  path: string,
  overrides: FieldOverrides,
): Widget {
  const given = schema.default;
  const stringDefault = typeof given === 'string' ? { default: given } : {};
  if (schema.const !== undefined) return { widget: 'hidden', default: schema.const };
  if (schema.enum) return { widget: 'select', options: schema.enum.map(String), ...stringDefault };
  switch (schema.type) {
    case 'string':
      return {
        widget: (schema.maxLength ?? 0) > LONG_TEXT ? 'text' : 'string',
        ...stringDefault,
        ...(schema.pattern && {
          pattern: [schema.pattern, `Check the format: ${schema.description ?? name}`],
        }),
      };
    case 'integer':
    case 'number': {
      const step = schema.type === 'integer' ? 1 : (schema.multipleOf ?? 0.01);
      const min =
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : schema.minimum;
      const max =
        schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
          ? schema.maximum
          : undefined;
      return {
        widget: 'number',
        value_type: schema.type === 'integer' ? 'int' : 'float',
        step,
        ...(typeof given === 'number' && { default: given }),
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
      };
    }
    case 'boolean':
      return { widget: 'boolean', ...(typeof given === 'boolean' && { default: given }) };
    case 'object':
      return { widget: 'object', fields: objectFields(schema, path, overrides) };
    case 'array': {
      const items = schema.items ?? {};
      if (items.enum) {
        return {
          widget: 'select',
          multiple: true,
          options: items.enum.map(String),
          ...listLimits(schema),
        };
      }
      return items.type === 'object'
        ? { widget: 'list', fields: objectFields(items, path, overrides), ...listLimits(schema) }
        : {
            widget: 'list',
            field: convert('item', items, true, `${path}.item`, overrides),
            ...listLimits(schema),
          };
    }
    default:
      return { widget: 'string', ...stringDefault };
  }
}

function convert(
  name: string,
  schema: JsonSchema,
  required: boolean,
  path: string,
  overrides: FieldOverrides,
): CmsField {
  const field = {
    name,
    label: labelFor(name),
    required,
    ...(schema.description && { hint: schema.description }),
    ...(overrides[path] ?? widgetFor(name, schema, path, overrides)),
  } as CmsField;
  // Decap checks the fields of an optional group even when the group is left out, so a file
  // without it could not be saved ("Latitude is required" for the clinic's optional `geo`). To
  // Decap, every field of an optional group is optional; the schema check before saving still
  // refuses a group that is given but not whole.
  return !required && field.widget === 'object' ? optionalThroughout(field) : field;
}

/** The field and every field of its groups, optional to Decap. */
function optionalThroughout(field: CmsField): CmsField {
  return 'fields' in field && field.widget === 'object' && field.fields
    ? { ...field, required: false, fields: field.fields.map(optionalThroughout) }
    : { ...field, required: false };
}

function objectFields(schema: JsonSchema, path: string, overrides: FieldOverrides): CmsField[] {
  const required = new Set(schema.required ?? []);
  return (
    Object.entries(schema.properties ?? {})
      // A group with nothing in it (a page without words of its own) is not shown.
      .filter(
        ([, property]) =>
          property.type !== 'object' ||
          property.properties === undefined ||
          Object.keys(property.properties).length > 0,
      )
      .map(([name, property]) =>
        convert(name, property, required.has(name), path ? `${path}.${name}` : name, overrides),
      )
  );
}

/** The Decap fields of a schema, in the schema's order. */
/**
 * Whether a field is set per language (Decap's `i18n: true`): the rule of
 * `src/schemas/translation.ts` read from JSON Schema (text unless marked `sameInEveryLanguage`,
 * and a value marked `mayDifferByLanguage`; a choice, a number or a date is the same everywhere; a
 * group or a list holds words if any of its fields does).
 */
function holdsWords(schema: JsonSchema): boolean {
  if (schema.mayDifferByLanguage === true) return true;
  if (schema.type === 'string') {
    return !schema.enum && schema.const === undefined && schema.sameInEveryLanguage !== true;
  }
  if (schema.type === 'object') return Object.values(schema.properties ?? {}).some(holdsWords);
  if (schema.type === 'array') return schema.items !== undefined && holdsWords(schema.items);
  return false;
}

/** Sets Decap's `i18n` on each field (and within groups and lists): words or the same everywhere. */
function withI18n(fields: CmsField[], schema: JsonSchema): CmsField[] {
  return fields.map((field) => {
    const property = schema.properties?.[field.name] ?? {};
    const words = holdsWords(property);
    const inner = property.type === 'array' ? (property.items ?? {}) : property;
    const nested =
      words && 'fields' in field && field.fields ? { fields: withI18n(field.fields, inner) } : {};
    return { ...field, ...nested, i18n: words } as CmsField;
  });
}

/** Only the fields that hold words (and within groups and lists, only their words). */
export function wordFields(fields: CmsField[]): CmsField[] {
  return fields
    .filter((field) => (field as { i18n?: boolean }).i18n !== false)
    .map((field) =>
      'fields' in field && field.fields ? { ...field, fields: wordFields(field.fields) } : field,
    ) as CmsField[];
}

/**
 * Decap fields for `schema`. With `i18n`, each says whether it is translated (`i18n: true`) or set
 * once for every language (`i18n: false`: Decap shows it in the main language only).
 */
export function decapFields(
  schema: z.ZodType,
  overrides: FieldOverrides = {},
  { i18n = false }: { i18n?: boolean } = {},
): CmsField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fields = objectFields(json, '', overrides);
  return i18n ? withI18n(fields, json) : fields;
}
