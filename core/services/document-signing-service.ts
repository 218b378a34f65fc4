// Signing a completed document and revising a signed one (sync.md §7), for every kind. A signed document is locked
// on every device (and by the database guard, db/signed-guard-sql.ts); a change after signing is a new revision
// (a new row) that supersedes it, and the signed one stays readable.
import { AppError } from '../../shared/rpc/result.js';
import type { DocumentRecord } from '../../shared/domain/document-record.js';
import type { SignedState } from '../../shared/contract/documents-contract.js';
import { type DocumentKind, definitionOf } from '../../shared/forms/registry.js';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { createDocument, entityOf, getDocument, supersedingRevisionOf } from '../../db/repositories/document-repository.js';
import { getSigned, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { RowNotFound } from '../../db/errors.js';
import { signDocument } from '../sync/documents.js';
import { requireIncubator } from './document-model-service.js';

export const REVISION_REASON_MAX = 500;

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

/** Starts a new revision of a signed document: same values, items and copies, as a draft. */
export function reviseStoredDocument(db: WorkbenchDb, ctx: ChangeContext, kind: DocumentKind, id: string, reason: string): DocumentRecord {
  const def = definitionOf(kind);
  const why = reason.trim();
  if (!why) throw new AppError('validation', '请填写修订原因。', { field: 'reason' });
  if (why.length > REVISION_REASON_MAX) throw new AppError('validation', `修订原因不能超过 ${REVISION_REASON_MAX} 个字。`, { field: 'reason' });
  return db.transaction((tx) => {
    const old = requireDocument(tx, kind, id);
    if (!getSigned(tx, entityOf(kind), id)) {
      throw new AppError('conflict', `只有已签署的${def.shortName}才需要新建修订版本；未签署的可以直接修改。`);
    }
    const newer = supersedingRevisionOf(tx, kind, id);
    if (newer) throw new AppError('conflict', `该${def.shortName}已有第 ${newer.revision} 版修订，请在最新版本上修改。`);
    const incubator = requireIncubator(tx, old.incubatorId);
    // The items get new ids: the signed revision keeps its own rows.
    const lists = Object.fromEntries(Object.entries(old.lists).map(([k, items]) => [k, items.map((i) => ({ id: crypto.randomUUID(), values: i.values }))]));
    return createDocument(
      tx,
      ctx,
      kind,
      {
        incubatorId: old.incubatorId,
        values: old.values,
        lists,
        status: 'draft',
        snapshots: old.snapshots,
        revisionOf: { id: old.id, revision: old.revision + 1, reason: why },
      },
      `修订「${incubator.name}」的${def.shortName}（第 ${old.revision + 1} 版）：${why}`,
    );
  });
}
