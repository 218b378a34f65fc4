// One diagnosis per demo incubator, so a newcomer sees Appendix A filled in: 南宁 meets every quantified
// §4.1 criterion, 北海 falls short on several, the others sit in between.
import { checkDocument } from '../../shared/forms/document-check.js';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { DEFAULT_RULE_SET_ID } from '../../shared/eligibility/builtin-rule-sets.js';
import { type Verdict, verdictKey, verdictNoteKey } from '../../shared/eligibility/verdicts.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import type { Executor } from '../../db/database.js';
import { createDocument, latestDocumentOf } from '../../db/repositories/document-repository.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { incubatorValuesOf, takeSnapshots } from './document-model-service.js';
import type { IncubatorRecord } from '../../shared/domain/incubator.js';

export interface DemoDiagnosis {
  incubator: string;
  diagnosedOn: string;
  consultants: string;
  status: 'draft' | 'completed';
  values: Record<string, string | number | boolean | null>;
  /** The consultant's verdicts on the rules the data cannot decide (§4.1.2's confirmation, §4.1.9). */
  verdicts?: Record<string, [Verdict, string]>;
}

const COMMON_ADVICE = {
  siteAdvice: '场地集中连片，功能分区清晰。建议压缩自用面积，提高在孵企业使用面积占比。',
  incubateeAdvice: '在孵企业以软件和信息服务为主，建议加强入孵评审，提升科技型企业比例。',
  cultivationAdvice: '毕业企业质量较好，建议建立毕业企业跟踪服务台账。',
  ipAdvice: '建议引入知识产权代理机构，开展专利挖掘与布局培训。',
  fundingAdvice: '建议设立孵化种子资金，定期组织投融资路演。',
  teamAdvice: '建议加强孵化服务人员专业培训，完善创业导师聘任和考核机制。',
};

