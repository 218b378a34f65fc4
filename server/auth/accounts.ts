// Agencies, users and devices: what `admin` commands and the login endpoint do.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerDb } from '../db/connect.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { hashToken, newDeviceToken } from './tokens.js';
import { SyncServerError } from '../sync/errors.js';

export interface AuthedDevice {
  deviceId: string;
  userId: string;
  agencyId: string;
  clientId: string;
  login: string;
}

export async function createAgency(db: ServerDb, name: string, login: string, password: string): Promise<{ agencyId: string; userId: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const agencyId = randomUUID();
    const userId = randomUUID();
    await tx.execute(sql`insert into agencies (id, name) values (${agencyId}, ${name})`);
    await tx.execute(sql`insert into users (id, agency_id, login, password_hash) values (${userId}, ${agencyId}, ${login}, ${passwordHash})`);
    return { agencyId, userId };
  });
}

export async function addUser(db: ServerDb, agencyName: string, login: string, password: string): Promise<string> {
  const passwordHash = await hashPassword(password);
  const agency = rowsOf<{ id: string }>(await db.execute(sql`select id from agencies where name = ${agencyName}`))[0];
  if (!agency) throw new Error(`没有名为「${agencyName}」的服务机构。`);
  const userId = randomUUID();
  await db.execute(sql`insert into users (id, agency_id, login, password_hash) values (${userId}, ${agency.id}, ${login}, ${passwordHash})`);
  return userId;
}

/** Sets a new password and revokes the user's devices (a reset is usually because a laptop or password was lost). */
export async function resetPassword(db: ServerDb, login: string, password: string): Promise<number> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const user = rowsOf<{ id: string }>(await tx.execute(sql`update users set password_hash = ${passwordHash} where login = ${login} returning id`))[0];
    if (!user) throw new Error(`没有登录名为「${login}」的用户。`);
    const revoked = rowsOf<{ id: string }>(
      await tx.execute(sql`update devices set revoked_at = now() where user_id = ${user.id} and revoked_at is null returning id`),
    );
    return revoked.length;
  });
}

/**
 * Disables a user: their devices are revoked at once and logins are refused until `enableUser` (a revoked device
 * alone could log in again with the same password). Returns how many devices were revoked.
 */
export async function disableUser(db: ServerDb, login: string): Promise<number> {
  return db.transaction(async (tx) => {
    const user = rowsOf<{ id: string }>(await tx.execute(sql`update users set disabled = true where login = ${login} returning id`))[0];
    if (!user) throw new Error(`没有登录名为「${login}」的用户。`);
    return rowsOf(await tx.execute(sql`update devices set revoked_at = now() where user_id = ${user.id} and revoked_at is null returning id`)).length;
  });
}

export async function enableUser(db: ServerDb, login: string): Promise<void> {
  const user = rowsOf(await db.execute(sql`update users set disabled = false where login = ${login} returning id`))[0];
  if (!user) throw new Error(`没有登录名为「${login}」的用户。`);
}

/** Revokes one device by id, or every device of a login. Returns how many were revoked. */
export async function revokeDevice(db: ServerDb, target: { deviceId?: string; login?: string }): Promise<number> {
  if (target.deviceId) {
    return rowsOf(await db.execute(sql`update devices set revoked_at = now() where id = ${target.deviceId}::uuid and revoked_at is null returning id`)).length;
  }
  if (target.login) {
    return rowsOf(
      await db.execute(sql`
        update devices set revoked_at = now() where revoked_at is null and user_id in (select id from users where login = ${target.login})
        returning id`),
    ).length;
  }
  return 0;
}

export async function listDevices(db: ServerDb): Promise<{ id: string; login: string; name: string; clientId: string; revoked: boolean }[]> {
  const rows = rowsOf<{ id: string; login: string; name: string; client_id: string; revoked_at: unknown }>(
    await db.execute(sql`select d.id, u.login, d.name, d.client_id, d.revoked_at from devices d join users u on u.id = d.user_id order by d.created_at`),
  );
  return rows.map((r) => ({ id: r.id, login: r.login, name: r.name, clientId: r.client_id, revoked: r.revoked_at !== null }));
}

// A fixed hash to compare against when the login does not exist, so timing does not reveal which logins exist.
let dummyHash: Promise<string> | null = null;

