import { describe, expect, it } from 'vitest';
import { checkDefinition } from './check-definition.js';
import { DOCUMENT_DEFINITIONS, DOCUMENT_KINDS } from './registry.js';
import type { DocumentDefinition } from './document-definition.js';
import { diagnosisDefinition } from './appendix-a/diagnosis-definition.js';
import { sampleDefinition } from './testing/sample-definition.js';

describe('checkDefinition', () => {
  it.each(DOCUMENT_KINDS)('the registered definition %s is whole', (kind) => {
    const def = DOCUMENT_DEFINITIONS[kind];
    expect(def.kind).toBe(kind);
    expect(checkDefinition(def)).toEqual([]);
  });

  it('the test-only definition with lists, a clause, a heading and an image is whole', () => {
    expect(checkDefinition(sampleDefinition)).toEqual([]);
  });

  const broken = (change: (d: DocumentDefinition) => DocumentDefinition) => checkDefinition(change({ ...diagnosisDefinition }));

  it('a field placed twice fails', () => {
    const problems = broken((d) => ({ ...d, sections: [...d.sections, { key: 'again', title: 'x', rows: [{ kind: 'text', key: 'summary' }] }] }));
    expect(problems).toContain('字段 summary 在版式中出现了不止一次');
  });

  it('a field never placed fails', () => {
    const problems = broken((d) => ({ ...d, sections: d.sections.filter((s) => s.key !== 'summary') }));
    expect(problems.some((p) => p.startsWith('字段 summary「诊断总结」没有放进版式'))).toBe(true);
  });

  it('a computed value over a missing field fails', () => {
    const problems = broken((d) => ({ ...d, computed: d.computed.map((c) => (c.key === 'areaShare' ? { ...c, denominator: 'floorSpace' } : c)) }));
    expect(problems).toContain('计算值 areaShare 的输入 floorSpace 不是本文档的数字字段');
  });

  it('two fields with one label fail', () => {
    const problems = broken((d) => ({ ...d, fields: d.fields.map((f) => (f.key === 'mentors' ? { ...f, label: '创业导师数量', key: 'mentors' } : f.key === 'staffTotal' ? { ...f, label: '创业导师数量' } : f)) }));
    expect(problems.some((p) => p.includes('标签「创业导师数量」'))).toBe(true);
  });

  it('a list, an agency reference or an eligibility quantity that names nothing fails', () => {
    expect(checkDefinition({ ...sampleDefinition, lists: [] })).toContain('列表行指向不存在的列表 instalments');
    expect(checkDefinition({ ...sampleDefinition, snapshots: ['incubator'] }).some((p) => p.includes('agency.name'))).toBe(true);
    const badQuantity = broken((d) => ({ ...d, eligibility: { ...d.eligibility!, quantities: { ...d.eligibility!.quantities, mentors: { from: 'field', field: 'summary' } } } }));
    expect(badQuantity).toContain('认定量 mentors：summary 不是数字字段');
  });
});
