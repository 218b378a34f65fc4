// No duplicate incubators (issue 8.3, docs/ui.md "Duplicates"): a 统一社会信用代码 identifies one legal entity,
// so a code already in the register — live or in the bin, from which it can still be restored — is refused;
// the same name with another code may be a different incubator (a branch, a renamed operator), so it is a
// warning the user confirms.
import type { IncubatorValues } from '../../shared/domain/incubator.js';
import { AppError, type RelatedRecord } from '../../shared/rpc/result.js';
import { fieldError, fieldWarning, type FieldIssue } from '../../shared/validation/field-issue.js';
import type { Executor } from '../../db/database.js';
import {
  findIncubatorWithCode,
  getIncubatorRow,
  listIncubatorIdentities,
  type IncubatorIdentity,
} from '../../db/repositories/incubator-repository.js';
import { binCutoff } from './undo-window.js';

const ENTITY = 'incubators';

/** Full-width forms, the ideographic space and other compatibility characters NFKC folds, or any whitespace. */
const NEEDS_FOLDING = /[\s\u3000\uff00-\uffef]/;

/** A name as a person reads it: full-width/half-width forms and spaces do not make a new name. */
function nameKey(name: string): string {
  // Most names have nothing to fold; NFKC over the whole register on every save would cost more than the query.
  return NEEDS_FOLDING.test(name) ? name.normalize('NFKC').replace(/\s+/g, '') : name;
}


function related(found: IncubatorIdentity): RelatedRecord {
  return { entity: ENTITY, id: found.id, label: found.name, deleted: found.deletedAt !== null };
}

function where(found: IncubatorIdentity): string {
  return found.deletedAt === null ? '' : '（已删除，可在“设置与备份 → 操作记录”中撤销删除）';
}

export interface DuplicateFinding {
  issue: FieldIssue;
  related: RelatedRecord;
}

/** The duplicate problems of `values` (already normalised) against the register, for the record `id` if it exists. */
export function findDuplicates(db: Executor, values: IncubatorValues, now: Date, id?: string): DuplicateFinding[] {
  const scope = { binSince: binCutoff(now), ...(id ? { exceptId: id } : {}) };
  const findings: DuplicateFinding[] = [];
  const code = values.creditCode;
  const sameCode = code === '' ? undefined : findIncubatorWithCode(db, code, scope);
  if (sameCode) {
    findings.push({
      issue: fieldError('creditCode', `该统一社会信用代码已登记为「${sameCode.name}」${where(sameCode)}，同一代码不能登记两个孵化器`),
      related: related(sameCode),
    });
  }
  const key = nameKey(values.name);
  const sameName = key === '' ? undefined : listIncubatorIdentities(db, scope).find((o) => o.id !== sameCode?.id && nameKey(o.name) === key);
  if (sameName) {
    findings.push({
      issue: fieldWarning('name', `已有同名孵化器「${sameName.name}」${where(sameName)}（信用代码 ${sameName.creditCode || '未填'}），请核实是否为另一家孵化器`),
      related: related(sameName),
    });
  }
  return findings;
}

/**
 * Throws the envelope for the first duplicate problem that blocks saving: a taken code always; the same name
 * unless the user confirmed the 'name' warning.
 */
export function assertNoDuplicates(db: Executor, values: IncubatorValues, now: Date, options: { id?: string; confirmed: readonly string[] }): void {
  const findings = findDuplicates(db, values, now, options.id);
  const taken = findings.find((f) => f.issue.severity === 'error');
  if (taken) {
    throw new AppError('validation', `「统一社会信用代码」${taken.issue.message}`, {
      field: 'creditCode',
      issues: [taken.issue],
      related: taken.related,
    });
  }
  const namesake = findings.find((f) => f.issue.severity === 'warning' && !options.confirmed.includes(f.issue.field));
  if (namesake) {
    throw new AppError('needs-confirmation', namesake.issue.message, {
      field: namesake.issue.field,
      issues: [namesake.issue],
      related: namesake.related,
    });
  }
}

/** Undoing a delete must not bring back a second incubator with a code registered since (or still in the bin). */
export function assertRestorable(db: Executor, id: string, now: Date): void {
  const row = getIncubatorRow(db, id, true);
  if (!row) return; // the restore itself reports the missing row
  const taken = findDuplicates(db, row, now, id).find((f) => f.issue.severity === 'error');
  if (taken) {
    throw new AppError('validation', `无法撤销删除「${row.name}」：${taken.issue.message}。请先修改或删除「${taken.related.label}」。`, {
      field: 'creditCode',
      issues: [taken.issue],
      related: taken.related,
    });
  }
}
