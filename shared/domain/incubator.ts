import { z } from 'zod';
import type { FieldDefinition } from '../forms/field-definition.js';
import { checkUscc, describeUsccProblem } from '../validation/uscc.js';
import { checkMobile } from '../validation/phone.js';
import { isIsoDate } from '../validation/dates.js';
import { type FieldIssue, fieldError, fieldWarning } from '../validation/field-issue.js';

export const ORG_NATURES = ['事业单位', '国有企业', '民营企业', '其他'] as const;
export const INCUBATOR_TYPES = ['专业型', '综合型'] as const;

/** The common header of Appendix A and D (forms.md), stored once per incubator. */
export const incubatorHeaderFields = [
  { key: 'name', label: '孵化器名称', type: 'text', required: true, maxLength: 100 },
  { key: 'operator', label: '运营机构', type: 'text', required: true, maxLength: 100 },
  { key: 'creditCode', label: '统一社会信用代码', type: 'uscc', required: true, placeholder: '18 位，如 91450100MA5KXXXXXX' },
  { key: 'registeredOn', label: '注册时间', type: 'date' },
  { key: 'operatingSince', label: '运营时间', type: 'date' },
  { key: 'legalRep', label: '法人代表', type: 'text', maxLength: 50 },
  { key: 'registeredCapital', label: '注册资金（万元）', type: 'number', decimals: 2, unit: '万元' },
  { key: 'registeredAddress', label: '注册地址', type: 'text', maxLength: 200 },
  { key: 'orgNature', label: '机构性质', type: 'choice', options: ORG_NATURES },
  { key: 'incubatorType', label: '孵化器类型', type: 'choice', options: INCUBATOR_TYPES },
  { key: 'industry', label: '所属产业领域（专业孵化器必填）', type: 'text', maxLength: 100 },
  { key: 'reportedTorchStats', label: '是否报送上一年度火炬统计数据', type: 'yesno' },
  { key: 'contactName', label: '联系人', type: 'text', maxLength: 50 },
  { key: 'contactMobile', label: '手机', type: 'mobile' },
] as const satisfies readonly FieldDefinition[];

export type IncubatorField = (typeof incubatorHeaderFields)[number]['key'];

const optionalText = z.string().max(2000).default('');
const optionalDate = z.string().nullable().default(null);

export const incubatorValuesSchema = z.object({
  name: optionalText,
  operator: optionalText,
  creditCode: optionalText,
  registeredOn: optionalDate,
  operatingSince: optionalDate,
  legalRep: optionalText,
  registeredCapital: z.number().nullable().default(null),
  registeredAddress: optionalText,
  orgNature: z.enum(ORG_NATURES).nullable().default(null),
  incubatorType: z.enum(INCUBATOR_TYPES).nullable().default(null),
  industry: optionalText,
  reportedTorchStats: z.boolean().nullable().default(null),
  contactName: optionalText,
  contactMobile: optionalText,
});
export type IncubatorValues = z.infer<typeof incubatorValuesSchema>;

export const incubatorRecordSchema = incubatorValuesSchema.extend({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncubatorRecord = z.infer<typeof incubatorRecordSchema>;

export function emptyIncubatorValues(): IncubatorValues {
  return incubatorValuesSchema.parse({});
}

export function incubatorLabel(field: IncubatorField): string {
  return incubatorHeaderFields.find((f) => f.key === field)?.label ?? field;
}

export interface IncubatorCheck {
  /** Values as they will be stored: trimmed, upper-cased code, bare 11-digit mobile. */
  normalized: IncubatorValues;
  issues: FieldIssue[];
}

/** Every rule of the common header (forms.md, rules.md). Pure: the form calls it live, the service before saving. */
export function checkIncubator(values: IncubatorValues): IncubatorCheck {
  const issues: FieldIssue[] = [];
  const n: IncubatorValues = {
    ...values,
    name: values.name.trim(),
    operator: values.operator.trim(),
    legalRep: values.legalRep.trim(),
    registeredAddress: values.registeredAddress.trim(),
    industry: values.industry.trim(),
    contactName: values.contactName.trim(),
  };

  if (!n.name) issues.push(fieldError('name', '请填写孵化器名称'));
  if (!n.operator) issues.push(fieldError('operator', '请填写运营机构'));

  const uscc = checkUscc(values.creditCode);
  n.creditCode = uscc.normalized;
  if (uscc.error) issues.push(fieldError('creditCode', describeUsccProblem(uscc.error)));
  for (const w of uscc.warnings) issues.push(fieldWarning('creditCode', describeUsccProblem(w)));

  for (const key of ['registeredOn', 'operatingSince'] as const) {
    const v = n[key];
    if (v !== null && v !== '' && !isIsoDate(v)) issues.push(fieldError(key, '日期格式应为 YYYY-MM-DD'));
    if (v === '') n[key] = null;
  }
  if (n.registeredOn && n.operatingSince && isIsoDate(n.registeredOn) && isIsoDate(n.operatingSince)) {
    if (n.operatingSince < n.registeredOn) issues.push(fieldError('operatingSince', '运营时间不能早于注册时间'));
  }

  if (n.registeredCapital !== null) {
    if (!Number.isFinite(n.registeredCapital)) issues.push(fieldError('registeredCapital', '请填写数字'));
    else if (n.registeredCapital < 0) issues.push(fieldError('registeredCapital', '注册资金不能为负数'));
    else if (n.registeredCapital > 1e10) issues.push(fieldError('registeredCapital', '数值过大，请核对单位（万元）'));
    else n.registeredCapital = Math.round(n.registeredCapital * 100) / 100;
  }

  if (n.incubatorType === '专业型' && !n.industry) {
    issues.push(fieldError('industry', '专业型孵化器必须填写所属产业领域'));
  }

  if (values.contactMobile.trim() !== '') {
    const mobile = checkMobile(values.contactMobile);
    if (mobile.ok) n.contactMobile = mobile.normalized;
    else issues.push(fieldError('contactMobile', mobile.message));
  } else {
    n.contactMobile = '';
  }

  return { normalized: n, issues };
}
