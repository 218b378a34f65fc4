// Applying a pushed batch (sync.md §2): one PostgreSQL transaction per batch, serialised per agency, with the
// client's last applied seq recorded in the same transaction, so a resent batch applies exactly once.
import { sql } from 'drizzle-orm';
import { DELETED_FIELD, SIGN_FIELD, type OpResult, type PushResponse, type SyncOp } from '../../shared/sync/protocol.js';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../../shared/sync/hlc.js';
import { checkWireValue } from '../../shared/sync/field-schemas.js';
import { syncFieldLabel, syncRecordName } from '../../shared/forms/sync-labels.js';
import { UNSAFE_TEXT_MESSAGE, isUnsafeText, replaceUnsafeText } from '../../shared/validation/safe-text.js';
import { rowsOf, type ServerDb, type ServerTx } from '../db/connect.js';
import { SyncServerError } from './errors.js';
import { blankRecord, key, same, sameContent, serverHlc, type FieldMeta, type PushContext, type RecordState } from './record-state.js';
import { ITEMS_ENTITY, Proposals, itemProposalField, signOp, signedParentsOf } from './signing.js';

export type { PushContext } from './record-state.js';


const NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,127}$/;
/**
 * A key of a document's value map may be any printable text: a consultant's verdict is `verdict:<rule id>`, and an
 * agency's own rule ids are theirs to choose (shared/eligibility/verdicts.ts).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const VALUES_FIELD = /^values\.[^\u0000-\u001f\u007f]{1,120}$/;
const MAX_VALUE_CHARS = 200_000;
/** A sign op carries the whole signed content (docs/sync.md §Signing): a document's fields, each up to the limit above. */
const MAX_SIGN_VALUE_CHARS = 4_000_000;

function hlcMillis(hlc: string): number | null {
  try {
    const { millis } = parseHlc(hlc);
    return Number.isFinite(millis) ? millis : null;
  } catch {
    return null;
  }
}

/** An op whose names hold text PostgreSQL cannot store: refused before it reaches a query. */
function unsafeIdentity(op: SyncOp): boolean {
  return [op.opId, op.entity, op.rowId, op.field, op.hlc].some(isUnsafeText);
}

function checkBatch(ops: SyncOp[], ctx: PushContext): void {
  const nowMs = ctx.now().getTime();
  for (const op of ops) {
    if (op.schemaVersion > ctx.schemaVersion) {
      throw new SyncServerError(
        'schema-too-new',
        `本机工作台的数据版本（${op.schemaVersion}）比服务器（${ctx.schemaVersion}）新：请联系管理员升级同步服务器。修改已保存在本机，升级后会自动上传。`,
      );
    }
    if (op.schemaVersion < ctx.schemaVersion - 1) {
      throw new SyncServerError(
        'schema-too-old',
        `本机工作台版本过旧（数据版本 ${op.schemaVersion}，服务器为 ${ctx.schemaVersion}）：请先升级工作台再同步。修改已保存在本机，不会丢失。`,
      );
    }
    const millis = hlcMillis(op.hlc);
    if (millis !== null && millis - nowMs > MAX_CLOCK_DRIFT_MS) {
      throw new SyncServerError('clock-drift', '本机时间比服务器快 5 分钟以上：请校准电脑的日期和时间后再同步。修改已保存在本机。');
    }
  }
}

async function loadRecords(tx: ServerTx, agencyId: string, ops: SyncOp[]): Promise<Map<string, RecordState>> {
  const wanted = new Map<string, { entity: string; rowId: string }>();
  for (const op of ops) wanted.set(key(op.entity, op.rowId), { entity: op.entity, rowId: op.rowId });
  const list = [...wanted.values()];
  const found = rowsOf<{
    entity: string;
    row_id: string;
    version: number;
    fields: Record<string, unknown>;
    field_meta: Record<string, FieldMeta>;
    deleted_at: string | null;
    signed_version: number | null;
    signed_hash: string | null;
  }>(
    // One primary-key probe per record (lateral): a join let the planner read and hash every record of the agency.
    await tx.execute(sql`
      select r.entity, r.row_id, r.version, r.fields, r.field_meta, r.deleted_at, r.signed_version, r.signed_hash
      from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as w("entity" text, "rowId" text)
      cross join lateral (
        select * from records r where r.agency_id = ${agencyId} and r.entity = w.entity and r.row_id = w."rowId" for update
      ) r`),
  );
  const map = new Map<string, RecordState>();
  for (const w of list) {
    map.set(key(w.entity, w.rowId), blankRecord(w.entity, w.rowId));
  }
  for (const r of found) {
    map.set(key(r.entity, r.row_id), {
      entity: r.entity,
      rowId: r.row_id,
      exists: true,
      version: r.version,
      fields: r.fields,
      fieldMeta: r.field_meta,
      deletedAt: r.deleted_at,
      signedVersion: r.signed_version,
      signedHash: r.signed_hash,
      dirty: false,
    });
  }
  return map;
}

