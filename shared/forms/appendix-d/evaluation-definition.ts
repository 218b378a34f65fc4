// 表D.1 科技企业孵化器培育效果评价表 (T/GXAS 453-2023 附录D) on the documents module (docs/documents.md,
// docs/evaluation.md): the common header, groups 1–7 as `compare` rows (every quantity 「培育前」 and 「培育后」,
// computed rows computing in both columns, 「其中」 limits in both), 8–9 as text, 10 the signature block.
// The fields are made from evaluation-metrics.ts, one pair per quantity; `checkDefinition` proves the result whole.
import type { ComputedDefinition, FieldDefinition, FieldCondition } from '../field-definition.js';
import type { DocumentDefinition, DocumentSection } from '../document-definition.js';
import type { EligibilityBinding, QuantitySource } from '../../eligibility/quantity-binding.js';
import type { QuantityKey } from '../../eligibility/quantity-catalog.js';
import type { PrefillBinding, PrefillSource } from '../prefill.js';
import { computedRef, fieldRef, type LayoutRow } from '../layout.js';
import { commonHeaderRows } from '../common-header.js';
import { COLUMN_LABELS, COLUMNS, type Column, EVALUATION_GROUPS, inColumn } from './evaluation-metrics.js';

const ADVICE = { type: 'longtext', maxLength: 20_000 } as const;

/** One field of a quantity in one column: its key, label and limits point at the same column. */
function columnField(base: string, label: string, spec: Omit<FieldDefinition, 'key' | 'label'>, column: Column): FieldDefinition {
  const enabledWhen: FieldCondition | undefined =
    spec.enabledWhen?.source === 'values' ? { ...spec.enabledWhen, key: inColumn(spec.enabledWhen.key, column) } : spec.enabledWhen;
  return {
    ...spec,
    key: inColumn(base, column),
    label: `${label}（${COLUMN_LABELS[column]}）`,
    ...(spec.lessOrEqual ? { lessOrEqual: inColumn(spec.lessOrEqual, column) } : {}),
    ...(enabledWhen ? { enabledWhen } : {}),
  };
}

const metaFields: FieldDefinition[] = [
  { key: 'evaluatedOn', label: '评价日期', type: 'date', required: true },
  { key: 'evaluators', label: '评价人员', type: 'text', maxLength: 200 },
  { key: 'ruleSetId', label: '认定规则集', type: 'ruleSet', required: true },
];

const metricFields: FieldDefinition[] = EVALUATION_GROUPS.flatMap((g) =>
  g.items.flatMap((item) => {
    if (item.kind !== 'field') return [];
    return COLUMNS.flatMap((column) => [
      columnField(item.base, `${item.no} ${item.label}`, item.spec, column),
      ...(item.detail
        ? [
            columnField(
              item.detail.base,
              `${item.no} ${item.detail.label}`,
              { type: 'text', maxLength: 500, enabledWhen: { source: 'values', key: item.base, equals: true } },
              column,
            ),
          ]
        : []),
    ]);
  }),
);

const textFields: FieldDefinition[] = [
  { key: 'overall', label: '8.培育效果综合评价', ...ADVICE },
  { key: 'suggestions', label: '9.进一步完善或改进建议', ...ADVICE },
];

const evaluationComputed: ComputedDefinition[] = EVALUATION_GROUPS.flatMap((g) =>
  g.items.flatMap((item) =>
    item.kind === 'computed'
      ? COLUMNS.map((column) => ({
          ...item.computed,
          key: inColumn(item.base, column),
          label: `${item.no} ${item.label}（${COLUMN_LABELS[column]}）`,
          numerators: item.computed.numerators.map((k) => inColumn(k, column)),
          denominator: inColumn(item.computed.denominator, column),
        }))
      : [],
  ),
);

const compareRows = (items: (typeof EVALUATION_GROUPS)[number]['items']): LayoutRow[] =>
  items.map((item) => {
    const ref = item.kind === 'field' ? fieldRef : computedRef;
    return {
      kind: 'compare',
      label: `${item.no} ${item.label}`,
      before: ref(inColumn(item.base, 'Before')),
      after: ref(inColumn(item.base, 'After')),
      ...(item.kind === 'field' && item.detail
        ? { detail: { label: item.detail.label, before: inColumn(item.detail.base, 'Before'), after: inColumn(item.detail.base, 'After') } }
        : {}),
    };
  });

const sections: DocumentSection[] = [
  ...EVALUATION_GROUPS.map((g, i) => ({
    key: `group${g.no}`,
    title: `${g.no}.${g.title}`,
    rows: [
      // The table's column captions once, above group 1, as the standard prints them.
      ...(i === 0 ? [{ kind: 'heading', text: '评估科目', columns: ['培育前', '培育后'] } as const] : []),
      { kind: 'heading', text: `${g.no}.${g.title}` } as const,
      ...compareRows(g.items),
    ],
  })),
  { key: 'overall', title: '8.培育效果综合评价', rows: [{ kind: 'text', key: 'overall', lines: 4 }] },
  { key: 'suggestions', title: '9.进一步完善或改进建议', rows: [{ kind: 'text', key: 'suggestions', lines: 4 }] },
];

