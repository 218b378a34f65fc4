// A pushed batch's records as the server holds them while it applies the batch (docs/sync.md §Throughput), and the
// helpers the ops share: names, content hashes, attachment checks.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { BLOB_REF_PATTERN } from '../../shared/sync/protocol.js';
import { canonicalJson, canonicalRowContent } from '../../shared/sync/canonical.js';
import { formatHlc } from '../../shared/sync/hlc.js';
import { rowsOf, type ServerTx } from '../db/connect.js';

export interface PushContext {
  agencyId: string;
  clientId: string;
  /** The schema version this server speaks; ops of it and of the previous one are accepted (sync.md §9). */
  schemaVersion: number;
  now: () => Date;
  /** Test hook: awaited at each statement boundary of the transaction (kill tests, out-of-order commits). */
  checkpoint?: (name: string) => Promise<void> | void;
}

export interface FieldMeta {
  v: number;
  c: string;
  h: string;
}

export interface RecordState {
  entity: string;
  rowId: string;
  exists: boolean;
  version: number;
  fields: Record<string, unknown>;
  fieldMeta: Record<string, FieldMeta>;
  deletedAt: string | null;
  signedVersion: number | null;
  signedHash: string | null;
  dirty: boolean;
}

/** A record the server does not hold (yet): what an op on a new row starts from. */
export function blankRecord(entity: string, rowId: string): RecordState {
  return { entity, rowId, exists: false, version: 0, fields: {}, fieldMeta: {}, deletedAt: null, signedVersion: null, signedHash: null, dirty: false };
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function serverHlc(now: Date): string {
  return formatHlc({ millis: now.getTime(), counter: 0, node: 'server' });
}

export function contentHash(entity: string, rowId: string, fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalRowContent(entity, rowId, fields)).digest('hex');
}

/** Value equality as the signature's hash sees it: an absent field is null. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

export function key(entity: string, rowId: string): string {
  return `${entity}\u0000${rowId}`;
}

export async function missingBlobs(tx: ServerTx, agencyId: string, fields: Record<string, unknown>): Promise<string[]> {
  const refs = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && BLOB_REF_PATTERN.test(v)) refs.add(v.slice('sha256:'.length));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(fields);
  if (refs.size === 0) return [];
  const have = rowsOf<{ sha256: string }>(
    await tx.execute(
      sql`select sha256 from blobs where agency_id = ${agencyId} and complete and sha256 in (select jsonb_array_elements_text(${JSON.stringify([...refs])}::jsonb))`,
    ),
  );
  const present = new Set(have.map((h) => h.sha256));
  return [...refs].filter((r) => !present.has(r));
}