function currentValue(rec: RecordState, field: string): unknown {
  if (field === DELETED_FIELD) return rec.deletedAt;
  if (field === SIGN_FIELD) return rec.signedHash ? { version: rec.signedVersion, hash: rec.signedHash } : null;
  return rec.fields[field] ?? null;
}

/** What every op of a batch shares: the proposals it makes, and the signed document a list item belongs to. */
interface Batch {
  proposals: Proposals;
  records: Map<string, RecordState>;
  signedParent: (item: RecordState) => RecordState | null;
}

async function applyOp(tx: ServerTx, ctx: PushContext, rec: RecordState, op: SyncOp, batch: Batch): Promise<OpResult> {
  const { proposals } = batch;
  const base = { seq: op.seq, opId: op.opId };
  const notApplied = (status: OpResult['status'], message: string, code?: number): OpResult => ({
    ...base,
    status,
    message,
    serverValue: currentValue(rec, op.field),
    serverHasRow: rec.exists,
    serverVersion: rec.version,
    ...(code ? { code } : {}),
  });
  if (!NAME.test(op.entity) || (op.field !== SIGN_FIELD && !NAME.test(op.field) && !VALUES_FIELD.test(op.field))) {
    return notApplied('rejected', `服务器不接受此修改：数据类型或字段名无效（${op.entity}.${op.field}）。`, 400);
  }
  // Only a refusal needs the record's name: computed then, not for every applied op.
  const where = (): string => `${syncRecordName(rec.entity, rec.rowId, rec.fields)}的「${syncFieldLabel(op.entity, op.field) ?? op.field}」`;
  if (JSON.stringify(op.value ?? null).length > (op.field === SIGN_FIELD ? MAX_SIGN_VALUE_CHARS : MAX_VALUE_CHARS)) {
    return notApplied('rejected', `服务器不接受此修改：${where()}内容过长。请缩短后重新保存。`, 400);
  }
  if (hlcMillis(op.hlc) === null) return notApplied('rejected', `服务器不接受此修改：${where()}的修改时间戳无效。`, 400);
  if (op.field !== SIGN_FIELD) {
    const problem = checkWireValue(op.entity, op.field, op.value);
    if (problem) {
      const why = problem.kind === 'unsafe-text' ? UNSAFE_TEXT_MESSAGE : `值不符合要求（${problem.detail}）。请在本机改正后重新保存。`;
      return notApplied('rejected', `服务器不接受此修改：${where()}${why}`, 400);
    }
  }
  if (op.field === SIGN_FIELD) return signOp(tx, ctx, rec, op, batch, notApplied);
  if (rec.signedHash) {
    // An edit of a signed document from a device that had not seen the signature: never applied to the signed
    // revision; its value is kept as a proposal for a new revision (docs/sync.md §Signing).
    if (op.field !== DELETED_FIELD && !sameContent(op.value, rec.fields[op.field])) proposals.add(rec, ctx, op.field, op.value ?? null, 'after-sign');
    return notApplied('locked', '该文档已签署，此修改未写入签署版本，已作为修订建议保留在文档页：可据此新建修订版本。');
  }
  const doc = rec.entity === ITEMS_ENTITY ? batch.signedParent(rec) : null;
  if (doc) {
    // A list item of a signed document: locked with it, kept as a proposal on the document.
    const changes = !rec.exists || !sameContent(op.value, op.field === DELETED_FIELD ? rec.deletedAt : rec.fields[op.field]);
    if (changes && !['documentEntity', 'documentId', 'orderKey'].includes(op.field)) {
      proposals.add(doc, ctx, itemProposalField(rec.rowId, op.field), op.value ?? null, 'after-sign');
    }
    return notApplied('locked', '该文档已签署，列表项的此修改未写入签署版本，已作为修订建议保留在文档页。');
  }
  const meta = rec.fieldMeta[op.field];
  const current = currentValue(rec, op.field);
  if (meta && meta.v > op.baseVersion && meta.c !== ctx.clientId) {
    // Someone else changed this field after the version this edit started from (ODK: HARD conflict).
    if (same(current, op.value)) return { ...base, status: 'applied' };
    return notApplied('conflict', '他人已修改了同一字段：服务器上的值已保留，请选择保留哪一个。');
  }
  if (rec.exists && meta && same(current, op.value)) return { ...base, status: 'applied' };
  if (op.field === DELETED_FIELD) {
    if (op.value !== null && typeof op.value !== 'string') return notApplied('rejected', '删除标记无效。');
    rec.deletedAt = op.value as string | null;
  } else {
    rec.fields = { ...rec.fields, [op.field]: op.value ?? null };
  }
  rec.exists = true;
  rec.version += 1;
  rec.fieldMeta = { ...rec.fieldMeta, [op.field]: { v: rec.version, c: ctx.clientId, h: op.hlc } };
  rec.dirty = true;
  return { ...base, status: 'applied' };
}