/** 培育前 from the diagnosis: every quantity the two tables share, and the rule set the diagnosis was checked against. */
const prefillMap: Record<string, PrefillSource> = {
  ruleSetId: { field: 'ruleSetId' },
  ...Object.fromEntries(EVALUATION_GROUPS.flatMap((g) => g.items.flatMap((item) => (item.kind === 'field' && item.prefill ? [[inColumn(item.base, 'Before'), item.prefill]] : [])))),
};
export const evaluationPrefill: PrefillBinding = { fromKind: 'diagnosis', map: prefillMap };

const SYSTEMS = ['admissionRules', 'serviceRules', 'incubateeRules', 'seedRules', 'mentorRules', 'graduateRules', 'supportRules', 'otherRules'];

/** The §4.1 quantities read from one column (the same catalog A reads from its own fields). */
function bindingFor(column: Column): EligibilityBinding {
  const k = (base: string) => inColumn(base, column);
  const quantities: { [Q in QuantityKey]?: QuantitySource<string, string> } = {
    operatingYears: { from: 'operatingYears' },
    registeredInGuangxi: { from: 'registeredInGuangxi' },
    totalArea: { from: 'field', field: k('totalArea') },
    // 1.2 is recorded as a percentage already.
    areaShare: { from: 'field', field: k('areaShare') },
    seedFund: { from: 'field', field: k('seedFund') },
    fundedShare: { from: 'computed', computed: k('fundedShare') },
    serviceStaffShare: { from: 'computed', computed: k('serviceStaffShare') },
    serviceStaffPer10: { from: 'per10', field: k('serviceStaff'), of: k('incubatees') },
    mentors: { from: 'field', field: k('mentors') },
    mentorsPer10: { from: 'per10', field: k('mentors'), of: k('incubatees') },
    incubatees: { from: 'field', field: k('incubatees') },
    perThousandSqm: { from: 'computed', computed: k('perThousandSqm') },
    graduates: { from: 'field', field: k('graduates') },
    patentShare: { from: 'share', field: k('patentCount'), of: k('incubatees') },
    validIpShare: { from: 'share', field: k('validIpCount'), of: k('incubatees') },
    sameIndustryShare: { from: 'share', field: k('sameIndustryCount'), of: k('incubatees') },
    hasFacilities: { from: 'yes', field: k('hasFacilities') },
    hasSystems: { from: 'allYes', fields: SYSTEMS.map(k) },
  };
  return { ruleSetField: 'ruleSetId', asOfField: 'evaluatedOn', quantities };
}

export const evaluationDefinition: DocumentDefinition = {
  kind: 'evaluation',
  entity: 'evaluations',
  title: '科技企业孵化器培育效果评价表',
  tableNumber: '表D.1',
  shortName: '培育效果评价表',
  fields: [...metaFields, ...metricFields, ...textFields],
  computed: evaluationComputed,
  lists: [],
  snapshots: ['incubator', 'agency'],
  metaTitle: '评价信息',
  metaRows: [
    { kind: 'pair', items: [fieldRef('evaluatedOn'), fieldRef('evaluators')] },
    { kind: 'pair', items: [fieldRef('ruleSetId')] },
  ],
  headerRows: commonHeaderRows,
  sections,
  sumChecks: [],
  crossChecks: [],
  footnotes: ['注：表格中选择项请在相应的□内打√。'],
  // 10.双方签字盖章.
  signature: [
    {
      key: 'agency',
      label: '服务机构',
      lines: [
        { kind: 'text', text: '10.双方签字盖章　服务机构：{agency.name}' },
        { kind: 'seal' },
        { kind: 'signature', label: '评价人员（签字）', value: '{values.evaluators}' },
        { kind: 'date', label: '日期', value: '{values.evaluatedOn}' },
      ],
    },
    {
      key: 'incubator',
      label: '孵化器',
      lines: [
        { kind: 'text', text: '孵化器：{header.name}' },
        { kind: 'seal' },
        { kind: 'signature', label: '孵化器负责人（签字）' },
        { kind: 'date', label: '日期' },
      ],
    },
  ],
  fileName: '{incubator}-{shortName}-{date}{revision}',
  dateField: 'evaluatedOn',
  listFields: ['evaluators', 'ruleSetId'],
  carryOver: ['evaluators'],
  statusWording: { draft: '草稿', completed: '已完成', signed: '已签署' },
  eligibility: bindingFor('After'),
  baselineEligibility: bindingFor('Before'),
  prefillFrom: evaluationPrefill,
  figures: [
    { image: 'beforeAfter', caption: '图1 培育前后主要指标对比' },
    { image: 'rulesMet', caption: '图2 认定条件满足情况（培育前/培育后）' },
  ],
};
