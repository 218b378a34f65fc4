// One evaluation (附录D) per demo incubator that has a diagnosis: 培育前 prefilled from the diagnosis as a consultant's
// would be, 培育后 a year of cultivation later — 南宁 grows steadily, 北海 catches up on part of what it lacked.
import { checkDocument } from '../../shared/forms/document-check.js';
import { evaluationDefinition } from '../../shared/forms/appendix-d/evaluation-definition.js';
import { EVALUATION_GROUPS, inColumn } from '../../shared/forms/appendix-d/evaluation-metrics.js';
import { prefillValues } from '../../shared/forms/prefill.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import type { Executor } from '../../db/database.js';
import { createDocument, latestDocumentOf } from '../../db/repositories/document-repository.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { incubatorValuesOf, takeSnapshots } from './document-model-service.js';
import { prefillSourceFor } from './prefill-service.js';
import type { IncubatorRecord } from '../../shared/domain/incubator.js';

export interface DemoEvaluation {
  incubator: string;
  evaluatedOn: string;
  evaluators: string;
  status: 'draft' | 'completed';
  /** How much the counted quantities grew during the cultivation (1.25 = a quarter more). */
  growth: number;
  /** Values of the 培育前 column the diagnosis does not hold (the consultant asks on site). */
  before: Record<string, FieldValue>;
  /** Values of the 培育后 column that are not simply grown from 培育前. */
  after: Record<string, FieldValue>;
  overall: string;
  suggestions: string;
}

const SYSTEMS = ['admissionRules', 'serviceRules', 'incubateeRules', 'seedRules', 'mentorRules', 'graduateRules', 'supportRules', 'otherRules'];
const allSystems = (value: boolean) => Object.fromEntries(SYSTEMS.map((k) => [k, value]));

export const DEMO_EVALUATIONS: readonly DemoEvaluation[] = [
  {
    incubator: '南宁邕江科技企业孵化器',
    evaluatedOn: '2026-05-25',
    evaluators: '刘建新、黄敏',
    status: 'completed',
    growth: 1.3,
    before: { ...allSystems(true), siteOwnership: '清晰', enterprises: 40, hasPlatform: true, platformName: '检验检测公共技术服务平台', platformMeetsNeeds: true, intermediaries: 6, intermediaryEvents: 2, seedFundNature: '自有', seedFundAutonomous: true, seedInvested: 3, graduatesListed: 1, hasTypical: false, innovationEvents: 3, matchingEvents: 2 },
    after: { hasTypical: true, typicalCompanies: '广西邕芯微电子有限公司（瞪羚企业）', intermediaryEvents: 3.5, innovationEvents: 4.5, matchingEvents: 3 },
    overall: '培育期内孵化场地、服务团队和在孵企业数量稳步增长，投融资和知识产权服务成效明显，已满足 T/GXAS 453-2023 第 4.1 条各项可量化条件。',
    suggestions: '建议持续跟踪毕业企业发展，完善典型企业培育案例库，申报自治区级科技企业孵化器。',
  },
  {
    incubator: '柳州汽车零部件专业孵化器',
    evaluatedOn: '2026-06-08',
    evaluators: '黄敏',
    status: 'completed',
    growth: 1.2,
    before: { ...allSystems(true), otherRules: false, siteOwnership: '清晰', enterprises: 30, hasPlatform: true, platformName: '汽车零部件检测中心', platformMeetsNeeds: false, intermediaries: 4, intermediaryEvents: 1, seedFundNature: '合作', seedFundAutonomous: false, seedInvested: 1, graduatesListed: 0, hasTypical: false, innovationEvents: 2, matchingEvents: 1 },
    after: { otherRules: true, platformMeetsNeeds: true, seedFundAutonomous: true, innovationEvents: 3, matchingEvents: 2 },
    overall: '专业领域集聚度进一步提高，检测平台服务能力提升，孵化种子资金投资方向实现自主决策。',
    suggestions: '建议加强与主机厂的对接，提升在孵企业配套能力。',
  },
  {
    incubator: '桂林漓江电子信息孵化园',
    evaluatedOn: '2026-06-12',
    evaluators: '韦晓东',
    status: 'draft',
    growth: 1.15,
    before: { ...allSystems(false), admissionRules: true, siteOwnership: '清晰', enterprises: 25, hasPlatform: false, platformMeetsNeeds: false, intermediaries: 2, intermediaryEvents: 0.5, seedFundNature: '自有', seedFundAutonomous: true, seedInvested: 0, graduatesListed: 0, hasTypical: false, innovationEvents: 1, matchingEvents: 1 },
    after: { ...allSystems(true), hasPlatform: true, platformName: '电子信息公共测试平台', intermediaryEvents: 1.5, innovationEvents: 2, matchingEvents: 2 },
    overall: '管理制度体系基本建立，公共技术服务平台已投入运营。',
    suggestions: '建议尽快补齐诊断意见表中的数据，完善在孵企业统计台账。',
  },
  {
    incubator: '玉林中医药健康产业孵化基地',
    evaluatedOn: '2026-05-06',
    evaluators: '刘建新',
    status: 'completed',
    growth: 1.1,
    before: { ...allSystems(true), siteOwnership: '清晰', enterprises: 28, hasPlatform: true, platformName: '中药材质量检测平台', platformMeetsNeeds: true, intermediaries: 3, intermediaryEvents: 1, seedFundNature: '自有', seedFundAutonomous: true, seedInvested: 2, graduatesListed: 0, hasTypical: false, innovationEvents: 2, matchingEvents: 1 },
    after: { innovationEvents: 2.5, matchingEvents: 1.5 },
    overall: '各项指标平稳增长，产业特色鲜明。',
    suggestions: '建议加大投融资服务力度，提高获得投融资的在孵企业占比。',
  },
  {
    incubator: '北海向海经济科技孵化器',
    evaluatedOn: '2026-06-20',
    evaluators: '黄敏、韦晓东',
    status: 'completed',
    growth: 1.5,
    before: { ...allSystems(false), siteOwnership: '不清晰', enterprises: 12, hasPlatform: false, platformMeetsNeeds: false, intermediaries: 1, intermediaryEvents: 0, seedFundNature: '合作', seedFundAutonomous: false, seedInvested: 0, graduatesListed: 0, hasTypical: false, innovationEvents: 0.5, matchingEvents: 0 },
    after: { ...allSystems(true), otherRules: false, siteOwnership: '清晰', hasFacilities: true, intermediaryEvents: 1, innovationEvents: 2, matchingEvents: 1 },
    overall: '完成场地确权和扩容，管理制度基本建立，服务团队和创业导师数量明显增加，但部分认定条件仍未满足。',
    suggestions: '建议继续扩充孵化场地，设立自有孵化种子资金，提升知识产权服务成效。',
  },
];