/** The answer to one fresh op: refused for unsafe names, the stored answer of an op already held, or applied. */
async function answerOp(
  tx: ServerTx,
  ctx: PushContext,
  records: Map<string, RecordState>,
  known: Map<string, { status: OpResult['status']; message: string } | null>,
  op: SyncOp,
  batch: Batch,
): Promise<OpResult> {
  const base = { seq: op.seq, opId: op.opId };
  if (unsafeIdentity(op)) {
    return { ...base, status: 'rejected', message: `服务器不接受此修改：记录编号或字段名${UNSAFE_TEXT_MESSAGE}`, serverHasRow: false, code: 400 };
  }
  const rec = records.get(key(op.entity, op.rowId));
  if (!rec) throw new Error('record state missing');
  if (known.has(op.opId)) {
    // Sent before under this device's previous identity: never applied twice (it would undo later edits).
    const stored = known.get(op.opId);
    if (!stored) return { ...base, status: 'applied' };
    return { ...base, ...stored, serverValue: currentValue(rec, op.field), serverHasRow: rec.exists, serverVersion: rec.version };
  }
  return applyOp(tx, ctx, rec, op, batch);
}

async function replayedResults(tx: ServerTx, ctx: PushContext, ops: SyncOp[]): Promise<OpResult[]> {
  if (ops.length === 0) return [];
  const stored = rowsOf<{ seq: string | number; op_id: string; status: OpResult['status']; message: string }>(
    await tx.execute(sql`
      select seq, op_id, status, message from op_outcomes
      where agency_id = ${ctx.agencyId} and client_id = ${ctx.clientId} and seq in (select (jsonb_array_elements_text(${JSON.stringify(ops.map((o) => o.seq))}::jsonb))::bigint)`),
  );
  // Only the op's own stored answer, never another op's that had the same seq (checkFingerprints already refused
  // a batch whose ops are not the ones the server holds).
  const bySeq = new Map(stored.map((s) => [Number(s.seq), s]));
  for (const op of ops) if (bySeq.get(op.seq)?.op_id !== undefined && bySeq.get(op.seq)!.op_id !== op.opId) bySeq.delete(op.seq);
  const records = await loadRecords(tx, ctx.agencyId, ops.filter((o) => bySeq.has(o.seq)));
  return ops.flatMap((op): OpResult[] => {
    const s = bySeq.get(op.seq);
    if (!s) return op.field === SIGN_FIELD ? [{ seq: op.seq, opId: op.opId, status: 'applied' }] : [];
    const rec = records.get(key(op.entity, op.rowId));
    return [{
      seq: op.seq,
      opId: op.opId,
      status: s.status,
      message: s.message,
      serverValue: rec ? currentValue(rec, op.field) : null,
      serverHasRow: rec?.exists ?? false,
      serverVersion: rec?.version ?? 0,
    }];
  });
}

const jsonList = (values: readonly (string | number)[]) => JSON.stringify(values);

/**
 * Ops at or below last_seq must be the ops the server recorded under those seqs. Another op id under a recorded
 * seq means this client's history went back (a restored backup, an old copy of the data folder): acknowledging
 * would drop the new op, so the client is told to take a new identity (docs/sync.md §Identities).
 */
async function checkFingerprints(tx: ServerTx, ctx: PushContext, old: SyncOp[]): Promise<void> {
  if (old.length === 0) return;
  const rows = rowsOf<{ seq: string | number; op_id: string }>(
    await tx.execute(sql`
      select seq, op_id from op_fingerprints
      where agency_id = ${ctx.agencyId} and client_id = ${ctx.clientId}
        and seq in (select (jsonb_array_elements_text(${jsonList(old.map((o) => o.seq))}::jsonb))::bigint)`),
  );
  const held = new Map(rows.map((r) => [Number(r.seq), r.op_id]));
  const reused = old.find((o) => held.has(o.seq) && held.get(o.seq) !== replaceUnsafeText(o.opId));
  if (reused) {
    throw new SyncServerError(
      'client-reused',
      `服务器已收到过编号为 ${reused.seq} 的另一项修改：本机数据可能从备份恢复过。工作台会以新的设备身份重新上传本机修改，不会丢失。`,
    );
  }
}

