// 表A.1 科技企业孵化器培育诊断意见表 (T/GXAS 453-2023 附录A), described once (docs/documents.md).
// Adding a field: one entry in `diagnosisFields` and one reference in a layout row below. Values are stored as a
// map keyed by field key, so no migration is needed (the three meta fields keep the columns they always had).
import type { ComputedDefinition, FieldDefinition } from '../field-definition.js';
import type { DocumentDefinition } from '../document-definition.js';
import { computedRef, fieldRef } from '../layout.js';
import { commonHeaderRows } from '../common-header.js';
import { AREA, SHARED_COMPUTED as SC, SHARED_METRICS as M } from '../shared-metrics.js';

const ADVICE = { type: 'longtext', maxLength: 20_000 } as const;

export const IP_BASIS_OPTIONS = ['已申请专利的在孵企业数量', '拥有有效知识产权的在孵企业数量'] as const;

export const diagnosisFields = [
  // Meta: set in the editor's 「诊断信息」 card, printed by the signature block.
  { key: 'diagnosedOn', label: '诊断日期', type: 'date', required: true },
  { key: 'consultants', label: '诊断人员', type: 'text', maxLength: 200 },
  { key: 'ruleSetId', label: '认定规则集', type: 'ruleSet', required: true },
  // 1. Site
  { key: 'totalArea', label: '可自主支配的孵化场地总面积（m²）', ...M.totalArea, required: true },
  { key: 'incubateeArea', label: '在孵企业场地面积（m²）', ...AREA, lessOrEqual: 'totalArea' },
  { key: 'publicServiceArea', label: '公共服务场地面积（m²）', ...AREA, lessOrEqual: 'totalArea' },
  { key: 'selfUseArea', label: '自用面积（m²）', ...AREA, lessOrEqual: 'totalArea' },
  { key: 'otherArea', label: '其他面积（m²）', ...AREA, lessOrEqual: 'totalArea' },
  { key: 'siteAdvice', label: '孵化场地评估建议', ...ADVICE },
  // 2. Incubatees
  { key: 'incubatees', label: '可自主支配场地内在孵企业数量（家）', ...M.incubatees, required: true },
  { key: 'registeredSmes', label: '其中，完成科技型中小企业入库登记的企业数（家）', ...M.registeredSmes },
  { key: 'incubateeAdvice', label: '在孵企业评估建议', ...ADVICE },
  // 3. Graduates
  { key: 'graduates', label: '累计毕业企业数量（家）', ...M.graduates },
  {
    key: 'graduatesHighTech',
    label: '毕业时通过高新技术企业认定的企业数（家）',
    printedLabel: '其中，毕业时通过高新技术企业认定的企业数（家）',
    ...M.graduatesHighTech,
  },
  {
    key: 'graduatesInvested',
    label: '毕业时累计获得天使投资或风险投资金额超过200万元的企业数量（家）',
    printedLabel: '其中，毕业时累计获得天使投资或风险投资金额超过200万元的企业数量（家）',
    ...M.graduatesInvested,
  },
  {
    key: 'graduatesRevenue',
    label: '毕业前2年累计营业收入超过1000万元的企业数量（家）',
    printedLabel: '其中，毕业前2年累计营业收入超过1000万元的企业数量（家）',
    ...M.graduatesRevenue,
  },
  { key: 'cultivationAdvice', label: '企业培育成效评估建议', ...ADVICE },
  // 4. IP (二选一)
  { key: 'ipBasis', label: '在孵企业知识产权情况（二选一填写）', type: 'choice', options: IP_BASIS_OPTIONS },
  { key: 'patentCount', label: '已申请专利的在孵企业数量', ...M.patentCount, enabledWhen: { source: 'values', key: 'ipBasis', equals: IP_BASIS_OPTIONS[0] } },
  { key: 'validIpCount', label: '拥有有效知识产权的在孵企业数量', ...M.validIpCount, enabledWhen: { source: 'values', key: 'ipBasis', equals: IP_BASIS_OPTIONS[1] } },
  { key: 'ipAdvice', label: '知识产权服务成效评估建议', ...ADVICE },
  // 6. Same industry (专业孵化器必填)
  {
    key: 'sameIndustryCount',
    label: '在同一产业领域从事研发、生产的在孵企业数量',
    ...M.sameIndustryCount,
    requiredWhen: { source: 'header', key: 'incubatorType', equals: '专业型', reason: '专业型孵化器必填' },
  },
  // 7. Funding
  { key: 'seedFund', label: '孵化器自有种子资金或合作孵化资金金额（万元）', ...M.seedFund },
  { key: 'fundedIncubatees', label: '获得投融资的在孵企业数（家）', ...M.fundedIncubatees },
  { key: 'fundingAdvice', label: '投融资服务成效评估建议', ...ADVICE },
  // 8. Team
  { key: 'staffTotal', label: '孵化器管理机构人员总数', ...M.staffTotal },
  { key: 'serviceStaff', label: '专业孵化服务人员数量', ...M.serviceStaff },
  { key: 'mentors', label: '创业导师数量', ...M.mentors },
  { key: 'teamAdvice', label: '专业服务团队建设评估建议', ...ADVICE },
  // 9–10. Facilities and rules
  { key: 'hasFacilities', label: '是否配备完善的公共服务设施', ...M.hasFacilities },
  {
    key: 'facilitiesDetail',
    label: '具体配套名称',
    type: 'text',
    maxLength: 2000,
    hint: '如会议室、洽谈室、技术服务平台等。',
    enabledWhen: { source: 'values', key: 'hasFacilities', equals: true },
  },
  { key: 'hasSystems', label: '是否建立完善的运营管理制度', type: 'yesno' },
  {
    key: 'systemsDetail',
    label: '具体制度名称',
    type: 'text',
    maxLength: 2000,
    enabledWhen: { source: 'values', key: 'hasSystems', equals: true },
  },
  // 11. Summary
  { key: 'summary', label: '诊断总结', ...ADVICE },
] as const satisfies readonly FieldDefinition[];

