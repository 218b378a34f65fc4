// Signing on the server (docs/sync.md §Signing): a sign op confirms, restores or is refused, and every edit that
// raced a signature is kept as a proposal for a new revision — never applied to the signed one, never lost.
import { randomUUID } from 'node:crypto';
import { SIGN_PROPOSALS_ENTITY, signOpValueSchema, type OpResult, type SyncOp } from '../../shared/sync/protocol.js';
import { checkWireRow } from '../../shared/sync/field-schemas.js';
import { syncFieldLabel } from '../../shared/forms/sync-labels.js';
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerTx } from '../db/connect.js';
import { contentHash, key, missingBlobs, sameContent, serverHlc, type PushContext, type RecordState } from './record-state.js';

export type NotApplied = (status: OpResult['status'], message: string, code?: number) => OpResult;

/**
 * Edits that raced a signature (docs/sync.md §Signing), collected per document and device over one batch and
 * written as `sign_proposals` records: every device pulls them, and the document page offers to turn one into a
 * new revision. Nothing of them is applied to the signed revision.
 */
export class Proposals {
  private readonly byDocument = new Map<string, { rec: RecordState; fromClient: string; reason: string; fields: Record<string, unknown> }>();

  add(rec: RecordState, ctx: PushContext, field: string, value: unknown, reason: 'raced' | 'after-sign', fromClient = ctx.clientId): void {
    const k = `${key(rec.entity, rec.rowId)}\u0000${fromClient}\u0000${reason}`;
    const p = this.byDocument.get(k) ?? { rec, fromClient, reason, fields: {} };
    p.fields[field] = value;
    this.byDocument.set(k, p);
  }

  records(ctx: PushContext): RecordState[] {
    const hlc = serverHlc(ctx.now());
    return [...this.byDocument.values()].map((p) => {
      const fields: Record<string, unknown> = {
        documentEntity: p.rec.entity,
        documentId: p.rec.rowId,
        signedVersion: p.rec.signedVersion,
        fromClient: p.fromClient,
        reason: p.reason,
        proposed: p.fields,
        proposedAt: ctx.now().toISOString(),
        resolvedAt: null,
        resolution: null,
      };
      const fieldMeta = Object.fromEntries(Object.keys(fields).map((f) => [f, { v: 1, c: 'server', h: hlc }]));
      return {
        entity: SIGN_PROPOSALS_ENTITY,
        rowId: randomUUID(),
        exists: true,
        version: 1,
        fields,
        fieldMeta,
        deletedAt: null,
        signedVersion: null,
        signedHash: null,
        dirty: true,
      };
    });
  }
}

/**
 * A sign op (docs/sync.md §Signing). The signature stands when what the server holds is what was signed. When it is
 * not (another device's edit got here first, or the signer's own edits were conflicts), the op's content restores
 * the signed version — the paper exists — and every value it displaces becomes a proposal for a new revision. A
 * second, different signature of an already signed document is refused; its differences become a proposal too.
 */
export async function signOp(tx: ServerTx, ctx: PushContext, rec: RecordState, op: SyncOp, proposals: Proposals, notApplied: NotApplied): Promise<OpResult> {
  const base = { seq: op.seq, opId: op.opId };
  const sign = signOpValueSchema.safeParse(op.value);
  if (!sign.success) return notApplied('rejected', '签署信息无效。');
  const signed = sign.data.fields;
  if (signed && contentHash(rec.entity, rec.rowId, signed) !== sign.data.hash) return notApplied('rejected', '签署信息无效：内容与签名不符。');
  if (rec.signedHash) {
    if (sign.data.hash === rec.signedHash) return { ...base, status: 'applied' };
    for (const [f, v] of Object.entries(signed ?? {})) if (!sameContent(v, rec.fields[f])) proposals.add(rec, ctx, f, v ?? null, 'after-sign');
    return notApplied('locked', '该文档已由他人签署了另一版内容：本机签署的内容已作为修订建议保留在文档页。');
  }
  if (!rec.exists && !signed) return notApplied('rejected', '签署失败：服务器上没有这份文档（可能已被删除）。');
  const restore = contentHash(rec.entity, rec.rowId, rec.fields) !== sign.data.hash || rec.deletedAt !== null;
  if (restore && !signed) return notApplied('rejected', '签署失败：签署前文档已被他人修改。请同步后重新核对内容再签署。');
  if (restore && signed) {
    const bad = checkWireRow(rec.entity, signed, null);
    if (bad) return notApplied('rejected', `服务器不接受此签署：「${syncFieldLabel(rec.entity, bad.field) ?? bad.field}」的值不符合要求。`, 400);
  }
  const missing = await missingBlobs(tx, ctx.agencyId, restore && signed ? signed : rec.fields);
  if (missing.length > 0) {
    return notApplied('rejected', `签署失败：文档引用的 ${missing.length} 个附件尚未上传完成。请联网同步附件后再签署。`);
  }
  if (restore && signed) {
    const restored: Record<string, unknown> = {};
    const meta = { ...rec.fieldMeta };
    for (const f of new Set([...Object.keys(rec.fields), ...Object.keys(signed)])) {
      const value = signed[f] ?? null;
      restored[f] = value;
      if (sameContent(value, rec.fields[f])) continue;
      // Another device's value (or any value the signed content does not have) is displaced, never dropped.
      const by = meta[f]?.c;
      if ((by !== undefined && by !== ctx.clientId) || (rec.fields[f] ?? null) !== null) proposals.add(rec, ctx, f, rec.fields[f] ?? null, 'raced', by ?? ctx.clientId);
      meta[f] = { v: rec.version + 1, c: ctx.clientId, h: op.hlc };
    }
    rec.fields = restored;
    rec.fieldMeta = meta;
    rec.deletedAt = null;
    rec.exists = true;
    rec.version += 1;
  }
  rec.signedVersion = rec.version;
  rec.signedHash = sign.data.hash;
  rec.version += 1;
  rec.dirty = true;
  return { ...base, status: 'applied' };
}

