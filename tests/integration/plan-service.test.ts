// Appendix C through the router on a real SQLite file: a new plan starts from the latest completed diagnosis
// (二、前期诊断结论 and 一's starting text), tasks and budget lines with their checks, bad input kept and
// named, completing lists every empty required section, and the Word file read back with every heading.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';
import { APPENDIX_C } from '../fixtures/standard-wording.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { readContractTerms } from '../../core/services/contract-terms-reader.js';
import { registerExportCommand } from '../../core/cli/export-command.js';
import { documentModelFor } from '../../core/services/document-model-service.js';
import { getDocument } from '../../db/repositories/document-repository.js';
import { errorsOf } from '../../shared/forms/document-check.js';
import { diffDocumentRevisions } from '../../shared/forms/revision-content.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2025-07-01T08:00:00Z') });
});
afterEach(() => t.cleanup());

const kind = 'plan' as const;

async function incubatorWithDiagnosis() {
  const inc = await t.call('incubators.save', {
    values: { name: '百色右江科技企业孵化器', operator: '百色右江创业服务有限公司', creditCode: '91450107MA5KA3RN4L', operatingSince: '2020-01-01', incubatorType: '综合型' },
  });
  const d = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
  await t.call('documents.saveDraft', {
    kind: 'diagnosis',
    id: d.id,
    values: { totalArea: 2500, incubateeArea: 1500, incubatees: 12, mentors: 1, staffTotal: 6, serviceStaff: 3, summary: '场地与团队基础尚可，导师和在孵企业数量不足。' },
  });
  await t.call('documents.complete', { kind: 'diagnosis', id: d.id });
  return inc;
}

const task = (id: string, values: Record<string, string | null>) => ({ id, values });

