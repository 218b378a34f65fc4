// 第十三条 「本合同一式__份，甲方执__份，乙方执__份」: whole copies, and the two shares add up to the total.
import { fieldError, type FieldIssue } from '../validation/field-issue.js';

export interface CopiesInput {
  total: number | null;
  partyA: number | null;
  partyB: number | null;
}

const LABELS = { total: '一式份数', partyA: '甲方执份数', partyB: '乙方执份数' } as const;

/** Field names: `copiesTotal`, `copiesPartyA`, `copiesPartyB`; the sum mismatch is placed on `copiesTotal`. */
export function checkCopies(input: CopiesInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const key of ['total', 'partyA', 'partyB'] as const) {
    const v = input[key];
    const field = `copies${key[0]!.toUpperCase()}${key.slice(1)}`;
    if (v === null) issues.push(fieldError(field, `请填写${LABELS[key]}`));
    else if (!Number.isInteger(v) || v < 1) issues.push(fieldError(field, `${LABELS[key]}应为不小于 1 的整数`));
  }
  const { total, partyA, partyB } = input;
  if (issues.length > 0 || total === null || partyA === null || partyB === null) return issues;
  if (partyA + partyB !== total) {
    issues.push(fieldError('copiesTotal', `一式 ${total} 份应等于甲方执 ${partyA} 份与乙方执 ${partyB} 份之和（${partyA + partyB} 份）`));
  }
  return issues;
}
