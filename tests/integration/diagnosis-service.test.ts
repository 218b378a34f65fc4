import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { auditLog, outbox } from '../../db/schema/index.js';
import { TGXAS_453_RULE_SET } from '../../shared/eligibility/builtin-rule-sets.js';
import { evaluateRuleSet } from '../../shared/eligibility/evaluate.js';
import { checkDiagnosis, headerValuesOf } from '../../shared/domain/diagnosis.js';
import { ruleSetSchema } from '../../shared/eligibility/rule-set-schema.js';
import { registerExportCommand } from '../../core/cli/export-command.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2025-07-01T08:00:00Z') });
});
afterEach(() => t.cleanup());

async function failureOf(p: Promise<unknown>): Promise<{ kind: string; message: string; issues?: { field: string; message: string }[] }> {
  try {
    await p;
  } catch (e) {
    return (e as { rpc: { kind: string; message: string } }).rpc;
  }
  throw new Error('expected the call to fail');
}

async function newIncubator(type: '专业型' | '综合型' = '综合型') {
  return t.call('incubators.save', {
    values: {
      name: '测试孵化器',
      operator: '测试运营公司',
      creditCode: '91450107MA5KA3RN4L',
      incubatorType: type,
      industry: type === '专业型' ? '电子信息' : '',
      operatingSince: '2020-01-01',
    },
  });
}

describe('diagnoses through the router', () => {
  it('saves drafts as typed, records one outbox op per changed field and an audit row', async () => {
    const inc = await newIncubator();
    const d = await t.call('diagnoses.create', { incubatorId: inc.id });
    expect(d.status).toBe('draft');
    expect(d.diagnosedOn).toBe('2025-07-01');

    const saved = await t.call('diagnoses.saveDraft', { id: d.id, values: { totalArea: '1,234.5', incubatees: '１２', seedFund: '二百' } });
    expect(saved.values.totalArea).toBe(1234.5);
    expect(saved.values.incubatees).toBe(12);
    expect(saved.values.seedFund).toBe('二百'); // not yet a number: kept as typed

    const { db } = t.wb.database;
    const ops = db.select().from(outbox).where(and(eq(outbox.entity, 'diagnoses'), eq(outbox.rowId, d.id))).all();
    const updateOps = ops.filter((o) => ['values.totalArea', 'values.incubatees', 'values.seedFund'].includes(o.field));
    expect(updateOps.map((o) => o.field).sort()).toEqual(['values.incubatees', 'values.seedFund', 'values.totalArea']);
    expect(JSON.parse(updateOps.find((o) => o.field === 'values.totalArea')!.newValue)).toBe(1234.5);
    const audits = db.select().from(auditLog).where(eq(auditLog.rowId, d.id)).all();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);

    // Saving the same values again changes nothing and records nothing.
    await t.call('diagnoses.saveDraft', { id: d.id, values: { totalArea: 1234.5 } });
    expect(db.select().from(auditLog).where(eq(auditLog.rowId, d.id)).all()).toHaveLength(2);
  });

  it('completes only without errors, then refuses edits until reopened', async () => {
    const inc = await newIncubator('专业型');
    const d = await t.call('diagnoses.create', { incubatorId: inc.id });
    await t.call('diagnoses.saveDraft', { id: d.id, values: { totalArea: 6000, incubatees: 10, registeredSmes: 12 } });
    const refused = await failureOf(t.call('diagnoses.complete', { id: d.id }));
    expect(refused.kind).toBe('validation');
    const fields = refused.issues!.map((i) => i.field);
    expect(fields).toContain('registeredSmes');
    expect(fields).toContain('sameIndustryCount'); // 专业型
    expect(refused.issues!.find((i) => i.field === 'registeredSmes')!.message).toContain('不能大于');

    await t.call('diagnoses.saveDraft', { id: d.id, values: { registeredSmes: 8, sameIndustryCount: 9 } });
    const done = await t.call('diagnoses.complete', { id: d.id });
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect((await failureOf(t.call('diagnoses.saveDraft', { id: d.id, values: { totalArea: 1 } }))).kind).toBe('conflict');
    const reopened = await t.call('diagnoses.reopen', { id: d.id });
    expect(reopened.status).toBe('draft');
    await t.call('diagnoses.saveDraft', { id: d.id, values: { totalArea: 6500 } });
  });

  it('lists several diagnoses of an incubator with date and status, newest first', async () => {
    const inc = await newIncubator();
    const a = await t.call('diagnoses.create', { incubatorId: inc.id, diagnosedOn: '2024-03-01' });
    await t.call('diagnoses.create', { incubatorId: inc.id, diagnosedOn: '2025-03-01' });
    await t.call('diagnoses.saveDraft', { id: a.id, values: { totalArea: 6000, incubatees: 20 } });
    await t.call('diagnoses.complete', { id: a.id });
    const list = await t.call('diagnoses.list', { incubatorId: inc.id });
    expect(list.map((d) => [d.diagnosedOn, d.status])).toEqual([
      ['2025-03-01', 'draft'],
      ['2024-03-01', 'completed'],
    ]);
    expect(list[0]!.incubatorName).toBe('测试孵化器');
  });
});