/** The entity of documents' list items (docs/documents.md): locked with their document once it is signed. */
export const ITEMS_ENTITY = 'document_items';

/** How a list item's change is named in a proposal: `items.<item id>.<field>`. */
export function itemProposalField(itemId: string, field: string): string {
  return `items.${itemId}.${field}`;
}

/**
 * The signed document a batch's list item belongs to, if any: by the item's `documentEntity`/`documentId` as the
 * server holds them or as this batch sets them (a new item). Documents the batch does not touch are read once.
 */
export async function signedParentsOf(
  tx: ServerTx,
  agencyId: string,
  records: Map<string, RecordState>,
  ops: readonly SyncOp[],
): Promise<(item: RecordState) => RecordState | null> {
  const parentRef = new Map<string, { entity?: unknown; rowId?: unknown }>();
  for (const r of records.values()) {
    if (r.entity === ITEMS_ENTITY) parentRef.set(key(r.entity, r.rowId), { entity: r.fields.documentEntity, rowId: r.fields.documentId });
  }
  for (const op of ops) {
    const ref = op.entity === ITEMS_ENTITY ? parentRef.get(key(op.entity, op.rowId)) : undefined;
    if (!ref) continue;
    if (op.field === 'documentEntity' && typeof ref.entity !== 'string') ref.entity = op.value;
    if (op.field === 'documentId' && typeof ref.rowId !== 'string') ref.rowId = op.value;
  }
  const refKey = (ref: { entity?: unknown; rowId?: unknown } | undefined): string | null =>
    typeof ref?.entity === 'string' && typeof ref.rowId === 'string' ? key(ref.entity, ref.rowId) : null;
  const parentKey = (item: RecordState): string | null => refKey(parentRef.get(key(item.entity, item.rowId)));
  const wanted = new Map<string, { entity?: unknown; rowId?: unknown }>();
  for (const ref of parentRef.values()) {
    const pk = refKey(ref);
    if (pk && !records.has(pk)) wanted.set(pk, ref);
  }
  const loaded = new Map<string, RecordState>();
  if (wanted.size > 0) {
    const rows = rowsOf<{ entity: string; row_id: string; version: number; signed_version: number | null; signed_hash: string | null }>(
      await tx.execute(sql`
        select r.entity, r.row_id, r.version, r.signed_version, r.signed_hash from records r
        join jsonb_to_recordset(${JSON.stringify([...wanted.values()])}::jsonb) as w("entity" text, "rowId" text)
          on r.entity = w.entity and r.row_id = w."rowId"
        where r.agency_id = ${agencyId} and r.signed_hash is not null`),
    );
    for (const r of rows) {
      loaded.set(key(r.entity, r.row_id), {
        entity: r.entity,
        rowId: r.row_id,
        exists: true,
        version: r.version,
        fields: {},
        fieldMeta: {},
        deletedAt: null,
        signedVersion: r.signed_version,
        signedHash: r.signed_hash,
        dirty: false,
      });
    }
  }
  return (item) => {
    const pk = parentKey(item);
    const parent = pk === null ? undefined : (records.get(pk) ?? loaded.get(pk));
    return parent?.signedHash ? parent : null;
  };
}
