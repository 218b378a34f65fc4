// Signing a diagnosis and revising it, against a real sync server (sync.md §7): complete → sync → sign → sync;
// the signed one is locked; a revision is a new row with the same content that supersedes it, and the signed one
// stays readable and signed on every device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { clientDump, openTestSyncClient, type TestSyncClient } from '../support/sync-client.js';
import { createDiagnosis, getDiagnosis, listDiagnoses, updateDiagnosis } from '../../db/repositories/diagnosis-repository.js';
import { getSigned } from '../../db/repositories/sync-state-repository.js';
import { auditLog, outbox } from '../../db/schema/index.js';
import { reviseDiagnosis, signDiagnosis } from '../../core/services/diagnosis-signing-service.js';
import { toRpcError } from '../../core/error-mapping.js';

function failureOf(fn: () => unknown): { kind: string; message: string } {
  try {
    fn();
  } catch (e) {
    return toRpcError(e);
  }
  throw new Error('expected the call to fail');
}

describe('diagnosis revisions', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs a synced diagnosis, locks it, and supersedes it by a revision both devices see', async () => {
    const agency = await server.newAgency();
    const clients: TestSyncClient[] = [];
    for (let i = 0; i < 2; i++) {
      const c = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
      c.connect('http://sync.test', await server.deviceToken(agency.userId, c.clientId), agency.agencyId);
      clients.push(c);
    }
    const [a, b] = clients as [TestSyncClient, TestSyncClient];
    const incubatorId = a.saveIncubator(undefined, { name: '钦州孵化器' });
    const draft = createDiagnosis(
      a.opened.db,
      a.ctx,
      { incubatorId, diagnosedOn: '2026-11-20', consultants: '张三、李四', ruleSetId: 'builtin', values: { totalArea: 6000, incubatees: 20, summary: '基本达标' } },
      '钦州孵化器',
    );
    updateDiagnosis(a.opened.db, a.ctx, draft.id, { status: 'completed' }, 'complete');

    // Not on the server yet: refused, in Chinese.
    expect(failureOf(() => signDiagnosis(a.opened.db, a.ctx, draft.id)).message).toContain('还没有同步到服务器');
    await a.engine.sync();
    const sign = signDiagnosis(a.opened.db, a.ctx, draft.id);
    expect(sign.hash).toMatch(/^[0-9a-f]{64}$/);
    await a.engine.sync();
    expect(getSigned(a.opened.db, 'diagnoses', draft.id)?.state).toBe('accepted');
    const signedRecord = getDiagnosis(a.opened.db, draft.id)!;
    expect(signedRecord.revision).toBe(1);

    // Signed: refused here (the outbox trigger), and signing twice is refused too.
    expect(failureOf(() => updateDiagnosis(a.opened.db, a.ctx, draft.id, { values: { summary: '签署后再改' } }, 'edit')).kind).toBe('locked');
    expect(failureOf(() => updateDiagnosis(a.opened.db, a.ctx, draft.id, { status: 'draft' }, 'reopen')).kind).toBe('locked');
    expect(failureOf(() => signDiagnosis(a.opened.db, a.ctx, draft.id)).kind).toBe('locked');

    // A change after signing is a new revision: same content, a draft, with the reason; editable.
    const rev = reviseDiagnosis(a.opened.db, a.ctx, draft.id, '  更正场地面积 ');
    expect(rev.id).not.toBe(draft.id);
    expect(rev).toMatchObject({
      incubatorId,
      status: 'draft',
      revision: 2,
      revisionOf: draft.id,
      revisionReason: '更正场地面积',
      diagnosedOn: '2026-11-20',
      consultants: '张三、李四',
      ruleSetId: 'builtin',
      values: signedRecord.values,
      completedAt: null,
    });
    const ops = a.opened.db.select().from(outbox).where(and(eq(outbox.entity, 'diagnoses'), eq(outbox.rowId, rev.id))).all();
    expect(ops.map((o) => o.field)).toEqual(expect.arrayContaining(['revisionOf', 'revision', 'revisionReason', 'values.totalArea']));
    const audit = a.opened.db.select().from(auditLog).where(eq(auditLog.rowId, rev.id)).all();
    expect(audit.map((x) => x.action)).toEqual(['create']);
    expect(audit[0]!.summary).toContain('第 2 版');

    const edited = updateDiagnosis(a.opened.db, a.ctx, rev.id, { values: { totalArea: 6200 } }, 'edit');
    expect(edited.values.totalArea).toBe(6200);
    // The signed one reads back unchanged, still signed; only one revision may supersede it.
    expect(getDiagnosis(a.opened.db, draft.id)).toEqual(signedRecord);
    expect(failureOf(() => reviseDiagnosis(a.opened.db, a.ctx, draft.id, '再改一次')).message).toContain('已有第 2 版修订');
    expect(failureOf(() => reviseDiagnosis(a.opened.db, a.ctx, rev.id, '未签署')).kind).toBe('conflict');

    await a.engine.sync();
    await b.engine.sync();
    expect(getDiagnosis(b.opened.db, draft.id)).toEqual({ ...signedRecord, updatedAt: expect.any(String), createdAt: expect.any(String) });
    expect(getSigned(b.opened.db, 'diagnoses', draft.id)?.state).toBe('accepted');
    expect(getDiagnosis(b.opened.db, rev.id)).toMatchObject({ revision: 2, revisionOf: draft.id, revisionReason: '更正场地面积', status: 'draft' });
    expect(getDiagnosis(b.opened.db, rev.id)?.values.totalArea).toBe(6200);
    const listed = listDiagnoses(b.opened.db, incubatorId).map((d) => ({ id: d.id, revision: d.revision, supersededBy: d.supersededBy, signed: d.signed }));
    expect(listed).toEqual(
      expect.arrayContaining([
        { id: draft.id, revision: 1, supersededBy: { id: rev.id, revision: 2 }, signed: true },
        { id: rev.id, revision: 2, supersededBy: null, signed: false },
      ]),
    );
    expect(failureOf(() => updateDiagnosis(b.opened.db, b.ctx, draft.id, { values: { summary: 'B 改签署的' } }, 'edit')).kind).toBe('locked');

    const dump = await serverDump(server, agency.agencyId);
    expect(clientDump(a)).toEqual(dump);
    expect(clientDump(b)).toEqual(dump);
    expect((dump[`diagnoses/${draft.id}`] as { signed: string | null }).signed).toBe(sign.hash);
    expect((dump[`diagnoses/${rev.id}`] as { signed: string | null }).signed).toBeNull();
    a.close();
    b.close();
  });
});
