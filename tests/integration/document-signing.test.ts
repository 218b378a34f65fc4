// Signing and revising documents through the router, without a sync server: signing works offline, and what is
// refused, and why (docs/sync.md §Signing).
// The whole sign → sync → revise round trip against a real server is in sync-diagnosis-revisions.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkbench, type TestWorkbench } from '../support/workbench-fixture.js';

let t: TestWorkbench;
beforeEach(() => {
  t = openTestWorkbench({ now: () => new Date('2025-07-01T08:00:00Z') });
});
afterEach(() => t.cleanup());

async function failureOf(p: Promise<unknown>): Promise<{ kind: string; message: string; field?: string }> {
  try {
    await p;
  } catch (e) {
    return (e as { rpc: { kind: string; message: string; field?: string } }).rpc;
  }
  throw new Error('expected the call to fail');
}

const kind = 'diagnosis' as const;

async function newDiagnosis() {
  const inc = await t.call('incubators.save', {
    values: { name: '测试孵化器', operator: '测试运营公司', creditCode: '91450107MA5KA3RN4L', incubatorType: '综合型', operatingSince: '2020-01-01' },
  });
  const d = await t.call('documents.create', { kind, incubatorId: inc.id });
  await t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 6000, incubatees: 20 } });
  return d;
}

describe('documents.sign without a sync server (docs/sync.md §Signing)', () => {
  it('refuses a draft: a diagnosis is completed before it is signed', async () => {
    const d = await newDiagnosis();
    const refused = await failureOf(t.call('documents.sign', { kind, id: d.id }));
    expect(refused.kind).toBe('validation');
    expect(refused.message).toContain('请先完成诊断意见表');
    expect((await t.call('documents.get', { kind, id: d.id })).signed).toBeNull();
  });

  it('signs a completed diagnosis with no sync server at all: read-only at once, nothing waits for a server', async () => {
    const d = await newDiagnosis();
    await t.call('documents.complete', { kind, id: d.id });
    const view = await t.call('documents.sign', { kind, id: d.id });
    expect(view.signed).toMatchObject({ version: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: '2025-07-01T08:00:00.000Z', awaitingServer: false });
    expect(view.supersededBy).toBeNull();
    expect(view.proposals).toEqual([]);
    const reopen = await failureOf(t.call('documents.reopen', { kind, id: d.id }));
    expect(reopen.kind).toBe('locked');
    const edit = await failureOf(t.call('documents.saveDraft', { kind, id: d.id, values: { totalArea: 7000 } }));
    expect(edit.kind).toBe('locked');
    const again = await failureOf(t.call('documents.sign', { kind, id: d.id }));
    expect(again).toMatchObject({ kind: 'locked', message: '该诊断意见表已签署。' });
    // A revision supersedes it as usual; the superseded one cannot be signed again.
    const rev = await t.call('documents.revise', { kind, id: d.id, reason: '更正面积' });
    expect(rev.revision).toBe(2);
    expect((await failureOf(t.call('documents.sign', { kind, id: d.id }))).kind).toBe('locked');
    await t.call('documents.complete', { kind, id: rev.id });
    await t.call('documents.sign', { kind, id: rev.id });
    const history = await t.call('history.list', {});
    expect(JSON.stringify(history)).toContain('诊断意见表（第 2 版，取代第 1 版）');
  });
});

describe('documents.revise validation', () => {
  it('requires a reason, in Chinese, before anything else', async () => {
    const d = await newDiagnosis();
    for (const reason of ['', '   \n']) {
      const refused = await failureOf(t.call('documents.revise', { kind, id: d.id, reason }));
      expect(refused.kind).toBe('validation');
      expect(refused.message).toBe('请填写修订原因。');
      expect(refused.field).toBe('reason');
    }
  });

  it('refuses to revise a diagnosis that is not signed (it can simply be edited)', async () => {
    const d = await newDiagnosis();
    await t.call('documents.complete', { kind, id: d.id });
    const refused = await failureOf(t.call('documents.revise', { kind, id: d.id, reason: '更正面积' }));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toContain('只有已签署的诊断意见表');
    const list = await t.call('documents.list', { kind });
    expect(list.map((r) => [r.revision, r.revisionOf, r.supersededBy, r.signed])).toEqual([[1, null, null, false]]);
  });
});