/** 培育后 from 培育前: counted quantities grown (whole counts stay whole, 「其中」 stays within its whole). */
function grownAfter(before: Record<string, FieldValue>, growth: number): Record<string, FieldValue> {
  const after: Record<string, FieldValue> = {};
  for (const g of EVALUATION_GROUPS) {
    for (const item of g.items) {
      if (item.kind !== 'field') continue;
      const v = before[inColumn(item.base, 'Before')];
      if (typeof v === 'number') {
        const grown = item.spec.type === 'integer' ? Math.round(v * growth) : Math.round(v * growth * 100) / 100;
        after[inColumn(item.base, 'After')] = item.spec.unit === '%' ? Math.min(100, grown) : grown;
      } else if (v !== undefined && v !== null) after[inColumn(item.base, 'After')] = v;
      if (item.detail) after[inColumn(item.detail.base, 'After')] = before[inColumn(item.detail.base, 'Before')] ?? '';
    }
  }
  return after;
}

const inBefore = (values: Record<string, FieldValue>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [inColumn(k, 'Before'), v]));
const inAfter = (values: Record<string, FieldValue>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [inColumn(k, 'After'), v]));

/** A demo evaluation of an incubator: 培育前 from its latest diagnosis, 培育后 grown (also the benches' data). */
export function addDemoEvaluation(db: Executor, ctx: ChangeContext, incubator: IncubatorRecord, demo: DemoEvaluation): void {
    const source = prefillSourceFor(db, 'evaluation', incubator.id);
    const prefilled = prefillValues(evaluationDefinition.prefillFrom!, source);
    const before = { ...prefilled, ...inBefore(demo.before) };
    const values = {
      ...before,
      ...grownAfter(before, demo.growth),
      ...inAfter(demo.after),
      evaluatedOn: demo.evaluatedOn,
      evaluators: demo.evaluators,
      overall: demo.overall,
      suggestions: demo.suggestions,
    };
    const { normalized } = checkDocument(evaluationDefinition, { values, header: incubatorValuesOf(incubator) });
    createDocument(
      db,
      ctx,
      'evaluation',
      { incubatorId: incubator.id, values: normalized, status: demo.status, snapshots: takeSnapshots(db, 'evaluation', incubator, ctx.now()) },
      `新建「${incubator.name}」的培育效果评价表`,
    );
}

/** Adds the demo evaluation of every demo incubator that has a diagnosis and no evaluation yet. */
export function loadDemoEvaluations(db: Executor, ctx: ChangeContext): number {
  let created = 0;
  for (const demo of DEMO_EVALUATIONS) {
    const incubator = findIncubatorByName(db, demo.incubator);
    if (!incubator || latestDocumentOf(db, 'evaluation', incubator.id)) continue;
    addDemoEvaluation(db, ctx, incubator, demo);
    created++;
  }
  return created;
}
