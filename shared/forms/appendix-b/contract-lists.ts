// The numbered lists of 表B.1 (第三条, 第四条 分期, 第六条, 第八条, 第九条): each item a row of its own with an id and an
// order key (sync.md §1), added, removed and reordered in the editor, printed as the reference numbers them.
import type { ListDefinition } from '../document-definition.js';

const ITEM = [{ key: 'text', label: '内容', type: 'text', maxLength: 500 }] as const;

/** A numbered list of one line of text per item, printed as the reference numbers it. */
function textList(key: string, label: string, itemLabel: string, print: Pick<ListDefinition, 'printedLabel' | 'numbering' | 'blankItems' | 'startAt'>): ListDefinition {
  return { key, label, itemLabel, maxItems: 30, fields: ITEM, itemText: '{text}', ...print };
}

export const materialsList = textList('materials', '提供资料', '资料', { printedLabel: '1. 提供资料', numbering: 'parenthesized', blankItems: 4 });
export const workConditionsList = textList('workConditions', '提供的工作条件', '工作条件', { printedLabel: '2. 提供的工作条件', numbering: 'parenthesized', blankItems: 4 });
export const changeCircumstancesList = textList('changeCircumstances', '可以请求变更的情形', '情形', { printedLabel: '', numbering: 'dotted', blankItems: 2 });
export const contactDutiesList = textList('contactDuties', '项目联系人承担的任务或责任', '任务', { printedLabel: '', numbering: 'dotted', blankItems: 3 });
/** 第九条: 1 is 「发生不可抗力」, printed by the article; the agreed circumstances follow from 2. */
export const terminationCasesList = textList('terminationCases', '可以解除合同的其他情形', '情形', { printedLabel: '', numbering: 'dotted', startAt: 2, blankItems: 2 });

/** 第四条 分期: each instalment paid on a date or at a milestone; together they make the fee (contract-checks.ts). */
export const instalmentsList: ListDefinition = {
  key: 'instalments',
  label: '分期支付',
  printedLabel: '分期支付安排',
  itemLabel: '一期',
  numbering: 'parenthesized',
  maxItems: 24,
  blankItems: 0,
  fields: [
    { key: 'dueDate', label: '支付日期', type: 'date' },
    { key: 'milestone', label: '或支付节点', type: 'text', maxLength: 100, placeholder: '如 验收合格后 10 日内' },
    { key: 'amount', label: '金额', type: 'money', required: true },
    { key: 'paidOn', label: '实际收款日期', type: 'date' },
  ],
  itemText: '支付日期：{dueDate}，支付节点：{milestone}，金额：人民币{amount|capital}（¥{amount}元）；实际收款日期：{paidOn}。',
  total: { field: 'amount', label: '合计' },
};

export const contractLists = [materialsList, workConditionsList, instalmentsList, changeCircumstancesList, contactDutiesList, terminationCasesList];
