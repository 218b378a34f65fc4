// Sample diagnoses for the layout tests and benchmarks (not shipped data).
import { buildDiagnosisModel } from '../../../shared/domain/diagnosis-model.js';
import type { DiagnosisDocumentModel } from '../../../shared/domain/diagnosis.js';
import { TGXAS_453_RULE_SET } from '../../../shared/eligibility/builtin-rule-sets.js';
import { ruleSetSchema } from '../../../shared/eligibility/rule-set-schema.js';

export const SAMPLE_HEADER = {
  name: '南宁邕江科技企业孵化器',
  operator: '南宁邕江创新创业服务有限公司',
  creditCode: '91450107MA5KA3RN4L',
  registeredOn: '2018-03-15',
  operatingSince: '2018-09-01',
  legalRep: '黄志强',
  registeredCapital: 1000,
  registeredAddress: '广西南宁市西乡塘区科园大道 68 号',
  orgNature: '民营企业',
  incubatorType: '综合型',
  industry: '',
  reportedTorchStats: true,
  contactName: '韦丽娟',
  contactMobile: '13977100001',
};

export const NASTY_TEXT = `含“中文引号”、'单引号'、"双引号"、emoji 😀🚀、<w:t>标签</w:t> & </w:p><w:p> 以及 ]]> 和 \u0001 控制字符`;

export const SAMPLE_VALUES: Record<string, unknown> = {
  totalArea: 8200.5,
  incubateeArea: 5100,
  publicServiceArea: 900.5,
  selfUseArea: 1200,
  otherArea: 1000,
  siteAdvice: '场地集中，在孵企业使用面积占比较高。\n建议进一步压缩自用面积。',
  incubatees: 32,
  registeredSmes: 18,
  incubateeAdvice: NASTY_TEXT,
  graduates: 12,
  graduatesHighTech: 4,
  graduatesInvested: 2,
  graduatesRevenue: 3,
  cultivationAdvice: '毕业企业质量良好。',
  ipBasis: '已申请专利的在孵企业数量',
  patentCount: 14,
  validIpCount: null,
  ipAdvice: '加强知识产权培训。',
  sameIndustryCount: null,
  seedFund: 300,
  fundedIncubatees: 6,
  fundingAdvice: '对接更多创投机构。',
  staffTotal: 10,
  serviceStaff: 8,
  mentors: 5,
  teamAdvice: '导师队伍稳定。',
  hasFacilities: true,
  facilitiesDetail: '会议室、洽谈室、路演厅、检验检测平台',
  hasSystems: true,
  systemsDetail: '入孵管理制度、毕业管理制度',
  summary: '该孵化器基本符合 T/GXAS 453-2023 第 4.1 条的培育条件。',
};

export function sampleModel(overrides: { values?: Record<string, unknown>; header?: Record<string, unknown> } = {}): DiagnosisDocumentModel {
  return buildDiagnosisModel({
    header: { ...SAMPLE_HEADER, ...overrides.header } as never,
    values: { ...SAMPLE_VALUES, ...overrides.values },
    diagnosedOn: '2025-06-18',
    consultants: '刘建新、黄敏',
    status: 'completed',
    agencyName: '广西科创孵化服务中心（示例）',
    ruleSet: ruleSetSchema.parse(TGXAS_453_RULE_SET),
  });
}
