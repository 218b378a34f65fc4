// The records a document can copy into itself (7.3): the incubator's common header and the agency profile.
// A layout ref with source 'header' reads an incubator field, 'agency' an agency profile field.
import type { FieldDefinition } from './field-definition.js';
import type { SnapshotSource } from './document-data.js';
import type { ValueSource } from './layout.js';
import { incubatorHeaderFields } from '../domain/incubator.js';
import { agencyProfileFields } from '../domain/agency.js';

export const SNAPSHOT_FIELDS: Record<SnapshotSource, readonly FieldDefinition[]> = {
  incubator: incubatorHeaderFields,
  agency: agencyProfileFields,
};

export const SNAPSHOT_LABELS: Record<SnapshotSource, string> = { incubator: '孵化器档案', agency: '服务机构信息' };

/** The snapshot a value source reads, or null for the document's own values and computed values. */
export function snapshotOf(source: ValueSource): SnapshotSource | null {
  if (source === 'header') return 'incubator';
  if (source === 'agency') return 'agency';
  return null;
}

export function snapshotField(source: SnapshotSource, key: string): FieldDefinition | undefined {
  return SNAPSHOT_FIELDS[source].find((f) => f.key === key);
}
