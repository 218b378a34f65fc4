import { describe, expect, it } from 'vitest';
import { agencyProfileSchema, checkAgencyProfile, checkAgencyQualification, type StaffMember } from './agency.js';

function staff(name: string, years: number | null, isServiceStaff = true): StaffMember {
  return { name, title: '', isServiceStaff, incubatorYears: years, phone: '' };
}

function profile(members: StaffMember[]) {
  return agencyProfileSchema.parse({ name: '广西某服务机构', staff: members });
}

describe('§4.2 agency qualification', () => {
  it('3 service staff with one of ≥ 2 years meets it', () => {
    const q = checkAgencyQualification(profile([staff('甲', 2), staff('乙', 0), staff('丙', null)]));
    expect(q).toMatchObject({ serviceStaffCount: 3, experiencedCount: 1, meetsStaffCount: true, meetsExperience: true, met: true });
    expect(q.summary).toBe('符合 §4.2 人员要求');
  });

  it('2 service staff is one short', () => {
    const q = checkAgencyQualification(profile([staff('甲', 5), staff('乙', 1)]));
    expect(q.met).toBe(false);
    expect(q.meetsStaffCount).toBe(false);
    expect(q.summary).toContain('服务人员还差 1 人');
  });

  it('non-service staff and unnamed rows do not count', () => {
    const q = checkAgencyQualification(profile([staff('甲', 5), staff('乙', 1), staff('行政', 9, false), staff('  ', 9)]));
    expect(q.serviceStaffCount).toBe(2);
    expect(q.met).toBe(false);
  });

  it('nobody with 2 years: 1.9 years is not enough', () => {
    const q = checkAgencyQualification(profile([staff('甲', 1.9), staff('乙', 1), staff('丙', null)]));
    expect(q.meetsStaffCount).toBe(true);
    expect(q.meetsExperience).toBe(false);
    expect(q.summary).toContain('尚无从事孵化器运营工作 2 年以上的人员');
  });

  it('an empty agency lists both gaps', () => {
    const q = checkAgencyQualification(profile([]));
    expect(q.summary).toBe('不符合 §4.2 人员要求：服务人员还差 3 人；尚无从事孵化器运营工作 2 年以上的人员');
  });
});

describe('checkAgencyProfile', () => {
  it('requires a name, a valid phone if given, and a name on each staff row', () => {
    const { issues } = checkAgencyProfile(agencyProfileSchema.parse({ name: '', phone: '12345', staff: [staff('', 1)] }));
    expect(issues.map((i) => i.field)).toEqual(['phone', 'name', 'staff.0.name']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('accepts a landline, a 400 number and a mobile for 联系电话/传真, and stores them normalised', () => {
    const r = checkAgencyProfile(agencyProfileSchema.parse({ name: '甲', phone: '0771 5551234', fax: '400 123 4567' }));
    expect(r.issues).toEqual([]);
    expect(r.normalized).toMatchObject({ phone: '0771-5551234', fax: '400-123-4567' });
    expect(checkAgencyProfile(agencyProfileSchema.parse({ name: '甲', fax: '+86 139-7710-0001' })).normalized.fax).toBe('13977100001');
  });

  it('the contract fields: a bad 传真 is an error on it; a code outside Guangxi is a warning, not an error', () => {
    const r = checkAgencyProfile(agencyProfileSchema.parse({ name: '甲', fax: '5551234', creditCode: '91310115591693856A', bankAccount: '6222 0200 1234 5678' }));
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual(['fax']);
    expect(r.issues.find((i) => i.field === 'creditCode')?.severity).toBe('warning');
    expect(r.normalized.bankAccount).toBe('6222 0200 1234 5678'); // kept as typed
  });
});
