import { z } from 'zod';
import { type FieldIssue, fieldError } from '../validation/field-issue.js';
import { checkTelephone } from '../validation/phone.js';

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

export const agencyProfileSchema = z.object({
  name: z.string().max(100).default(''),
  address: z.string().max(200).default(''),
  phone: z.string().max(40).default(''),
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

export function checkAgencyProfile(profile: AgencyProfile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!profile.name.trim()) issues.push(fieldError('name', '请填写服务机构名称'));
  if (profile.phone.trim() && !checkTelephone(profile.phone).ok) {
    issues.push(fieldError('phone', '请填写固定电话（如 0771-1234567）、400/800 电话或手机号码'));
  }
  profile.staff.forEach((s, i) => {
    if (!s.name.trim()) issues.push(fieldError(`staff.${i}.name`, '请填写姓名，或删除这一行'));
  });
  return issues;
}
