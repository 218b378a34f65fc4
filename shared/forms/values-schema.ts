// A field list as a zod schema and a TypeScript type: the transport shape of a record (the incubator's header,
// the agency profile) comes from the same list as its rules, its form and its printed cells.
import { z } from 'zod';
import { assertNever, type FieldDefinition } from './field-definition.js';
import type { FieldValues } from './field-engine.js';

/** The stored type of one field. */
export type StoredTypeOf<F extends FieldDefinition> = F['type'] extends 'number' | 'integer' | 'money'
  ? number | null
  : F['type'] extends 'yesno'
    ? boolean | null
    : F['type'] extends 'choice'
      ? (F extends { options: readonly (infer O extends string)[] } ? O : string) | null
      : F['type'] extends 'date' | 'month' | 'ruleSet'
        ? string | null
        : string;

/** Every key may be left out (it takes its empty value), so callers send only what they have. */
type ShapeOf<Fs extends readonly FieldDefinition[]> = {
  [F in Fs[number] as F['key']]: z.ZodDefault<z.ZodType<StoredTypeOf<F>>>;
};

const TEXT_LIMIT = 2000;

/** The transport check of one field: its type and a generous length; its rules are the field engine's. */
function schemaFor(f: FieldDefinition): z.ZodDefault<z.ZodType> {
  switch (f.type) {
    case 'number':
    case 'integer':
    case 'money':
      return z.number().nullable().default(null);
    case 'yesno':
      return z.boolean().nullable().default(null);
    case 'choice':
      return f.options && f.options.length > 0 ? z.enum(f.options as [string, ...string[]]).nullable().default(null) : z.string().nullable().default(null);
    case 'date':
    case 'month':
    case 'ruleSet':
      return z.string().max(100).nullable().default(null);
    case 'text':
    case 'longtext':
    case 'mobile':
    case 'telephone':
    case 'uscc':
    case 'bankAccount':
      return z.string().max(Math.max(TEXT_LIMIT, f.maxLength ?? 0)).default('');
    default:
      return assertNever(f.type);
  }
}

/**
 * The zod object of a field list. The one type assertion of the field engine lives here: zod cannot infer a
 * shape built from a list, so the shape is declared by `ShapeOf`, which `schemaFor` follows case by case.
 */
export function valuesSchemaOf<const Fs extends readonly FieldDefinition[]>(fields: Fs) {
  const shape = Object.fromEntries(fields.map((f) => [f.key, schemaFor(f)])) as ShapeOf<Fs>;
  return z.object(shape);
}

/**
 * Checked values (`checkFields(...).normalized`) as a typed record: a number field still holding the text typed
 * becomes null, so the type never lies. Use it on values that passed the check.
 */
export function typedValues<const Fs extends readonly FieldDefinition[]>(fields: Fs, values: FieldValues) {
  return valuesSchemaOf(fields).parse(
    Object.fromEntries(
      fields.map((f) => {
        const v = values[f.key] ?? null;
        const ok = schemaFor(f).safeParse(v);
        return [f.key, ok.success ? v : undefined];
      }),
    ),
  );
}

/** The label of a key of a field list. */
export function labelIn(fields: readonly FieldDefinition[], key: string): string {
  return fields.find((f) => f.key === key)?.label ?? key;
}
