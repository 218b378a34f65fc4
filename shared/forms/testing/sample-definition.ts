// A test-only document that uses every row kind A does not: a list with a total, a clause with blanks, a heading,
// an image, a flow section and an agency copy. It proves the module renders them in the form, Word and Excel before
// Appendices B–D exist. Not registered: the app never offers it.
import type { FieldDefinition } from '../field-definition.js';
import type { DocumentDefinition, ListDefinition } from '../document-definition.js';
import { commonHeaderRows } from '../common-header.js';
import { fieldRef, snapshotRef } from '../layout.js';

export const sampleFields = [
  { key: 'signedOn', label: '签订日期', type: 'date', required: true },
  { key: 'contractNo', label: '合同编号', type: 'text', maxLength: 40 },
  { key: 'projectName', label: '项目名称', type: 'text', required: true, maxLength: 100 },
  { key: 'fee', label: '技术服务报酬（元）', type: 'money' },
  { key: 'serviceGoal', label: '服务目标', type: 'longtext', maxLength: 20_000 },
  { key: 'answerDays', label: '答复期限（日）', type: 'integer', min: 0, max: 365 },
] as const satisfies readonly FieldDefinition[];
type K = (typeof sampleFields)[number]['key'];

export const instalments: ListDefinition = {
  key: 'instalments',
  label: '分期付款',
  itemLabel: '第',
  numbering: 'parenthesized',
  fields: [
    { key: 'due', label: '支付时间或节点', type: 'text', required: true, maxLength: 100 },
    { key: 'amount', label: '金额（元）', type: 'money', required: true },
  ],
  total: { field: 'amount', label: '合计' },
};

export const materials: ListDefinition = {
  key: 'materials',
  label: '提供资料',
  itemLabel: '资料',
  numbering: 'dotted',
  maxItems: 20,
  fields: [{ key: 'text', label: '资料名称', type: 'text', maxLength: 200 }],
};

export const sampleDefinition: DocumentDefinition<K, never> = {
  kind: 'sample',
  entity: 'sample_documents',
  title: '测试用技术服务合同',
  tableNumber: '表T.1',
  shortName: '测试合同',
  fields: sampleFields,
  computed: [],
  lists: [instalments, materials],
  snapshots: ['incubator', 'agency'],
  metaTitle: '合同信息',
  metaRows: [{ kind: 'pair', items: [fieldRef('signedOn'), fieldRef('contractNo')] }],
  headerRows: commonHeaderRows,
  sections: [
    {
      key: 'cover',
      title: '合同',
      rows: [
        { kind: 'heading', text: '第一条 服务内容' },
        { kind: 'pair', items: [fieldRef('projectName'), snapshotRef('agency', 'name')] },
        { kind: 'text', key: 'serviceGoal' },
        { kind: 'pair', items: [fieldRef('fee')], wide: true },
        { kind: 'list', list: 'instalments' },
        { kind: 'image', image: 'chart', caption: '培育前后对比' },
      ],
    },
    {
      key: 'articles',
      title: '条款',
      print: 'flow',
      rows: [
        { kind: 'clause', text: '另一方应当在{answerDays}日内予以答复；逾期未予答复的，视为同意。' },
        { kind: 'list', list: 'materials' },
      ],
    },
  ],
  sumChecks: [],
  crossChecks: [],
  footnotes: ['注：测试用。'],
  signature: [
    { key: 'incubator', label: '甲方', lines: [{ kind: 'text', text: '甲方：{header.name}' }, { kind: 'seal' }, { kind: 'signature', label: '法定代表人/委托代理人（签名）' }, { kind: 'date', label: '日期' }] },
    { key: 'agency', label: '乙方', lines: [{ kind: 'text', text: '乙方：{agency.name}' }, { kind: 'seal' }, { kind: 'signature', label: '法定代表人/委托代理人（签名）' }, { kind: 'date', label: '日期', value: '{values.signedOn}' }] },
  ],
  fileName: '{incubator}-{shortName}-{values.contractNo}',
  dateField: 'signedOn',
  listFields: ['contractNo'],
  carryOver: [],
  statusWording: { draft: '草稿', completed: '已签订', signed: '已签署' },
};
