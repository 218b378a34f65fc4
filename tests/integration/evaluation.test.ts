// Appendix D through the router: 培育前 prefilled from the diagnosis (every shared quantity, with where it came
// from), no diagnosis (nothing prefilled, and it says so), a diagnosis changed later (offered, never applied by
// itself), and the exports read back — Word with its three columns and charts, Excel with the change as formulas.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { displayWidth } from '../../templates/xlsx/sheet-style.js';
import JSZip from 'jszip';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { SHARED_METRICS } from '../../shared/forms/shared-metrics.js';
import { evaluationDefinition } from '../../shared/forms/appendix-d/evaluation-definition.js';
import { PREFILL_SOURCE, prefillKey } from '../../shared/forms/prefill.js';
import { APPENDIX_D } from '../fixtures/standard-wording.js';

let t: TestWorkbench;
let now = new Date('2026-06-01T08:00:00Z');
beforeEach(() => {
  now = new Date('2026-06-01T08:00:00Z');
  t = openTestWorkbench({ now: () => now });
});
afterEach(() => t.cleanup());

const INCUBATOR = { name: '测试孵化器', operator: '测试运营公司', creditCode: '91450107MA5KA3RN4L', operatingSince: '2020-01-01', contactName: '韦丽娟', incubatorType: '综合型' };

/** A diagnosis holding every quantity A and D share (patents chosen as the IP basis). */
const DIAGNOSIS = {
  totalArea: 6000,
  incubateeArea: 3800,
  publicServiceArea: 700,
  selfUseArea: 900,
  otherArea: 600,
  incubatees: 24,
  registeredSmes: 10,
  sameIndustryCount: 9,
  fundedIncubatees: 4,
  ipBasis: '已申请专利的在孵企业数量',
  patentCount: 8,
  graduates: 5,
  graduatesHighTech: 2,
  graduatesInvested: 1,
  graduatesRevenue: 1,
  seedFund: 150,
  staffTotal: 8,
  serviceStaff: 5,
  mentors: 4,
  hasFacilities: true,
};

async function incubatorWithDiagnosis(values: Record<string, unknown> = DIAGNOSIS) {
  const inc = await t.call('incubators.save', { values: INCUBATOR });
  const d = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
  await t.call('documents.saveDraft', { kind: 'diagnosis', id: d.id, values: values as never });
  return { inc, diagnosis: d };
}

