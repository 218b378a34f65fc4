// 表C.1 科技企业孵化器培育方案 (T/GXAS 453-2023 附录C, §5.2.4–5.2.5), described once (docs/documents.md). The
// sections in the standard's order and numbering: 一 (nine parts), 二, 三, 四 (ten parts) as rich texts, 五 the
// tasks, 六 the budget, 七 the signature block. What only the plan has — the order of its tasks, its budget against
// the contract's fee — is in plan-checks.ts; its revisions need both sides' agreement (`revisionAgreement`).
import type { FieldDefinition } from '../field-definition.js';
import type { DocumentDefinition, ListDefinition } from '../document-definition.js';
import { fieldRef, type LayoutRow, snapshotRef } from '../layout.js';
import { planCrossCheck } from './plan-checks.js';
import { checkTaskProgress, TASK_STATUSES } from '../../plan-terms/index.js';

const SECTION_TEXT = { type: 'longtext', maxLength: 20_000, richText: true, required: true } as const;

/** 一、孵化器基本情况: key and the standard's label of each part. */
export const BASICS_PARTS = [
  ['basicConstruction', '（一）建设概况'],
  ['basicOperation', '（二）运行管理机制'],
  ['basicTeam', '（三）孵化服务团队建设情况'],
  ['basicMentors', '（四）创业导师机制建设情况'],
  ['basicModel', '（五）盈利模式或孵化服务模式'],
  ['basicPublicService', '（六）公共服务体系建设情况'],
  ['basicIncubatees', '（七）企业入驻与培育成效'],
  ['basicServiceResults', '（八）企业孵化服务成效（包括投融资、知识产权等情况）'],
  ['basicFuture', '（九）未来发展规划'],
] as const;

/** 四、培育方案. */
export const MEASURE_PARTS = [
  ['measurePositioning', '（一）发展定位梳理'],
  ['measureSite', '（二）孵化场地利用优化'],
  ['measureOperation', '（三）运营管理机制优化'],
  ['measureTalent', '（四）孵化服务人才培养计划'],
  ['measureMentors', '（五）创业导师机制建设优化'],
  ['measureModel', '（六）盈利模式或孵化服务模式优化'],
  ['measurePublicService', '（七）公共服务及特色服务能力提升'],
  ['measureRecruitment', '（八）企业招引及培育计划'],
  ['measureGraduates', '（九）企业毕业跟踪服务'],
  ['measureBrand', '（十）区域品牌形象提升'],
] as const;

const partFields = (parts: typeof BASICS_PARTS | typeof MEASURE_PARTS) => parts.map(([key, label]) => ({ key, label, ...SECTION_TEXT }));

export { TASK_STATUSES };

export const planFields = [
  // Meta: the editor's 「方案信息」 card.
  { key: 'plannedOn', label: '方案编制日期', type: 'date', required: true },
  { key: 'planStart', label: '方案实施起始月份', type: 'month', required: true, hint: '阶段性任务的期限不能早于此月份' },
  { key: 'consultants', label: '方案编制人员', type: 'text', maxLength: 200 },
  // Read from the contract (附录B) where one exists, when the plan is made or revised; editable.
  { key: 'contractFee', label: '合同技术服务报酬（元）', type: 'money', hint: '取自技术服务合同；经费预算超出时提示' },
  { key: 'contractEnd', label: '合同服务期限截止日期', type: 'date', hint: '取自技术服务合同；任务期限晚于此日期时提示' },
  // Both sides' agreement to a revision (§5.2.4 d), filled when a revision is made.
  { key: 'agreedByIncubator', label: '孵化器方同意人', type: 'text', maxLength: 50 },
  { key: 'agreedByAgency', label: '服务机构方同意人', type: 'text', maxLength: 50 },
  { key: 'agreedOn', label: '双方协商一致日期', type: 'date' },
  ...partFields(BASICS_PARTS),
  { key: 'diagnosisConclusion', label: '前期诊断结论', ...SECTION_TEXT, hint: '新建时取自最近一份已完成的诊断意见表：诊断总结及未满足的认定条件' },
  { key: 'overallGoal', label: '培育总体目标', ...SECTION_TEXT },
  ...partFields(MEASURE_PARTS),
] as const satisfies readonly FieldDefinition[];

export type PlanFieldKey = (typeof planFields)[number]['key'];

/** Where an item came from across revisions: the diff pairs a task with its earlier self by it. Never shown. */
const ORIGIN = { key: 'origin', label: '来源条目', type: 'text', hidden: true, maxLength: 64 } as const;

