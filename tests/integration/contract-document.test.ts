// Appendix B through the documents.* methods: prefilled from the incubator, its latest diagnosis and the agency;
// numbers issued from the pattern and never reused; 分期 and 份数 checks; the Word file read back and rendered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';
import { renderOfficeToPng } from '../support/render-docx.js';
import { APPENDIX_B } from '../fixtures/standard-wording.js';
import { deviceCodeOf } from '../../core/services/document-number-service.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerCommands } from '../../core/cli/commands.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2025-07-01T08:00:00Z') });
});
afterEach(() => t.cleanup());

const kind = 'contract' as const;


async function setUp() {
  await t.call('agency.save', {
    name: '广西科服咨询有限公司',
    legalRep: '陆志强',
    domicile: '南宁市青秀区民族大道 100 号',
    address: '南宁市青秀区民族大道 100 号 8 楼',
    phone: '0771-5551234',
    fax: '0771-5551235',
    bankName: '中国工商银行南宁民族支行',
    bankAddress: '南宁市民族大道 88 号',
    bankAccount: '6222 0203 1234 5678 901',
    staff: [],
  });
  const inc = await t.call('incubators.save', {
    values: { name: '桂创孵化器', operator: '桂创运营有限公司', creditCode: '91450107MA5KA3RN4L', operatingSince: '2020-03-01', orgNature: '民营企业', contactName: '韦丽娟', contactMobile: '13800000001', incubatorType: '综合型' },
  });
  const diagnosis = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
  await t.call('documents.saveDraft', { kind: 'diagnosis', id: diagnosis.id, values: { totalArea: 6500, incubatees: 28, staffTotal: 10, serviceStaff: 8, mentors: 5, hasFacilities: 'yes', facilitiesDetail: '会议室、路演厅' } });
  return inc;
}

