// The rows of 表D.1 groups 1–7 (T/GXAS 453-2023 附录D), in the standard's order: each a quantity recorded twice,
// 「培育前」 and 「培育后」. Quantities the diagnosis (附录A) also records take their type, range and 「其中」 from
// shared-metrics.ts and are prefilled from it. The seed numbers group 6 as 5.1–5.6 (and skips 5.5): numbered
// 6.1–6.5 here (spec/forms.md).
import { COUNT, SHARED_COMPUTED as SC, SHARED_METRICS as M, type MetricSpec } from '../shared-metrics.js';
import type { ComputedDefinition } from '../field-definition.js';
import type { PrefillSource } from '../prefill.js';

const PERCENT = { type: 'number', decimals: 2, unit: '%', min: 0, max: 100 } as const;
const EVENTS = { type: 'number', decimals: 1, unit: '场/次', min: 0, max: 10_000 } as const;
const YES_NO = { type: 'yesno' } as const;

export const COLUMNS = ['Before', 'After'] as const;
export type Column = (typeof COLUMNS)[number];
export const COLUMN_LABELS: Record<Column, string> = { Before: '培育前', After: '培育后' };

interface MetricItem {
  kind: 'field';
  no: string;
  base: string;
  label: string;
  spec: MetricSpec;
  /** The diagnosis value 「培育前」 starts from. */
  prefill?: PrefillSource;
  /** A text asked for in each column when the yes/no says 是. */
  detail?: { base: string; label: string };
}
interface ComputedItem {
  kind: 'computed';
  no: string;
  base: string;
  label: string;
  computed: Omit<ComputedDefinition, 'key' | 'label'>;
}
export type EvaluationItem = MetricItem | ComputedItem;

const f = (no: string, base: string, label: string, spec: MetricSpec, extra: Partial<MetricItem> = {}): MetricItem => ({ kind: 'field', no, base, label, spec, ...extra });
const shared = (no: string, base: keyof typeof M, label: string, spec: MetricSpec = M[base]): MetricItem => f(no, base, label, spec, { prefill: { field: base } });
const c = (no: string, base: string, label: string, computed: ComputedItem['computed']): ComputedItem => ({ kind: 'computed', no, base, label, computed });

export interface EvaluationGroup {
  no: number;
  title: string;
  items: readonly EvaluationItem[];
}

