// The plan takes effect when signed (§5.2.4 c) and changes only by mutual consent (§5.2.4 d), against a real sync
// server: complete → sync → sign; a revision is refused without both sides' agreement, then made with it; the
// signed revision stays readable, locked and exportable; the two revisions compare item by item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { openTestSyncClient } from '../support/sync-client.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { getSigned } from '../../db/repositories/sync-state-repository.js';
import { reviseStoredDocument, signStoredDocument } from '../../core/services/document-signing-service.js';
import { documentModelFor } from '../../core/services/document-model-service.js';
import { exportDocumentFile } from '../../core/services/document-export-service.js';
import { failureOf } from '../support/failure-of.js';
import { diffDocumentRevisions } from '../../shared/forms/revision-content.js';
import { errorsOf } from '../../shared/forms/document-check.js';
import { samplePlanLists, samplePlanValues } from '../../templates/testing/sample-plan-model.js';

describe('plan revisions by mutual consent', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs a plan, refuses a revision without both sides, revises with them, and keeps both revisions exportable', async () => {
    const agency = await server.newAgency();
    const a = openTestSyncClient({ engine: { fetchImpl: server.injectFetch } });
    a.connect('http://sync.test', await server.deviceToken(agency.userId, a.clientId), agency.agencyId);
    const db = a.opened.db;
    const incubatorId = a.saveIncubator(undefined, { name: '梧州孵化器' });
    const plan = createDocument(db, a.ctx, 'plan', { incubatorId, values: samplePlanValues(), lists: samplePlanLists(3, 2), snapshots: { incubator: null, agency: null } }, '新建');
    expect(errorsOf(documentModelFor(db, plan).check)).toEqual([]);
    updateDocument(db, a.ctx, 'plan', plan.id, { status: 'completed' }, 'complete');
    await a.engine.sync();
    signStoredDocument(db, a.ctx, 'plan', plan.id);
    await a.engine.sync();
    expect(getSigned(db, 'plans', plan.id)?.state).toBe('accepted');
    const signed = getDocument(db, 'plan', plan.id)!;
    // In effect: locked, list items included.
    expect(failureOf(() => updateDocument(db, a.ctx, 'plan', plan.id, { lists: { tasks: [] } }, 'edit')).kind).toBe('locked');

    // A change needs both sides' agreement: who for each, and when.
    const refused = failureOf(() => reviseStoredDocument(db, a.ctx, 'plan', plan.id, '增加路演任务', { agreedByIncubator: '韦丽娟', agreedOn: '2026年3月10日' }));
    expect(refused).toMatchObject({ kind: 'validation', field: 'agreedOn' });
    expect(refused.message).toBe('修订需经双方协商一致：日期格式应为 YYYY-MM-DD；请填写「服务机构方同意人」');

    const rev = reviseStoredDocument(db, a.ctx, 'plan', plan.id, '增加路演任务', { agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-03-10' }, { contractFee: 9_000_000 });
    expect(rev).toMatchObject({ revision: 2, revisionOf: plan.id, revisionReason: '增加路演任务', status: 'draft' });
    expect(rev.values).toMatchObject({ agreedByIncubator: '韦丽娟', agreedByAgency: '刘建新', agreedOn: '2026-03-10', contractFee: 9_000_000 });
    // Each item remembers the one it came from: the comparison pairs them.
    expect(rev.lists.tasks!.map((t) => t.values.origin)).toEqual(signed.lists.tasks!.map((t) => t.id));

    const tasks = rev.lists.tasks!;
    const moved = updateDocument(
      db,
      a.ctx,
      'plan',
      rev.id,
      { lists: { tasks: [tasks[0]!, { id: crypto.randomUUID(), values: { description: '举办投融资路演', dueMonth: '2025-08' } }, ...tasks.slice(1)] } },
      'edit',
    );
    const diff = diffDocumentRevisions(documentModelFor(db, signed), documentModelFor(db, moved));
    expect(diff.lists.find((l) => l.key === 'tasks')!.items.map((i) => i.status)).toEqual(['same', 'added', 'same', 'same']);

    // Both revisions export; the header of every page names the revision and its date.
    const first = await exportDocumentFile(db, getDocument(db, 'plan', plan.id)!, 'docx', false);
    const second = await exportDocumentFile(db, getDocument(db, 'plan', rev.id)!, 'docx', true);
    expect(first.fileName).toBe('梧州孵化器-培育方案-2025年07月01日.docx');
    expect(second.fileName).toBe('梧州孵化器-培育方案-2025年07月01日-第2版.docx');
    const text = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(await text(first.bytes)).not.toContain('举办投融资路演');
    const secondText = await text(second.bytes);
    expect(secondText).toContain('举办投融资路演');
    expect(secondText).toContain('第2版修订原因：增加路演任务；经双方协商一致：孵化器方同意人 韦丽娟，服务机构方同意人 刘建新，双方协商一致日期 2026年03月10日。');
    a.close();
  });
});