describe('the cultivation plan', () => {
  it('starts from the latest completed diagnosis: its summary and its unmet conditions with their gaps', async () => {
    const inc = await incubatorWithDiagnosis();
    // A later draft diagnosis is not a conclusion yet: the completed one is used.
    const draft = await t.call('documents.create', { kind: 'diagnosis', incubatorId: inc.id });
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: draft.id, values: { summary: '尚未完成的诊断' } });

    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    const conclusion = String(plan.values.diagnosisConclusion);
    expect(conclusion).toContain('场地与团队基础尚可，导师和在孵企业数量不足。');
    expect(conclusion).not.toContain('尚未完成的诊断');
    expect(conclusion).toMatch(/尚有以下差距/);
    // Each unmet rule a bullet with its gap: 1 mentor of at least 3, 12 incubatees of at least 20.
    expect(conclusion.split('\n').filter((l) => l.startsWith('• ')).join('\n')).toMatch(/创业导师[\s\S]*当前 1/);
    expect(conclusion).toMatch(/• .*在孵企业.*当前 12/);
    expect(plan.values.basicConstruction).toContain('可自主支配的孵化场地总面积2,500.00 平方米');
    expect(plan.values.basicConstruction).toContain('孵化器类型为综合型');
    expect(plan.values.basicMentors).toBe('创业导师数量1 人。');
    expect(plan.values.planStart).toBe('2025-07');
    // Still editable: the consultant rewrites it.
    const edited = await t.call('documents.saveDraft', { kind, id: plan.id, values: { diagnosisConclusion: '改写后的结论' } });
    expect(edited.values.diagnosisConclusion).toBe('改写后的结论');
  });

  it('without a diagnosis or a contract: empty sections, no contract warnings', async () => {
    const inc = await t.call('incubators.save', { values: { name: '无诊断孵化器', operator: '无诊断运营公司', creditCode: '91450107MA5KA3RN4L' } });
    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    expect(plan.values.diagnosisConclusion).toBe('');
    expect(plan.values.contractFee).toBeNull();
    expect(readContractTerms(t.wb.database.db, inc.id)).toBeNull();
  });

  it('tasks in order, budget totals in 分 against the contract fee, and bad input kept with its message', async () => {
    const inc = await incubatorWithDiagnosis();
    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', {
      kind,
      id: plan.id,
      values: { planStart: '2025年7月', contractFee: '50,000', contractEnd: '2026-06-30' },
      lists: {
        tasks: [
          task('task-0001', { description: '完善入孵、毕业管理制度', dueMonth: '2025年09月前', owner: '黄敏' }),
          task('task-0002', { description: '聘请创业导师 3 名', dueMonth: '2025年13月', owner: '刘建新' }),
          task('task-0003', { description: '引进在孵企业', dueMonth: '2025-08' }),
          task('task-0004', { description: '申报自治区级孵化器', dueMonth: '2026年09月' }),
        ],
        budget: [
          { id: 'budget-001', values: { item: '专家咨询费', amount: '30,000.00' } },
          { id: 'budget-002', values: { item: '培训费', amount: '25,000.50' } },
          { id: 'budget-003', values: { item: '差旅费', amount: '-300' } },
          { id: 'budget-004', values: { item: '资料费', amount: '五百元' } },
        ],
      },
    });
    const view = await t.call('documents.get', { kind, id: plan.id });
    // Nothing typed is lost: the bad month and amounts are kept as typed.
    const tasks = view.record.lists.tasks!;
    expect(tasks.map((x) => x.values.dueMonth)).toEqual(['2025-09', '2025年13月', '2025-08', '2026-09']);
    expect(view.record.lists.budget!.map((x) => x.values.amount)).toEqual([3_000_000, 2_500_050, '-300', '五百元']);
    expect(view.record.values.contractFee).toBe(5_000_000);

    const refused = await t.failure('documents.complete', { kind, id: plan.id });
    const issue = (field: string) => refused.issues?.filter((i) => i.field === field).map((i) => i.message);
    expect(issue('lists.tasks.task-0002.dueMonth')).toEqual(['月份应为 1–12，「13月」不存在']);
    expect(issue('lists.tasks.task-0003.dueMonth')).toEqual(['任务3的期限（2025年08月）早于任务1（2025年09月），请按时间顺序排列']);
    expect(issue('lists.tasks.task-0004.dueMonth')).toEqual(['任务4的期限（2026年09月）晚于合同期满（2026年06月30日），需续签合同或调整期限']);
    expect(issue('lists.budget.budget-003.amount')).toEqual(['金额不能为负数']);
    expect(issue('lists.budget.budget-004.amount')).toEqual(['金额只能包含数字、小数点和千位分隔符（如 1,234.50）']);
    // The total over valid lines is a lower bound and already above the fee.
    expect(issue('lists.budget')).toEqual(['经费预算合计至少 ¥55,000.50，超出合同技术服务报酬 ¥50,000.00（多出 ¥5,000.50）']);

    // Empty required sections are named, each one.
    const empty = refused.issues!.filter((i) => i.severity === 'error' && i.message.startsWith('请填写「（')).map((i) => i.field);
    expect(empty).toEqual(expect.arrayContaining(['basicOperation', 'basicModel', 'basicFuture', 'measurePositioning', 'measureBrand']));
    expect(refused.issues!.some((i) => i.field === 'overallGoal' && i.message === '请填写「培育总体目标」')).toBe(true);
  });

  it('records task progress only on a signed plan (§5.2.5): a draft says so and keeps nothing', async () => {
    const inc = await incubatorWithDiagnosis();
    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    const itemId = 'task-0001';
    await t.call('documents.saveDraft', { kind, id: plan.id, lists: { tasks: [task(itemId, { description: '完善管理制度', dueMonth: '2025-09' })] } });
    const refused = await t.failure('documents.saveProgress', { kind, id: plan.id, listKey: 'tasks', itemId, values: { status: '进行中' } });
    expect(refused.message).toBe('培育方案签署生效后才能记录实施进度。');
    expect((await t.failure('documents.saveProgress', { kind, id: plan.id, listKey: 'tasks', itemId: 'gone', values: {} })).message).toBe('找不到该任务，可能已在其他设备上修订。请刷新后再试。');
    const view = await t.call('documents.get', { kind, id: plan.id });
    expect(view.progress.open).toBe(false);
    expect(Object.values(view.progress.items).every((v) => Object.keys(v).length === 0)).toBe(true);
    // The budget records no progress.
    expect((await t.failure('documents.saveProgress', { kind, id: plan.id, listKey: 'budget', itemId, values: {} })).message).toBe('培育方案的「经费预算」不记录实施进度。');
  });

  it('keeps text pasted from Word readable: invisible characters dropped, Word bullets stored as 「• 」', async () => {
    const inc = await incubatorWithDiagnosis();
    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    const pasted = '\ufeff两年内通过自治区级认定：\r\n\uf0b7\t完善管理制度\u200b\r\n·  聘请导师\u000b- 引进企业\u0007\r\n\r\n\r\n\r\n下一段\u00a0文字';
    const saved = await t.call('documents.saveDraft', { kind, id: plan.id, values: { overallGoal: pasted } });
    expect(saved.values.overallGoal).toBe('两年内通过自治区级认定：\n• 完善管理制度\n• 聘请导师\n• 引进企业\n\n下一段 文字');
  });

  it('exports Word as table C.1 reads: every section heading in order, the tasks, the budget with its total, the signature block', async () => {
    const inc = await incubatorWithDiagnosis();
    const plan = await t.call('documents.create', { kind, incubatorId: inc.id });
    await t.call('documents.saveDraft', {
      kind,
      id: plan.id,
      values: { overallGoal: '两年内通过自治区级认定。\n• 完善制度\n• 聘请导师' },
      lists: {
        tasks: [task('task-0001', { description: '完善管理制度', dueMonth: '2025-09', owner: '黄敏' }), task('task-0002', { description: '聘请导师', dueMonth: null })],
        budget: [
          { id: 'budget-001', values: { item: '专家咨询费', amount: '30,000' } },
          { id: 'budget-002', values: { item: '培训费', amount: '12,000.5' } },
        ],
      },
    });
    const file = await t.call('documents.export', { kind, id: plan.id, format: 'docx', allowErrors: true });
    expect(file.fileName).toBe('百色右江科技企业孵化器-培育方案-2025年07月01日.docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value;
    const at = (s: string) => text.indexOf(s);
    const headings = [...APPENDIX_C.sections];
    for (const h of [...headings, ...APPENDIX_C.basics, ...APPENDIX_C.plan]) expect(at(h), h).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < headings.length; i++) expect(at(headings[i]!)).toBeGreaterThan(at(headings[i - 1]!));
    expect(text).toContain('任务1：2025年09月前');
    expect(text).toContain('任务2：XXXX年XX月前');
    expect(text).toMatch(/合计\s+42,000\.50/);
    expect(text).toContain('甲方（孵化器）：百色右江科技企业孵化器');
    expect(text).toContain('年    月');
    // The bullets are a real Word list (numbering), not typed marks.
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(file.base64, 'base64') })).value;
    expect(html).toMatch(/<ul><li>完善制度<\/li><li>聘请导师<\/li><\/ul>/);
  });

  it('demo data: a complete plan per demo incubator, 南宁 with a second revision agreed by both sides', async () => {
    await t.call('demo.load', {});
    const plans = await t.call('documents.list', { kind });
    expect(plans).toHaveLength(6);
    const db = t.wb.database.db;
    for (const p of plans.filter((x) => x.status === 'completed')) expect(errorsOf(documentModelFor(db, getDocument(db, kind, p.id)!).check), p.incubatorName).toEqual([]);
    const nanning = plans.filter((p) => p.incubatorName === '南宁邕江科技企业孵化器').sort((a, b) => a.revision - b.revision);
    expect(nanning.map((p) => [p.revision, p.status])).toEqual([[1, 'completed'], [2, 'draft']]);
    const second = getDocument(db, kind, nanning[1]!.id)!;
    expect(second.revisionReason).toContain('创新创业大赛');
    expect(second.values).toMatchObject({ agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-01-15' });
    // Its conclusion came from the demo diagnosis of 南宁 (completed).
    expect(String(second.values.diagnosisConclusion)).toContain('根据2025年05月20日的诊断意见表');

    // The comparison pairs each task with its earlier self: one added, one moved later, one budget line changed.
    const diff = diffDocumentRevisions(documentModelFor(db, getDocument(db, kind, nanning[0]!.id)!), documentModelFor(db, second));
    expect(diff.identical).toBe(false);
    const tasks = diff.lists.find((l) => l.key === 'tasks')!.items;
    expect(tasks.map((i) => i.status)).toEqual(['same', 'same', 'same', 'same', 'added', 'changed']);
    expect(tasks[5]!.fields.find((f) => f.name === '完成期限')).toMatchObject({ before: '2026年09月', after: '2026年12月', changed: true });
    const budget = diff.lists.find((l) => l.key === 'budget')!.items;
    expect(budget.map((i) => i.status)).toEqual(['same', 'changed', 'same', 'same']);
    expect(diff.sections.filter((x) => x.status !== 'same').map((x) => x.title)).toEqual(['四、培育方案 · （八）企业招引及培育计划']);

    // The command line exports either revision.
    const program = new Command().exitOverride();
    registerExportCommand(program, () => ({ wb: t.wb, router: t.router }));
    const log: string[] = [];
    const original = console.log;
    console.log = (x: string) => log.push(x);
    const out1 = join(t.dir, 'out', 'plan-1.docx');
    const out2 = join(t.dir, 'out', 'plan-2.docx');
    try {
      await program.parseAsync(['export', 'plan', '--incubator', '南宁邕江科技企业孵化器', '--revision', '1', '--format', 'docx', '--out', out1], { from: 'user' });
      await program.parseAsync(['export', 'plan', '--incubator', '南宁邕江科技企业孵化器', '--format', 'docx', '--out', out2, '--allow-errors'], { from: 'user' });
    } finally {
      console.log = original;
    }
    expect(existsSync(out1) && existsSync(out2)).toBe(true);
    expect(log[1]).toContain('（第 2 版）');
    const first = (await mammoth.extractRawText({ buffer: readFileSync(out1) })).value;
    const latest = (await mammoth.extractRawText({ buffer: readFileSync(out2) })).value;
    expect(first).not.toContain('举办区域创新创业大赛 1 场');
    expect(latest).toContain('举办区域创新创业大赛 1 场');
    expect(latest).toContain('第2版修订原因：甲方提出增加创新创业大赛');
    await expect(program.parseAsync(['export', 'plan', '--incubator', '南宁邕江科技企业孵化器', '--revision', '3', '--format', 'docx', '--out', out1], { from: 'user' })).rejects.toThrow('没有第 3 版');
  });
});
