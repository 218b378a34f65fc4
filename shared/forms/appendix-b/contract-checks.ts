// The rules of 表B.1 between fields and lists (the definition's crossChecks), from shared/contract-terms: 分期 adds
// up to the fee to the 分 (the message says by how much), 一式__份 = 甲方执 + 乙方执.
import { checkCopies, checkInstalments } from '../../contract-terms/index.js';
import type { CrossCheck } from '../document-definition.js';
import type { FieldIssue } from '../../validation/field-issue.js';

/** contract-terms names an instalment `instalments[i].amount`; the form names it by the item's id. */
function itemField(field: string, ids: readonly string[]): string {
  const m = /^instalments\[(\d+)\]\.(amount|due)$/.exec(field);
  if (!m) return field === 'instalments' ? 'lists.instalments' : field;
  return `lists.instalments.${ids[Number(m[1])] ?? ''}.${m[2] === 'due' ? 'dueDate' : 'amount'}`;
}

export const instalmentsAddUp: CrossCheck = ({ values, numbers, invalid, lists }) => {
  if (values.paymentMode !== '分期') return [];
  const items = lists.instalments ?? [];
  const ids = items.map((i) => i.id);
  const fee = invalid.has('fee') ? null : (numbers.fee ?? null);
  const input = items.map((i) => ({
    amountFen: i.invalid.has('amount') ? null : (i.numbers.amount ?? null),
    dueDate: typeof i.normalized.dueDate === 'string' && !i.invalid.has('dueDate') ? i.normalized.dueDate : null,
    milestone: typeof i.normalized.milestone === 'string' ? i.normalized.milestone : '',
  }));
  return checkInstalments(fee, input).map((issue): FieldIssue => ({ ...issue, field: itemField(issue.field, ids) }));
};

/** Only once all three are typed: a blank is left to complete by hand on the printed copy. */
export const copiesAddUp: CrossCheck = ({ numbers, invalid }) => {
  const keys = ['copiesTotal', 'copiesPartyA', 'copiesPartyB'] as const;
  if (keys.some((k) => invalid.has(k) || (numbers[k] ?? null) === null)) return [];
  return checkCopies({ total: numbers.copiesTotal ?? null, partyA: numbers.copiesPartyA ?? null, partyB: numbers.copiesPartyB ?? null });
};