describe('demo data and exports', () => {
  it('gives every demo incubator a diagnosis: 南宁 meets §4.1, 北海 falls short on several rules', async () => {
    await t.call('demo.load', {});
    const list = await t.call('diagnoses.list', {});
    expect(list).toHaveLength(5);
    const set = ruleSetSchema.parse(TGXAS_453_RULE_SET);
    const resultOf = async (name: string) => {
      const summary = list.find((d) => d.incubatorName === name)!;
      const view = await t.call('diagnoses.get', { id: summary.id });
      const check = checkDiagnosis(view.record.values, headerValuesOf(view.incubator));
      return evaluateRuleSet(set, { check, header: headerValuesOf(view.incubator), asOf: view.record.diagnosedOn });
    };
    const good = await resultOf('南宁邕江科技企业孵化器');
    expect(good.counts['not-met']).toBe(0);
    expect(good.counts.insufficient).toBe(0);
    const poor = await resultOf('北海向海经济科技孵化器');
    expect(poor.counts['not-met']).toBeGreaterThanOrEqual(5);
    // Loading twice adds nothing twice.
    await t.call('demo.load', {});
    expect(await t.call('diagnoses.list', {})).toHaveLength(5);
  });

  it('exports .docx and .xlsx as base64 with a Chinese file name, readable back', async () => {
    await t.call('demo.load', {});
    const [first] = await t.call('diagnoses.list', {});
    const docx = await t.call('diagnoses.export', { id: first!.id, format: 'docx' });
    expect(docx.fileName).toMatch(/^.+-诊断意见表-\d{4}年\d{2}月\d{2}日\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.base64, 'base64') })).value;
    expect(text).toContain('科技企业孵化器培育诊断意见表');
    expect(text).toContain(first!.incubatorName);
    expect(text).toContain('广西科创孵化服务中心（示例）');

    const xlsx = await t.call('diagnoses.export', { id: first!.id, format: 'xlsx' });
    expect(xlsx.fileName.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64').buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['诊断意见表', '认定条件对照']);
  });

  it('the command line exports the latest diagnosis of an incubator by name', async () => {
    await t.call('demo.load', {});
    const out = join(t.dir, 'out', '北海.docx');
    const program = new Command().exitOverride();
    registerExportCommand(program, () => ({ wb: t.wb, router: t.router }));
    const log: string[] = [];
    const original = console.log;
    console.log = (s: string) => log.push(s);
    try {
      await program.parseAsync(['export', 'diagnosis', '--incubator', '北海向海经济科技孵化器', '--format', 'docx', '--out', out], { from: 'user' });
    } finally {
      console.log = original;
    }
    expect(existsSync(out)).toBe(true);
    expect(log.join('\n')).toContain('已导出');
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain('北海向海经济科技孵化器');
    await expect(
      program.parseAsync(['export', 'diagnosis', '--incubator', '不存在', '--format', 'xlsx', '--out', out], { from: 'user' }),
    ).rejects.toThrow('找不到孵化器');
  });
});

describe('rule sets', () => {
  it('copies a built-in set, edits a threshold, and a diagnosis switches to it', async () => {
    const copy = await t.call('ruleSets.copy', { id: TGXAS_453_RULE_SET.id, name: '本机构口径' });
    expect(copy.builtin).toBe(false);
    const edited = { ...copy, rules: copy.rules.map((r) => (r.id === '4.1.3' ? { ...r, anyOf: [{ quantity: 'totalArea' as const, op: '>=' as const, threshold: 3000 }] } : r)) };
    const saved = await t.call('ruleSets.save', { ruleSet: edited });
    expect(saved.rules.find((r) => r.id === '4.1.3')!.anyOf[0]!.threshold).toBe(3000);
    const inc = await newIncubator();
    const d = await t.call('diagnoses.create', { incubatorId: inc.id });
    const switched = await t.call('diagnoses.saveDraft', { id: d.id, ruleSetId: copy.id });
    expect(switched.ruleSetId).toBe(copy.id);
    expect((await t.call('ruleSets.list', {})).map((s) => s.name)).toContain('本机构口径');
  });

  it('refuses a bad rule file whole, with the reason, and stores nothing', async () => {
    const before = await t.call('ruleSets.list', {});
    const bad = JSON.stringify({ id: 'x', name: '坏文件', source: '测试', rules: [{ id: 'a', clause: '1', title: 't', strength: '应', anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 'five' }] }] });
    const refused = await failureOf(t.call('ruleSets.import', { text: bad }));
    expect(refused.kind).toBe('validation');
    expect(refused.message).toContain('threshold 应为数字');
    expect(await t.call('ruleSets.list', {})).toHaveLength(before.length);
    expect((await failureOf(t.call('ruleSets.import', { text: '{"id": ' }))).message).toContain('不是有效的 JSON');
    expect((await failureOf(t.call('ruleSets.save', { ruleSet: ruleSetSchema.parse(TGXAS_453_RULE_SET) }))).message).toContain('内置规则集');
    const good = await t.call('ruleSets.import', { text: JSON.stringify({ ...TGXAS_453_RULE_SET, id: 'my-set', name: '导入的规则集', builtin: false }) });
    expect(good.id).toBe('my-set');
  });
});
