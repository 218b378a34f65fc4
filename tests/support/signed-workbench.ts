// A workbench on a temp data folder with the demo data, logged in to a real test sync server (PostgreSQL) and its
// documents signed the way the app signs them: complete → sync → 签署 → sync (sync.md §7). Used by the verify
// tests and bench/verify.bench.ts. Once signing works without a server (issue 12 item 1), `sign` needs no server.
import type { DocumentKind } from '../../shared/forms/registry.js';
import type { DocumentSummary } from '../../shared/domain/document-record.js';
import { startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from './sync-server.js';
import { openTestWorkbench, type TestWorkbench } from './workbench-fixture.js';

export interface SignedWorkbench {
  t: TestWorkbench;
  server: TestSyncServer;
  /** Signs a completed document and syncs, so the server confirms it. */
  sign(kind: DocumentKind, id: string): Promise<void>;
  /** The first completed, unsigned, current document of a kind in the demo data. */
  completed(kind: DocumentKind): Promise<DocumentSummary>;
  exportDocx(kind: DocumentKind, id: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Logs the workbench in to a new agency of the server, loads the demo data and uploads it. */
export async function loadDemoOnServer(t: TestWorkbench, server: TestSyncServer): Promise<void> {
  const agency = await server.newAgency();
  await t.call('sync.login', { serverUrl: server.url, login: agency.login, password: TEST_PASSWORD });
  await t.call('demo.load', {});
  await t.call('sync.now', {});
}

/** 签署 as the app does it today: the document is on the server unchanged, signed, and the signature synced. */
export async function signAndSync(t: TestWorkbench, kind: DocumentKind, id: string): Promise<void> {
  await t.call('sync.now', {});
  await t.call('documents.sign', { kind, id });
  await t.call('sync.now', {});
}

export async function openSignedWorkbench(): Promise<SignedWorkbench> {
  const server = await startTestSyncServer({ listen: true });
  const t = openTestWorkbench();
  await loadDemoOnServer(t, server);
  return {
    t,
    server,
    sign: (kind, id) => signAndSync(t, kind, id),
    async completed(kind) {
      const list = await t.call('documents.list', { kind });
      const found = list.find((d) => d.status === 'completed' && !d.signed && !d.supersededBy);
      if (!found) throw new Error(`the demo data has no completed ${kind}`);
      return found;
    },
    async exportDocx(kind, id) {
      const file = await t.call('documents.export', { kind, id, format: 'docx', allowErrors: false });
      return Buffer.from(file.base64, 'base64');
    },
    async close() {
      t.cleanup();
      await server.close();
    },
  };
}
