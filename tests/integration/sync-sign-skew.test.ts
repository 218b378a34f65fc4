// sync.md tests 8 (an offline edit races a sign: docs/sync.md §Signing) and 10 (schema skew both ways), and the local lock of signed rows.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { serverDump, startTestSyncServer, type TestSyncServer } from '../support/sync-server.js';
import { twoDevices } from '../support/sync-devices.js';
import { clientDump, openTestSyncClient } from '../support/sync-client.js';
import { signDocument } from '../../core/sync/documents.js';
import { registerSyncEntity } from '../../core/sync/registry.js';
import { toRpcError } from '../../core/error-mapping.js';
import { incubators } from '../../db/schema/index.js';
import { getSigned, listOpenIssues, pendingOpCount } from '../../db/repositories/sync-state-repository.js';
import { openProposalsOf, proposedValues } from '../../db/repositories/sign-proposal-repository.js';
import { canonicalRowContent } from '../../shared/sync/canonical.js';
import { rowsOf } from '../../server/db/connect.js';
import { incubatorSearchText } from '../../core/services/search-text.js';

const d = describe;

// Test-only: incubators as a document kind.
registerSyncEntity({
  name: 'incubators',
  table: incubators,
  localOnly: ['searchText'],
  document: true,
  derive: (row) => ({ searchText: incubatorSearchText({ name: String(row.name ?? ''), operator: String(row.operator ?? ''), creditCode: String(row.creditCode ?? '') }) }),
});

