// Signing a completed document and revising a signed one (sync.md §7), for every kind. A signed document is locked
// on every device (and by the database guard, db/signed-guard-sql.ts); a change after signing is a new revision
// (a new row) that supersedes it, and the signed one stays readable.
import { AppError } from '../../shared/rpc/result.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { SignedState } from '../../shared/contract/documents-contract.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { DocumentDefinition } from '../../shared/forms/document-definition.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import { checkFields } from '../../shared/forms/field-engine.js';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { createDocument, entityOf, getDocument, supersedingRevisionOf } from '../../db/repositories/document-repository.js';
import { getSigned, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { RowNotFound } from '../../db/errors.js';
import { signDocument } from '../sync/documents.js';
import { requireIncubator } from './document-model-service.js';

export const REVISION_REASON_MAX = 500;
/** The hidden item field that names the item a revised item came from (the revision diff pairs them by it). */
export const ORIGIN_FIELD = 'origin';

export function requireDocument(db: Executor, kind: DocumentKind, id: string): DocumentRecord {
  const found = getDocument(db, kind, id);
  if (!found) throw new RowNotFound(entityOf(kind), id);
  return found;
}

export function signedStateOf(db: Executor, kind: DocumentKind, id: string): SignedState | null {
  const s = getSigned(db, entityOf(kind), id);
  return s ? { version: s.version, hash: s.hash, at: s.signedAt } : null;
}

/** Signs a completed document that the server already holds unchanged. */
export function signStoredDocument(db: WorkbenchDb, ctx: ChangeContext, kind: DocumentKind, id: string): SignedState {
  const def = definitionOf(kind);
  const record = requireDocument(db, kind, id);
  if (signedStateOf(db, kind, id)) throw new AppError('locked', `该${def.shortName}已签署。`);
  if (record.status !== 'completed') throw new AppError('validation', `请先完成${def.shortName}（状态为“${def.statusWording.completed}”），再签署。`);
  const settings = readSyncSettings(db);
  if (!settings.serverUrl || !settings.token) {
    throw new AppError('conflict', '请先登录同步服务器并完成同步，再签署：签名要由服务器确认，才能在所有设备上生效。');
  }
  if (record.version === 0) throw new AppError('conflict', `这份${def.shortName}还没有同步到服务器：请先联网同步，再签署。`);
  const sign = signDocument(db, ctx, entityOf(kind), id);
  return { ...sign, at: ctx.now().toISOString() };
}

/**
 * Both sides' agreement to a revision (§5.2.4 d), checked like any field: each named, the date a real date. Refused
 * with every problem at once, each next to its field.
 */
function checkedAgreement(def: DocumentDefinition, agreement: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  const rule = def.revisionAgreement;
  if (!rule) return {};
  const fields = rule.fields.flatMap((k) => def.fields.filter((f) => f.key === k)).map((f) => ({ ...f, required: true }));
  const check = checkFields(fields, agreement);
  const errors = check.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new AppError('validation', `修订需经双方协商一致：${errors.map((e) => e.message).join('；')}`, { field: errors[0]!.field, issues: errors });
  return check.normalized;
}

/** The items of a new revision: new ids (the signed revision keeps its rows), each knowing the item it came from. */
function revisedLists(def: DocumentDefinition, lists: DocumentLists): DocumentLists {
  return Object.fromEntries(
    Object.entries(lists).map(([k, items]) => {
      const tracksOrigin = def.lists.find((l) => l.key === k)?.fields.some((f) => f.key === ORIGIN_FIELD) ?? false;
      return [k, items.map((i) => ({ id: crypto.randomUUID(), values: tracksOrigin ? { ...i.values, [ORIGIN_FIELD]: i.values[ORIGIN_FIELD] || i.id } : i.values }))];
    }),
  );
}

/**
 * Starts a new revision of a signed document: same values, items and copies, as a draft. `agreement`: both sides'
 * agreement, for definitions that ask for it (only its fields are taken); `refreshed`: what the kind re-reads from
 * other records (the plan: the contract's fee and end).
 */
export function reviseStoredDocument(
  db: WorkbenchDb,
  ctx: ChangeContext,
  kind: DocumentKind,
  id: string,
  reason: string,
  agreement: Readonly<Record<string, FieldValue>> = {},
  refreshed: Readonly<Record<string, FieldValue>> = {},
): DocumentRecord {
  const def = definitionOf(kind);
  const why = reason.trim();
  if (!why) throw new AppError('validation', '请填写修订原因。', { field: 'reason' });
  if (why.length > REVISION_REASON_MAX) throw new AppError('validation', `修订原因不能超过 ${REVISION_REASON_MAX} 个字。`, { field: 'reason' });
  const agreed = checkedAgreement(def, agreement);
  return db.transaction((tx) => {
    const old = requireDocument(tx, kind, id);
    if (!getSigned(tx, entityOf(kind), id)) {
      throw new AppError('conflict', `只有已签署的${def.shortName}才需要新建修订版本；未签署的可以直接修改。`);
    }
    const newer = supersedingRevisionOf(tx, kind, id);
    if (newer) throw new AppError('conflict', `该${def.shortName}已有第 ${newer.revision} 版修订，请在最新版本上修改。`);
    const incubator = requireIncubator(tx, old.incubatorId);
    return createDocument(
      tx,
      ctx,
      kind,
      {
        incubatorId: old.incubatorId,
        values: { ...old.values, ...refreshed, ...agreed },
        lists: revisedLists(def, old.lists),
        status: 'draft',
        snapshots: old.snapshots,
        revisionOf: { id: old.id, revision: old.revision + 1, reason: why },
      },
      `修订「${incubator.name}」的${def.shortName}（第 ${old.revision + 1} 版）：${why}`,
    );
  });
}
