// The documents.* methods through the router, for Appendix A: drafts kept as typed, completing, the copy of the
// incubator header (7.3), exports with and without errors, demo data, the command line, rule sets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { failureOf } from '../support/rpc-failure.js';
import { auditLog, outbox, ruleSets } from '../../db/schema/index.js';
import { TGXAS_453_RULE_SET } from '../../shared/eligibility/builtin-rule-sets.js';
import { ruleSetSchema } from '../../shared/eligibility/rule-set-schema.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { documentModelFor } from '../../core/services/document-model-service.js';
import { getDocument } from '../../db/repositories/document-repository.js';

let t: TestWorkbench;
let now = new Date('2025-07-01T08:00:00Z');
beforeEach(() => {
  now = new Date('2025-07-01T08:00:00Z');
  t = openTestWorkbench({ now: () => now });
});
afterEach(() => t.cleanup());

const INCUBATOR = {
  name: '测试孵化器',
  operator: '测试运营公司',
  creditCode: '91450107MA5KA3RN4L',
  operatingSince: '2020-01-01',
  contactName: '韦丽娟',
};

async function newIncubator(type: '专业型' | '综合型' = '综合型') {
  return t.call('incubators.save', { values: { ...INCUBATOR, incubatorType: type, industry: type === '专业型' ? '电子信息' : '' } });
}

const kind = 'diagnosis' as const;
const COMPLETE = { totalArea: 6000, incubatees: 20, registeredSmes: 8 };

describe('documents through the router', () => {
  it('saves drafts as typed, with one outbox op per changed field (in wire terms) and an audit row', async () => {
    const inc = await newIncubator();
    const d = await t.call('documents.create', { kind, incubatorId: inc.id });
    expect(d.status).toBe('draft');
    expect(d.values.diagnosedOn).toBe('2025-07-01');
    expect(d.values.ruleSetId).toBe(TGXAS_453_RULE_SET.id);

    const saved = await t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: '1,234.5', incubatees: '１２', seedFund: '二百', consultants: '黄敏' } });
    expect(saved.values).toMatchObject({ totalArea: 1234.5, incubatees: 12, seedFund: '二百', consultants: '黄敏' });

    const { db } = t.wb.database;
    const fields = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.entity, 'diagnoses'), eq(outbox.rowId, d.id)))
      .all()
      .map((o) => o.field);
    // The meta fields keep the wire names they always had (no server data moved); the form's values are values.<key>.
    expect(fields).toEqual(expect.arrayContaining(['values.totalArea', 'values.incubatees', 'values.seedFund', 'consultants', 'diagnosedOn', 'ruleSetId', 'header', 'agency']));
    expect(db.select().from(auditLog).where(eq(auditLog.rowId, d.id)).all().map((a) => a.action)).toEqual(['create', 'update']);
    await t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 1234.5 } });
    expect(db.select().from(auditLog).where(eq(auditLog.rowId, d.id)).all()).toHaveLength(2);
    const unknownSet = await failureOf(t.call('documents.saveDraft', { kind, id: d.id, values: { ruleSetId: 'no-such-set' } }));
    expect(unknownSet).toMatchObject({ kind: 'validation', field: 'ruleSetId' });
  });

  it('completes only without errors, then refuses edits until reopened', async () => {
    const inc = await newIncubator('专业型');
    const d = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 6000, incubatees: 10, registeredSmes: 12 } });
    const refused = await failureOf(t.call('documents.complete', { kind, id: d.id }));
    expect(refused.kind).toBe('validation');
    const fields = refused.issues!.map((i) => i.field);
    expect(fields).toContain('registeredSmes');
    expect(fields).toContain('sameIndustryCount'); // 专业型
    await t.call('documents.saveDraft', { kind, id: d.id, values: { registeredSmes: 8, sameIndustryCount: 9 } });
    const done = await t.call('documents.complete', { kind, id: d.id });
    expect(done.status).toBe('completed');
    expect((await failureOf(t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 1 } }))).kind).toBe('conflict');
    expect((await t.call('documents.reopen', { kind, id: d.id })).status).toBe('draft');
  });

  it('lists several documents of an incubator with date and status, newest first', async () => {
    const inc = await newIncubator();
    const a = await t.call('documents.create', { kind, incubatorId: inc.id, values: { diagnosedOn: '2024-03-01', consultants: '刘建新' } });
    await t.call('documents.create', { kind, incubatorId: inc.id, values: { diagnosedOn: '2025-03-01' } });
    await t.call('documents.saveDraft', { kind, id: a.id, values: COMPLETE });
    await t.call('documents.complete', { kind, id: a.id });
    const list = await t.call('documents.list', { kind, incubatorId: inc.id });
    expect(list.map((d) => [d.date, d.status])).toEqual([
      ['2025-03-01', 'draft'],
      ['2024-03-01', 'completed'],
    ]);
    // The team carries over to the next diagnosis of the incubator.
    expect(list[0]!.values.consultants).toBe('刘建新');
    expect(list[0]!.incubatorName).toBe('测试孵化器');
  });
});

