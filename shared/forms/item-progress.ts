// An item's implementation record (ListDefinition.progress, docs/documents.md §Progress on a signed document):
// its fields checked like any field, then the list's own rules between them. Used by the service before it stores
// a record and by the panel as the user types, so both say the same next to the same field.
import type { ItemProgressDefinition } from './document-definition.js';
import type { FieldValue } from './field-definition.js';
import { checkFields, type FieldValues } from './field-engine.js';
import type { FieldIssue } from '../validation/field-issue.js';

export interface ItemProgressCheck {
  normalized: FieldValues;
  /** Issues by progress field key. */
  issues: FieldIssue[];
}

export function checkItemProgress(progress: ItemProgressDefinition, raw: Readonly<Record<string, FieldValue | undefined>>, today: string): ItemProgressCheck {
  const fields = checkFields(progress.fields, raw);
  // A rule reads only valid values: an invalid date already has its own message.
  const valid = Object.fromEntries(Object.entries(fields.normalized).filter(([k]) => !fields.invalid.has(k)));
  return { normalized: fields.normalized, issues: [...fields.issues, ...(progress.check?.(valid, { today }) ?? [])] };
}
