// Registered document entities sync field by field: a diagnosis (its form values are one JSON column locally,
// one wire field per form field) made on one device appears on another; the same form field edited on both is
// one conflict; signing locks it everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { twoDevices } from '../support/sync-devices.js';
import { clientDump } from '../support/sync-client.js';
import { createDocument, getDocument, updateDocument } from '../../db/repositories/document-repository.js';
import { listOpenConflicts } from '../../db/repositories/sync-state-repository.js';
import { resolveConflict } from '../../core/sync/conflicts.js';
import { signDocument } from '../../core/sync/documents.js';
import { toRpcError } from '../../core/error-mapping.js';

const d = describe;

d('document entities', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a diagnosis syncs per form field, conflicts per form field, and locks when signed', async () => {
    const { agency, a, b } = await twoDevices(server);
    const incubatorId = a.saveIncubator(undefined, { name: '玉林孵化器' });
    const diag = createDocument(
      a.opened.db,
      a.ctx,
      'diagnosis',
      { incubatorId, values: { diagnosedOn: '2026-11-20', consultants: '张三', ruleSetId: 'builtin', siteArea: 3000, note: '初稿' }, snapshots: { incubator: null, agency: null } },
      '新建',
    );
    await a.engine.sync();
    // b edits the incubator first, so the diagnosis (older cursor) may arrive before or after it.
    await b.engine.sync();
    expect(getDocument(b.opened.db, 'diagnosis', diag.id)?.values).toMatchObject({ siteArea: 3000, note: '初稿', diagnosedOn: '2026-11-20' });

    updateDocument(a.opened.db, a.ctx, 'diagnosis', diag.id, { values: { note: 'A 的意见' } }, 'edit');
    updateDocument(b.opened.db, b.ctx, 'diagnosis', diag.id, { values: { note: 'B 的意见', siteArea: 3200 } }, 'edit');
    await a.engine.sync();
    const rb = await b.engine.sync();
    expect(rb.conflicts.map((c) => c.field)).toEqual(['values.note']);
    await a.engine.sync();
    expect(getDocument(a.opened.db, 'diagnosis', diag.id)?.values).toMatchObject({ siteArea: 3200, note: 'A 的意见' });
    const conflict = listOpenConflicts(b.opened.db)[0]!;
    resolveConflict(b.opened.db, b.ctx, conflict.id, { choice: 'mine' });
    await b.engine.sync();
    await a.engine.sync();
    expect(getDocument(a.opened.db, 'diagnosis', diag.id)?.values).toMatchObject({ siteArea: 3200, note: 'B 的意见' });

    signDocument(a.opened.db, a.ctx, 'diagnoses', diag.id);
    await a.engine.sync();
    await b.engine.sync();
    let refused: unknown = null;
    try {
      updateDocument(b.opened.db, b.ctx, 'diagnosis', diag.id, { values: { note: '签署后再改' } }, 'edit');
    } catch (e) {
      refused = e;
    }
    expect(toRpcError(refused).kind).toBe('locked');
    const dump = await serverDump(server, agency.agencyId);
    expect(clientDump(a)).toEqual(dump);
    expect(clientDump(b)).toEqual(dump);
    expect((dump[`diagnoses/${diag.id}`] as { signed: string | null }).signed).toMatch(/^[0-9a-f]{64}$/);
    a.close();
    b.close();
  });
});
