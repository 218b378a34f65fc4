// Signing offline and with no server at all, and the signing race both ways, against a real sync server
// (docs/sync.md §Signing): the signed version stays signed everywhere; another device's edit that raced it is never
// applied to it and never lost — it becomes a proposal for a new revision, on every device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { serverDump, startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from '../support/sync-server.js';
import { twoDevices } from '../support/sync-devices.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { getSigned, listOpenConflicts, listOpenIssues, pendingOpCount } from '../../db/repositories/sync-state-repository.js';
import { openProposalsOf } from '../../db/repositories/sign-proposal-repository.js';
import { auditLog } from '../../db/schema/index.js';
import { reviseStoredDocument, signStoredDocument, signedStateOf } from '../../core/services/document-signing-service.js';
import { proposalsOf } from '../../core/services/sign-proposal-service.js';
import { failureOf } from '../support/failure-of.js';
import { samplePlanLists, samplePlanValues } from '../../templates/testing/sample-plan-model.js';

const VALUES = { diagnosedOn: '2026-11-20', consultants: '张三、李四', ruleSetId: 'builtin', totalArea: 6000, incubatees: 20, summary: '基本达标' };

function completedDiagnosis(c: TestSyncClient, name: string) {
  const incubatorId = c.saveIncubator(undefined, { name });
  const draft = createDocument(c.opened.db, c.ctx, 'diagnosis', { incubatorId, values: VALUES, snapshots: { incubator: null, agency: null } }, '新建');
  updateDocument(c.opened.db, c.ctx, 'diagnosis', draft.id, { status: 'completed' }, 'complete');
  return draft.id;
}

/** A completed plan with two tasks, made on `x` and synced to both devices. */
async function planOnBothDevices(x: TestSyncClient, y: TestSyncClient, name: string) {
  const incubatorId = x.saveIncubator(undefined, { name });
  const plan = createDocument(x.opened.db, x.ctx, 'plan', { incubatorId, values: samplePlanValues(), lists: samplePlanLists(2, 1), snapshots: { incubator: null, agency: null } }, '新建');
  updateDocument(x.opened.db, x.ctx, 'plan', plan.id, { status: 'completed' }, 'complete');
  await x.engine.sync();
  await y.engine.sync();
  return plan;
}

/** Y edits the first task's owner and adds a task (it has not seen any signature). */
function editTasksOn(y: TestSyncClient, planId: string, addedId: string, added: string): void {
  const tasks = getDocument(y.opened.db, 'plan', planId)!.lists.tasks!;
  const edited = [{ ...tasks[0]!, values: { ...tasks[0]!.values, owner: '王五' } }, ...tasks.slice(1), { id: addedId, values: { description: added, dueMonth: '2026-03', owner: '赵六' } }];
  updateDocument(y.opened.db, y.ctx, 'plan', planId, { lists: { tasks: edited } }, 'edit');
}

function historyOf(c: TestSyncClient, rowId: string): string[] {
  return c.opened.db.select({ summary: auditLog.summary }).from(auditLog).where(and(eq(auditLog.entity, 'diagnoses'), eq(auditLog.rowId, rowId))).all().map((r) => r.summary);
}

