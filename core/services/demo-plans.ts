// One cultivation plan (附录C) per demo incubator, started the way the app starts one (from the incubator's latest
// completed diagnosis, core/services/plan-prefill.ts) and filled in, so a newcomer sees every section, the tasks
// and the budget. 南宁's plan also has a second revision, agreed by both sides with a reason, to compare with the
// first. The demo makes no signature: signing needs the agency's sync server (sync.md §7), so the first revision
// is 已完成 and the second a draft.
import { checkDocument } from '../../shared/forms/document-check.js';
import type { MEASURE_PARTS} from '../../shared/forms/appendix-c/plan-definition.js';
import { BASICS_PARTS, planDefinition } from '../../shared/forms/appendix-c/plan-definition.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';
import type { FieldValue } from '../../shared/forms/field-definition.js';
import type { ChangeContext } from '../../db/change-recorder.js';
import type { Executor } from '../../db/database.js';
import { createDocument, latestDocumentOf } from '../../db/repositories/document-repository.js';
import { findIncubatorByName } from '../../db/repositories/incubator-repository.js';
import { incubatorValuesOf, takeSnapshots } from './document-model-service.js';
import { planStartingValues } from './plan-prefill.js';
import { DEMO_INCUBATORS } from './demo-data.js';

const MEASURES: Record<(typeof MEASURE_PARTS)[number][0], string> = {
  measurePositioning: '立足园区主导产业，明确“专业孵化 + 投资服务”的定位。\n• 梳理在孵企业产业分布，形成重点产业清单\n• 制定三年发展规划并报运营主体审定',
  measureSite: '优化场地功能分区，压缩自用面积，提高在孵企业使用面积占比。\n• 将闲置办公区改造为共享工位\n• 建设路演厅和共享会议室',
  measureOperation: '完善入孵、在孵、毕业全流程管理制度，建立在孵企业档案。',
  measureTalent: '每年组织孵化服务人员参加专业培训不少于 2 次，推动取得孵化从业资格。',
  measureMentors: '聘请企业家、投资人、技术专家担任创业导师，建立导师辅导记录和考核机制。',
  measureModel: '在房租收入之外，探索“服务收费 + 股权投资”的盈利模式。',
  measurePublicService: '引进知识产权、财税、法律等专业服务机构，建设公共技术服务平台。',
  measureRecruitment: '围绕重点产业开展定向招商，每季度组织一次项目路演。',
  measureGraduates: '建立毕业企业跟踪服务台账，每半年回访一次。',
  measureBrand: '举办区域创新创业大赛，提升孵化器品牌知名度。',
};

const BASIC_DEFAULTS: Partial<Record<(typeof BASICS_PARTS)[number][0], string>> = {
  basicOperation: '运营主体设孵化服务部，负责入孵评审、企业服务和日常管理。',
  basicModel: '以场地租金和基础服务收入为主，增值服务收入占比较低。',
  basicFuture: '争取三年内通过自治区级科技企业孵化器认定。',
};

const TASKS: readonly [string, number, string][] = [
  ['完善入孵、毕业等管理制度并印发执行', 2, '刘建新'],
  ['聘请创业导师不少于 3 名，建立辅导记录', 5, '黄敏'],
  ['引进专业服务机构 3 家，建设公共技术服务平台', 8, '韦晓东'],
  ['组织投融资路演 2 场，推动在孵企业获得投资', 11, '黄敏'],
  ['整理申报材料，申报自治区级科技企业孵化器', 14, '刘建新'],
];

const BUDGET: readonly [string, number, string][] = [
  ['专家咨询费', 3_000_000, '诊断与方案论证'],
  ['培训费', 1_200_000, '孵化服务人员培训 2 期'],
  ['活动组织费', 1_500_000, '路演、大赛'],
  ['资料与差旅费', 800_000, ''],
];

