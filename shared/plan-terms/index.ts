export { formatDueMonth, formatTaskHeading, parseDueMonth, type DueMonthParse } from './due-month.js';
export { checkTaskOrder, type PlanPeriod, type TaskTiming } from './task-order.js';
export { budgetTotal, checkBudget, type BudgetLine, type BudgetTotal } from './budget.js';
export { cleanPastedText, splitLines } from './plan-text.js';
export {
  diffKeyedItems,
  diffPlanRevisions,
  diffTextLines,
  type ChangeStatus,
  type FieldChange,
  type InlineSpan,
  type ItemDiff,
  type KeyedItem,
  type LineRow,
  type PlanRevisionContent,
  type RevisionDiff,
  type RevisionSection,
  type SectionDiff,
} from './revision-diff.js';
export { checkTaskProgress, TASK_STATUSES, type TaskProgress } from './task-progress.js';