/** Of these ops, the ones this agency's server already holds by op id (sent before under another identity), with their stored answer if any. */
async function knownOps(tx: ServerTx, agencyId: string, ops: SyncOp[]): Promise<Map<string, { status: OpResult['status']; message: string } | null>> {
  const ids = ops.filter((o) => !isUnsafeText(o.opId)).map((o) => o.opId);
  if (ids.length === 0) return new Map();
  // One index probe per op id (lateral): an `op_id in (…)` let the planner read every fingerprint of the agency
  // and hash them, a cost that grew with the agency's history (docs/sync.md §Throughput).
  const wanted = sql`jsonb_array_elements_text(${jsonList(ids)}::jsonb) as w(op_id)`;
  const seen = rowsOf<{ op_id: string }>(
    await tx.execute(sql`
      select w.op_id from ${wanted}
      cross join lateral (select 1 from op_fingerprints f where f.agency_id = ${agencyId} and f.op_id = w.op_id limit 1) f`),
  );
  const known = new Map<string, { status: OpResult['status']; message: string } | null>(seen.map((r) => [r.op_id, null]));
  if (known.size === 0) return known;
  const outcomes = rowsOf<{ op_id: string; status: OpResult['status']; message: string }>(
    await tx.execute(sql`
      select o.op_id, o.status, o.message from ${wanted}
      cross join lateral (select op_id, status, message from op_outcomes o where o.agency_id = ${agencyId} and o.op_id = w.op_id) o`),
  );
  for (const o of outcomes) known.set(o.op_id, { status: o.status, message: o.message });
  return known;
}

/**
 * Everything a batch changes, in one statement (docs/sync.md §Throughput): the dirty records as one multi-row upsert
 * with their new cursors (taken from the agency's counter in the same statement), the refused ops' outcomes, every
 * fresh op's fingerprint, and the client's progress. The per-op checks ran before, in memory; this is set-based.
 */
async function writeBatch(tx: ServerTx, ctx: PushContext, dirty: RecordState[], refused: { op: SyncOp; result: OpResult }[], fresh: SyncOp[]): Promise<void> {
  const agencyId = sql`${ctx.agencyId}::uuid`;
  const parts = [];
  if (dirty.length > 0) {
    const rows = dirty.map((r, i) => ({
      entity: r.entity,
      rowId: r.rowId,
      version: r.version,
      ord: i + 1,
      fields: r.fields,
      fieldMeta: r.fieldMeta,
      deletedAt: r.deletedAt,
      signedVersion: r.signedVersion,
      signedHash: r.signedHash,
    }));
    parts.push(sql`taken as (
      update agencies set last_cursor = last_cursor + ${rows.length} where id = ${agencyId} returning last_cursor - ${rows.length} as base)`);
    parts.push(sql`written as (
      insert into records (agency_id, entity, row_id, version, cursor, fields, field_meta, deleted_at, signed_version, signed_hash, updated_at)
      select ${agencyId}, u.entity, u."rowId", u.version, taken.base + u.ord, u.fields, u."fieldMeta", u."deletedAt",
             u."signedVersion", u."signedHash", now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as u("entity" text, "rowId" text, "version" int, "ord" bigint, "fields" jsonb, "fieldMeta" jsonb, "deletedAt" text,
             "signedVersion" int, "signedHash" text)
      cross join taken
      on conflict (agency_id, entity, row_id) do update set
        version = excluded.version, cursor = excluded.cursor, fields = excluded.fields, field_meta = excluded.field_meta,
        deleted_at = excluded.deleted_at, signed_version = excluded.signed_version, signed_hash = excluded.signed_hash,
        updated_at = excluded.updated_at)`);
  }
  if (refused.length > 0) {
    // A refused op may carry text PostgreSQL cannot store: its names are kept with that text replaced, its value
    // only when it is storable.
    const rows = refused.map((o) => ({
      seq: o.op.seq,
      opId: replaceUnsafeText(o.op.opId),
      entity: replaceUnsafeText(o.op.entity),
      rowId: replaceUnsafeText(o.op.rowId),
      field: replaceUnsafeText(o.op.field),
      status: o.result.status,
      message: o.result.message ?? '',
      value: o.result.code === 400 ? null : (o.op.value ?? null),
    }));
    parts.push(sql`outcomes as (
      insert into op_outcomes (agency_id, client_id, seq, op_id, entity, row_id, field, status, message, value)
      select ${agencyId}, ${ctx.clientId}, u.seq, u."opId", u.entity, u."rowId", u.field, u.status, u.message, u.value
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as u("seq" bigint, "opId" text, "entity" text, "rowId" text, "field" text, "status" text, "message" text, "value" jsonb))`);
  }
  // A plain insert: the fresh ops' seqs follow last_seq without a gap (applyPush checks), and a fingerprint is only
  // ever written with the progress that covers it, so none can exist yet. `on conflict do nothing` made
  // PostgreSQL insert each row speculatively, about a third more time for the batch's largest write.
  const prints = fresh.map((o) => ({ seq: o.seq, opId: replaceUnsafeText(o.opId) }));
  parts.push(sql`fingerprints as (
    insert into op_fingerprints (agency_id, client_id, seq, op_id)
    select ${agencyId}, ${ctx.clientId}, u.seq, u."opId"
    from jsonb_to_recordset(${JSON.stringify(prints)}::jsonb) as u("seq" bigint, "opId" text))`);
  await tx.execute(sql`
    with ${sql.join(parts, sql`, `)}
    update client_progress set last_seq = ${fresh[fresh.length - 1]!.seq}, updated_at = now()
    where agency_id = ${agencyId} and client_id = ${ctx.clientId}`);
}

