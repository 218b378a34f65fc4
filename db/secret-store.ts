// Secrets (the sync device token) are kept out of the database file, so they are never in a backup or a copy of
// it (docs/sync.md §Secrets): in a file beside the database readable only by the user, encrypted with the OS
// keychain's key when the desktop shell offers one (Electron's safeStorage), plain otherwise.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Executor, OpenedDatabase, WorkbenchDb } from './database.js';

export interface SecretStore {
  read(name: string): string | null;
  write(name: string, value: string): void;
  remove(name: string): void;
}

/** Encryption by the OS keychain (Electron's safeStorage), set by the desktop shell when it is available. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

let cipher: SecretCipher | null = null;

export function useSecretCipher(c: SecretCipher | null): void {
  cipher = c;
}

type Stored = { sealed: string } | { plain: string };

/** The secrets file of a database file: `<file>.secrets.json`, mode 0600. */
export function secretsFileOf(databaseFile: string): string {
  return `${databaseFile}.secrets.json`;
}

export function fileSecretStore(path: string): SecretStore {
  const load = (): Record<string, Stored> => {
    if (!existsSync(path)) return {};
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, Stored>;
    } catch {
      return {}; // unreadable: as if logged out; the next login writes it anew
    }
  };
  const save = (all: Record<string, Stored>) => {
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(temp, 0o600); // the mode of writeFileSync is masked by umask and ignored for an existing file
    renameSync(temp, path);
  };
  return {
    read(name) {
      const s = load()[name];
      if (!s) return null;
      if ('plain' in s) return s.plain;
      if (!cipher) return null; // sealed by the desktop app's keychain: not readable from the command line
      try {
        return cipher.decrypt(Buffer.from(s.sealed, 'base64'));
      } catch {
        return null;
      }
    },
    write(name, value) {
      const all = load();
      all[name] = cipher ? { sealed: cipher.encrypt(value).toString('base64') } : { plain: value };
      save(all);
    },
    remove(name) {
      const all = load();
      if (!(name in all)) return;
      delete all[name];
      save(all);
    },
  };
}

export function memorySecretStore(): SecretStore {
  const map = new Map<string, string>();
  return { read: (n) => map.get(n) ?? null, write: (n, v) => void map.set(n, v), remove: (n) => void map.delete(n) };
}

const stores = new WeakMap<object, SecretStore>();

/** Binds the secret store of an open database (openDatabase does it; in-memory test databases bind their own). */
export function attachSecretStore(db: WorkbenchDb, store: SecretStore): void {
  stores.set(db, store);
}

/** The secret store of an open database; inside a transaction there is none (secrets are not transactional). */
export function secretStoreOf(db: Executor): SecretStore | null {
  return stores.get(db) ?? null;
}

/**
 * Moves secrets an older version kept in the `meta` table into the store, and wipes them from the file's pages
 * (secure_delete overwrites the freed bytes).
 */
export function moveSecretsOutOfDatabase(opened: OpenedDatabase, keys: Record<string, string>): void {
  const store = secretStoreOf(opened.db);
  if (!store) return;
  for (const [metaKey, name] of Object.entries(keys)) {
    const row = opened.sqlite.prepare('select value from meta where key = ?').get(metaKey) as { value: string } | undefined;
    if (!row) continue;
    if (store.read(name) === null) store.write(name, row.value);
    const before = opened.sqlite.pragma('secure_delete', { simple: true }) as number;
    opened.sqlite.pragma('secure_delete = ON');
    opened.sqlite.prepare('delete from meta where key = ?').run(metaKey);
    opened.sqlite.pragma(`secure_delete = ${before}`);
    if (!opened.file.startsWith(':')) opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
}
