// 第四条 分期: the instalments must add up to the 技术服务报酬 to the 分, and the message says by how much they do not.
import { formatFenWithSymbol } from '../money/format-money.js';
import { fieldError, type FieldIssue } from '../validation/field-issue.js';

export interface InstalmentInput {
  /** null while the amount is empty or could not be parsed (its own field shows why). */
  amountFen: number | null;
  dueDate: string | null;
  /** A milestone instead of a date, e.g. 「验收合格后 10 日内」. */
  milestone: string;
}

/** Field names of the issues: `instalments` (the whole schedule), `instalments[i].amount`, `instalments[i].due`. */
export function checkInstalments(feeFen: number | null, instalments: readonly InstalmentInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (instalments.length < 2) issues.push(fieldError('instalments', '分期付款至少应有两期；一次付清请选择「一次」'));
  instalments.forEach((inst, i) => {
    if (inst.amountFen !== null && inst.amountFen <= 0) issues.push(fieldError(`instalments[${i}].amount`, `第 ${i + 1} 期金额应大于 0`));
    if (!inst.dueDate && inst.milestone.trim() === '') issues.push(fieldError(`instalments[${i}].due`, `请填写第 ${i + 1} 期的支付日期或支付节点（如「验收合格后 10 日内」）`));
  });
  const amounts = instalments.map((x) => x.amountFen);
  if (feeFen === null || amounts.some((a) => a === null)) return issues;
  const total = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const gap = feeFen - total;
  if (gap > 0) {
    issues.push(fieldError('instalments', `分期金额合计 ${formatFenWithSymbol(total)}，还差 ${formatFenWithSymbol(gap)} 才等于技术服务报酬 ${formatFenWithSymbol(feeFen)}`));
  } else if (gap < 0) {
    issues.push(fieldError('instalments', `分期金额合计 ${formatFenWithSymbol(total)}，比技术服务报酬 ${formatFenWithSymbol(feeFen)} 多出 ${formatFenWithSymbol(-gap)}`));
  }
  return issues;
}
