// The server database's identity (migration 0002): what a client compares to tell "the same server under another
// URL" from "another server" (docs/sync.md §Identities).
import { sql } from 'drizzle-orm';
import { rowsOf, type ServerDb } from './connect.js';

export async function readServerId(db: ServerDb): Promise<string> {
  const row = rowsOf<{ value: string }>(await db.execute(sql`select value from server_meta where key = 'server_id'`))[0];
  if (!row) throw new Error('server_meta has no server_id: the migrations did not run');
  return row.value;
}
