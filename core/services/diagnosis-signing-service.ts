// Signing a completed diagnosis and revising a signed one (sync.md §7). A signed diagnosis is locked on every
// device; a change after signing is a new revision (a new row) that supersedes it, and the signed one stays readable.
import { AppError } from '../../shared/rpc/result.js';
import type { DiagnosisRecord } from '../../shared/domain/diagnosis.js';
import type { SignedState } from '../../shared/contract/diagnosis-contract.js';
import type { Executor, WorkbenchDb } from '../../db/database.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import { createDiagnosis, getDiagnosis, listDiagnoses } from '../../db/repositories/diagnosis-repository.js';
import { getIncubator } from '../../db/repositories/incubator-repository.js';
import { getSigned, readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { RowNotFound } from '../../db/errors.js';
import { signDocument } from '../sync/documents.js';

const ENTITY = 'diagnoses';
export const REVISION_REASON_MAX = 500;


export function signedStateOf(db: Executor, id: string): SignedState | null {
  const s = getSigned(db, ENTITY, id);
  return s ? { version: s.version, hash: s.hash, at: s.signedAt } : null;
}

/** The live revision that supersedes a diagnosis, if any. */
export function supersedingRevisionOf(db: Executor, record: DiagnosisRecord): { id: string; revision: number } | null {
  return listDiagnoses(db, record.incubatorId).find((d) => d.id === record.id)?.supersededBy ?? null;
}

function requireDiagnosis(db: Executor, id: string): DiagnosisRecord {
  const found = getDiagnosis(db, id);
  if (!found) throw new RowNotFound(ENTITY, id);
  return found;
}

/** Signs a completed diagnosis that the server already holds unchanged. */
export function signDiagnosis(db: WorkbenchDb, ctx: ChangeContext, id: string): SignedState {
  const record = requireDiagnosis(db, id);
  if (getSigned(db, ENTITY, id)) throw new AppError('locked', '该诊断意见表已签署。');
  if (record.status !== 'completed') throw new AppError('validation', '请先完成诊断意见表（状态为“已完成”），再签署。');
  const settings = readSyncSettings(db);
  if (!settings.serverUrl || !settings.token) {
    throw new AppError('conflict', '请先登录同步服务器并完成同步，再签署：签名要由服务器确认，才能在所有设备上生效。');
  }
  if (record.version === 0) throw new AppError('conflict', '这份诊断意见表还没有同步到服务器：请先联网同步，再签署。');
  const sign = signDocument(db, ctx, ENTITY, id);
  return { ...sign, at: ctx.now().toISOString() };
}

/** Starts a new revision of a signed diagnosis: same values, header, consultants and rule set, as a draft. */
export function reviseDiagnosis(db: WorkbenchDb, ctx: ChangeContext, id: string, reason: string): DiagnosisRecord {
  const why = reason.trim();
  if (!why) throw new AppError('validation', '请填写修订原因。', { field: 'reason' });
  if (why.length > REVISION_REASON_MAX) throw new AppError('validation', `修订原因不能超过 ${REVISION_REASON_MAX} 个字。`, { field: 'reason' });
  return db.transaction((tx) => {
    const old = requireDiagnosis(tx, id);
    if (!getSigned(tx, ENTITY, id)) {
      throw new AppError('conflict', '只有已签署的诊断意见表才需要新建修订版本；未签署的可以直接修改。');
    }
    const newer = supersedingRevisionOf(tx, old);
    if (newer) throw new AppError('conflict', `该诊断意见表已有第 ${newer.revision} 版修订，请在最新版本上修改。`);
    const incubator = getIncubator(tx, old.incubatorId);
    if (!incubator) throw new RowNotFound('incubators', old.incubatorId);
    return createDiagnosis(
      tx,
      ctx,
      {
        incubatorId: old.incubatorId,
        diagnosedOn: old.diagnosedOn,
        consultants: old.consultants,
        ruleSetId: old.ruleSetId,
        values: old.values,
        status: 'draft',
        revisionOf: { id: old.id, revision: old.revision + 1, reason: why },
      },
      incubator.name,
    );
  });
}
