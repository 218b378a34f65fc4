// The plan's own rules, between its fields and its lists (shared/plan-terms holds the rules themselves): tasks due
// in order, none before the plan starts (errors), none after the contract's end (a warning); the budget's total
// against the contract's fee (a warning). A task's progress (§5.2.5) is checked apart (plan-terms/task-progress.ts).
// Issues are named the module's way: `lists.<list>.<item id>.<field>` next to the item's field, `lists.budget` next
// to the total.
import type { CrossCheck } from '../document-definition.js';
import type { CheckedItem } from '../document-data.js';
import { checkBudget, checkTaskOrder } from '../../plan-terms/index.js';
import type { FieldIssue } from '../../validation/field-issue.js';

const stringOr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** `tasks[2].dueMonth` (plan-terms) → `lists.tasks.<id>.dueMonth`; `budget` → `lists.budget`. */
function toItemField(field: string, lists: Record<string, CheckedItem[]>): string {
  const m = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(field);
  if (m) {
    const item = lists[m[1]!]?.[Number(m[2])];
    return item ? `lists.${m[1]}.${item.id}.${m[3]}` : `lists.${m[1]}`;
  }
  return `lists.${field}`;
}

export const planCrossCheck: CrossCheck = ({ values, numbers, invalid, lists }) => {
  const tasks = lists.tasks ?? [];
  const budget = lists.budget ?? [];
  const issues: FieldIssue[] = [];
  const order = checkTaskOrder(
    tasks.map((t) => ({ dueMonth: t.invalid.has('dueMonth') ? null : stringOr(t.normalized.dueMonth) })),
    { planStart: invalid.has('planStart') ? null : stringOr(values.planStart), contractEnd: invalid.has('contractEnd') ? null : stringOr(values.contractEnd) },
  );
  issues.push(...order);
  // Item names are required by the list's own fields; only the comparison with the fee is the plan's.
  const fee = numbers.contractFee ?? null;
  issues.push(...checkBudget(budget.map((b) => ({ item: String(b.normalized.item ?? '') || '-', amountFen: b.numbers.amount ?? null })), fee));
  return issues.map((issue) => ({ ...issue, field: toItemField(issue.field, lists) }));
};