describe('signing offline', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs with no server configured; a server added later confirms it and a second device pulls it signed', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const id = completedDiagnosis(a, '柳州孵化器');
    const sign = signStoredDocument(a.opened.db, a.ctx, 'diagnosis', id);
    expect(sign.hash).toMatch(/^[0-9a-f]{64}$/);
    // Locked at once, with nothing to wait for: there is no server.
    expect(signedStateOf(a.opened.db, 'diagnosis', id)).toMatchObject({ hash: sign.hash, version: 0, awaitingServer: false });
    expect(failureOf(() => updateDocument(a.opened.db, a.ctx, 'diagnosis', id, { values: { summary: '签署后再改' } }, 'edit')).kind).toBe('locked');
    expect(failureOf(() => signStoredDocument(a.opened.db, a.ctx, 'diagnosis', id)).message).toBe('该诊断意见表已签署。');
    expect(historyOf(a, id)).toContain('签署「柳州孵化器」诊断意见表（第 1 版）');

    // The agency sets up sync later: content and signature reach the server, which confirms it.
    await a.engine.login({ serverUrl: 'http://127.0.0.1:8787', login: agency.login, password: TEST_PASSWORD });
    expect(signedStateOf(a.opened.db, 'diagnosis', id)?.awaitingServer).toBe(true);
    const r = await a.engine.sync();
    expect(r.rejected + r.locked + r.conflicts.length).toBe(0);
    expect(getSigned(a.opened.db, 'diagnoses', id)).toMatchObject({ state: 'accepted', hash: sign.hash });
    expect(signedStateOf(a.opened.db, 'diagnosis', id)?.awaitingServer).toBe(false);
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`diagnoses/${id}`] as { signed: string }).signed).toBe(sign.hash);

    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    await b.engine.login({ serverUrl: 'http://127.0.0.1:8787', login: agency.login, password: TEST_PASSWORD });
    await b.engine.sync();
    expect(getSigned(b.opened.db, 'diagnoses', id)).toMatchObject({ state: 'accepted', hash: sign.hash });
    expect(getDocument(b.opened.db, 'diagnosis', id)?.values).toMatchObject(VALUES);
    expect(failureOf(() => updateDocument(b.opened.db, b.ctx, 'diagnosis', id, { values: { summary: 'B 改' } }, 'edit')).kind).toBe('locked');
    expect(clientDump(a)).toEqual(dump);
    expect(clientDump(b)).toEqual(dump);
    a.close();
    b.close();
  });

  it('race (a): X signs offline, Y edits and syncs first: X’s version stays signed, Y’s values become a proposal', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const id = completedDiagnosis(x, '钦州孵化器');
    await x.engine.sync();
    await y.engine.sync();
    // X edits offline (a pending op) and signs; Y edits the same and another field, and syncs first.
    updateDocument(x.opened.db, x.ctx, 'diagnosis', id, { values: { summary: 'X 签署的意见' } }, 'edit');
    const sign = signStoredDocument(x.opened.db, x.ctx, 'diagnosis', id);
    const signedValues = getDocument(x.opened.db, 'diagnosis', id)!.values;
    updateDocument(y.opened.db, y.ctx, 'diagnosis', id, { values: { summary: 'Y 的意见', totalArea: 6400 } }, 'edit');
    await y.engine.sync();
    const rx = await x.engine.sync();
    // No conflict card on the signer: its signature decided the field.
    expect(rx.conflicts).toEqual([]);
    expect(listOpenConflicts(x.opened.db)).toEqual([]);
    await y.engine.sync();

    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`diagnoses/${id}`] as { signed: string }).signed).toBe(sign.hash);
    for (const c of [x, y]) {
      expect(getDocument(c.opened.db, 'diagnosis', id)?.values).toEqual(signedValues);
      expect(getSigned(c.opened.db, 'diagnoses', id)).toMatchObject({ state: 'accepted', hash: sign.hash });
      const [proposal, ...more] = proposalsOf(c.opened.db, getDocument(c.opened.db, 'diagnosis', id)!);
      expect(more).toEqual([]);
      expect(proposal).toMatchObject({ reason: 'raced' });
      expect(Object.fromEntries(proposal!.changes.map((ch) => [ch.field, ch.value]))).toEqual({ 'values.summary': 'Y 的意见', 'values.totalArea': '6400' });
      expect(historyOf(c, id).some((s) => s.includes('签署前另一台设备的修改') && s.includes('已保留为修订建议'))).toBe(true);
    }
    expect(clientDump(x)).toEqual(dump);
    expect(clientDump(y)).toEqual(dump);

    // Y turns the proposal into a new revision through the revise flow; X sees it resolved.
    const proposalId = openProposalsOf(y.opened.db, 'diagnoses', id)[0]!.id;
    const rev = reviseStoredDocument(y.opened.db, y.ctx, 'diagnosis', id, '采纳签署时未写入的修改', {}, {}, proposalId);
    expect(rev).toMatchObject({ revision: 2, revisionOf: id, status: 'draft' });
    expect(rev.values).toMatchObject({ summary: 'Y 的意见', totalArea: 6400, consultants: VALUES.consultants });
    expect(openProposalsOf(y.opened.db, 'diagnoses', id)).toEqual([]);
    expect(failureOf(() => reviseStoredDocument(y.opened.db, y.ctx, 'diagnosis', id, '再来', {}, {}, proposalId)).kind).toBe('conflict');
    await y.engine.sync();
    await x.engine.sync();
    expect(openProposalsOf(x.opened.db, 'diagnoses', id)).toEqual([]);
    expect(getDocument(x.opened.db, 'diagnosis', rev.id)?.values).toMatchObject({ summary: 'Y 的意见', totalArea: 6400 });
    expect(getDocument(x.opened.db, 'diagnosis', id)?.values).toEqual(signedValues);
    expect(pendingOpCount(x.opened.db) + pendingOpCount(y.opened.db)).toBe(0);
    x.close();
    y.close();
  });

  it('a document never synced, signed while a server is set up: its content and then its signature reach the server, confirmed', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const id = completedDiagnosis(x, '北海孵化器');
    const sign = signStoredDocument(x.opened.db, x.ctx, 'diagnosis', id);
    expect(signedStateOf(x.opened.db, 'diagnosis', id)?.awaitingServer).toBe(true);
    await x.engine.sync();
    await y.engine.sync();
    expect(getSigned(y.opened.db, 'diagnoses', id)).toMatchObject({ state: 'accepted', hash: sign.hash });
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`diagnoses/${id}`] as { signed: string }).signed).toBe(sign.hash);
    expect(clientDump(y)).toEqual(dump);
    x.close();
    y.close();
  });

  it('race (b): X signs and syncs first; Y’s later edit is not applied and becomes a proposal, Y’s values kept', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const id = completedDiagnosis(x, '梧州孵化器');
    await x.engine.sync();
    await y.engine.sync();
    const sign = signStoredDocument(x.opened.db, x.ctx, 'diagnosis', id);
    const signedValues = getDocument(x.opened.db, 'diagnosis', id)!.values;
    await x.engine.sync();
    // Y had not seen the signature.
    updateDocument(y.opened.db, y.ctx, 'diagnosis', id, { values: { summary: 'Y 签署后才改' } }, 'edit');
    const ry = await y.engine.sync();
    expect(ry.locked).toBe(1);
    await x.engine.sync();
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`diagnoses/${id}`] as { signed: string }).signed).toBe(sign.hash);
    for (const c of [x, y]) {
      expect(getDocument(c.opened.db, 'diagnosis', id)?.values).toEqual(signedValues);
      const proposals = proposalsOf(c.opened.db, getDocument(c.opened.db, 'diagnosis', id)!);
      expect(proposals.map((p) => [p.reason, p.changes.map((ch) => `${ch.label}=${ch.value}`)])).toEqual([['after-sign', [expect.stringContaining('=Y 签署后才改')]]]);
    }
    expect(clientDump(x)).toEqual(dump);
    expect(clientDump(y)).toEqual(dump);
    x.close();
    y.close();
  });

  it('two devices sign different contents offline: the first signature stands, the second’s content becomes a proposal', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const id = completedDiagnosis(x, '贺州孵化器');
    await x.engine.sync();
    await y.engine.sync();
    updateDocument(y.opened.db, y.ctx, 'diagnosis', id, { status: 'draft' }, 'reopen');
    updateDocument(y.opened.db, y.ctx, 'diagnosis', id, { values: { incubatees: 25 } }, 'edit');
    updateDocument(y.opened.db, y.ctx, 'diagnosis', id, { status: 'completed' }, 'complete');
    const xs = signStoredDocument(x.opened.db, x.ctx, 'diagnosis', id);
    signStoredDocument(y.opened.db, y.ctx, 'diagnosis', id);
    await x.engine.sync();
    await y.engine.sync();
    await x.engine.sync();
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`diagnoses/${id}`] as { signed: string }).signed).toBe(xs.hash);
    expect(getSigned(y.opened.db, 'diagnoses', id)).toMatchObject({ state: 'accepted', hash: xs.hash });
    expect(getDocument(y.opened.db, 'diagnosis', id)?.values.incubatees).toBe(20);
    const changes = proposalsOf(y.opened.db, getDocument(y.opened.db, 'diagnosis', id)!).flatMap((p) => p.changes.map((c) => `${c.field}=${c.value}`));
    expect(changes).toContain('values.incubatees=25');
    expect(clientDump(x)).toEqual(dump);
    expect(clientDump(y)).toEqual(dump);
    x.close();
    y.close();
  });
  it('race (b) for list items: an item edit and a new item of a signed plan are not applied, kept as a proposal', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const plan = await planOnBothDevices(x, y, '百色孵化器');
    const sign = signStoredDocument(x.opened.db, x.ctx, 'plan', plan.id);
    const signedLists = getDocument(x.opened.db, 'plan', plan.id)!.lists;
    await x.engine.sync();
    // Y had not seen the signature: it edits a task and adds one.
    editTasksOn(y, plan.id, 'task-late', 'Y 新增的任务');
    const ry = await y.engine.sync();
    expect(ry.locked).toBeGreaterThan(0);
    await x.engine.sync();
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`plans/${plan.id}`] as { signed: string }).signed).toBe(sign.hash);
    expect(dump['document_items/task-late']).toBeUndefined();
    for (const c of [x, y]) {
      expect(getDocument(c.opened.db, 'plan', plan.id)!.lists).toEqual(signedLists);
      const changes = proposalsOf(c.opened.db, getDocument(c.opened.db, 'plan', plan.id)!).flatMap((p) => p.changes.map((ch) => `${ch.label}=${ch.value}`));
      expect(changes).toEqual(expect.arrayContaining([expect.stringMatching(/^列表项·.*=王五$/), expect.stringMatching(/^列表项·.*=Y 新增的任务$/)]));
    }
    expect(clientDump(x)).toEqual(dump);
    expect(clientDump(y)).toEqual(dump);
    x.close();
    y.close();
  });
  it('race (a) for list items: X signs a plan offline, Y edits a task and adds one first: the signed list is restored, Y’s items proposed', async () => {
    const { agency, a: x, b: y } = await twoDevices(server);
    const plan = await planOnBothDevices(x, y, '河池孵化器');
    const sign = signStoredDocument(x.opened.db, x.ctx, 'plan', plan.id);
    const signedLists = getDocument(x.opened.db, 'plan', plan.id)!.lists;
    editTasksOn(y, plan.id, 'task-early', 'Y 抢先新增的任务');
    await y.engine.sync();
    await x.engine.sync();
    await y.engine.sync();
    const dump = await serverDump(server, agency.agencyId);
    expect((dump[`plans/${plan.id}`] as { signed: string }).signed).toBe(sign.hash);
    expect((dump['document_items/task-early'] as { deletedAt: string | null }).deletedAt).not.toBeNull();
    for (const c of [x, y]) {
      expect(getDocument(c.opened.db, 'plan', plan.id)!.lists).toEqual(signedLists);
      expect(getSigned(c.opened.db, 'plans', plan.id)).toMatchObject({ state: 'accepted', hash: sign.hash });
      const changes = proposalsOf(c.opened.db, getDocument(c.opened.db, 'plan', plan.id)!).flatMap((p) => p.changes.map((ch) => `${ch.label}=${ch.value}`));
      expect(changes).toEqual(expect.arrayContaining([expect.stringMatching(/^列表项·.*=王五$/), expect.stringMatching(/^列表项·.*=Y 抢先新增的任务$/)]));
    }
    expect(listOpenIssues(x.opened.db)).toEqual([]); // nothing quarantined: the items arrived before the signature
    expect(clientDump(x)).toEqual(dump);
    expect(clientDump(y)).toEqual(dump);
    x.close();
    y.close();
  });
});
