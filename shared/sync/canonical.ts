// Canonical content of a synced row: what a signature's SHA-256 is computed over (sync.md §7).
// Both the client and the server hash exactly this string, so a hash made offline verifies on the server.

/** JSON with object keys sorted at every level; undefined becomes null. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The canonical content of a document row: its synced fields (null ones dropped, so absent equals null). */
export function canonicalRowContent(entity: string, rowId: string, fields: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined && k !== 'deletedAt') kept[k] = v;
  return canonicalJson({ entity, rowId, fields: kept });
}
