// Sample documents for the layout tests and benchmarks (not shipped data).
import { crc32, deflateSync } from 'node:zlib';
import { buildDocumentModel, type DocumentImage, type DocumentModel } from '../../shared/forms/document-model.js';
import { diagnosisDefinition } from '../../shared/forms/appendix-a/diagnosis-definition.js';
import { sampleDefinition } from '../../shared/forms/testing/sample-definition.js';
import { TGXAS_453_RULE_SET } from '../../shared/eligibility/builtin-rule-sets.js';
import { ruleSetSchema } from '../../shared/eligibility/rule-set-schema.js';
import type { DocumentStatus } from '../../shared/forms/document-definition.js';
import type { DocumentLists } from '../../shared/forms/document-data.js';

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

export const SAMPLE_AGENCY = { name: '广西科创孵化服务中心（示例）', phone: '0771-5551234' };

/** The widest valid 统一社会信用代码: 17 W's (the widest letter) and its check character. */
export const WIDEST_CODE = 'WWWWWWWWWWWWWWWWWG';
/** A Guangxi code as wide as the rule allows (positions 9–17 are free). */
export const WIDEST_GUANGXI_CODE = '91450100MAWWWWWWWN';

export const NASTY_TEXT = `含“中文引号”、'单引号'、"双引号"、emoji 😀🚀、<w:t>标签</w:t> & </w:p><w:p> 以及 ]]> 和 \u0001 控制字符`;

export const SAMPLE_VALUES: Record<string, unknown> = {
  diagnosedOn: '2025-06-18',
  consultants: '刘建新、黄敏',
  ruleSetId: TGXAS_453_RULE_SET.id,
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
  'verdict:4.1.2': '符合',
  'verdictNote:4.1.2': '查阅了入孵、毕业等管理制度文本',
  'verdict:4.1.9': '符合',
  'verdictNote:4.1.9': '毕业企业 12 家，获投 6 家',
};

export const SAMPLE_RULE_SET = ruleSetSchema.parse(TGXAS_453_RULE_SET);

export function sampleModel(overrides: { values?: Record<string, unknown>; header?: Record<string, unknown>; status?: DocumentStatus } = {}): DocumentModel {
  return buildDocumentModel({
    def: diagnosisDefinition,
    header: { ...SAMPLE_HEADER, ...overrides.header } as never,
    agency: SAMPLE_AGENCY,
    values: { ...SAMPLE_VALUES, ...overrides.values },
    status: overrides.status ?? 'completed',
    ruleSet: SAMPLE_RULE_SET,
  });
}

/** A PNG of one colour, made here (no image library): for the image row of the test-only definition. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [30, 95, 180]): DocumentImage {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return { png: new Uint8Array(png), widthPx: width, heightPx: height };
}

export const SAMPLE_LISTS: DocumentLists = {
  instalments: [
    { id: 'i-1', values: { due: '合同签订后 10 日内', amount: 3_000_000 } },
    { id: 'i-2', values: { due: '通过验收后', amount: 2_000_050 } },
  ],
  materials: [
    { id: 'm-1', values: { text: '孵化器运营管理制度汇编' } },
    { id: 'm-2', values: { text: '在孵企业名录' } },
  ],
};

/** The test-only definition with a list, a clause, a heading, an image and a flow section. */
export function sampleListModel(status: DocumentStatus = 'completed'): DocumentModel {
  return buildDocumentModel({
    def: sampleDefinition,
    header: SAMPLE_HEADER as never,
    agency: SAMPLE_AGENCY,
    values: { signedOn: '2025-07-01', contractNo: 'GXPY-2025-001', projectName: '科技企业孵化器培育', fee: 5_000_050, serviceGoal: '通过培育，达到自治区级孵化器认定条件。', answerDays: 15 },
    lists: SAMPLE_LISTS,
    status,
  });
}

export function sampleListModelWithImage(): DocumentModel {
  return { ...sampleListModel(), images: { chart: solidPng(400, 200) } };
}
