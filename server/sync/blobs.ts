// Content-addressed attachments (sync.md §8): a resumable, repeatable PUT checked against the SHA-256 name. Each
// chunk is its own row (blob_chunks): appending never rewrites the bytes already stored (docs/sync.md §Instances).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerDb, type Sql } from '../db/connect.js';
import { SyncServerError } from './errors.js';

export interface BlobStatus {
  offset: number;
  size: number;
  complete: boolean;
}

export async function blobStatus(db: ServerDb, agencyId: string, sha256: string): Promise<BlobStatus | null> {
  const r = rowsOf<{ received: string | number; size: string | number; complete: boolean }>(
    await db.execute(sql`select received, size, complete from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`),
  )[0];
  return r ? { offset: Number(r.received), size: Number(r.size), complete: r.complete } : null;
}

/** The bytes stored for a blob: the legacy single value, or its chunks in order. */
async function storedBytes(db: Sql, agencyId: string, sha256: string): Promise<Buffer> {
  const legacy = rowsOf<{ data: Buffer | Uint8Array }>(await db.execute(sql`select data from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`))[0];
  const chunks = rowsOf<{ data: Buffer | Uint8Array }>(
    await db.execute(sql`select data from blob_chunks where agency_id = ${agencyId} and sha256 = ${sha256} order by "offset"`),
  );
  return Buffer.concat([...(legacy ? [Buffer.from(legacy.data)] : []), ...chunks.map((c) => Buffer.from(c.data))]);
}

async function discard(db: Sql, agencyId: string, sha256: string, size: number): Promise<void> {
  await db.execute(sql`delete from blob_chunks where agency_id = ${agencyId} and sha256 = ${sha256}`);
  await db.execute(sql`update blobs set size = ${size}, data = ''::bytea, received = 0 where agency_id = ${agencyId} and sha256 = ${sha256}`);
}

/** Appends `chunk` at `offset`; when the blob is whole its hash is checked (a mismatch discards it). */
export async function putBlobChunk(
  db: ServerDb,
  agencyId: string,
  sha256: string,
  size: number,
  offset: number,
  chunk: Buffer,
): Promise<BlobStatus> {
  return db
    .transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${agencyId}/${sha256}`}, 1))`);
      await tx.execute(sql`
        insert into blobs (agency_id, sha256, size, data, complete) values (${agencyId}, ${sha256}, ${size}, ''::bytea, false)
        on conflict do nothing`);
      const cur = rowsOf<{ received: string | number; size: string | number; complete: boolean }>(
        await tx.execute(sql`select received, size, complete from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`),
      )[0]!;
      if (cur.complete) return { offset: Number(cur.size), size: Number(cur.size), complete: true };
      let received = Number(cur.received);
      if (Number(cur.size) !== size) {
        await discard(tx, agencyId, sha256, size);
        received = 0;
      }
      if (offset !== received) {
        throw new SyncServerError('offset-mismatch', `上传位置不符：服务器已有 ${received} 字节，请从该处继续。`, { offset: received });
      }
      if (offset + chunk.length > size) throw new SyncServerError('bad-request', '上传内容超过声明的大小。');
      const newLen = offset + chunk.length;
      if (chunk.length > 0) {
        await tx.execute(sql`insert into blob_chunks (agency_id, sha256, "offset", data) values (${agencyId}, ${sha256}, ${offset}, ${chunk}::bytea)`);
        await tx.execute(sql`update blobs set received = ${newLen} where agency_id = ${agencyId} and sha256 = ${sha256}`);
      }
      if (newLen < size) return { offset: newLen, size, complete: false };
      const actual = createHash('sha256').update(await storedBytes(tx, agencyId, sha256)).digest('hex');
      if (actual !== sha256) {
        await discard(tx, agencyId, sha256, size);
        return { offset: -1, size, complete: false };
      }
      await tx.execute(sql`update blobs set complete = true where agency_id = ${agencyId} and sha256 = ${sha256}`);
      return { offset: size, size, complete: true };
    })
    .then((s) => {
      if (s.offset === -1) throw new SyncServerError('hash-mismatch', '附件内容与其校验值不符，已丢弃，请重新上传。', { offset: 0 });
      return s;
    });
}

export async function readBlob(db: ServerDb, agencyId: string, sha256: string): Promise<Buffer | null> {
  const r = rowsOf(await db.execute(sql`select 1 from blobs where agency_id = ${agencyId} and sha256 = ${sha256} and complete`))[0];
  return r ? storedBytes(db, agencyId, sha256) : null;
}
