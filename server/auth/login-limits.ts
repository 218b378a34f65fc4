// Failed logins counted per account and per address in PostgreSQL (docs/sync.md §Limits), so the limits hold
// across every instance on one database and one attacker's guesses against one account never lock another.
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerDb } from '../db/connect.js';

export interface LoginLimits {
  /** Failed attempts allowed per account within the window (OWASP: lock the account, not the service). */
  perAccount: number;
  /** Failed attempts allowed per client address within the window (one address guessing many accounts). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 10, perAddress: 100, windowMs: 15 * 60_000 };

const accountKey = (login: string) => `account:${login.normalize('NFC').toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** Whether this account or this address has used up its failed attempts; checked before the password is. */
export async function loginBlocked(db: ServerDb, limits: LoginLimits, login: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - limits.windowMs).toISOString();
  const counts = rowsOf<{ key: string; n: string | number }>(
    await db.execute(sql`
      select key, count(*) as n from login_attempts
      where key in (${accountKey(login)}, ${addressKey(address)}) and at > ${since}::timestamptz
      group by key`),
  );
  const n = (key: string) => Number(counts.find((c) => c.key === key)?.n ?? 0);
  return n(accountKey(login)) >= limits.perAccount || n(addressKey(address)) >= limits.perAddress;
}

export async function recordFailedLogin(db: ServerDb, limits: LoginLimits, login: string, address: string): Promise<void> {
  const before = new Date(Date.now() - limits.windowMs).toISOString();
  await db.execute(sql`delete from login_attempts where at <= ${before}::timestamptz`);
  await db.execute(sql`insert into login_attempts (key) values (${accountKey(login)}), (${addressKey(address)})`);
}

/** A successful login clears the account's failures (not the address's: it may be guessing other accounts). */
export async function clearAccountFailures(db: ServerDb, login: string): Promise<void> {
  await db.execute(sql`delete from login_attempts where key = ${accountKey(login)}`);
}