export const EVALUATION_GROUPS: readonly EvaluationGroup[] = [
  {
    no: 1,
    title: '孵化场地情况',
    items: [
      shared('1.1', 'totalArea', '可自主支配的孵化场地总面积（m²）'),
      f('1.2', 'areaShare', '在孵企业使用面积（含公共服务面积）占总面积比例（%）', PERCENT, { prefill: { computed: 'areaShare', scale: 100, decimals: 2 } }),
      f('1.3', 'siteOwnership', '孵化场地运营管理情况（产权）', { type: 'choice', options: ['清晰', '不清晰'] }),
    ],
  },
  {
    no: 2,
    title: '孵化服务团队建设情况',
    items: [
      shared('2.1', 'staffTotal', '运营机构总人数（人）'),
      shared('2.2', 'serviceStaff', '孵化服务人员总数（人）'),
      c('2.3', 'serviceStaffShare', '孵化服务人员数量占机构总人数比例（%）', SC.serviceStaffShare),
      c('2.4', 'incubateesPerServiceStaff', '每个孵化服务人员负责对接在孵企业数量（家）', { format: 'number', numerators: ['incubatees'], denominator: 'serviceStaff', decimals: 2, unit: '家' }),
      shared('2.5', 'mentors', '聘请创业导师人数（人）'),
      c('2.6', 'incubateesPerMentor', '每个创业导师辅导在孵企业数量（家）', { format: 'number', numerators: ['incubatees'], denominator: 'mentors', decimals: 2, unit: '家' }),
    ],
  },
  {
    no: 3,
    title: '管理制度',
    items: [
      // 3.1 and 3.2 are lost in the seed's extraction; named as §5.3.3 lists them (spec/forms.md).
      f('3.1', 'admissionRules', '企业入孵管理制度', YES_NO),
      f('3.2', 'serviceRules', '孵化服务管理制度', YES_NO),
      f('3.3', 'incubateeRules', '在孵企业管理制度', YES_NO),
      f('3.4', 'seedRules', '孵化种子管理制度', YES_NO),
      f('3.5', 'mentorRules', '创业导师管理制度', YES_NO),
      f('3.6', 'graduateRules', '毕业企业管理制度', YES_NO),
      f('3.7', 'supportRules', '在孵企业优惠扶持管理制度', YES_NO),
      f('3.8', 'otherRules', '其他有利于规范孵化器运行的制度', YES_NO),
    ],
  },
  {
    no: 4,
    title: '公共服务配套情况',
    items: [
      shared('4.1', 'hasFacilities', '公共活动空间（如会议室、洽谈室等）及设施设备配套是否完善'),
      f('4.2', 'hasPlatform', '公共（专业）技术服务平台建设是否完善', YES_NO, { detail: { base: 'platformName', label: '平台名称' } }),
      f('4.3', 'platformMeetsNeeds', '公共（专业）技术服务平台服务内容是否满足在孵企业研发需求', YES_NO),
      f('4.4', 'intermediaries', '签约中介服务机构数量（家）', COUNT),
      f('4.5', 'intermediaryEvents', '平均每月中介服务机构开展服务活动（场/次）', EVENTS),
    ],
  },
  {
    no: 5,
    title: '孵化种子资金设立情况',
    items: [
      shared('5.1', 'seedFund', '孵化种子资金设立规模（万元）'),
      f('5.2', 'seedFundNature', '孵化种子资金性质', { type: 'choice', options: ['自有', '合作'] }),
      f('5.3', 'seedFundAutonomous', '孵化种子资金投资方向是否可自主', YES_NO),
    ],
  },
  {
    no: 6,
    title: '科技企业入孵情况',
    items: [
      f('6.1', 'enterprises', '孵化器内企业总数（家）', COUNT),
      shared('6.2', 'incubatees', '孵化器内在孵科技型企业数量（家）', { ...M.incubatees, lessOrEqual: 'enterprises' }),
      shared('6.3', 'sameIndustryCount', '同一产业领域在孵科技型企业数量（家）'),
      c('6.4', 'perThousandSqm', '每千平方米平均在孵科技型企业数量（家）', SC.perThousandSqm),
      shared('6.5', 'registeredSmes', '完成科技型中小企业入库登记的企业数量（家）'),
    ],
  },
  {
    no: 7,
    title: '孵化服务成效',
    items: [
      shared('7.1', 'fundedIncubatees', '获得投融资的在孵企业总数（家）'),
      c('7.2', 'fundedShare', '获得投融资的在孵企业占比（%）', SC.fundedShare),
      f('7.3', 'seedInvested', '获得孵化种子资金投资的在孵企业数量（家）', { ...COUNT, lessOrEqual: 'incubatees' }),
      shared('7.4', 'patentCount', '已申请专利的在孵企业数量（家）'),
      shared('7.5', 'validIpCount', '已拥有有效知识产权的在孵企业数量（家）'),
      shared('7.6', 'graduates', '累计孵化毕业企业总数（家）'),
      shared('7.7', 'graduatesHighTech', '毕业企业中通过高新技术企业认定的企业数量（家）'),
      shared('7.8', 'graduatesInvested', '毕业企业中累计获得天使投资或风险投资金额超过200万元的企业数量（家）'),
      shared('7.9', 'graduatesRevenue', '毕业前2年累计营业收入超过1000万元的企业数量（家）'),
      f('7.10', 'graduatesListed', '毕业企业中被兼并、收购或在国内外资本市场挂牌、上市的企业数量（家）', { ...COUNT, lessOrEqual: 'graduates' }),
      f('7.11', 'hasTypical', '是否成功孵化有瞪羚、上市等典型企业', YES_NO, { detail: { base: 'typicalCompanies', label: '企业名称' } }),
      f('7.12', 'innovationEvents', '平均每月组织开展创新创业活动（场/次）', EVENTS),
      f('7.13', 'matchingEvents', '平均每月组织资源/服务对接活动（场/次）', EVENTS),
    ],
  },
];

/** A quantity's key in one column: `totalAreaBefore`, `totalAreaAfter`. */
export const inColumn = (base: string, column: Column) => `${base}${column}`;
