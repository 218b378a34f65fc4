// Content-addressed attachments (sync.md §8): a resumable, repeatable PUT checked against the SHA-256 name.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerDb } from '../db/connect.js';
import { SyncServerError } from './errors.js';

export interface BlobStatus {
  offset: number;
  size: number;
  complete: boolean;
}

export async function blobStatus(db: ServerDb, agencyId: string, sha256: string): Promise<BlobStatus | null> {
  const r = rowsOf<{ len: number; size: string | number; complete: boolean }>(
    await db.execute(sql`select octet_length(data) as len, size, complete from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`),
  )[0];
  return r ? { offset: Number(r.len), size: Number(r.size), complete: r.complete } : null;
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
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${agencyId}/${sha256}`}, 1))`);
    await tx.execute(sql`
      insert into blobs (agency_id, sha256, size, data, complete) values (${agencyId}, ${sha256}, ${size}, ''::bytea, false)
      on conflict do nothing`);
    const cur = rowsOf<{ len: number; size: string | number; complete: boolean }>(
      await tx.execute(sql`select octet_length(data) as len, size, complete from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`),
    )[0]!;
    if (cur.complete) return { offset: Number(cur.size), size: Number(cur.size), complete: true };
    if (Number(cur.size) !== size) {
      await tx.execute(sql`update blobs set size = ${size}, data = ''::bytea where agency_id = ${agencyId} and sha256 = ${sha256}`);
      cur.len = 0;
    }
    if (offset !== cur.len) {
      throw new SyncServerError('offset-mismatch', `上传位置不符：服务器已有 ${cur.len} 字节，请从该处继续。`, { offset: cur.len });
    }
    if (offset + chunk.length > size) throw new SyncServerError('bad-request', '上传内容超过声明的大小。');
    await tx.execute(sql`update blobs set data = data || ${chunk}::bytea where agency_id = ${agencyId} and sha256 = ${sha256}`);
    const newLen = offset + chunk.length;
    if (newLen < size) return { offset: newLen, size, complete: false };
    const data = rowsOf<{ data: Buffer | Uint8Array }>(
      await tx.execute(sql`select data from blobs where agency_id = ${agencyId} and sha256 = ${sha256}`),
    )[0]!.data;
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== sha256) {
      await tx.execute(sql`update blobs set data = ''::bytea where agency_id = ${agencyId} and sha256 = ${sha256}`);
      return { offset: -1, size, complete: false };
    }
    await tx.execute(sql`update blobs set complete = true where agency_id = ${agencyId} and sha256 = ${sha256}`);
    return { offset: size, size, complete: true };
  }).then((s) => {
    if (s.offset === -1) throw new SyncServerError('hash-mismatch', '附件内容与其校验值不符，已丢弃，请重新上传。', { offset: 0 });
    return s;
  });
}

export async function readBlob(db: ServerDb, agencyId: string, sha256: string): Promise<Buffer | null> {
  const r = rowsOf<{ data: Buffer | Uint8Array }>(
    await db.execute(sql`select data from blobs where agency_id = ${agencyId} and sha256 = ${sha256} and complete`),
  )[0];
  return r ? Buffer.from(r.data) : null;
}