describe('the copy of the incubator header (7.3)', () => {
  it('a completed document keeps and prints its copy; a draft says what changed and takes it over with one click', async () => {
    const inc = await newIncubator();
    const done = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind, id: done.id, values: COMPLETE });
    await t.call('documents.complete', { kind, id: done.id });
    const before = await t.call('documents.export', { kind, id: done.id, format: 'docx' });
    const draft = await t.call('documents.create', { kind, incubatorId: inc.id });

    now = new Date('2025-07-02T08:00:00Z');
    await t.call('incubators.save', { id: inc.id, values: { ...INCUBATOR, incubatorType: '综合型', name: '测试孵化器（更名后）', contactName: '李明' } });

    // The completed one: unchanged, and it says the record changed since.
    const completedView = await t.call('documents.get', { kind, id: done.id });
    expect(completedView.changedSince.incubator).toEqual(['孵化器名称', '联系人']);
    const after = await t.call('documents.export', { kind, id: done.id, format: 'docx' });
    const text = (b64: string) => mammoth.extractRawText({ buffer: Buffer.from(b64, 'base64') }).then((r) => r.value);
    expect(await text(after.base64)).toBe(await text(before.base64));
    expect(await text(after.base64)).not.toContain('更名后');
    expect(after.fileName).toBe(before.fileName);

    // The draft: still its copy, the change offered, never applied silently.
    const draftView = await t.call('documents.get', { kind, id: draft.id });
    expect(draftView.record.snapshots.incubator?.values.name).toBe('测试孵化器');
    expect(draftView.changedSince.incubator).toEqual(['孵化器名称', '联系人']);
    await t.call('documents.saveDraft', { kind, id: draft.id, values: COMPLETE });
    const asked = await failureOf(t.call('documents.complete', { kind, id: draft.id }));
    expect(asked.kind).toBe('needs-confirmation');
    expect(asked.message).toContain('孵化器名称');
    const taken = await t.call('documents.takeOverHeader', { kind, id: draft.id });
    expect(taken.snapshots.incubator?.values.name).toBe('测试孵化器（更名后）');
    expect((await t.call('documents.get', { kind, id: draft.id })).changedSince.incubator).toEqual([]);
    expect((await t.call('documents.complete', { kind, id: draft.id })).status).toBe('completed');
  });

  it('completing with a changed record keeps the draft’s copy when asked to', async () => {
    const inc = await newIncubator();
    const d = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind, id: d.id, values: COMPLETE });
    await t.call('incubators.save', { id: inc.id, values: { ...INCUBATOR, incubatorType: '综合型', operator: '新运营公司' } });
    const done = await t.call('documents.complete', { kind, id: d.id, header: 'copy' });
    expect(done.snapshots.incubator?.values.operator).toBe('测试运营公司');
    const model = documentModelFor(t.wb.database.db, getDocument(t.wb.database.db, kind, d.id)!);
    expect(model.header.operator).toBe('测试运营公司');
  });
});

describe('exports', () => {
  it('a document with errors is exported only when asked, and then says 「草稿」 on every page', async () => {
    const inc = await newIncubator();
    const d = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind, id: d.id, values: { ...COMPLETE, mentors: '2.5' } });
    const asked = await failureOf(t.call('documents.export', { kind, id: d.id, format: 'docx' }));
    expect(asked.kind).toBe('needs-confirmation');
    expect(asked.message).toContain('草稿');
    const file = await t.call('documents.export', { kind, id: d.id, format: 'docx', allowErrors: true });
    const headers = await (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file(/word\/header\d*\.xml/);
    const xml = (await Promise.all(headers.map((h) => h.async('string')))).join('');
    expect(xml).toContain('草稿 · 尚有 1 处数据未通过检查');
  });

  it('exports .docx and .xlsx as base64 with a Chinese file name, readable back', async () => {
    await t.call('demo.load', {});
    const [first] = await t.call('documents.list', { kind });
    const docx = await t.call('documents.export', { kind, id: first!.id, format: 'docx' });
    expect(docx.fileName).toMatch(/^.+-诊断意见表-\d{4}年\d{2}月\d{2}日\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.base64, 'base64') })).value;
    expect(text).toContain('科技企业孵化器培育诊断意见表');
    expect(text).toContain(first!.incubatorName);
    expect(text).toContain('广西科创孵化服务中心（示例）');
    const xlsx = await t.call('documents.export', { kind, id: first!.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64').buffer as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['诊断意见表', '认定条件对照']);
  });
});

