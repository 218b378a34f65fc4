// 表B.1 科技企业孵化器培育技术服务合同 (T/GXAS 453-2023 附录B), described once (docs/documents.md): the cover, both
// parties, the preamble and 第一条–第十三条 in the reference text's order, every blank a field (contract-fields.ts),
// the numbered lists as lists (contract-lists.ts). Printed as running text, not as a form table (`print: 'flow'`).
import type { DocumentDefinition } from '../document-definition.js';
import { fieldRef, type LayoutRow } from '../layout.js';
import { type ContractFieldKey, contractFields } from './contract-fields.js';
import { contractLists } from './contract-lists.js';
import { copiesAddUp, instalmentsAddUp } from './contract-checks.js';
import { contractPrefill } from './contract-prefill.js';

type Row = LayoutRow<ContractFieldKey, never>;
const v = (key: ContractFieldKey) => fieldRef(key);
const article = (lead: string, text: string): Row => ({ kind: 'heading', lead, text });
/** A plain paragraph of the reference text without blanks (a heading with an empty lead). */
const fixed = (text: string): Row => ({ kind: 'heading', lead: '', text });
const clause = (text: string, label?: string): Row => (label ? { kind: 'clause', label, text } : { kind: 'clause', text });
const text = (key: ContractFieldKey, lines = 2): Row => ({ kind: 'text', key, lines });

const party = (p: 'partyA' | 'partyB', side: '委托方（甲方）' | '受托方（乙方）'): Row[] => [
  clause(`${side}：{${p}Name|same}`),
  { kind: 'pair', items: [v(`${p}Domicile`), v(`${p}LegalRep`)] },
  { kind: 'pair', items: [v(`${p}Contact`), v(`${p}Address`)] },
  { kind: 'pair', items: [v(`${p}Phone`), v(`${p}Fax`)] },
];

const SIGNATURE_LINES = (side: '甲方' | '乙方', nameKey: string) => [
  { kind: 'text', text: `${side}：{values.${nameKey}}` },
  { kind: 'seal' },
  { kind: 'signature', label: '法定代表人/委托代理人', suffix: '（签名）' },
  { kind: 'date', label: '' },
] as const;

