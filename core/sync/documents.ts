// Signing documents and attaching files (sync.md §7, §8), generic over registered document entities.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/rpc/result.js';
import { BLOB_REF_PATTERN, BLOB_REF_PREFIX, ITEMS_ENTITY, SIGN_FIELD } from '../../shared/sync/protocol.js';
import { canonicalRowContent } from '../../shared/sync/canonical.js';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import { documentItems } from '../../db/schema/index.js';
import { recordChange, type ChangeContext } from '../../db/change-recorder.js';
import { getSigned, hasBlob, putBlob, setSigned } from '../../db/repositories/sync-state-repository.js';
import { syncEntity, type ResolvedEntity } from './registry.js';
import { readLocalRow, syncedFields } from './local-rows.js';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The SHA-256 of a row's canonical content: what a signature covers. */
export function localContentHash(def: ResolvedEntity, row: Record<string, unknown>): string {
  return sha256Hex(canonicalRowContent(def.name, String(row.id), syncedFields(def, row)));
}

/** Stores an attachment locally (queued for upload) and returns the field value that references it. */
export function attachBlob(db: WorkbenchDb, data: Buffer, now: Date): string {
  const sha = sha256Hex(data);
  putBlob(db, sha, data, false, now.toISOString());
  return `${BLOB_REF_PREFIX}${sha}`;
}

export function blobRefs(values: Record<string, unknown>): string[] {
  return Object.values(values)
    .filter((v): v is string => typeof v === 'string' && BLOB_REF_PATTERN.test(v))
    .map((v) => v.slice(BLOB_REF_PREFIX.length));
}

/** The document's list items as this device holds them (not deleted), by id, in wire terms. */
function signedItems(db: Executor, entity: string, rowId: string): Record<string, Record<string, unknown>> {
  const def = syncEntity(ITEMS_ENTITY);
  if (!def) return {};
  const rows = db
    .select()
    .from(documentItems)
    .where(and(eq(documentItems.documentEntity, entity), eq(documentItems.documentId, rowId), isNull(documentItems.deletedAt)))
    .all() as Record<string, unknown>[];
  return Object.fromEntries(rows.map((r) => [String(r.id), syncedFields(def, r)]));
}

/**
 * Signs a document, offline or not (docs/sync.md §Signing): from now on the row is locked here (the outbox trigger
 * and the signed-row guard refuse edits) and an outbox op carries the version this device last had from the
 * server, the hash of what the signer saw, and that content. Edits still waiting in the outbox go first (seq
 * order), so a document never synced reaches the server as its content and then its signature. The server
 * confirms it; if another device's edit got there first, the server restores the signed content and keeps the
 * other edit as a proposal for a new revision. `summary`: the history entry (who signed what).
 */
export function signDocument(
  db: WorkbenchDb,
  ctx: ChangeContext,
  entity: string,
  rowId: string,
  summary = '签署文档',
): { version: number; hash: string } {
  const def = syncEntity(entity);
  if (!def?.document) throw new AppError('bad-request', '这类记录不能签署。');
  return db.transaction((tx) => {
    const row = readLocalRow(tx, def, rowId);
    if (!row || row.deletedAt) throw new AppError('not-found', '找不到这份文档，它可能已被删除。');
    if (getSigned(tx, entity, rowId)) throw new AppError('locked', '该文档已签署。');
    const fields = syncedFields(def, row);
    const items = signedItems(tx, entity, rowId);
    const missing = blobRefs(fields).filter((h) => !hasBlob(tx, h));
    if (missing.length > 0) throw new AppError('conflict', `文档引用的 ${missing.length} 个附件尚未下载到本机，请同步后再签署。`);
    const sign = { version: Number(row.version), hash: localContentHash(def, row) };
    recordChange(tx, ctx, {
      entity,
      rowId,
      action: 'update',
      baseVersion: sign.version,
      before: { [SIGN_FIELD]: null },
      after: { [SIGN_FIELD]: { ...sign, fields, items } },
      // The history shows what was signed (version, hash), not the whole content again.
      audit: { before: { [SIGN_FIELD]: null }, after: { [SIGN_FIELD]: sign } },
      summary,
    });
    setSigned(tx, { entity, rowId, ...sign, state: 'pending', signedAt: ctx.now().toISOString() });
    return sign;
  });
}