export const DEMO_DIAGNOSES: readonly DemoDiagnosis[] = [
  {
    incubator: '南宁邕江科技企业孵化器',
    diagnosedOn: '2025-05-20',
    consultants: '刘建新、黄敏',
    status: 'completed',
    verdicts: {
      '4.1.2': ['符合', '查阅入孵、毕业、创业导师等管理制度文本，执行记录完整'],
      '4.1.9': ['符合', '累计毕业企业 12 家，其中高新技术企业 4 家；获得投融资的在孵企业 6 家'],
    },
    values: {
      ...COMMON_ADVICE,
      totalArea: 8200,
      incubateeArea: 5100,
      publicServiceArea: 900,
      selfUseArea: 1200,
      otherArea: 1000,
      incubatees: 32,
      registeredSmes: 18,
      graduates: 12,
      graduatesHighTech: 4,
      graduatesInvested: 2,
      graduatesRevenue: 3,
      ipBasis: '已申请专利的在孵企业数量',
      patentCount: 14,
      seedFund: 300,
      fundedIncubatees: 6,
      staffTotal: 10,
      serviceStaff: 8,
      mentors: 5,
      hasFacilities: true,
      facilitiesDetail: '会议室、洽谈室、路演厅、检验检测公共技术服务平台',
      hasSystems: true,
      systemsDetail: '入孵管理制度、毕业管理制度、创业导师管理制度',
      summary: '对照 T/GXAS 453-2023 第 4.1 条，该孵化器各项可量化条件均已满足，建议按自治区级科技企业孵化器认定条件继续培育。',
    },
  },
  {
    incubator: '柳州汽车零部件专业孵化器',
    diagnosedOn: '2025-06-03',
    consultants: '黄敏',
    status: 'completed',
    verdicts: { '4.1.2': ['符合', '制度齐全'], '4.1.9': ['符合', '专业领域培育成效明显'] },
    values: {
      ...COMMON_ADVICE,
      totalArea: 12000,
      incubateeArea: 8000,
      publicServiceArea: 1500,
      selfUseArea: 1500,
      otherArea: 1000,
      incubatees: 28,
      registeredSmes: 20,
      graduates: 9,
      graduatesHighTech: 3,
      graduatesInvested: 1,
      graduatesRevenue: 2,
      ipBasis: '拥有有效知识产权的在孵企业数量',
      validIpCount: 11,
      sameIndustryCount: 22,
      seedFund: 500,
      fundedIncubatees: 4,
      staffTotal: 12,
      serviceStaff: 9,
      mentors: 4,
      hasFacilities: true,
      facilitiesDetail: '汽车零部件检测中心、会议室',
      hasSystems: true,
      systemsDetail: '入孵管理制度、孵化服务管理制度',
      summary: '专业特色明显，同一产业领域企业集中度高。',
    },
  },
  {
    incubator: '桂林漓江电子信息孵化园',
    diagnosedOn: '2025-06-10',
    consultants: '韦晓东',
    status: 'draft',
    values: {
      ...COMMON_ADVICE,
      totalArea: 4600,
      incubateeArea: 3000,
      publicServiceArea: 600,
      selfUseArea: 600,
      otherArea: 400,
      incubatees: 21,
      registeredSmes: 9,
      graduates: 3,
      ipBasis: '已申请专利的在孵企业数量',
      patentCount: 6,
      sameIndustryCount: 15,
      seedFund: 150,
      fundedIncubatees: 2,
      staffTotal: 8,
      serviceStaff: 5,
      mentors: 3,
      hasFacilities: true,
      facilitiesDetail: '会议室、电子测试实验室',
      hasSystems: false,
      summary: '',
    },
  },
  {
    incubator: '玉林中医药健康产业孵化基地',
    diagnosedOn: '2025-04-28',
    consultants: '刘建新',
    status: 'completed',
    values: {
      ...COMMON_ADVICE,
      totalArea: 6500,
      incubateeArea: 4200,
      publicServiceArea: 700,
      selfUseArea: 900,
      otherArea: 700,
      incubatees: 24,
      registeredSmes: 12,
      graduates: 7,
      graduatesHighTech: 2,
      ipBasis: '拥有有效知识产权的在孵企业数量',
      validIpCount: 8,
      sameIndustryCount: 19,
      seedFund: 200,
      fundedIncubatees: 3,
      staffTotal: 9,
      serviceStaff: 7,
      mentors: 3,
      hasFacilities: true,
      facilitiesDetail: '中药材检测平台、会议室、洽谈室',
      hasSystems: true,
      systemsDetail: '入孵管理制度、孵化种子管理制度',
      summary: '基本满足培育条件，建议加强投融资服务。',
    },
  },
  {
    incubator: '北海向海经济科技孵化器',
    diagnosedOn: '2025-06-15',
    consultants: '黄敏、韦晓东',
    status: 'completed',
    verdicts: { '4.1.9': ['不符合', '仅 1 家毕业企业，投融资、知识产权服务尚未形成成效'] },
    values: {
      ...COMMON_ADVICE,
      totalArea: 3800,
      incubateeArea: 2000,
      publicServiceArea: 500,
      selfUseArea: 800,
      otherArea: 400,
      incubatees: 12,
      registeredSmes: 4,
      graduates: 1,
      ipBasis: '已申请专利的在孵企业数量',
      patentCount: 3,
      seedFund: 50,
      fundedIncubatees: 1,
      staffTotal: 8,
      serviceStaff: 4,
      mentors: 1,
      hasFacilities: false,
      hasSystems: false,
      summary:
        '对照 T/GXAS 453-2023 第 4.1 条，场地面积、种子资金、服务人员比例、创业导师和在孵企业数量均未达到要求，且缺少公共服务设施，建议先完成场地扩容和团队建设。',
    },
  },
];

/** A demo diagnosis of an incubator (also the benches' data). */
export function addDemoDiagnosis(db: Executor, ctx: ChangeContext, incubator: IncubatorRecord, demo: DemoDiagnosis): void {
  const verdicts = Object.entries(demo.verdicts ?? {}).flatMap(([rule, [verdict, note]]) => [
    [verdictKey(rule), verdict],
    [verdictNoteKey(rule), note],
  ]);
  const values = { ...demo.values, diagnosedOn: demo.diagnosedOn, consultants: demo.consultants, ruleSetId: DEFAULT_RULE_SET_ID, ...Object.fromEntries(verdicts) };
  const { normalized } = checkDocument(diagnosisDefinition, { values, header: incubatorValuesOf(incubator) });
  createDocument(
    db,
    ctx,
    'diagnosis',
    { incubatorId: incubator.id, values: normalized, status: demo.status, snapshots: takeSnapshots(db, 'diagnosis', incubator, ctx.now()) },
    `新建「${incubator.name}」的诊断意见表`,
  );
}

/** Adds the demo diagnosis of every demo incubator that has none yet. Returns how many were added. */
export function loadDemoDiagnoses(db: Executor, ctx: ChangeContext): number {
  let created = 0;
  for (const demo of DEMO_DIAGNOSES) {
    const incubator = findIncubatorByName(db, demo.incubator);
    if (!incubator || latestDocumentOf(db, 'diagnosis', incubator.id)) continue;
    addDemoDiagnosis(db, ctx, incubator, demo);
    created++;
  }
  return created;
}
