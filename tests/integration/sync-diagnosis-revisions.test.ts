// Signing a diagnosis and revising it, against a real sync server (docs/sync.md §Signing): complete → sign → sync;
// the signed one is locked; a revision is a new row with the same content that supersedes it, and the signed one
// stays readable and signed on every device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { twoDevices } from '../support/sync-devices.js';
import { clientDump } from '../support/sync-client.js';
import { createDocument, getDocument, listDocuments, updateDocument } from '../../db/repositories/document-repository.js';
import { getSigned } from '../../db/repositories/sync-state-repository.js';
import { auditLog, outbox } from '../../db/schema/index.js';
import { reviseStoredDocument, signStoredDocument } from '../../core/services/document-signing-service.js';
import { failureOf } from '../support/failure-of.js';

describe('diagnosis revisions', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('signs a synced diagnosis, locks it, and supersedes it by a revision both devices see', async () => {
    const { agency, a, b } = await twoDevices(server);
    const incubatorId = a.saveIncubator(undefined, { name: '钦州孵化器' });
    const draft = createDocument(
      a.opened.db,
      a.ctx,
      'diagnosis',
      {
        incubatorId,
        values: { diagnosedOn: '2026-11-20', consultants: '张三、李四', ruleSetId: 'builtin', totalArea: 6000, incubatees: 20, summary: '基本达标' },
        snapshots: { incubator: null, agency: null },
      },
      '新建',
    );
    updateDocument(a.opened.db, a.ctx, 'diagnosis', draft.id, { status: 'completed' }, 'complete');

    // Not on the server yet: signed here at once (docs/sync.md §Signing); content and signature reach it together.
    const sign = signStoredDocument(a.opened.db, a.ctx, 'diagnosis', draft.id);
    expect(getSigned(a.opened.db, 'diagnoses', draft.id)?.state).toBe('pending');
    expect(sign.hash).toMatch(/^[0-9a-f]{64}$/);
    await a.engine.sync();
    expect(getSigned(a.opened.db, 'diagnoses', draft.id)?.state).toBe('accepted');
    const signedRecord = getDocument(a.opened.db, 'diagnosis', draft.id)!;
    expect(signedRecord.revision).toBe(1);

    // Signed: refused here (the outbox trigger), and signing twice is refused too.
    expect(failureOf(() => updateDocument(a.opened.db, a.ctx, 'diagnosis', draft.id, { values: { summary: '签署后再改' } }, 'edit')).kind).toBe('locked');
    expect(failureOf(() => updateDocument(a.opened.db, a.ctx, 'diagnosis', draft.id, { status: 'draft' }, 'reopen')).kind).toBe('locked');
    expect(failureOf(() => signStoredDocument(a.opened.db, a.ctx, 'diagnosis', draft.id)).kind).toBe('locked');

    // A change after signing is a new revision: same content, a draft, with the reason; editable.
    const rev = reviseStoredDocument(a.opened.db, a.ctx, 'diagnosis', draft.id, '  更正场地面积 ');
    expect(rev.id).not.toBe(draft.id);
    expect(rev).toMatchObject({
      incubatorId,
      status: 'draft',
      revision: 2,
      revisionOf: draft.id,
      revisionReason: '更正场地面积',
      values: signedRecord.values,
      completedAt: null,
    });
    const ops = a.opened.db.select().from(outbox).where(and(eq(outbox.entity, 'diagnoses'), eq(outbox.rowId, rev.id))).all();
    expect(ops.map((o) => o.field)).toEqual(expect.arrayContaining(['revisionOf', 'revision', 'revisionReason', 'values.totalArea', 'diagnosedOn', 'consultants']));
    const audit = a.opened.db.select().from(auditLog).where(eq(auditLog.rowId, rev.id)).all();
    expect(audit.map((x) => x.action)).toEqual(['create']);
    expect(audit[0]!.summary).toContain('第 2 版');

    const edited = updateDocument(a.opened.db, a.ctx, 'diagnosis', rev.id, { values: { totalArea: 6200 } }, 'edit');
    expect(edited.values.totalArea).toBe(6200);
    // The signed one reads back unchanged, still signed; only one revision may supersede it.
    expect(getDocument(a.opened.db, 'diagnosis', draft.id)).toEqual(signedRecord);
    expect(failureOf(() => reviseStoredDocument(a.opened.db, a.ctx, 'diagnosis', draft.id, '再改一次')).message).toContain('已有第 2 版修订');
    expect(failureOf(() => reviseStoredDocument(a.opened.db, a.ctx, 'diagnosis', rev.id, '未签署')).kind).toBe('conflict');

    await a.engine.sync();
    await b.engine.sync();
    expect(getDocument(b.opened.db, 'diagnosis', draft.id)).toEqual({ ...signedRecord, updatedAt: expect.any(String), createdAt: expect.any(String) });
    expect(getSigned(b.opened.db, 'diagnoses', draft.id)?.state).toBe('accepted');
    expect(getDocument(b.opened.db, 'diagnosis', rev.id)).toMatchObject({ revision: 2, revisionOf: draft.id, revisionReason: '更正场地面积', status: 'draft' });
    expect(getDocument(b.opened.db, 'diagnosis', rev.id)?.values.totalArea).toBe(6200);
    const listed = listDocuments(b.opened.db, 'diagnosis', incubatorId).map((d) => ({ id: d.id, revision: d.revision, supersededBy: d.supersededBy, signed: d.signed }));
    expect(listed).toEqual(
      expect.arrayContaining([
        { id: draft.id, revision: 1, supersededBy: { id: rev.id, revision: 2 }, signed: true },
        { id: rev.id, revision: 2, supersededBy: null, signed: false },
      ]),
    );
    expect(failureOf(() => updateDocument(b.opened.db, b.ctx, 'diagnosis', draft.id, { values: { summary: 'B 改签署的' } }, 'edit')).kind).toBe('locked');

    const dump = await serverDump(server, agency.agencyId);
    expect(clientDump(a)).toEqual(dump);
    expect(clientDump(b)).toEqual(dump);
    expect((dump[`diagnoses/${draft.id}`] as { signed: string | null }).signed).toBe(sign.hash);
    expect((dump[`diagnoses/${rev.id}`] as { signed: string | null }).signed).toBeNull();
    a.close();
    b.close();
  });
});
