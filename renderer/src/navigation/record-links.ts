// Where a record of each kind (a sync/audit entity name) is opened, and what the kind is called, so history
// entries can say 「孵化器」 and link to the record.

/** The record a row lives in (a project record's project) and the row's kind there (history-contract.ts). */
export interface RecordParent {
  id: string;
  kind?: string | undefined;
}

interface RecordLink {
  /** The kind in Chinese, e.g. 孵化器. */
  kindLabel: string;
  /** The address that opens the record; null when it cannot be told (a row whose parent is not known). */
  path(rowId: string, parent?: RecordParent): string | null;
  /** Run just before the address opens: what the page should show first (a project's record opens its drawer). */
  beforeOpen?: ((rowId: string, parent?: RecordParent) => void) | undefined;
}

const links = new Map<string, RecordLink>();

export function registerRecordLink(
  entity: string,
  kindLabel: string,
  path: (rowId: string, parent?: RecordParent) => string | null,
  beforeOpen?: (rowId: string, parent?: RecordParent) => void,
): void {
  links.set(entity, { kindLabel, path, beforeOpen });
}

/** The address of a record, or null for a kind no page shows. */
export function recordPath(entity: string, rowId: string, parent?: RecordParent): string | null {
  return links.get(entity)?.path(rowId, parent) ?? null;
}

/** What the record's page should do on opening it (see RecordLink.beforeOpen). */
export function beforeOpeningRecord(entity: string, rowId: string, parent?: RecordParent): void {
  links.get(entity)?.beforeOpen?.(rowId, parent);
}

export function kindLabel(entity: string): string {
  return links.get(entity)?.kindLabel ?? '其他记录';
}

/** Every kind with a Chinese name, for a filter. */
export function knownKinds(): { entity: string; label: string }[] {
  return [...links].map(([entity, l]) => ({ entity, label: l.kindLabel }));
}
