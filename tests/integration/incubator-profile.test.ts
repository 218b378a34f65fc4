// The incubator profile through the router on the demo data (docs/process.md §Profile): figures from the demo
// diagnosis and evaluation, by date; a value that fails its check is never charted; documents and projects listed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2026-12-02T02:00:00Z') });
});
afterEach(() => t.cleanup());

const DEMO = '南宁邕江科技企业孵化器';

async function demoIncubatorId(): Promise<string> {
  await t.call('demo.load', {});
  const found = (await t.call('incubators.list', { query: DEMO })).find((i) => i.name === DEMO);
  if (!found) throw new Error('demo incubator missing');
  return found.id;
}

describe('incubators.profile', () => {
  it('charts the demo incubator’s figures from its diagnosis (培育前) and its evaluation (培育后), by date', async () => {
    const id = await demoIncubatorId();
    const profile = await t.call('incubators.profile', { id });
    expect(profile.incubator.name).toBe(DEMO);
    expect(profile.figures.map((f) => f.label)).toEqual(['孵化场地总面积', '在孵企业数量', '孵化服务人员', '创业导师', '孵化种子资金', '获得投融资的在孵企业占比']);
    const incubatees = profile.figures.find((f) => f.key === 'incubatees')!;
    // The evaluation's 培育前 is dated by the diagnosis it was prefilled from, and wins on that date.
    expect(incubatees.points).toMatchObject([
      { date: '2025-05-20', value: 32, source: 'evaluationBefore' },
      { date: '2026-05-25', value: 42, source: 'evaluationAfter' },
    ]);
    const share = profile.figures.find((f) => f.key === 'fundedShare')!;
    // The ratio as computed, a fraction never rounded on the way.
    expect(share.points.map((p) => p.value)).toEqual([6 / 32, 8 / 42]);

    const kinds = profile.documents.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['diagnosis', 'evaluation']));
    expect(profile.documents.every((d) => d.revision >= 1)).toBe(true);
    expect(profile.projects).toHaveLength(1);
    expect(profile.projects[0]!.records.find((r) => r.kind === 'consultation')?.count).toBe(2);
    expect(profile.projects[0]!.records.every((r) => r.count > 0)).toBe(true);
  });

  it('skips a value that failed its check, and keeps the valid values of the same document', async () => {
    const id = await demoIncubatorId();
    const draft = await t.call('documents.create', { kind: 'diagnosis', incubatorId: id, values: { diagnosedOn: '2026-07-01' } });
    await t.call('documents.saveDraft', { kind: 'diagnosis', id: draft.id, values: { seedFund: '二百', mentors: -3, incubatees: 50 } });
    const profile = await t.call('incubators.profile', { id });
    const dates = (key: string) => profile.figures.find((f) => f.key === key)!.points.map((p) => p.date);
    expect(dates('incubatees')).toEqual(['2025-05-20', '2026-05-25', '2026-07-01']);
    expect(dates('seedFund')).not.toContain('2026-07-01');
    expect(dates('mentors')).not.toContain('2026-07-01');
  });

  it('answers an unknown incubator with a not-found error', async () => {
    expect(await t.failure('incubators.profile', { id: 'no-such-incubator' })).toMatchObject({ kind: 'not-found' });
  });
});