d('signing and schema skew', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function signedHash(agencyId: string, rowId: string): Promise<string | null> {
    const r = rowsOf<{ signed_hash: string | null }>(
      await server.opened.db.execute(sql`select signed_hash from records where agency_id = ${agencyId} and row_id = ${rowId}`),
    );
    return r[0]?.signed_hash ?? null;
  }

  for (const order of ['sign first', 'edit first'] as const) {
    it(`test 8: an offline edit races a sign (${order}): the signed version stands, the edit becomes a proposal, same everywhere`, async () => {
      const { agency, a, b } = await twoDevices(server);
      const id = a.saveIncubator(undefined, { name: '防城港孵化器', industry: '边贸' });
      await a.engine.sync();
      await b.engine.sync();
      a.saveIncubator(id, { industry: '跨境电商' }); // a is offline
      const sign = signDocument(b.opened.db, b.ctx, 'incubators', id);
      // The signer's hash is the SHA-256 of the canonical content it saw.
      const row = b.incubator(id)!;
      expect(sign.hash).toBe(
        createHash('sha256')
          .update(canonicalRowContent('incubators', id, Object.fromEntries(Object.entries(row).filter(([k]) => !['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'searchText'].includes(k)))))
          .digest('hex'),
      );
      // Locally locked at once: the database refuses the edit.
      let refused: unknown = null;
      try {
        b.saveIncubator(id, { industry: '改一下' });
      } catch (e) {
        refused = e;
      }
      expect(toRpcError(refused).kind).toBe('locked');
      const first = order === 'sign first' ? b : a;
      const second = order === 'sign first' ? a : b;
      await first.engine.sync();
      const r2 = await second.engine.sync();
      await first.engine.sync();
      const server1 = await serverDump(server, agency.agencyId);
      const industry = (server1[`incubators/${id}`] as { fields: { industry: string } }).fields.industry;
      // Whichever reached the server first: the signed version is signed, the edit is kept as a proposal.
      expect(await signedHash(agency.agencyId, id)).toBe(sign.hash); // the server's hash equals the client's
      expect(industry).toBe('边贸');
      if (order === 'sign first') {
        expect(r2.locked).toBe(1);
        expect(listOpenIssues(a.opened.db)[0]?.status).toBe('locked');
      } else {
        expect(r2.rejected + r2.locked + r2.conflicts.length).toBe(0);
      }
      for (const c of [a, b]) {
        expect(getSigned(c.opened.db, 'incubators', id)).toMatchObject({ state: 'accepted', hash: sign.hash });
        expect(openProposalsOf(c.opened.db, 'incubators', id).map((p) => [p.reason, proposedValues(p)])).toEqual([
          [order === 'sign first' ? 'after-sign' : 'raced', { industry: '跨境电商' }],
        ]);
      }
      expect(clientDump(a)).toEqual(server1);
      expect(clientDump(b)).toEqual(server1);
      expect(pendingOpCount(a.opened.db) + pendingOpCount(b.opened.db)).toBe(0);
      a.close();
      b.close();
    });
  }

  it('test 10: a client one schema version behind the server, and one ahead: no change lost', async () => {
    const agency = await server.newAgency();
    const clientVersion = openTestSyncClient().opened.schemaVersion;
    // The server is one version ahead: the client's ops (previous version) are accepted.
    const ahead = await startTestSyncServer({ dbUrl: server.dbUrl, schemaVersion: clientVersion + 1 });
    // The server is one version behind: refused without losing anything, accepted after the server upgrade.
    const behind = await startTestSyncServer({ dbUrl: server.dbUrl, schemaVersion: clientVersion - 1 });
    // Two versions ahead: the client must upgrade; nothing is lost meanwhile.
    const farAhead = await startTestSyncServer({ dbUrl: server.dbUrl, schemaVersion: clientVersion + 2 });
    try {
      const { a, b } = await twoDevices(server, { via: ahead, agency });
      const id = a.saveIncubator(undefined, { name: '贺州孵化器' });
      expect((await a.engine.sync()).applied).toBeGreaterThan(0);

      (a.engine as unknown as { options: { fetchImpl: typeof fetch } }).options.fetchImpl = behind.injectFetch;
      a.saveIncubator(id, { industry: '碳酸钙' });
      await expect(a.engine.sync()).rejects.toMatchObject({ failure: 'schema-too-new' });
      expect(a.engine.lastError()?.message).toContain('升级同步服务器');
      expect(pendingOpCount(a.opened.db)).toBe(1);

      (a.engine as unknown as { options: { fetchImpl: typeof fetch } }).options.fetchImpl = farAhead.injectFetch;
      await expect(a.engine.sync()).rejects.toMatchObject({ failure: 'schema-too-old' });
      expect(pendingOpCount(a.opened.db)).toBe(1);

      (a.engine as unknown as { options: { fetchImpl: typeof fetch } }).options.fetchImpl = server.injectFetch; // "upgraded"
      await a.engine.sync();
      await b.engine.sync();
      expect(b.incubator(id)?.industry).toBe('碳酸钙');
      expect(clientDump(a)).toEqual(await serverDump(server, agency.agencyId));

      // After an app upgrade (local migration) the client refetches everything once, keeping its outbox.
      b.saveIncubator(id, { contactName: '升级前的修改' });
      b.opened.sqlite.prepare("update meta set value = ? where key = 'sync.pulled_schema'").run(String(clientVersion - 1));
      const r = await b.engine.sync();
      expect(r.refetched).toBe(true);
      expect(r.pulled).toBeGreaterThan(0);
      expect(clientDump(b)).toEqual(await serverDump(server, agency.agencyId));
      a.close();
      b.close();
    } finally {
      for (const s of [ahead, behind, farAhead]) {
        await s.app.close();
        await s.opened.close();
      }
    }
  });

  it('a client whose cursor is older than the compacted log refetches and keeps its outbox', async () => {
    const { agency, a, b } = await twoDevices(server);
    const gone = a.saveIncubator(undefined, { name: '将被删除' });
    const kept = a.saveIncubator(undefined, { name: '保留' });
    await a.engine.sync();
    await b.engine.sync();
    a.deleteIncubator(gone);
    await a.engine.sync();
    b.saveIncubator(kept, { industry: '离线修改' });
    const { compactTombstones } = await import('../../server/sync/pull.js');
    expect(await compactTombstones(server.opened.db, agency.agencyId, new Date(Date.now() + 60_000))).toBe(1);
    const r = await b.engine.sync();
    expect(r.refetched).toBe(true);
    expect(b.incubator(gone)?.deletedAt).not.toBeNull();
    expect(b.incubator(kept)?.industry).toBe('离线修改');
    expect(pendingOpCount(b.opened.db)).toBe(0);
    await a.engine.sync();
    expect(a.incubator(kept)?.industry).toBe('离线修改');
    a.close();
    b.close();
  });
});