export async function login(
  db: ServerDb,
  input: { login: string; password: string; clientId: string; deviceName: string },
): Promise<{ token: string; deviceId: string; agencyId: string; agencyName: string } | null> {
  const user = rowsOf<{ id: string; agency_id: string; password_hash: string; disabled: boolean; agency_name: string }>(
    await db.execute(sql`
      select u.id, u.agency_id, u.password_hash, u.disabled, a.name as agency_name
      from users u join agencies a on a.id = u.agency_id where u.login = ${input.login}`),
  )[0];
  if (!user) {
    dummyHash ??= hashPassword('not-a-password');
    await verifyPassword(input.password, await dummyHash);
    return null;
  }
  if (user.disabled || !(await verifyPassword(input.password, user.password_hash))) return null;
  if (needsRehash(user.password_hash)) {
    const rehashed = await hashPassword(input.password);
    await db.execute(sql`update users set password_hash = ${rehashed} where id = ${user.id} and password_hash = ${user.password_hash}`);
  }
  const token = newDeviceToken();
  const deviceId = randomUUID();
  await db.execute(sql`
    insert into devices (id, user_id, agency_id, client_id, name, token_hash)
    values (${deviceId}, ${user.id}, ${user.agency_id}, ${input.clientId}, ${input.deviceName}, ${hashToken(token)})`);
  return { token, deviceId, agencyId: user.agency_id, agencyName: user.agency_name };
}

export async function authenticate(db: ServerDb, token: string): Promise<AuthedDevice | null> {
  const row = rowsOf<{ id: string; user_id: string; agency_id: string; client_id: string; login: string }>(
    await db.execute(sql`
      select d.id, d.user_id, d.agency_id, d.client_id, u.login
      from devices d join users u on u.id = d.user_id
      where d.token_hash = ${hashToken(token)} and d.revoked_at is null and not u.disabled`),
  )[0];
  if (!row) return null;
  return { deviceId: row.id, userId: row.user_id, agencyId: row.agency_id, clientId: row.client_id, login: row.login };
}

/**
 * Binds a device's token to a new client identity (docs/sync.md §Identities): the device's local history went
 * back, so its old numbering is spent. An identity the agency's server already knows is refused: its numbering
 * belongs to that client.
 */
export async function rebindClient(db: ServerDb, device: AuthedDevice, clientId: string): Promise<void> {
  if (clientId === device.clientId) return;
  const taken = rowsOf(
    await db.execute(sql`select 1 from client_progress where agency_id = ${device.agencyId} and client_id = ${clientId}`),
  );
  if (taken.length > 0) throw new SyncServerError('forbidden', '这个设备身份已被使用，不能再用于本设备。请重新登录。');
  await db.execute(sql`update devices set client_id = ${clientId} where id = ${device.deviceId}::uuid`);
}

/**
 * Issues a device token without a password check: for `admin` provisioning and tests (scrypt costs ~100 ms by
 * design, too slow for a thousand test runs).
 */
export async function issueDeviceToken(db: ServerDb, input: { userId: string; clientId: string; name?: string }): Promise<{ token: string; deviceId: string }> {
  const user = rowsOf<{ agency_id: string }>(await db.execute(sql`select agency_id from users where id = ${input.userId}`))[0];
  if (!user) throw new Error('no such user');
  const token = newDeviceToken();
  const deviceId = randomUUID();
  await db.execute(sql`
    insert into devices (id, user_id, agency_id, client_id, name, token_hash)
    values (${deviceId}, ${input.userId}, ${user.agency_id}, ${input.clientId}, ${input.name ?? ''}, ${hashToken(token)})`);
  return { token, deviceId };
}

/** An agency and user with a precomputed password hash (tests create many). */
export async function createAgencyWithHash(db: ServerDb, name: string, login: string, passwordHash: string): Promise<{ agencyId: string; userId: string }> {
  const agencyId = randomUUID();
  const userId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into agencies (id, name) values (${agencyId}, ${name})`);
    await tx.execute(sql`insert into users (id, agency_id, login, password_hash) values (${userId}, ${agencyId}, ${login}, ${passwordHash})`);
  });
  return { agencyId, userId };
}
