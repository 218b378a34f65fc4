// Signing on the server (docs/sync.md §Signing): a sign op confirms, restores or is refused, and every edit that
// raced a signature is kept as a proposal for a new revision — never applied to the signed one, never lost.
import { randomUUID } from 'node:crypto';
import { ITEMS_ENTITY, SIGN_PROPOSALS_ENTITY, signOpValueSchema, type OpResult, type SyncOp } from '../../shared/sync/protocol.js';
import { checkWireRow } from '../../shared/sync/field-schemas.js';
import { syncFieldLabel } from '../../shared/forms/sync-labels.js';
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerTx } from '../db/connect.js';
import { blankRecord, contentHash, key, missingBlobs, sameContent, serverHlc, type PushContext, type RecordState } from './record-state.js';

export { ITEMS_ENTITY };

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
      return { ...blankRecord(SIGN_PROPOSALS_ENTITY, randomUUID()), exists: true, version: 1, fields, fieldMeta, dirty: true };
    });
  }
}

/**
 * A sign op (docs/sync.md §Signing). The signature stands when what the server holds is what was signed. When it is
 * not (another device's edit got here first, or the signer's own edits were conflicts), the op's content restores
 * the signed version — the paper exists — and every value it displaces becomes a proposal for a new revision. A
 * second, different signature of an already signed document is refused; its differences become a proposal too.
 */
export async function signOp(
  tx: ServerTx,
  ctx: PushContext,
  rec: RecordState,
  op: SyncOp,
  batch: { proposals: Proposals; records: Map<string, RecordState> },
  notApplied: NotApplied,
): Promise<OpResult> {
  const { proposals, records } = batch;
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
    restoreContent(rec, signed, ctx, op.hlc, (f, v, by) => proposals.add(rec, ctx, f, v, 'raced', by));
    rec.exists = true;
  }
  if (sign.data.items) await restoreItems(tx, ctx, rec, sign.data.items, records, proposals, op.hlc);
  rec.signedVersion = rec.version;
  rec.signedHash = sign.data.hash;
  rec.version += 1;
  rec.dirty = true;
  return { ...base, status: 'applied' };
}

/**
 * Puts the signed content back over what the server holds: every value it displaces is reported (another device's,
 * or any value the signed content does not have) — never dropped — and the record moves to a new version.
 */
function restoreContent(
  state: RecordState,
  target: Record<string, unknown>,
  ctx: PushContext,
  hlc: string,
  displaced: (field: string, value: unknown, by: string) => void,
): void {
  const restored: Record<string, unknown> = {};
  const meta = { ...state.fieldMeta };
  for (const f of new Set([...Object.keys(state.fields), ...Object.keys(target)])) {
    const value = target[f] ?? null;
    restored[f] = value;
    if (sameContent(value, state.fields[f])) continue;
    const by = meta[f]?.c;
    if ((by !== undefined && by !== ctx.clientId) || (state.fields[f] ?? null) !== null) displaced(f, state.fields[f] ?? null, by ?? ctx.clientId);
    meta[f] = { v: state.version + 1, c: ctx.clientId, h: hlc };
  }
  state.fields = restored;
  state.fieldMeta = meta;
  state.deletedAt = null;
  state.version += 1;
  state.dirty = true;
}

/**
 * The signed document's list items as signed: an item another device changed is put back, one it added is deleted
 * (a tombstone), and what they held becomes the proposal's `items.<id>.<field>`. Items this batch already touched
 * are taken from the batch (not yet committed); the restored ones are written with it, before the document, so a
 * device pulling them meets the items before the signature that locks them.
 */
async function restoreItems(
  tx: ServerTx,
  ctx: PushContext,
  doc: RecordState,
  signedItems: Record<string, Record<string, unknown>>,
  records: Map<string, RecordState>,
  proposals: Proposals,
  hlc: string,
): Promise<void> {
  const rows = rowsOf<{ row_id: string; version: number; fields: Record<string, unknown>; field_meta: RecordState['fieldMeta']; deleted_at: string | null }>(
    await tx.execute(sql`
      select row_id, version, fields, field_meta, deleted_at from records
      where agency_id = ${ctx.agencyId} and entity = ${ITEMS_ENTITY}
        and ((fields->>'documentEntity' = ${doc.entity} and fields->>'documentId' = ${doc.rowId})
          or row_id in (select jsonb_array_elements_text(${JSON.stringify(Object.keys(signedItems))}::jsonb)))
      for update`),
  );
  const states = new Map<string, RecordState>();
  const blank = (rowId: string): RecordState => blankRecord(ITEMS_ENTITY, rowId);
  for (const r of rows) {
    states.set(r.row_id, { ...blank(r.row_id), exists: true, version: r.version, fields: r.fields, fieldMeta: r.field_meta, deletedAt: r.deleted_at });
  }
  for (const s of records.values()) {
    const ofDoc = s.fields.documentEntity === doc.entity && s.fields.documentId === doc.rowId;
    if (s.entity === ITEMS_ENTITY && (ofDoc || Object.hasOwn(signedItems, s.rowId))) states.set(s.rowId, s);
  }
  for (const id of Object.keys(signedItems)) if (!states.has(id)) states.set(id, blank(id));
  const propose = (itemId: string) => (field: string, value: unknown, by: string) =>
    proposals.add(doc, ctx, itemProposalField(itemId, field), value, 'raced', by);
  for (const [id, state] of states) {
    const target = signedItems[id];
    if (target) {
      const same = state.exists && state.deletedAt === null && Object.keys({ ...state.fields, ...target }).every((f) => sameContent(state.fields[f], target[f]));
      if (same) continue;
      restoreContent(state, target, ctx, hlc, propose(id));
      state.exists = true;
    } else if (state.exists && state.deletedAt === null) {
      // Added by another device while this document was being signed: not in the signed list.
      for (const [f, v] of Object.entries(state.fields)) if (f.startsWith('values.')) propose(id)(f, v, state.fieldMeta[f]?.c ?? ctx.clientId);
      state.deletedAt = ctx.now().toISOString();
      state.fieldMeta = { ...state.fieldMeta, deletedAt: { v: state.version + 1, c: ctx.clientId, h: hlc } };
      state.version += 1;
      state.dirty = true;
    } else {
      continue;
    }
    records.set(key(ITEMS_ENTITY, id), state);
  }
}

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
    // One primary-key probe per parent (lateral), as push.ts loadRecords.
    const rows = rowsOf<{ entity: string; row_id: string; version: number; signed_version: number | null; signed_hash: string | null }>(
      await tx.execute(sql`
        select r.entity, r.row_id, r.version, r.signed_version, r.signed_hash
        from jsonb_to_recordset(${JSON.stringify([...wanted.values()])}::jsonb) as w("entity" text, "rowId" text)
        cross join lateral (
          select * from records r where r.agency_id = ${agencyId} and r.entity = w.entity and r.row_id = w."rowId" and r.signed_hash is not null
        ) r`),
    );
    for (const r of rows) {
      loaded.set(key(r.entity, r.row_id), { ...blankRecord(r.entity, r.row_id), exists: true, version: r.version, signedVersion: r.signed_version, signedHash: r.signed_hash });
    }
  }
  return (item) => {
    const pk = parentKey(item);
    const parent = pk === null ? undefined : (records.get(pk) ?? loaded.get(pk));
    return parent?.signedHash ? parent : null;
  };
}
