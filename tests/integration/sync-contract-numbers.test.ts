// Two laptops issue contract numbers offline (docs/contract-numbers.md): each puts its own device code in the
// number, so after both sync every contract keeps the number it was printed with, no two are the same, and the
// next number on either device is never one already issued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoDevices } from '../support/sync-devices.js';
import { startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { type TestSyncClient } from '../support/sync-client.js';
import { createDocument, listDocuments } from '../../db/repositories/document-repository.js';
import { deviceCodeOf, issueDocumentNumber } from '../../core/services/document-number-service.js';
import { writeMeta } from '../../db/meta-store.js';
import { chooseDeviceCode } from '../../shared/contract-terms/index.js';
import { appendTransition, transitionsOf } from '../../db/repositories/contract-lifecycle-repository.js';

describe('contract numbers across devices', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('two devices creating contracts offline get distinct numbers, kept after sync', async () => {
    const { a, b } = await twoDevices(server);
    const incubatorId = a.saveIncubator(undefined, { name: '玉林孵化器' });
    await a.engine.sync();
    await b.engine.sync();
    // At login the server hands out the first code in the device's own order that no other device holds.
    writeMeta(b.opened.db, 'deviceCode', chooseDeviceCode(b.clientId, [deviceCodeOf(a.opened.db)]));
    expect(deviceCodeOf(a.opened.db)).not.toBe(deviceCodeOf(b.opened.db));

    // Offline: three contracts on each device, the same day.
    const make = (c: TestSyncClient) =>
      createDocument(c.opened.db, c.ctx, 'contract', { incubatorId, values: { contractNo: issueDocumentNumber(c.opened.db, 'contract', '2026-03-02') }, snapshots: { incubator: null, agency: null } }, '新建');
    const issued = [a, b].flatMap((c) => [make(c), make(c), make(c)].map((d) => String(d.values.contractNo)));
    expect(new Set(issued).size).toBe(6);

    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    for (const c of [a, b]) {
      const numbers = listDocuments(c.opened.db, 'contract').map((d) => String(d.values.contractNo));
      expect(numbers.sort()).toEqual([...issued].sort());
      // The next number of each device follows its own highest, never one the other device issued.
      expect(issued).not.toContain(issueDocumentNumber(c.opened.db, 'contract', '2026-03-02'));
    }

    // A lifecycle move recorded on one device is the contract's status on the other.
    const contractId = listDocuments(a.opened.db, 'contract')[0]!.id;
    appendTransition(a.opened.db, a.ctx, contractId, { event: 'sign', from: 'draft', to: 'signed', date: '2026-03-02', reason: '', by: '黄敏' }, '签订');
    await a.engine.sync();
    await b.engine.sync();
    expect(transitionsOf(b.opened.db, contractId).map((t) => `${t.event}:${t.to}:${t.by}`)).toEqual(['sign:signed:黄敏']);
  });
});
