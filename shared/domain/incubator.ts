// The incubator's common header (Appendix A and D share it), stored once per incubator and copied into
// each document when it is completed. One field list drives the zod schema, the rules, the form, the table
// mapping and the printed cells (docs/documents.md §Fields).
import { z } from 'zod';
import type { FieldDefinition } from '../forms/field-definition.js';
import { checkFields } from '../forms/field-engine.js';
import { labelIn, typedValues, valuesSchemaOf } from '../forms/values-schema.js';
import type { FieldIssue } from '../validation/field-issue.js';

export const ORG_NATURES = ['事业单位', '国有企业', '民营企业', '其他'] as const;
export const INCUBATOR_TYPES = ['专业型', '综合型'] as const;

export const incubatorHeaderFields = [
  { key: 'name', label: '孵化器名称', type: 'text', required: true, maxLength: 100 },
  { key: 'operator', label: '运营机构', type: 'text', required: true, maxLength: 100 },
  { key: 'creditCode', label: '统一社会信用代码', type: 'uscc', required: true, placeholder: '18 位，如 91450100MA5KXXXXXX' },
  { key: 'registeredOn', label: '注册时间', type: 'date' },
  { key: 'operatingSince', label: '运营时间', type: 'date', notBefore: 'registeredOn' },
  { key: 'legalRep', label: '法人代表', type: 'text', maxLength: 50 },
  { key: 'registeredCapital', label: '注册资金（万元）', type: 'number', decimals: 2, unit: '万元', min: 0, max: 10_000_000_000 },
  { key: 'registeredAddress', label: '注册地址', type: 'text', maxLength: 200 },
  { key: 'orgNature', label: '机构性质', type: 'choice', options: ORG_NATURES },
  { key: 'incubatorType', label: '孵化器类型', type: 'choice', options: INCUBATOR_TYPES },
  {
    key: 'industry',
    label: '所属产业领域（专业孵化器必填）',
    type: 'text',
    maxLength: 100,
    requiredWhen: { source: 'values', key: 'incubatorType', equals: '专业型', message: '专业型孵化器必须填写所属产业领域' },
  },
  { key: 'reportedTorchStats', label: '是否报送上一年度火炬统计数据', type: 'yesno' },
  { key: 'contactName', label: '联系人', type: 'text', maxLength: 50 },
  { key: 'contactMobile', label: '手机', type: 'mobile' },
] as const satisfies readonly FieldDefinition[];

export type IncubatorField = (typeof incubatorHeaderFields)[number]['key'];

export const incubatorValuesSchema = valuesSchemaOf(incubatorHeaderFields);
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
  return labelIn(incubatorHeaderFields, field);
}

export interface IncubatorCheck {
  /** Values as they will be stored: trimmed, upper-cased code, bare 11-digit mobile. */
  normalized: IncubatorValues;
  issues: FieldIssue[];
}

/** Every rule of the common header (docs/domain-rules.md). Pure: the form calls it live, the service before saving. */
export function checkIncubator(values: IncubatorValues): IncubatorCheck {
  const r = checkFields(incubatorHeaderFields, values);
  return { normalized: typedValues(incubatorHeaderFields, r.normalized), issues: r.issues };
}
