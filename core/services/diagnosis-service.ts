import type { diagnosisContract, DiagnosisView } from '../../shared/contract/diagnosis-contract.js';
import { checkDiagnosis, emptyDiagnosisValues, headerValuesOf, type DiagnosisRecord } from '../../shared/domain/diagnosis.js';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { DEFAULT_RULE_SET_ID } from '../../shared/eligibility/builtin-rule-sets.js';
import { AppError } from '../../shared/rpc/result.js';
import { readAgencyProfile } from '../../db/repositories/agency-repository.js';
import {
  createDiagnosis,
  deleteDiagnosis,
  getDiagnosis,
  latestDiagnosisOf,
  listDiagnoses,
  updateDiagnosis,
} from '../../db/repositories/diagnosis-repository.js';
import { getIncubator } from '../../db/repositories/incubator-repository.js';
import { RowNotFound } from '../../db/errors.js';
import type { Executor } from '../../db/database.js';
import type { HandlersFor } from '../handler-types.js';
import type { Workbench } from '../workbench.js';
import { exportDiagnosisFile, toExportedFile } from './diagnosis-export-service.js';
import { isKnownRuleSet } from './rule-set-service.js';
import { reviseDiagnosis, signDiagnosis, signedStateOf, supersedingRevisionOf } from './diagnosis-signing-service.js';

function requireDiagnosis(db: Executor, id: string): DiagnosisRecord {
  const found = getDiagnosis(db, id);
  if (!found) throw new RowNotFound('diagnoses', id);
  return found;
}

function requireIncubator(db: Executor, id: string) {
  const found = getIncubator(db, id);
  if (!found) throw new RowNotFound('incubators', id);
  return found;
}

function requireRuleSet(db: Executor, id: string | undefined): void {
  if (id !== undefined && !isKnownRuleSet(db, id)) throw new AppError('validation', '找不到所选的认定规则集，请重新选择。', { field: 'ruleSetId' });
}

/** Today on this machine's calendar (not UTC: in Guangxi a morning diagnosis must not be dated yesterday). */
function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function viewOf(db: Executor, record: DiagnosisRecord): DiagnosisView {
  return {
    record,
    incubator: requireIncubator(db, record.incubatorId),
    agencyName: readAgencyProfile(db).name,
    signed: signedStateOf(db, record.id),
    supersededBy: supersedingRevisionOf(db, record),
  };
}

export function diagnosisHandlers(wb: Workbench): HandlersFor<typeof diagnosisContract> {
  const db = () => wb.database.db;
  return {
    'diagnoses.list': ({ incubatorId }) => listDiagnoses(db(), incubatorId),

    'diagnoses.get': ({ id }) => viewOf(db(), requireDiagnosis(db(), id)),

    'diagnoses.create': ({ incubatorId, ruleSetId, diagnosedOn }) => {
      const incubator = requireIncubator(db(), incubatorId);
      requireRuleSet(db(), ruleSetId);
      // A new diagnosis keeps the rule set of the incubator's previous one: agencies work to one set.
      const previous = latestDiagnosisOf(db(), incubatorId);
      return createDiagnosis(
        db(),
        wb.changeContext(),
        {
          incubatorId,
          diagnosedOn: diagnosedOn ?? localIsoDate(wb.now()),
          consultants: previous?.consultants ?? '',
          ruleSetId: ruleSetId ?? previous?.ruleSetId ?? DEFAULT_RULE_SET_ID,
          values: emptyDiagnosisValues(),
        },
        incubator.name,
      );
    },

    'diagnoses.saveDraft': ({ id, values, diagnosedOn, consultants, ruleSetId }) => {
      const record = requireDiagnosis(db(), id);
      if (signedStateOf(db(), id)) throw new AppError('locked', '该诊断意见表已签署，不能再修改。如需更正，请点击“修订（新版本）”。');
      if (record.status === 'completed') {
        throw new AppError('conflict', '该诊断意见表已完成。如需修改，请先点击“重新打开”。');
      }
      requireRuleSet(db(), ruleSetId);
      const incubator = requireIncubator(db(), record.incubatorId);
      // Drafts are never refused for their content: what is typed is kept (invalid numbers as text).
      const normalized = values ? checkDiagnosis({ ...record.values, ...values }, headerValuesOf(incubator)).normalized : undefined;
      return updateDiagnosis(
        db(),
        wb.changeContext(),
        id,
        {
          ...(normalized ? { values: normalized } : {}),
          ...(diagnosedOn !== undefined ? { diagnosedOn } : {}),
          ...(consultants !== undefined ? { consultants } : {}),
          ...(ruleSetId !== undefined ? { ruleSetId } : {}),
        },
        `修改「${incubator.name}」的诊断意见表`,
      );
    },

    'diagnoses.complete': ({ id }) => {
      const record = requireDiagnosis(db(), id);
      const incubator = requireIncubator(db(), record.incubatorId);
      const { issues } = checkDiagnosis(record.values, headerValuesOf(incubator));
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        const first = errors[0]!;
        const label = diagnosisDefinition.fields.find((f) => f.key === first.field)?.label ?? first.field;
        throw new AppError('validation', `还有 ${errors.length} 处需要修改，例如「${label}」：${first.message}`, { field: first.field, issues });
      }
      if (!record.diagnosedOn) throw new AppError('validation', '请填写诊断日期后再完成。', { field: 'diagnosedOn' });
      return updateDiagnosis(db(), wb.changeContext(), id, { status: 'completed' }, `完成「${incubator.name}」的诊断意见表`);
    },

    'diagnoses.reopen': ({ id }) => {
      const record = requireDiagnosis(db(), id);
      const incubator = requireIncubator(db(), record.incubatorId);
      return updateDiagnosis(db(), wb.changeContext(), id, { status: 'draft' }, `重新打开「${incubator.name}」的诊断意见表`);
    },

    'diagnoses.sign': ({ id }) => {
      signDiagnosis(db(), wb.changeContext(), id);
      return viewOf(db(), requireDiagnosis(db(), id));
    },

    'diagnoses.revise': ({ id, reason }) => reviseDiagnosis(db(), wb.changeContext(), id, reason),

    'diagnoses.delete': ({ id }) => {
      const record = requireDiagnosis(db(), id);
      const incubator = getIncubator(db(), record.incubatorId);
      return { auditId: deleteDiagnosis(db(), wb.changeContext(), id, `删除「${incubator?.name ?? ''}」的诊断意见表`) };
    },

    'diagnoses.export': async ({ id, format }) => toExportedFile(await exportDiagnosisFile(db(), requireDiagnosis(db(), id), format)),
  };
}
