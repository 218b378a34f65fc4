// What a new contract starts with: 甲方 from the incubator record, 乙方 and its bank from the agency profile, and the
// facts §4.2.3.1 asks the agreement to name (the incubator's name, nature, operating time, area, facilities, team,
// incubatees, one dedicated contact) written into 第一条's service content from the record and its latest
// diagnosis. Everything stays editable; the copies of both records are kept with the contract (docs/documents.md).
import type { FieldValue } from '../field-definition.js';
import type { FieldValues } from '../field-engine.js';
import type { Prefill, PrefillSources } from '../document-definition.js';
import { addDays, addMonths } from '../../dates/date-math.js';
import { formatChineseDate } from '../../validation/dates.js';
import { formatGrouped } from '../format-values.js';

const str = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The §4.2.3.1 facts as sentences; a fact the records do not hold is left as a blank to complete. */
export function incubatorFacts(incubator: FieldValues, diagnosis: FieldValues | null): string {
  const d = diagnosis ?? {};
  const blank = '____';
  const area = num(d.totalArea);
  const staff = num(d.staffTotal);
  const service = num(d.serviceStaff);
  const mentors = num(d.mentors);
  const incubatees = num(d.incubatees);
  const facilities = d.hasFacilities === true ? str(d.facilitiesDetail) || '已配备' : d.hasFacilities === false ? '尚未配备完善' : blank;
  const since = str(incubator.operatingSince);
  const contact = str(incubator.contactName);
  return [
    `孵化器名称：${str(incubator.name) || blank}；`,
    `机构性质：${str(incubator.orgNature) || blank}；`,
    `运营时间：${since ? formatChineseDate(since) : blank}；`,
    `服务场地面积：可自主支配的孵化场地总面积 ${area === null ? blank : formatGrouped(area, 2)} 平方米；`,
    `公共服务设施配套：${facilities}；`,
    `服务团队：孵化器管理机构人员 ${staff ?? blank} 人，其中专业孵化服务人员 ${service ?? blank} 人，创业导师 ${mentors ?? blank} 人；`,
    `在孵企业：${incubatees ?? blank} 家；`,
    `专人对接：甲方安排 ${contact || blank} 作为专人对接本项目。`,
  ].join('\n');
}

const SERVICE_ITEMS = [
  '1. 对照 T/GXAS 453-2023 及认定条件开展培育诊断，形成诊断意见表；',
  '2. 制定培育方案，明确阶段性任务目标；',
  '3. 在运营管理、孵化服务、创业导师、投融资及知识产权等方面开展辅导；',
  '4. 跟踪培育效果，形成培育效果评价表。',
];

export function contractPrefill({ incubator, agency, diagnosis, today }: PrefillSources): Prefill {
  const name = str(incubator.name);
  const end = addDays(addMonths(today, 12), -1);
  return {
    values: {
      projectName: name ? `${name}培育服务` : '',
      partyAName: str(incubator.operator) || name,
      partyADomicile: str(incubator.registeredAddress),
      partyALegalRep: str(incubator.legalRep),
      partyAContact: str(incubator.contactName),
      partyAAddress: str(incubator.registeredAddress),
      partyAPhone: str(incubator.contactMobile),
      partyAContactPhone: str(incubator.contactMobile),
      partyBName: str(agency.name),
      partyBDomicile: str(agency.domicile),
      partyBLegalRep: str(agency.legalRep),
      partyBAddress: str(agency.address),
      partyBPhone: str(agency.phone),
      partyBFax: str(agency.fax),
      bankName: str(agency.bankName),
      bankAddress: str(agency.bankAddress),
      bankAccount: str(agency.bankAccount),
      serviceSubject: name ? `${name}培育` : '',
      serviceStart: today,
      serviceEnd: end,
      termYears: 1,
      serviceGoal: '协助甲方对照 T/GXAS 453-2023 及科技企业孵化器认定条件补齐短板，提升孵化服务能力。',
      serviceContent: [`甲方基本情况（据孵化器档案${diagnosis ? '及最近一次诊断意见表' : ''}）：`, incubatorFacts(incubator, diagnosis), '乙方服务内容：', ...SERVICE_ITEMS].join('\n'),
      serviceMethod: '现场调研、资料审查、座谈辅导与线上服务相结合。',
      paymentMode: '一次',
      answerDays: 15,
      interestRate: 0.05,
      copiesTotal: 4,
      copiesPartyA: 2,
      copiesPartyB: 2,
      disputeMethod: 2,
      secretPeriod: '三年',
    },
    lists: {
      materials: ['孵化器营业执照、场地产权证明或租赁合同', '在孵企业入驻协议及名录', '孵化服务人员及创业导师名册', '上一年度火炬统计数据及财务资料'].map((text) => ({ text })),
      workConditions: ['提供乙方人员现场工作的办公场所', '安排专人对接并协调相关部门'].map((text) => ({ text })),
      contactDuties: ['负责双方日常联络与协调', '负责资料的收集、交接与确认', '负责服务进度的跟踪与反馈'].map((text) => ({ text })),
      terminationCases: [{ text: '一方严重违约，致使合同目的无法实现' }],
    },
  };
}
