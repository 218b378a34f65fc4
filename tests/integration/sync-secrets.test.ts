// docs/sync.md §Secrets, issue 15.6: the device token is never in the database file or its backups; the token
// and backups are readable by the user only; manual backups are kept to the number the user set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSyncServer, TEST_PASSWORD, type TestSyncServer } from '../support/sync-server.js';
import { openTestWorkbench } from '../support/workbench-fixture.js';
import { readSyncSettings } from '../../db/repositories/sync-state-repository.js';
import { secretsFileOf } from '../../db/secret-store.js';
import { openDatabase } from '../../db/open-database.js';
import { makeTempDir } from '../../db/testing/test-database.js';

function fileHolds(path: string, text: string): boolean {
  return existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));
}

describe('secrets and backups', () => {
  let server: TestSyncServer;
  beforeAll(async () => {
    server = await startTestSyncServer({ listen: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('no token string in the database file, its WAL or its backups; the secrets file and backups are 0600', async () => {
    const agency = await server.newAgency();
    const t = openTestWorkbench();
    try {
      await t.call('sync.login', { serverUrl: server.url, login: agency.login, password: TEST_PASSWORD });
      await t.call('sync.now', {});
      const token = readSyncSettings(t.wb.database.db).token;
      expect(token).toMatch(/^wbd_/);
      const backup = await t.call('backups.create', {});
      const file = t.wb.databaseFile;
      for (const path of [file, `${file}-wal`, join(t.wb.backupDir, backup.name)]) expect(fileHolds(path, token!)).toBe(false);
      expect(fileHolds(secretsFileOf(file), token!)).toBe(true);
      expect(statSync(secretsFileOf(file)).mode & 0o777).toBe(0o600);
      expect(statSync(join(t.wb.backupDir, backup.name)).mode & 0o777).toBe(0o600);
      // Still logged in after the app is reopened; logging out removes the token.
      t.wb.close();
      t.wb.open();
      expect((await t.call('sync.status', {})).state).toBe('synced');
      await t.call('sync.logout', {});
      expect(fileHolds(secretsFileOf(file), token!)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('a token an older version kept in the database is moved out of it, its bytes wiped', () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const file = join(dir, 'workbench.sqlite');
      const legacyToken = `wbd_${'x'.repeat(43)}`;
      const first = openDatabase({ file });
      first.sqlite.prepare("insert into meta (key, value) values ('sync.token', ?)").run(legacyToken);
      first.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      first.sqlite.close();
      expect(fileHolds(file, legacyToken)).toBe(true);
      const reopened = openDatabase({ file });
      expect(readSyncSettings(reopened.db).token).toBe(legacyToken);
      expect(reopened.sqlite.prepare("select count(*) as n from meta where key = 'sync.token'").get()).toEqual({ n: 0 });
      reopened.sqlite.close();
      for (const path of [file, `${file}-wal`]) expect(fileHolds(path, legacyToken)).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('manual backups are kept to the number the user set (30 unless changed), sizes listed', async () => {
    const t = openTestWorkbench();
    try {
      expect(await t.call('backups.settings', {})).toEqual({ keepManual: 30 });
      expect(await t.call('backups.settings', { keepManual: 2 })).toEqual({ keepManual: 2 });
      const made: string[] = [];
      for (let i = 0; i < 3; i++) {
        made.push((await t.call('backups.create', {})).name);
        await new Promise((r) => setTimeout(r, 1100)); // backup names carry the second
      }
      const manual = (await t.call('backups.list', {})).filter((b) => b.reason === 'manual');
      expect(manual.map((b) => b.name).sort()).toEqual(made.slice(1).sort());
      for (const b of manual) expect(b.sizeBytes).toBeGreaterThan(0);
      const refused = await t.failure('backups.settings', { keepManual: 0 });
      expect(refused.kind).toBe('bad-request');
    } finally {
      t.cleanup();
    }
  });
});