describe('培育前 from the diagnosis', () => {
  it('takes every shared quantity (and 1.2 from the areas, and the rule set), each saying where it came from', async () => {
    const { inc, diagnosis } = await incubatorWithDiagnosis();
    const e = await t.call('documents.create', { kind: 'evaluation', incubatorId: inc.id });
    for (const key of Object.keys(SHARED_METRICS)) {
      // validIpCount is not filled in the diagnosis (patents were chosen): nothing to take.
      if (key === 'validIpCount') {
        expect(e.values[`${key}Before`] ?? null).toBeNull();
        continue;
      }
      expect(e.values[`${key}Before`], key).toBe((DIAGNOSIS as Record<string, unknown>)[key]);
      expect(e.values[prefillKey(`${key}Before`)], key).toBe((DIAGNOSIS as Record<string, unknown>)[key]);
      expect(e.values[`${key}After`] ?? null, key).toBeNull();
    }
    expect(e.values.areaShareBefore).toBe(75);
    expect(e.values[PREFILL_SOURCE]).toBe(diagnosis.id);
    const view = await t.call('documents.get', { kind: 'evaluation', id: e.id });
    expect(view.prefill).toMatchObject({ sourceId: diagnosis.id, sourceName: '诊断意见表', stale: false });
  });

  it('with no diagnosis prefills nothing and says so; a diagnosis made later is offered', async () => {
    const inc = await t.call('incubators.save', { values: INCUBATOR });
    const e = await t.call('documents.create', { kind: 'evaluation', incubatorId: inc.id });
    expect(Object.keys(SHARED_METRICS).every((k) => (e.values[`${k}Before`] ?? null) === null)).toBe(true);
    expect((await t.call('documents.get', { kind: 'evaluation', id: e.id })).prefill).toEqual({ sourceId: null, sourceDate: null, sourceName: '诊断意见表', stale: false });
    const d = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: d.id, values: DIAGNOSIS });
    expect((await t.call('documents.get', { kind: 'evaluation', id: e.id })).prefill?.stale).toBe(true);
  });

  it('a diagnosis changed after the prefill is offered, never applied silently; a refresh keeps what was typed over', async () => {
    const { inc, diagnosis } = await incubatorWithDiagnosis();
    const e = await t.call('documents.create', { kind: 'evaluation', incubatorId: inc.id });
    // The consultant corrects one prefilled value; the diagnosis changes later.
    await t.call('documents.saveDraft', { kind: 'evaluation', id: e.id, values: { mentorsBefore: 6 } });
    now = new Date('2026-06-02T08:00:00Z');
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: diagnosis.id, values: { totalArea: 6500, mentors: 5 } });
    const view = await t.call('documents.get', { kind: 'evaluation', id: e.id });
    expect(view.prefill?.stale).toBe(true);
    expect(view.record.values.totalAreaBefore).toBe(6000);
    const refreshed = await t.call('documents.refreshPrefill', { kind: 'evaluation', id: e.id });
    expect(refreshed.record.values.totalAreaBefore).toBe(6500);
    expect(refreshed.record.values.mentorsBefore).toBe(6);
    expect(refreshed.kept).toContain('2.5 聘请创业导师人数（人）（培育前）');
    expect(refreshed.updated).toContain('1.1 可自主支配的孵化场地总面积（m²）（培育前）');
    expect((await t.call('documents.get', { kind: 'evaluation', id: e.id })).prefill?.stale).toBe(false);
  });
});