export const taskList: ListDefinition = {
  key: 'tasks',
  label: '阶段性任务目标',
  itemLabel: '任务',
  numbering: 'item',
  minItems: 1,
  maxItems: 100,
  numberWith: { field: 'dueMonth', suffix: '前', placeholder: 'XXXX年XX月' },
  fields: [
    { key: 'description', label: '任务内容', type: 'longtext', required: true, maxLength: 2000, richText: true },
    { key: 'dueMonth', label: '完成期限', type: 'month', required: true, placeholder: '如 2025年06月' },
    { key: 'owner', label: '责任人', type: 'text', maxLength: 50 },
    ORIGIN,
  ],
  printFields: ['description', 'owner'],
  printWeights: [4, 1],
  // §5.2.5: recorded on the signed plan while it is carried out, outside its signature.
  progress: {
    title: '实施进度',
    fields: [
      { key: 'status', label: '实施状态', type: 'choice', options: TASK_STATUSES },
      { key: 'progress', label: '进展情况', type: 'longtext', maxLength: 2000, richText: true },
      { key: 'doneOn', label: '完成日期', type: 'date' },
    ],
    check: (values, { today }) =>
      checkTaskProgress({ status: typeof values.status === 'string' ? values.status : null, doneOn: typeof values.doneOn === 'string' && values.doneOn ? values.doneOn : null }, today),
  },
};

export const budgetList: ListDefinition = {
  key: 'budget',
  label: '经费预算',
  itemLabel: '预算项目',
  numbering: 'dotted',
  minItems: 1,
  maxItems: 200,
  fields: [
    { key: 'item', label: '预算项目', type: 'text', required: true, maxLength: 100 },
    { key: 'amount', label: '金额（元）', type: 'money', required: true },
    { key: 'note', label: '说明', type: 'text', maxLength: 500 },
    ORIGIN,
  ],
  total: { field: 'amount', label: '合计' },
  printWeights: [3, 2, 3],
};

const v = (key: PlanFieldKey) => fieldRef(key);
const text = (key: PlanFieldKey, extra: { full?: boolean; lines?: number } = {}): LayoutRow<PlanFieldKey, never> => ({ kind: 'text', key, lines: 3, ...extra });

export const planDefinition: DocumentDefinition<PlanFieldKey, never> = {
  kind: 'plan',
  entity: 'plans',
  title: '科技企业孵化器培育方案',
  tableNumber: '表C.1',
  shortName: '培育方案',
  fields: planFields,
  computed: [],
  lists: [taskList, budgetList],
  snapshots: ['incubator', 'agency'],
  metaTitle: '方案信息',
  metaRows: [
    { kind: 'pair', items: [v('plannedOn'), v('planStart')] },
    { kind: 'pair', items: [v('consultants')] },
    { kind: 'pair', items: [v('contractFee'), v('contractEnd')] },
    { kind: 'pair', items: [v('agreedByIncubator'), v('agreedByAgency')] },
    { kind: 'pair', items: [v('agreedOn')] },
  ],
  headerRows: [{ kind: 'pair', items: [snapshotRef('header', 'name'), snapshotRef('agency', 'name')] }],
  sections: [
    { key: 'basics', title: '一、孵化器基本情况', rows: [{ kind: 'heading', text: '一、孵化器基本情况' }, ...BASICS_PARTS.map(([key]) => text(key))] },
    { key: 'conclusion', title: '二、前期诊断结论', rows: [{ kind: 'heading', text: '二、前期诊断结论' }, text('diagnosisConclusion', { full: true, lines: 6 })] },
    { key: 'goal', title: '三、培育总体目标', rows: [{ kind: 'heading', text: '三、培育总体目标' }, text('overallGoal', { full: true, lines: 4 })] },
    { key: 'measures', title: '四、培育方案', rows: [{ kind: 'heading', text: '四、培育方案' }, ...MEASURE_PARTS.map(([key]) => text(key))] },
    { key: 'tasks', title: '五、阶段性任务目标', rows: [{ kind: 'heading', text: '五、阶段性任务目标' }, { kind: 'list', list: 'tasks', full: true }] },
    { key: 'budget', title: '六、经费预算', rows: [{ kind: 'heading', text: '六、经费预算' }, { kind: 'list', list: 'budget', full: true }] },
  ],
  sumChecks: [],
  crossChecks: [planCrossCheck],
  footnotes: [],
  signatureHeading: '七、签章',
  // 甲方 commissions the service (the incubator), 乙方 provides it (the agency), as in the contract (附录B).
  signature: [
    {
      key: 'incubator',
      label: '甲方（孵化器）',
      lines: [
        { kind: 'text', text: '甲方（孵化器）：{header.name}' },
        { kind: 'seal' },
        { kind: 'signature', label: '负责人（签字）' },
        { kind: 'date', label: '日期', month: true },
      ],
    },
    {
      key: 'agency',
      label: '乙方（服务机构）',
      lines: [
        { kind: 'text', text: '乙方（服务机构）：{agency.name}' },
        { kind: 'seal' },
        { kind: 'signature', label: '负责人（签字）' },
        { kind: 'date', label: '日期', month: true },
      ],
    },
  ],
  fileName: '{incubator}-{shortName}-{date}{revision}',
  dateField: 'plannedOn',
  listFields: ['planStart'],
  carryOver: ['consultants'],
  statusWording: { draft: '草稿', completed: '已完成', signed: '已签署生效' },
  revisionAgreement: { fields: ['agreedByIncubator', 'agreedByAgency', 'agreedOn'], dateField: 'agreedOn' },
  revisionInHeader: true,
};