function monthAfter(start: string, months: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

function demoLists(start: string, seed: number): DocumentLists {
  return {
    // Progress (§5.2.5) is recorded once a plan is signed, which the demo cannot do: none here.
    tasks: TASKS.map(([description, offset, owner]) => ({ id: crypto.randomUUID(), values: { description, dueMonth: monthAfter(start, offset), owner } })),
    budget: BUDGET.map(([item, amount, note]) => ({ id: crypto.randomUUID(), values: { item, amount: amount + seed * 100_000, note } })),
  };
}

/** Adds the demo plan of every demo incubator that has none yet. Returns how many were added. */
export function loadDemoPlans(db: Executor, ctx: ChangeContext): number {
  let created = 0;
  DEMO_INCUBATORS.forEach((demo, seed) => {
    const incubator = findIncubatorByName(db, demo.name);
    if (!incubator || latestDocumentOf(db, 'plan', incubator.id)) return;
    const plannedOn = '2025-06-30';
    const starting = planStartingValues(db, incubator.id, plannedOn);
    const start = '2025-07';
    const values: Record<string, FieldValue> = {
      ...Object.fromEntries(BASICS_PARTS.map(([key, label]) => [key, `${incubator.name}${label.replace(/^（.）/, '')}情况见下。`])),
      ...BASIC_DEFAULTS,
      ...starting,
      diagnosisConclusion: starting.diagnosisConclusion ?? '诊断意见表尚未完成，结论待补充。',
      ...MEASURES,
      overallGoal: `用两年时间，使${incubator.name}达到 T/GXAS 453-2023 第 4.1 条的培育条件：\n• 在孵企业不少于 20 家\n• 创业导师不少于 3 名\n• 通过自治区级科技企业孵化器认定`,
      plannedOn,
      planStart: start,
      consultants: '刘建新、黄敏',
      contractFee: 8_000_000,
      contractEnd: '2027-06-30',
    };
    const header = incubatorValuesOf(incubator);
    const lists = demoLists(start, seed);
    const snapshots = takeSnapshots(db, 'plan', incubator, ctx.now());
    const first = createDocument(
      db,
      ctx,
      'plan',
      { incubatorId: incubator.id, values: checkDocument(planDefinition, { values, header }).normalized, lists, status: 'completed', snapshots },
      `新建「${incubator.name}」的培育方案`,
    );
    created++;
    if (seed !== 0) return;
    // The second revision: a roadshow added, the recognition task later, training costs up; agreed by both sides.
    const revised = {
      tasks: [
        ...first.lists.tasks!.slice(0, 4),
        { id: crypto.randomUUID(), values: { description: '举办区域创新创业大赛 1 场', dueMonth: monthAfter(start, 12), owner: '韦晓东' } },
        { ...first.lists.tasks![4]!, values: { ...first.lists.tasks![4]!.values, dueMonth: monthAfter(start, 17) } },
      ],
      budget: first.lists.budget!.map((b, i) => (i === 1 ? { ...b, values: { ...b.values, amount: 1_600_000 } } : b)),
    };
    const withOrigin: DocumentLists = Object.fromEntries(
      Object.entries(revised).map(([k, items]) => [k, items.map((i) => ({ id: crypto.randomUUID(), values: { ...i.values, origin: first.lists[k]?.some((x) => x.id === i.id) ? i.id : null } }))]),
    );
    createDocument(
      db,
      ctx,
      'plan',
      {
        incubatorId: incubator.id,
        values: { ...first.values, agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-01-15', measureRecruitment: `${MEASURES.measureRecruitment}\n• 2026 年举办区域创新创业大赛` },
        lists: withOrigin,
        status: 'draft',
        snapshots,
        revisionOf: { id: first.id, revision: 2, reason: '甲方提出增加创新创业大赛，认定申报顺延至 2026 年 12 月' },
      },
      `修订「${incubator.name}」的培育方案（第 2 版）`,
    );
  });
  return created;
}
