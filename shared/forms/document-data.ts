// The data of one document as the engine reads it: its values, its list items and the snapshots it carries.
import type { FieldValue } from './field-definition.js';
import type { FieldValues } from './field-engine.js';

/** One item of a repeating list (an instalment, a task, a budget line): its own row with a UUID (sync.md §1). */
export interface DocumentItem {
  id: string;
  values: Record<string, FieldValue>;
}

/** Items per list key, in their order. */
export type DocumentLists = Record<string, DocumentItem[]>;

/** An item after its fields were checked. */
export interface CheckedItem {
  id: string;
  normalized: FieldValues;
  numbers: Record<string, number | null>;
  invalid: ReadonlySet<string>;
}

/** The records a document copies when it is completed (7.3), and the values it then prints. */
export type SnapshotSource = 'incubator' | 'agency';
