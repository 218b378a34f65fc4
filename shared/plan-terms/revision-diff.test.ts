import { describe, expect, it } from 'vitest';
import { diffKeyedItems, diffPlanRevisions, diffTextLines, type PlanRevisionContent } from './revision-diff.js';

const task = (key: string, description: string, dueMonth: string) => ({ key, fields: { description, dueMonth } });

const revision1: PlanRevisionContent = {
  sections: [
    { key: 'basic', title: '一、孵化器基本情况', text: '孵化场地 5000 平方米。\n在孵企业 20 家。' },
    { key: 'goal', title: '三、培育总体目标', text: '两年内通过自治区级认定。' },
    { key: 'old', title: '（旧）补充说明', text: '暂无。' },
  ],
  tasks: [task('t1', '完善管理制度', '2025-06'), task('t2', '引进创业导师', '2025-09'), task('t3', '申报认定', '2026-03')],
  budget: [
    { key: 'b1', fields: { item: '专家咨询费', amount: '30,000.00' } },
    { key: 'b2', fields: { item: '培训费', amount: '12,000.00' } },
  ],
};

const revision2: PlanRevisionContent = {
  sections: [
    { key: 'basic', title: '一、孵化器基本情况', text: '孵化场地 6000 平方米。\n在孵企业 20 家。\n新增公共技术平台一个。' },
    { key: 'goal', title: '三、培育总体目标', text: '两年内通过自治区级认定。' },
    { key: 'budget-note', title: '六、经费预算说明', text: '按季度拨付。' },
  ],
  tasks: [task('t1', '完善管理制度', '2025-06'), task('t3', '申报认定', '2026-06'), task('t4', '举办路演', '2025-12')],
  budget: [
    { key: 'b2', fields: { item: '培训费', amount: '15,000.00' } },
    { key: 'b1', fields: { item: '专家咨询费', amount: '30,000.00' } },
  ],
};

describe('diffTextLines', () => {
  it('pairs a replaced line with its replacement and marks the changed characters', () => {
    expect(diffTextLines('孵化场地 5000 平方米。\n在孵企业 20 家。', '孵化场地 6000 平方米。\n在孵企业 20 家。\n新增平台。')).toEqual([
      {
        status: 'changed',
        left: '孵化场地 5000 平方米。',
        right: '孵化场地 6000 平方米。',
        inline: {
          left: [
            { text: '孵化场地 ', changed: false },
            { text: '5', changed: true },
            { text: '000 平方米。', changed: false },
          ],
          right: [
            { text: '孵化场地 ', changed: false },
            { text: '6', changed: true },
            { text: '000 平方米。', changed: false },
          ],
        },
      },
      { status: 'same', left: '在孵企业 20 家。', right: '在孵企业 20 家。' },
      { status: 'added', left: null, right: '新增平台。' },
    ]);
  });

  it('more lines removed than added: the rest stand alone', () => {
    expect(diffTextLines('甲\n乙\n丙', '丁').map((r) => [r.status, r.left, r.right])).toEqual([
      ['changed', '甲', '丁'],
      ['removed', '乙', null],
      ['removed', '丙', null],
    ]);
  });

  it('line endings and invisible characters from Word do not count as changes', () => {
    expect(diffTextLines('第一段\r\n第二段', '第一段\u200b\n第二段').every((r) => r.status === 'same')).toBe(true);
  });
});

describe('diffKeyedItems', () => {
  it('added, removed, changed per field, and moved', () => {
    const d = diffKeyedItems(revision1.tasks, revision2.tasks);
    expect(d.map((i) => [i.key, i.status, i.moved, i.position.before, i.position.after])).toEqual([
      ['t1', 'same', false, 0, 0],
      ['t2', 'removed', false, 1, null],
      ['t3', 'changed', false, 2, 1],
      ['t4', 'added', false, null, 2],
    ]);
    expect(d[2]!.fields).toEqual([
      { name: 'description', before: '申报认定', after: '申报认定', changed: false },
      { name: 'dueMonth', before: '2026-03', after: '2026-06', changed: true },
    ]);
    expect(d[3]!.fields.every((f) => f.before === null && f.changed)).toBe(true);
  });

  it('a reordered list reports each item once, in the new order, one of a swapped pair as moved', () => {
    const d = diffKeyedItems(revision1.budget, revision2.budget);
    expect(d.map((i) => [i.key, i.status, i.position.after])).toEqual([
      ['b2', 'changed', 0],
      ['b1', 'same', 1],
    ]);
    // Which of two swapped items "moved" is a matter of view; the diff marks exactly one of them.
    expect(d.filter((i) => i.moved)).toHaveLength(1);
  });
});

describe('diffPlanRevisions', () => {
  it('per section: changed, same, added, removed', () => {
    const d = diffPlanRevisions(revision1, revision2);
    expect(d.sections.map((s) => [s.key, s.status])).toEqual([
      ['basic', 'changed'],
      ['goal', 'same'],
      ['budget-note', 'added'],
      ['old', 'removed'],
    ]);
    expect(d.sections[3]!.rows).toEqual([{ status: 'removed', left: '暂无。', right: null }]);
    expect(d.identical).toBe(false);
  });

  it('a revision against itself is identical', () => {
    const d = diffPlanRevisions(revision1, structuredClone(revision1));
    expect(d.identical).toBe(true);
    expect(d.sections.every((s) => s.status === 'same')).toBe(true);
  });

  it('a pure reorder is not identical', () => {
    const swapped = { ...revision1, tasks: [revision1.tasks[1]!, revision1.tasks[0]!, revision1.tasks[2]!] };
    expect(diffPlanRevisions(revision1, swapped).identical).toBe(false);
  });
});