describe('demo data and the command line', () => {
  it('gives every demo incubator a diagnosis: 南宁 meets §4.1 (verdicts recorded), 北海 falls short on several rules', async () => {
    await t.call('demo.load', {});
    const list = await t.call('documents.list', { kind });
    expect(list).toHaveLength(5);
    const resultOf = (name: string) => documentModelFor(t.wb.database.db, getDocument(t.wb.database.db, kind, list.find((d) => d.incubatorName === name)!.id)!).eligibility!;
    const good = resultOf('南宁邕江科技企业孵化器');
    expect(good.counts['not-met']).toBe(0);
    expect(good.counts.insufficient).toBe(0);
    expect(good.counts.consultant).toBe(0);
    expect(resultOf('北海向海经济科技孵化器').counts['not-met']).toBeGreaterThanOrEqual(5);
    await t.call('demo.load', {});
    expect(await t.call('documents.list', { kind })).toHaveLength(5);
  });

  it('exports the latest diagnosis of an incubator by name', async () => {
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
    expect((await mammoth.extractRawText({ buffer: readFileSync(out) })).value).toContain('北海向海经济科技孵化器');
    await expect(program.parseAsync(['export', 'diagnosis', '--incubator', '不存在', '--format', 'xlsx', '--out', out], { from: 'user' })).rejects.toThrow('找不到孵化器');
  });
});

describe('rule sets', () => {
  it('copies a built-in set (remembering its version), edits a threshold, and a diagnosis switches to it', async () => {
    const copy = await t.call('ruleSets.copy', { id: TGXAS_453_RULE_SET.id, name: '本机构口径' });
    expect(copy).toMatchObject({ builtin: false, basedOn: { id: TGXAS_453_RULE_SET.id, version: 2 } });
    const edited = { ...copy, rules: copy.rules.map((r) => (r.id === '4.1.3' ? { ...r, anyOf: [{ quantity: 'totalArea' as const, op: '>=' as const, threshold: 3000 }] } : r)) };
    const saved = await t.call('ruleSets.save', { ruleSet: edited });
    expect(saved.rules.find((r) => r.id === '4.1.3')!.anyOf[0]!.threshold).toBe(3000);
    const inc = await newIncubator();
    const d = await t.call('documents.create', { kind, incubatorId: inc.id });
    expect((await t.call('documents.saveDraft', { kind, id: d.id, values: { ruleSetId: copy.id } })).values.ruleSetId).toBe(copy.id);
    expect(await t.call('ruleSets.corrections', {})).toEqual([]);
  });

  it('an agency copy saved before the correction is offered it, and keeps its own edits when it takes it', async () => {
    // A row as version 0.x of the app saved it: no basedOn, the old strict 4.1.5, no 4.1.2, its own 4.1.3.
    const oldRules = TGXAS_453_RULE_SET.rules
      .filter((r) => r.id !== '4.1.2')
      .map((r) => (r.id === '4.1.5' ? { ...r, anyOf: [{ quantity: 'serviceStaffShare', op: '>', threshold: 70 }] } : r.id === '4.1.3' ? { ...r, anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 4000 }] } : r));
    t.wb.database.db
      .insert(ruleSets)
      .values({ id: 'agency-old', createdAt: 'x', updatedAt: 'x', name: '旧副本', source: TGXAS_453_RULE_SET.source, level: '', rulesJson: JSON.stringify(oldRules) })
      .run();
    const offered = await t.call('ruleSets.corrections', {});
    expect(offered).toHaveLength(1);
    expect(offered[0]!.changes.join('\n')).toContain('4.1.5「70%以上」改为“不低于 70%”');
    const fixed = await t.call('ruleSets.applyCorrections', { id: 'agency-old' });
    expect(fixed.rules.find((r) => r.id === '4.1.5')!.anyOf[0]!.op).toBe('>=');
    expect(fixed.rules.find((r) => r.id === '4.1.3')!.anyOf[0]!.threshold).toBe(4000);
    expect(fixed.rules.some((r) => r.id === '4.1.2')).toBe(true);
    expect(await t.call('ruleSets.corrections', {})).toEqual([]);
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
  });
});
