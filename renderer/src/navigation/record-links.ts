// Where a record of each kind (a sync/audit entity name) is opened, and what the kind is called, so history
// entries can say 「孵化器」 and link to the record.

interface RecordLink {
  /** The kind in Chinese, e.g. 孵化器. */
  kindLabel: string;
  /** The address that opens the record. */
  path(rowId: string): string;
}

const links = new Map<string, RecordLink>();

export function registerRecordLink(entity: string, kindLabel: string, path: (rowId: string) => string): void {
  links.set(entity, { kindLabel, path });
}

/** The address of a record, or null for a kind no page shows. */
export function recordPath(entity: string, rowId: string): string | null {
  return links.get(entity)?.path(rowId) ?? null;
}

export function kindLabel(entity: string): string {
  return links.get(entity)?.kindLabel ?? '其他记录';
}

/** Every kind with a Chinese name, for a filter. */
export function knownKinds(): { entity: string; label: string }[] {
  return [...links].map(([entity, l]) => ({ entity, label: l.kindLabel }));
}
