// §5.2.5 on a signed plan, against a real sync server (PostgreSQL): a task's status, notes and date done are
// recorded on the plan in effect, kept and synced to a second device, while the signed content stays locked (the
// service refuses, the database trigger refuses a raw UPDATE) and the signature is unchanged. A later revision's
// task starts from its earlier self's progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { getSigned } from '../../db/repositories/sync-state-repository.js';
import { auditLog } from '../../db/schema/index.js';
import { reviseStoredDocument, signStoredDocument } from '../../core/services/document-signing-service.js';
import { progressOfDocument, progressOpen, saveProgress } from '../../core/services/item-progress-service.js';
import { checkItemProgress } from '../../shared/forms/item-progress.js';
import { taskList } from '../../shared/forms/appendix-c/plan-definition.js';
import { failureOf } from '../support/failure-of.js';
import { samplePlanLists, samplePlanValues } from '../../templates/testing/sample-plan-model.js';

const today = '2026-03-20';

describe('progress on a signed plan', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records task progress on the signed plan, syncs it to another device, and leaves the signed content locked', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    const b = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    a.connect('http://sync.test', await server.deviceToken(agency.userId, a.clientId), agency.agencyId);
    b.connect('http://sync.test', await server.deviceToken(agency.userId, b.clientId), agency.agencyId);
    const db = a.opened.db;
    const incubatorId = a.saveIncubator(undefined, { name: '梧州孵化器' });
    const plan = createDocument(db, a.ctx, 'plan', { incubatorId, values: samplePlanValues(), lists: samplePlanLists(3, 2), snapshots: { incubator: null, agency: null } }, '新建');
    const [task1, task2] = plan.lists.tasks!;

    // Before it is signed there is nothing to record.
    expect(failureOf(() => saveProgress(db, a.ctx, plan, { listKey: 'tasks', itemId: task1!.id, values: { status: '进行中' }, today })).message).toBe(
      '培育方案签署生效后才能记录实施进度。',
    );
    updateDocument(db, a.ctx, 'plan', plan.id, { status: 'completed' }, 'complete');
    await a.engine.sync();
    signStoredDocument(db, a.ctx, 'plan', plan.id);
    await a.engine.sync();
    const signature = getSigned(db, 'plans', plan.id)!;
    expect(signature.state).toBe('accepted');
    const signed = getDocument(db, 'plan', plan.id)!;
    expect(progressOpen(db, signed)).toBe(true);

    saveProgress(db, a.ctx, signed, { listKey: 'tasks', itemId: task1!.id, values: { status: '进行中', progress: '已起草入孵管理制度' }, today });
    // A date done after today is refused next to the field; what was saved stays.
    const future = failureOf(() => saveProgress(db, a.ctx, signed, { listKey: 'tasks', itemId: task1!.id, values: { status: '已完成', doneOn: '2026-04-01' }, today }));
    expect(future).toMatchObject({ kind: 'validation', field: 'doneOn', message: '完成日期（2026年04月01日）晚于今天，请核对' });
    expect(progressOfDocument(db, signed)[task1!.id]).toEqual({ status: '进行中', progress: '已起草入孵管理制度' });
    // 已完成 without a date is kept, with a warning.
    saveProgress(db, a.ctx, signed, { listKey: 'tasks', itemId: task2!.id, values: { status: '已完成' }, today });
    expect(checkItemProgress(taskList.progress!, progressOfDocument(db, signed)[task2!.id]!, today).issues).toEqual([
      { field: 'doneOn', severity: 'warning', message: '任务已完成，请填写完成日期' },
    ]);
    const entry = db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
    expect(entry).toMatchObject({ entity: 'document_item_progress', rowId: task2!.id, summary: '记录「梧州孵化器」的培育方案「任务2」的实施进度' });

    // The signed content is still locked: by the service, and by the database itself.
    expect(failureOf(() => updateDocument(db, a.ctx, 'plan', plan.id, { lists: { tasks: [] } }, 'edit')).kind).toBe('locked');
    expect(() => a.opened.sqlite.prepare(`update document_items set values_json = '{}' where id = ?`).run(task1!.id)).toThrow(/已签署/);
    expect(getDocument(db, 'plan', plan.id)!.lists.tasks!.map((t) => t.values)).toEqual(signed.lists.tasks!.map((t) => t.values));

    // Synced through the server to a second device, and back.
    await a.engine.sync();
    await b.engine.sync();
    const onB = getDocument(b.opened.db, 'plan', plan.id)!;
    expect(progressOfDocument(b.opened.db, onB)[task1!.id]).toEqual({ status: '进行中', progress: '已起草入孵管理制度' });
    saveProgress(b.opened.db, b.ctx, onB, { listKey: 'tasks', itemId: task1!.id, values: { status: '已完成', doneOn: '2026-03-18' }, today });
    await b.engine.sync();
    await a.engine.sync();
    expect(progressOfDocument(db, signed)[task1!.id]).toEqual({ status: '已完成', progress: '已起草入孵管理制度', doneOn: '2026-03-18' });
    // The signature covers the content, not the progress: unchanged on both devices.
    expect(getSigned(db, 'plans', plan.id)).toMatchObject({ state: 'accepted', hash: signature.hash });
    expect(getSigned(b.opened.db, 'plans', plan.id)).toMatchObject({ state: 'accepted', hash: signature.hash });

    // A revision's task starts from the progress of the task it came from; the draft revision records none itself.
    const rev = reviseStoredDocument(db, a.ctx, 'plan', plan.id, '调整期限', { agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-03-19' });
    expect(progressOfDocument(db, rev)[rev.lists.tasks![0]!.id]).toEqual({ status: '已完成', progress: '已起草入孵管理制度', doneOn: '2026-03-18' });
    expect(progressOpen(db, rev)).toBe(false);
    // Until the revision is signed, the signed plan is the one in effect.
    expect(progressOpen(db, signed)).toBe(true);
    a.close();
    b.close();
  });
});