describe('the contract (Appendix B)', () => {
  it('starts from the incubator, its latest diagnosis and the agency, with a number from the pattern', async () => {
    const inc = await setUp();
    const c = await t.call('documents.create', { kind, incubatorId: inc.id });
    const code = deviceCodeOf(t.wb.database.db);
    expect(c.values.contractNo).toBe(`GXPY-2025-${code}001`);
    expect(c.values).toMatchObject({ partyAName: '桂创运营有限公司', partyAContact: '韦丽娟', partyBName: '广西科服咨询有限公司', bankAccount: '6222 0203 1234 5678 901', serviceStart: '2025-07-01', serviceEnd: '2026-06-30' });
    // §4.2.3.1: name, nature, operating time, area, facilities, team, incubatees, one dedicated contact.
    const content = String(c.values.serviceContent);
    for (const fact of ['桂创孵化器', '民营企业', '2020年03月01日', '6,500.00 平方米', '会议室、路演厅', '专业孵化服务人员 8 人', '创业导师 5 人', '28 家', '甲方安排 韦丽娟 作为专人对接']) expect(content).toContain(fact);
    expect(c.lists.materials).toHaveLength(4);
  });

  it('never reuses a number: a deleted draft keeps its number, the next one is one higher', async () => {
    const inc = await setUp();
    const first = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.delete', { kind, id: first.id });
    const second = await t.call('documents.create', { kind, incubatorId: inc.id });
    expect(second.values.contractNo).not.toBe(first.values.contractNo);
    expect(String(second.values.contractNo)).toMatch(/002$/);
  });

  it('keeps a duplicate number typed by hand in the draft and refuses it next to the field when completing', async () => {
    const inc = await setUp();
    const a = await t.call('documents.create', { kind, incubatorId: inc.id });
    const b = await t.call('documents.create', { kind, incubatorId: inc.id });
    const saved = await t.call('documents.saveDraft', { kind, id: b.id, values: { contractNo: String(a.values.contractNo), projectName: '改过的项目名称' } });
    expect(saved.values.projectName).toBe('改过的项目名称');
    const e = await failureOf(t.call('documents.complete', { kind, id: b.id }));
    expect(e.kind).toBe('validation');
    expect(e.issues?.[0]).toMatchObject({ field: 'contractNo' });
    expect(e.message).toContain('编号不能重复使用');
  });

  it('says by how much the instalments miss the fee, and that the copies must add up', async () => {
    const inc = await setUp();
    const c = await t.call('documents.create', { kind, incubatorId: inc.id });
    const lists: Record<string, { id: string; values: Record<string, string> }[]> = {
      instalments: [
        { id: crypto.randomUUID(), values: { dueDate: '2025-08-01', amount: '30000' } },
        { id: crypto.randomUUID(), values: { milestone: '验收合格后 10 日内', amount: '15000' } },
      ],
    };
    await t.call('documents.saveDraft', { kind, id: c.id, values: { fee: '50,000', paymentMode: '分期', copiesTotal: '5' }, lists });
    const e = await failureOf(t.call('documents.complete', { kind, id: c.id }));
    const messages = (e.issues ?? []).map((i) => `${i.field}: ${i.message}`).join('\n');
    expect(messages).toContain('lists.instalments: 分期金额合计 ¥45,000.00，还差 ¥5,000.00 才等于技术服务报酬 ¥50,000.00');
    expect(messages).toContain('copiesTotal: 一式 5 份应等于甲方执 2 份与乙方执 2 份之和（4 份）');
  });

  it('exports a Word contract that reads like the reference: cover, preamble, every article, 大写, signature blocks', async () => {
    const inc = await setUp();
    const c = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', {
      kind,
      id: c.id,
      values: { fee: '123,456.07', penalty: '10000', paymentMode: '分期', signPlace: '南宁' },
      lists: {
        instalments: [
          { id: crypto.randomUUID(), values: { dueDate: '2025-08-01', amount: '100000' } as Record<string, string> },
          { id: crypto.randomUUID(), values: { milestone: '验收合格后 10 日内', amount: '23456.07' } },
        ],
      },
    });
    const file = await t.call('documents.export', { kind, id: c.id, format: 'docx', allowErrors: true });
    const bytes = Buffer.from(file.base64, 'base64');
    const text = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/[ \u3000]+/g, ' ');
    expect(text).toContain(APPENDIX_B.title);
    for (const label of APPENDIX_B.cover) expect(text).toContain(`${label}：`);
    for (const article of APPENDIX_B.articles) expect(text).toContain(article);
    for (const phrase of APPENDIX_B.phrases) expect(text).toContain(phrase);
    // A filled blank is underlined with a space either side: compare without spaces.
    const flat = text.replace(/ /g, '');
    expect(flat).toContain('技术服务报酬：人民币壹拾贰万叁仟肆佰伍拾陆元零柒分（¥123,456.07元）');
    expect(flat).toContain('违约金人民币壹万元整（¥10,000.00元）');
    expect(flat).toContain('（2）支付日期：，支付节点：验收合格后10日内，金额：人民币贰万叁仟肆佰伍拾陆元零柒分（¥23,456.07元）');
    expect(text).toContain('法定代表人/委托代理人：（签名）');
    expect(text.match(/（盖章）/g)).toHaveLength(2);
    expect(text).toContain('《中华人民共和国民法典》');

    // The Excel file of the same contract: the clauses as lines, 大写 included.
    const xlsx = await t.call('documents.export', { kind, id: c.id, format: 'xlsx', allowErrors: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64').buffer as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells.join('\n')).toContain('人民币壹拾贰万叁仟肆佰伍拾陆元零柒分（¥123,456.07元）');

    const pages = renderOfficeToPng(bytes, 'contract.docx', 'contract', 60);
    expect(pages.pageCount).toBeGreaterThanOrEqual(3);
  });

  it('demo data: a contract per demo incubator, one with instalments, one expiring within a month, one signed; CLI export and reminders --json', async () => {
    await t.call('demo.load', {});
    const all = await t.call('contracts.search', { text: '' });
    const incubators = await t.call('incubators.list', { query: '' });
    expect(new Set(all.map((c) => c.incubatorId)).size).toBe(incubators.length);
    expect(all.filter((c) => c.status === 'signed').map((c) => c.incubatorName)).toEqual(['玉林中医药健康产业孵化基地']);
    expect((await t.call('contracts.search', { text: '', expiringWithinDays: 31 })).map((c) => c.incubatorName)).toEqual(['柳州汽车零部件专业孵化器']);
    const nanning = all.find((c) => c.incubatorName === '南宁邕江科技企业孵化器')!;
    const record = (await t.call('documents.get', { kind, id: nanning.id })).record;
    expect(record.lists.instalments).toHaveLength(3);
    // The completed demo contracts pass every check (the instalments add up to the fee).
    for (const c of all.filter((x) => x.status !== 'draft')) await t.call('documents.export', { kind, id: c.id, format: 'docx' });

    const out = join(t.dir, 'out', '南宁合同.docx');
    const program = new Command().exitOverride();
    registerCommands(program, () => ({ wb: t.wb, router: t.router }));
    const log: string[] = [];
    const original = console.log;
    console.log = (line: string) => log.push(line);
    try {
      await program.parseAsync(['export', 'contract', '--incubator', '南宁邕江科技企业孵化器', '--format', 'docx', '--out', out], { from: 'user' });
      await program.parseAsync(['reminders', '--json'], { from: 'user' });
    } finally {
      console.log = original;
    }
    expect(existsSync(out)).toBe(true);
    expect((await mammoth.extractRawText({ buffer: readFileSync(out) })).value).toContain('第十三条');
    const reminders = JSON.parse(log.at(-1)!) as { kind: string; incubatorName: string }[];
    expect(reminders.map((r) => `${r.incubatorName}:${r.kind}`)).toEqual(
      expect.arrayContaining(['南宁邕江科技企业孵化器:instalmentDue', '柳州汽车零部件专业孵化器:renewalWindow', '玉林中医药健康产业孵化基地:takeEffect']),
    );
  });
});