export const contractDefinition: DocumentDefinition<ContractFieldKey, never> = {
  kind: 'contract',
  entity: 'contracts',
  title: '科技企业孵化器培育技术服务合同',
  tableNumber: '表B.1',
  shortName: '技术服务合同',
  fields: contractFields,
  computed: [],
  lists: contractLists,
  snapshots: ['incubator', 'agency'],
  metaTitle: '合同信息',
  metaRows: [],
  headerRows: [],
  sections: [
    {
      key: 'cover',
      title: '封面',
      print: 'cover',
      rows: [
        clause('合同编号：{contractNo}'),
        clause('项目名称：{projectName}'),
        clause('委托方（甲方）：{partyAName}'),
        clause('受托方（乙方）：{partyBName}'),
        clause('签订地点：{signPlace}'),
        clause('签订日期：{signedOn}'),
        clause('服务期限：{serviceStart}至{serviceEnd}'),
      ],
    },
    { key: 'parties', title: '合同双方', print: 'flow', rows: [...party('partyA', '委托方（甲方）'), ...party('partyB', '受托方（乙方）')] },
    {
      key: 'preamble',
      title: '前言',
      print: 'flow',
      rows: [
        clause(
          '本合同甲方委托乙方就{serviceSubject}进行专项技术服务，并支付相应的服务报酬，双方经过平等协商，在真实、充分地表达各自意愿的基础上，根据《中华人民共和国民法典》的规定，达成如下协议，并由双方共同恪守。',
        ),
      ],
    },
    {
      key: 'article1',
      title: '第一条 服务内容',
      print: 'flow',
      rows: [article('第一条', '甲方委托乙方进行技术服务内容如下：'), text('serviceGoal'), text('serviceContent', 6), text('serviceMethod')],
    },
    {
      key: 'article2',
      title: '第二条 服务要求',
      print: 'flow',
      rows: [
        article('第二条', '乙方应按下列要求完成技术服务工作：'),
        clause('1. 服务期限：自{serviceStart|same}起至{serviceEnd|same}止。'),
        text('progressRequirement'),
        text('qualityRequirement'),
        text('processRequirement'),
        text('acceptance'),
      ],
    },
    {
      key: 'article3',
      title: '第三条 工作条件和协作事项',
      print: 'flow',
      rows: [
        article('第三条', '为保证乙方有效进行技术服务工作，甲方应当向乙方提供下列工作条件和协作事项：'),
        { kind: 'list', list: 'materials' },
        { kind: 'list', list: 'workConditions' },
        text('otherSupport'),
      ],
    },
    {
      key: 'article4',
      title: '第四条 报酬及支付方式',
      print: 'flow',
      rows: [
        article('第四条', '甲方向乙方支付技术服务报酬及支付方式为：'),
        clause('1. 技术服务报酬：人民币{fee|capital}（¥{fee}元）。'),
        clause('2. 支付方式：{paymentMode}支付乙方。'),
        { kind: 'list', list: 'instalments' },
        text('paymentDetail'),
        fixed('乙方开户银行名称、地址和账号为：'),
        clause('开户银行：{bankName}'),
        clause('地址：{bankAddress}'),
        clause('账号：{bankAccount}'),
      ],
    },
    {
      key: 'article5',
      title: '第五条 保密义务',
      print: 'flow',
      rows: [
        article('第五条', '双方履行本合同应履行如下保密义务：'),
        text('secretContent'),
        clause('2. 涉密人员范围：{secretPersons}'),
        clause('3. 保密期限：合同期间和合同期满后{secretPeriod}'),
        text('leakLiability'),
      ],
    },
    {
      key: 'article6',
      title: '第六条 合同变更',
      print: 'flow',
      rows: [
        clause(
          '本合同的变更必须由双方协商一致，并以书面形式确定。但有下列情形之一的，一方可以向另一方提出变更合同权利与义务的请求，另一方应当在{answerDays}日内予以答复；逾期未予答复的，视为同意：',
          '第六条',
        ),
        { kind: 'list', list: 'changeCircumstances' },
      ],
    },
    {
      key: 'article7',
      title: '第七条 违约责任',
      print: 'flow',
      rows: [
        article('第七条', '双方确定，按以下约定承担各自的违约责任：'),
        clause('（1）乙方完成本合同规定的服务内容后，甲方应按合同约定及时足额向乙方支付技术服务费。如甲方未按时足额支付技术服务费须支付逾期利息，每日按应付款总额的{interestRate}%计算。'),
        clause('（2）甲方无故终止、中止本合同，或不按照乙方要求及时有效提供相关资料，乙方有权要求甲方支付违约金人民币{penalty|capital}（¥{penalty}元）。'),
      ],
    },
    {
      key: 'article8',
      title: '第八条 项目联系人',
      print: 'flow',
      rows: [
        clause(
          '双方确定，在本合同有效期内：甲方指定{partyAContact|same}为甲方项目联系人，联系电话{partyAContactPhone}；乙方指定{partyBContact|same}为乙方项目联系人，联系电话{partyBContactPhone}。一方变更项目联系人的，应当及时以书面形式通知另一方。未及时通知并影响本合同履行或造成损失的，应承担相应的责任。项目联系人承担以下任务或责任：',
          '第八条',
        ),
        { kind: 'list', list: 'contactDuties' },
      ],
    },
    {
      key: 'article9',
      title: '第九条 合同解除',
      print: 'flow',
      rows: [
        article('第九条', '双方确定，出现下列情形，致使本合同的履行成为不必要或不可能，可以解除本合同：'),
        fixed('1. 发生不可抗力。'),
        { kind: 'list', list: 'terminationCases' },
      ],
    },
    {
      key: 'article10',
      title: '第十条 争议解决',
      print: 'flow',
      rows: [
        clause('双方因履行本合同而发生的争议，应协商、调解解决。协商、调解不成的，按下列第{disputeMethod}种方式处理：', '第十条'),
        clause('1. 提交{arbitrationBody}仲裁委员会仲裁；'),
        fixed('2. 依法向人民法院起诉。'),
      ],
    },
    { key: 'article11', title: '第十一条 其他事项', print: 'flow', rows: [clause('双方约定本合同其他有关事项：{otherMatters}', '第十一条')] },
    {
      key: 'article12',
      title: '第十二条 生效和期限',
      print: 'flow',
      rows: [clause('本合同自双方法定代表人或其授权代表人签字并加盖单位公章或合同专用章之日起生效，合同期限{termYears}年，期限届满前一个月双方可以续签延长期限。', '第十二条')],
    },
    {
      key: 'article13',
      title: '第十三条 合同份数',
      print: 'flow',
      rows: [clause('本合同一式{copiesTotal}份，甲方执{copiesPartyA}份，乙方执{copiesPartyB}份，具有同等法律效力。', '第十三条')],
    },
  ],
  sumChecks: [],
  crossChecks: [instalmentsAddUp, copiesAddUp],
  footnotes: [],
  signature: [
    { key: 'incubator', label: '甲方（孵化器）', lines: SIGNATURE_LINES('甲方', 'partyAName') },
    { key: 'agency', label: '乙方（服务机构）', lines: SIGNATURE_LINES('乙方', 'partyBName') },
  ],
  fileName: '{incubator}-{shortName}-{values.contractNo}',
  dateField: 'signedOn',
  listFields: ['contractNo', 'projectName', 'serviceEnd'],
  carryOver: [],
  statusWording: { draft: '草稿', completed: '已定稿', signed: '已签署' },
  prefill: contractPrefill,
  numberField: 'contractNo',
};
