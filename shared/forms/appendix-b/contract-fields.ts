// The fields of 表B.1 科技企业孵化器培育技术服务合同 (T/GXAS 453-2023 附录B): every blank of the reference text, in its
// order. Labels are the reference's own words; where two blanks share a word (甲方 and 乙方 both have 「住所地」) the
// label names the party, and `printedLabel` keeps the reference's word for the printed contract.
import type { FieldDefinition } from '../field-definition.js';

const LONG = { type: 'longtext', maxLength: 20_000 } as const;
const LINE = { type: 'text', maxLength: 200 } as const;
const NAME = { type: 'text', maxLength: 100 } as const;
const COPIES = { type: 'integer', min: 1, max: 20, unit: '份' } as const;

export const PAYMENT_MODES = ['一次', '分期'] as const;

function partyFields<P extends 'partyA' | 'partyB'>(p: P, side: '甲方' | '乙方') {
  return [
    { key: `${p}Domicile`, label: `${side}住所地`, printedLabel: '住所地', ...LINE },
    { key: `${p}LegalRep`, label: `${side}法定代表人`, printedLabel: '法定代表人', type: 'text', maxLength: 50 },
    { key: `${p}Contact`, label: `${side}项目联系人`, printedLabel: '项目联系人', type: 'text', maxLength: 50 },
    { key: `${p}Address`, label: `${side}通讯地址`, printedLabel: '通讯地址', ...LINE },
    { key: `${p}Phone`, label: `${side}联系电话`, printedLabel: '联系电话', type: 'telephone' },
    { key: `${p}Fax`, label: `${side}传真`, printedLabel: '传真', type: 'telephone' },
  ] as const satisfies readonly FieldDefinition[];
}

export const contractFields = [
  // Cover
  { key: 'contractNo', label: '合同编号', type: 'text', maxLength: 40 },
  { key: 'projectName', label: '项目名称', ...NAME, required: true },
  { key: 'partyAName', label: '委托方（甲方）', ...NAME, required: true },
  { key: 'partyBName', label: '受托方（乙方）', ...NAME, required: true },
  { key: 'signPlace', label: '签订地点', ...NAME },
  { key: 'signedOn', label: '签订日期', type: 'date' },
  { key: 'serviceStart', label: '服务期限开始日期', type: 'date', required: true },
  { key: 'serviceEnd', label: '服务期限截止日期', type: 'date', required: true, notBefore: 'serviceStart' },
  ...partyFields('partyA', '甲方'),
  ...partyFields('partyB', '乙方'),
  // Preamble
  { key: 'serviceSubject', label: '专项技术服务事项', ...LINE, required: true },
  // 第一条
  { key: 'serviceGoal', label: '服务目标', printedLabel: '1. 服务目标', ...LONG },
  { key: 'serviceContent', label: '服务内容', printedLabel: '2. 服务内容', ...LONG },
  { key: 'serviceMethod', label: '服务方式', printedLabel: '3. 服务方式', ...LONG },
  // 第二条 (1. 服务期限 prints serviceStart/serviceEnd)
  { key: 'progressRequirement', label: '服务进度要求', printedLabel: '2. 服务进度要求', ...LONG },
  { key: 'qualityRequirement', label: '服务质量要求', printedLabel: '3. 服务质量要求', ...LONG },
  { key: 'processRequirement', label: '服务过程要求', printedLabel: '4. 服务过程要求', ...LONG },
  { key: 'acceptance', label: '验收的形式和标准', printedLabel: '5. 验收的形式和标准', ...LONG },
  // 第三条 (lists: materials, workConditions)
  { key: 'otherSupport', label: '其他', printedLabel: '3. 其他', ...LONG },
  // 第四条
  { key: 'fee', label: '技术服务报酬', type: 'money', required: true },
  { key: 'paymentMode', label: '支付方式（一次/分期）', type: 'choice', options: PAYMENT_MODES, required: true },
  { key: 'paymentDetail', label: '具体支付方式和时间', ...LONG },
  { key: 'bankName', label: '开户银行', ...NAME },
  { key: 'bankAddress', label: '开户银行地址', ...LINE },
  { key: 'bankAccount', label: '账号', type: 'bankAccount' },
  // 第五条
  { key: 'secretContent', label: '保密内容（含技术信息和经营信息）', printedLabel: '1. 保密内容（含技术信息和经营信息）', ...LONG },
  { key: 'secretPersons', label: '涉密人员范围', ...LINE },
  { key: 'secretPeriod', label: '保密期限', ...LINE },
  { key: 'leakLiability', label: '泄密责任', printedLabel: '4. 泄密责任', ...LONG },
  // 第六条
  { key: 'answerDays', label: '变更请求答复期限（日）', type: 'integer', min: 1, max: 365, unit: '日' },
  // 第七条
  { key: 'interestRate', label: '逾期利息日利率（%）', type: 'number', decimals: 4, min: 0, max: 100, unit: '%' },
  { key: 'penalty', label: '违约金', type: 'money' },
  // 第八条
  { key: 'partyAContactPhone', label: '甲方项目联系人联系电话', type: 'telephone' },
  { key: 'partyBContactPhone', label: '乙方项目联系人联系电话', type: 'telephone' },
  // 第十条
  { key: 'disputeMethod', label: '争议处理方式（第几种）', type: 'integer', min: 1, max: 2 },
  { key: 'arbitrationBody', label: '仲裁委员会', ...NAME },
  // 第十一条
  { key: 'otherMatters', label: '其他有关事项', ...LONG },
  // 第十二条
  { key: 'termYears', label: '合同期限（年）', type: 'integer', min: 1, max: 50, unit: '年' },
  // 第十三条
  { key: 'copiesTotal', label: '一式份数', ...COPIES },
  { key: 'copiesPartyA', label: '甲方执份数', ...COPIES },
  { key: 'copiesPartyB', label: '乙方执份数', ...COPIES },
] as const satisfies readonly FieldDefinition[];

export type ContractFieldKey = (typeof contractFields)[number]['key'];
