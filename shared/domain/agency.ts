// The service agency's own profile (§4.2, and the 乙方 of the contract, Appendix B): one field list drives the
// schema, the rules and the form, as the incubator header does. The contract prefills 乙方 from these fields.
import { z } from 'zod';
import type { FieldDefinition } from '../forms/field-definition.js';
import { checkFields } from '../forms/field-engine.js';
import { typedValues, valuesSchemaOf } from '../forms/values-schema.js';
import { type FieldIssue, fieldError } from '../validation/field-issue.js';
import { DEFAULT_CONTRACT_NUMBER_PATTERN, parseContractNumberPattern } from '../contract-terms/contract-number-pattern.js';

export const agencyProfileFields = [
  { key: 'name', label: '服务机构名称', type: 'text', required: true, maxLength: 100 },
  { key: 'creditCode', label: '统一社会信用代码', type: 'uscc', placeholder: '18 位' },
  { key: 'legalRep', label: '法定代表人', type: 'text', maxLength: 50 },
  { key: 'domicile', label: '住所地', type: 'text', maxLength: 200 },
  { key: 'address', label: '通讯地址', type: 'text', maxLength: 200 },
  { key: 'phone', label: '联系电话', type: 'telephone', placeholder: '如 0771-1234567' },
  { key: 'fax', label: '传真', type: 'telephone', placeholder: '如 0771-1234568' },
  { key: 'bankName', label: '开户银行', type: 'text', maxLength: 100 },
  { key: 'bankAddress', label: '开户银行地址', type: 'text', maxLength: 200 },
  { key: 'bankAccount', label: '账号', type: 'text', maxLength: 40 },
  // Empty means the default; the device code is always kept in issued numbers (docs/contract-numbers.md).
  {
    key: 'contractNoPattern',
    label: '合同编号规则',
    type: 'text',
    maxLength: 40,
    placeholder: DEFAULT_CONTRACT_NUMBER_PATTERN,
    hint: '可用占位符：{yyyy} {yy} {mm} {seq:N} {device}；留空即默认规则。规则中没有 {device} 时，本机代码自动加在流水号前',
  },
] as const satisfies readonly FieldDefinition[];

export type AgencyField = (typeof agencyProfileFields)[number]['key'];

export const staffMemberSchema = z.object({
  id: z.string().optional(),
  name: z.string().max(50).default(''),
  title: z.string().max(50).default(''),
  /** Counts toward §4.2's "service staff". */
  isServiceStaff: z.boolean().default(true),
  /** Years of incubator operation or management work. */
  incubatorYears: z.number().min(0).max(80).nullable().default(null),
  phone: z.string().max(40).default(''),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const agencyValuesSchema = valuesSchemaOf(agencyProfileFields);
export type AgencyValues = z.infer<typeof agencyValuesSchema>;

export const agencyProfileSchema = agencyValuesSchema.extend({
  staff: z.array(staffMemberSchema).max(500).default([]),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

/** §4.2: at least 3 service staff, at least one with 2+ years of incubator operation work. */
export interface AgencyQualification {
  serviceStaffCount: number;
  experiencedCount: number;
  meetsStaffCount: boolean;
  meetsExperience: boolean;
  met: boolean;
  summary: string;
}

export const MIN_SERVICE_STAFF = 3;
export const MIN_EXPERIENCE_YEARS = 2;

export function checkAgencyQualification(profile: AgencyProfile): AgencyQualification {
  const service = profile.staff.filter((s) => s.isServiceStaff && s.name.trim() !== '');
  // 「2 年以上」 includes exactly 2 years (以上 includes the number).
  const experienced = service.filter((s) => (s.incubatorYears ?? 0) >= MIN_EXPERIENCE_YEARS);
  const meetsStaffCount = service.length >= MIN_SERVICE_STAFF;
  const meetsExperience = experienced.length >= 1;
  const gaps: string[] = [];
  if (!meetsStaffCount) gaps.push(`服务人员还差 ${MIN_SERVICE_STAFF - service.length} 人`);
  if (!meetsExperience) gaps.push('尚无从事孵化器运营工作 2 年以上的人员');
  return {
    serviceStaffCount: service.length,
    experiencedCount: experienced.length,
    meetsStaffCount,
    meetsExperience,
    met: meetsStaffCount && meetsExperience,
    summary: gaps.length === 0 ? '符合 §4.2 人员要求' : `不符合 §4.2 人员要求：${gaps.join('；')}`,
  };
}

export interface AgencyCheck {
  normalized: AgencyValues;
  issues: FieldIssue[];
}

/** The profile's field rules (the same engine as the incubator header) and the staff rows' names. */
export function checkAgencyProfile(profile: AgencyProfile): AgencyCheck {
  const { staff: _staff, ...values } = profile;
  const r = checkFields(agencyProfileFields, values);
  const issues = [...r.issues];
  const pattern = (profile.contractNoPattern ?? '').trim();
  if (pattern !== '') {
    const parsed = parseContractNumberPattern(pattern);
    if (!parsed.ok) issues.push(fieldError('contractNoPattern', parsed.message));
  }
  profile.staff.forEach((s, i) => {
    if (!s.name.trim()) issues.push(fieldError(`staff.${i}.name`, '请填写姓名，或删除这一行'));
  });
  return { normalized: typedValues(agencyProfileFields, r.normalized), issues };
}