describe('the evaluation exported', () => {
  async function filledEvaluation() {
    const { inc } = await incubatorWithDiagnosis();
    const e = await t.call('documents.create', { kind: 'evaluation', incubatorId: inc.id });
    await t.call('documents.saveDraft', {
      kind: 'evaluation',
      id: e.id,
      values: { totalAreaAfter: 7200, staffTotalAfter: 10, serviceStaffAfter: 8, mentorsAfter: 6, incubateesAfter: 30, enterprisesAfter: 36, enterprisesBefore: 30, fundedIncubateesAfter: 6, hasPlatformAfter: true, platformNameAfter: '检验检测平台', siteOwnershipBefore: '清晰', siteOwnershipAfter: '清晰' },
    });
    return e;
  }

  it('Word: the three columns, every row of 表D.1, □/☑, the signature block, and the two charts after the table', async () => {
    const e = await filledEvaluation();
    const file = await t.call('documents.export', { kind: 'evaluation', id: e.id, format: 'docx', allowErrors: true });
    expect(file.fileName).toMatch(/^测试孵化器-培育效果评价表-\d{4}年\d{2}月\d{2}日\.docx$/);
    const buffer = Buffer.from(file.base64, 'base64');
    const text = (await mammoth.extractRawText({ buffer })).value;
    for (const s of [APPENDIX_D.title, APPENDIX_D.tableNumber, ...APPENDIX_D.columns, ...APPENDIX_D.groups.slice(0, 9), ...APPENDIX_D.rows]) expect(text, s).toContain(s);
    expect(text).toContain('清晰☑');
    expect(text).toContain('如是，平台名称：检验检测平台');
    expect(text).toContain('（签字）');
    const zip = await JSZip.loadAsync(buffer);
    const media = zip.file(/word\/media\/.*\.png/);
    expect(media).toHaveLength(2);
    expect(text.indexOf('图1 培育前后主要指标对比')).toBeGreaterThan(text.indexOf('7.13'));
  });

  it('Excel: before, after and the change as a formula; computed rows as formulas in both columns', async () => {
    const e = await filledEvaluation();
    const file = await t.call('documents.export', { kind: 'evaluation', id: e.id, format: 'xlsx', allowErrors: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64').buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['培育效果评价表', '认定条件对照']);
    const sheet = wb.getWorksheet('培育效果评价表')!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    const area = rowOf('1.1 可自主支配的孵化场地总面积（m²）');
    expect(area.getCell(2).value).toBe(6000);
    expect(area.getCell(3).value).toBe(7200);
    expect(area.getCell(4).value).toMatchObject({ formula: `IF(AND(ISNUMBER(C${area.number}),ISNUMBER(B${area.number})),C${area.number}-B${area.number},"")`, result: 1200 });
    const share = rowOf('2.3 孵化服务人员数量占机构总人数比例（%）');
    const staff = rowOf('2.1 运营机构总人数（人）');
    const service = rowOf('2.2 孵化服务人员总数（人）');
    for (const [col, letter, result] of [[2, 'B', 5 / 8], [3, 'C', 8 / 10]] as const) {
      const v = share.getCell(col).value as { formula: string; result: number };
      expect(v.formula).toContain(`SUM(${letter}${service.number})/${letter}${staff.number}`);
      expect(v.result).toBeCloseTo(result);
    }
    // 2.4 reads 6.2, which comes later in the sheet: its formula is written once 6.2 has its cell.
    const perStaff = rowOf('2.4 每个孵化服务人员负责对接在孵企业数量（家）').getCell(3).value as { formula: string; result: number };
    const incubatees = rowOf('6.2 孵化器内在孵科技型企业数量（家）');
    expect(perStaff.formula).toContain(`SUM(C${incubatees.number})/C${service.number}`);
    expect(perStaff.result).toBeCloseTo(30 / 8);
    expect(rowOf('1.3 孵化场地运营管理情况（产权）').getCell(2).value).toBe('清晰☑  不清晰□');
    // The label column holds a metric's name on one line (a CJK character is two units), the longest on two; the
    // header's 统一社会信用代码 (18 characters) fits its value column unbroken.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(displayWidth('1.1 可自主支配的孵化场地总面积（m²）'));
    expect(sheet.getColumn(1).width! * 2).toBeGreaterThanOrEqual(displayWidth('1.2 在孵企业使用面积（含公共服务面积）占总面积比例（%）'));
    expect(sheet.getColumn(4).width).toBeGreaterThan(18);
    // Figures, typed or computed, are right-aligned.
    expect(area.getCell(4).alignment.horizontal).toBe('right');
    expect(share.getCell(2).alignment.horizontal).toBe('right');
  });
});

describe('demo data and the command line', () => {
  it('gives every demo incubator an evaluation, prefilled from its diagnosis, and exports it by name', async () => {
    await t.call('demo.load', {});
    const list = await t.call('documents.list', { kind: 'evaluation' });
    expect(list).toHaveLength(5);
    for (const s of list.filter((d) => d.status === 'completed')) {
      const view = await t.call('documents.get', { kind: 'evaluation', id: s.id });
      expect(view.prefill?.sourceId).not.toBeNull();
    }
    const program = new Command().exitOverride();
    registerExportCommand(program, () => ({ wb: t.wb, router: t.router }));
    const original = console.log;
    console.log = () => undefined;
    try {
      for (const format of ['docx', 'xlsx']) {
        const out = join(t.dir, 'out', `南宁.${format}`);
        await program.parseAsync(['export', 'evaluation', '--incubator', '南宁邕江科技企业孵化器', '--format', format, '--out', out], { from: 'user' });
        expect(existsSync(out)).toBe(true);
        if (format === 'docx') expect((await mammoth.extractRawText({ buffer: readFileSync(out) })).value).toContain('南宁邕江科技企业孵化器');
      }
    } finally {
      console.log = original;
    }
    expect(evaluationDefinition.kind).toBe('evaluation');
  });
});