export type DiagnosisFieldKey = (typeof diagnosisFields)[number]['key'];

export const diagnosisComputed = [
  {
    key: 'areaShare',
    label: '在孵企业使用面积（含公共服务面积）占总面积比例',
    format: 'percent',
    numerators: ['incubateeArea', 'publicServiceArea'],
    denominator: 'totalArea',
  },
  { key: 'patentShare', label: '已申请专利的在孵企业占在孵企业总数比例', format: 'percent', numerators: ['patentCount'], denominator: 'incubatees' },
  { key: 'validIpShare', label: '拥有有效知识产权的在孵企业占在孵企业总数比例', format: 'percent', numerators: ['validIpCount'], denominator: 'incubatees' },
  { key: 'perThousandSqm', label: '每千平方米在孵企业数量（家）', ...SC.perThousandSqm },
  {
    key: 'sameIndustryShare',
    label: '在同一产业领域从事研发、生产的在孵企业占在孵企业总数的比例',
    format: 'percent',
    numerators: ['sameIndustryCount'],
    denominator: 'incubatees',
  },
  { key: 'fundedShare', label: '获得投融资的在孵企业占比', ...SC.fundedShare },
  { key: 'serviceStaffShare', label: '孵化服务人员占机构总人数的比例', ...SC.serviceStaffShare },
] as const satisfies readonly ComputedDefinition<DiagnosisFieldKey, string>[];

export type DiagnosisComputedKey = (typeof diagnosisComputed)[number]['key'];

const v = (key: DiagnosisFieldKey) => fieldRef(key);
const c = (key: DiagnosisComputedKey) => computedRef(key);

