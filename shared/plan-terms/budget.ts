// 「六、经费预算」: items and amounts in integer 分, a computed total, and a warning (not an error: the agency may
// fund part itself) when the budget exceeds the contract's 技术服务报酬.
import { formatFenWithSymbol } from '../money/format-money.js';
import { fieldError, fieldWarning, type FieldIssue } from '../validation/field-issue.js';

export interface BudgetLine {
  item: string;
  /** null while empty or unparsable (its own field says why). */
  amountFen: number | null;
}

export interface BudgetTotal {
  totalFen: number;
  /** False when a line has no valid amount: the total is then a lower bound, never shown as final. */
  complete: boolean;
}

export function budgetTotal(lines: readonly BudgetLine[]): BudgetTotal {
  let totalFen = 0;
  let complete = true;
  for (const line of lines) {
    if (line.amountFen === null) complete = false;
    else totalFen += line.amountFen;
  }
  return { totalFen, complete };
}

/** Field names: `budget[i].item`, and `budget` for the total compared with the fee. */
export function checkBudget(lines: readonly BudgetLine[], contractFeeFen: number | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    if (line.item.trim() === '') issues.push(fieldError(`budget[${i}].item`, `请填写第 ${i + 1} 行的预算项目名称`));
  });
  const { totalFen, complete } = budgetTotal(lines);
  if (contractFeeFen !== null && totalFen > contractFeeFen) {
    issues.push(
      fieldWarning(
        'budget',
        `经费预算合计${complete ? '' : '至少'} ${formatFenWithSymbol(totalFen)}，超出合同技术服务报酬 ${formatFenWithSymbol(contractFeeFen)}（多出 ${formatFenWithSymbol(totalFen - contractFeeFen)}）`,
      ),
    );
  }
  return issues;
}
