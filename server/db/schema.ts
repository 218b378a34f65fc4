// The sync server's PostgreSQL schema. Rows are stored entity-agnostically: the server does not know the
// columns of an incubator, only fields (jsonb) with a version per field, so a new client entity needs no
// server migration.

import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  /** The last cursor given to a change of this agency; writes are serialised per agency, so cursors commit in order. */
  lastCursor: bigint('last_cursor', { mode: 'number' }).notNull().default(0),
  /** Tombstones at or below this cursor were compacted away: a client with an older cursor must refetch. */
  compactedCursor: bigint('compacted_cursor', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  login: text('login').notNull().unique(),
  /** scrypt$N$r$p$salt$hash (base64). */
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per logged-in installation; the token is random and only its SHA-256 is stored. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    clientId: text('client_id').notNull(),
    name: text('name').notNull().default(''),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('devices_user_idx').on(t.userId)],
);

/** Current state of every synced row. `cursor` is the agency cursor of its last change: the pull index. */
export const records = pgTable(
  'records',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    version: integer('version').notNull(),
    cursor: bigint('cursor', { mode: 'number' }).notNull(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    /** field -> {v: row version that last changed it, c: client id that wrote it, h: its HLC}. */
    fieldMeta: jsonb('field_meta').$type<Record<string, { v: number; c: string; h: string }>>().notNull(),
    deletedAt: text('deleted_at'),
    signedVersion: integer('signed_version'),
    signedHash: text('signed_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.entity, t.rowId] }), uniqueIndex('records_cursor_idx').on(t.agencyId, t.cursor)],
);

/** Replicache's lastMutationID: ops with seq <= last_seq were applied (or permanently failed) once. */
export const clientProgress = pgTable(
  'client_progress',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    clientId: text('client_id').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.clientId] })],
);

/** Ops that were not applied (conflict, rejected, locked): a resent batch gets the same answer. */
export const opOutcomes = pgTable(
  'op_outcomes',
  {
    agencyId: uuid('agency_id').notNull(),
    clientId: text('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    opId: text('op_id').notNull(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    status: text('status').notNull(),
    message: text('message').notNull(),
    value: jsonb('value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.clientId, t.seq] }), index('op_outcomes_op_idx').on(t.agencyId, t.opId)],
);

/**
 * Content-addressed attachments, per agency. Uploads append chunks (blob_chunks) until `size` bytes are there, then
 * the hash is checked. `data` holds the bytes of blobs stored before chunks existed; it is empty for newer ones.
 */
export const blobs = pgTable(
  'blobs',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
    /** Bytes received so far: the resumable upload's offset. */
    received: bigint('received', { mode: 'number' }).notNull().default(0),
    complete: boolean('complete').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.sha256] })],
);

/**
 * The fingerprint (op id) of every op a client pushed, by its seq (sync.md §2, docs/sync.md §Identities): an op
 * resent with a seq at or below `last_seq` must carry the same op id, or the client's history went back (a
 * restored backup, an old copy of its data folder) and it must take a new identity. Also answers "has this op
 * been applied already?" by op id, when a client re-sends under a new identity what the server may lack.
 */
export const opFingerprints = pgTable(
  'op_fingerprints',
  {
    agencyId: uuid('agency_id').notNull(),
    clientId: text('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    opId: text('op_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.clientId, t.seq] }), index('op_fingerprints_op_idx').on(t.agencyId, t.opId)],
);

/** Failed logins per account and per address, shared by every instance (sync.md §10, docs/sync.md §Limits). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    /** 'account:<login>' or 'address:<ip>'. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.at)],
);

/** An attachment's bytes as uploaded, one row per chunk: an append never rewrites what is stored (docs/sync.md §Instances). */
export const blobChunks = pgTable(
  'blob_chunks',
  {
    agencyId: uuid('agency_id').notNull(),
    sha256: text('sha256').notNull(),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.sha256, t.offset] })],
);

export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