export async function applyPush(db: ServerDb, ctx: PushContext, ops: SyncOp[]): Promise<PushResponse> {
  const cp = ctx.checkpoint ?? (() => undefined);
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  return db.transaction(async (tx) => {
    await cp('begin');
    // One writer per agency at a time: cursors are handed out in commit order, so no pull can skip a late commit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${ctx.agencyId}, 0))`);
    await cp('locked');
    // The client's progress row, made on its first push, read in the same statement.
    const progress = rowsOf<{ last_seq: string | number }>(
      await tx.execute(sql`
        insert into client_progress (agency_id, client_id, last_seq) values (${ctx.agencyId}, ${ctx.clientId}, 0)
        on conflict (agency_id, client_id) do update set last_seq = client_progress.last_seq
        returning last_seq`),
    );
    const lastSeq = Number(progress[0]?.last_seq ?? 0);
    const old = sorted.filter((o) => o.seq <= lastSeq);
    const fresh = sorted.filter((o) => o.seq > lastSeq);
    fresh.forEach((op, i) => {
      if (op.seq !== lastSeq + 1 + i) {
        throw new SyncServerError('seq-gap', `修改编号不连续：服务器已收到第 ${lastSeq} 项，请从第 ${lastSeq + 1} 项重新上传。`, {
          expectedSeq: lastSeq + 1,
        });
      }
    });
    checkBatch(fresh, ctx);
    await checkFingerprints(tx, ctx, old);
    const results = await replayedResults(tx, ctx, old);
    await cp('read-progress');
    if (fresh.length === 0) {
      return { lastSeq, results, serverHlc: serverHlc(ctx.now()) };
    }
    const known = await knownOps(tx, ctx.agencyId, fresh);
    const records = await loadRecords(tx, ctx.agencyId, fresh.filter((o) => !unsafeIdentity(o)));
    await cp('loaded-records');
    const outcomes: { op: SyncOp; result: OpResult }[] = [];
    const proposals = new Proposals();
    const batch: Batch = { proposals, records, signedParent: await signedParentsOf(tx, ctx.agencyId, records, fresh) };
    for (const op of fresh) {
      const result = await answerOp(tx, ctx, records, known, op, batch);
      // Only what the client must act on travels back: ops up to lastSeq without a result were applied.
      if (result.status !== 'applied' || op.field === SIGN_FIELD) results.push(result);
      if (result.status !== 'applied') outcomes.push({ op, result });
    }
    await cp('applied-ops');
    // List items first: a signature's restored items reach a device before the signature that locks them.
    const changed = [...records.values()].filter((r) => r.dirty).sort((a, b) => Number(b.entity === ITEMS_ENTITY) - Number(a.entity === ITEMS_ENTITY));
    const dirty = [...changed, ...proposals.records(ctx)];
    await writeBatch(tx, ctx, dirty, outcomes, fresh);
    await cp('wrote-batch');
    const newLast = fresh[fresh.length - 1]!.seq;
    return { lastSeq: newLast, results, serverHlc: serverHlc(ctx.now()) };
  });
}