export const diagnosisDefinition: DocumentDefinition<DiagnosisFieldKey, DiagnosisComputedKey> = {
  kind: 'diagnosis',
  entity: 'diagnoses',
  title: '科技企业孵化器培育诊断意见表',
  tableNumber: '表A.1',
  shortName: '诊断意见表',
  fields: diagnosisFields,
  computed: diagnosisComputed,
  lists: [],
  snapshots: ['incubator', 'agency'],
  metaTitle: '诊断信息',
  metaRows: [
    { kind: 'pair', items: [v('diagnosedOn'), v('consultants')] },
    { kind: 'pair', items: [v('ruleSetId')] },
  ],
  headerRows: commonHeaderRows,
  sections: [
    {
      key: 'site',
      title: '孵化场地',
      rows: [
        { kind: 'pair', items: [v('totalArea')], wide: true },
        { kind: 'of-which', caption: '其中', items: [v('incubateeArea'), v('publicServiceArea'), v('selfUseArea'), v('otherArea')] },
        { kind: 'pair', items: [c('areaShare')], wide: true },
        { kind: 'text', key: 'siteAdvice' },
      ],
    },
    {
      key: 'incubatees',
      title: '在孵企业',
      rows: [
        { kind: 'pair', items: [v('incubatees'), v('registeredSmes')] },
        { kind: 'text', key: 'incubateeAdvice' },
      ],
    },
    {
      key: 'graduates',
      title: '毕业企业',
      rows: [
        { kind: 'pair', items: [v('graduates'), v('graduatesHighTech')] },
        { kind: 'pair', items: [v('graduatesInvested'), v('graduatesRevenue')] },
        { kind: 'text', key: 'cultivationAdvice' },
      ],
    },
    {
      key: 'ip',
      title: '知识产权',
      rows: [
        {
          kind: 'choice-of-two',
          label: '在孵企业知识产权情况（二选一填写）',
          choiceKey: 'ipBasis',
          options: [
            { field: 'patentCount', computed: 'patentShare', unit: '家', shareLabel: '占在孵企业总数比例' },
            { field: 'validIpCount', computed: 'validIpShare', unit: '家', shareLabel: '占在孵企业总数比例' },
          ],
        },
        { kind: 'text', key: 'ipAdvice' },
        { kind: 'pair', items: [c('perThousandSqm')], wide: true },
        {
          kind: 'sentence',
          label: '在同一产业领域从事研发、生产的企业情况（专业孵化器必填）',
          field: 'sameIndustryCount',
          computed: 'sameIndustryShare',
          countText: '在同一产业领域从事研发、生产的在孵企业数量：',
          unit: '家',
          shareText: '占在孵企业总数的比例',
        },
      ],
    },
    {
      key: 'funding',
      title: '投融资',
      rows: [
        { kind: 'pair', items: [v('seedFund'), v('fundedIncubatees')] },
        { kind: 'pair', items: [c('fundedShare')], wide: true },
        { kind: 'text', key: 'fundingAdvice' },
      ],
    },
    {
      key: 'team',
      title: '专业服务团队',
      rows: [
        { kind: 'pair', items: [v('staffTotal'), v('serviceStaff')] },
        { kind: 'pair', items: [c('serviceStaffShare'), v('mentors')] },
        { kind: 'text', key: 'teamAdvice' },
      ],
    },
    {
      key: 'facilities',
      title: '公共服务设施与运营管理制度',
      rows: [
        { kind: 'yesno-detail', key: 'hasFacilities', detailKey: 'facilitiesDetail' },
        { kind: 'yesno-detail', key: 'hasSystems', detailKey: 'systemsDetail' },
      ],
    },
    { key: 'summary', title: '诊断总结', rows: [{ kind: 'text', key: 'summary', lines: 5 }] },
  ],
  sumChecks: [{ parts: ['incubateeArea', 'publicServiceArea', 'selfUseArea', 'otherArea'], total: 'totalArea' }],
  crossChecks: [],
  footnotes: ['注1：表格中选择项请在相应的□内打√。'],
  // The standard leaves the signature block implicit; agencies sign this form (docs/documents.md).
  signature: [
    {
      key: 'agency',
      label: '诊断服务机构',
      lines: [
        { kind: 'text', text: '诊断服务机构：{agency.name}' },
        { kind: 'seal' },
        { kind: 'signature', label: '诊断人员（签字）', value: '{values.consultants}' },
        { kind: 'date', label: '日期', value: '{values.diagnosedOn}' },
      ],
    },
    {
      key: 'incubator',
      label: '孵化器',
      lines: [
        { kind: 'text', text: '孵化器意见：已知悉上述诊断意见。' },
        { kind: 'seal' },
        { kind: 'signature', label: '孵化器负责人（签字）' },
        { kind: 'date', label: '日期' },
      ],
    },
  ],
  fileName: '{incubator}-{shortName}-{date}{revision}',
  dateField: 'diagnosedOn',
  listFields: ['consultants', 'ruleSetId'],
  carryOver: ['consultants', 'ruleSetId'],
  statusWording: { draft: '草稿', completed: '已完成', signed: '已签署' },
  eligibility: {
    ruleSetField: 'ruleSetId',
    asOfField: 'diagnosedOn',
    gapsField: 'summary',
    quantities: {
      operatingYears: { from: 'operatingYears' },
      registeredInGuangxi: { from: 'registeredInGuangxi' },
      totalArea: { from: 'field', field: 'totalArea' },
      areaShare: { from: 'computed', computed: 'areaShare' },
      seedFund: { from: 'field', field: 'seedFund' },
      fundedShare: { from: 'computed', computed: 'fundedShare' },
      serviceStaffShare: { from: 'computed', computed: 'serviceStaffShare' },
      serviceStaffPer10: { from: 'per10', field: 'serviceStaff', of: 'incubatees' },
      mentors: { from: 'field', field: 'mentors' },
      mentorsPer10: { from: 'per10', field: 'mentors', of: 'incubatees' },
      incubatees: { from: 'field', field: 'incubatees' },
      perThousandSqm: { from: 'computed', computed: 'perThousandSqm' },
      graduates: { from: 'field', field: 'graduates' },
      patentShare: { from: 'computed', computed: 'patentShare' },
      validIpShare: { from: 'computed', computed: 'validIpShare' },
      sameIndustryShare: { from: 'computed', computed: 'sameIndustryShare' },
      hasFacilities: { from: 'yes', field: 'hasFacilities' },
      hasSystems: { from: 'yes', field: 'hasSystems' },
    },
  },
};
