// Server values that name a blob this device does not hold (sync.md §8): writing one marks the database, so the
// sync's last step reads every synced table for blob references only when something may be missing, not on every
// sync (a client pulls its own rows back on each sync; those never name a blob it lacks).
import type { Executor } from '../../db/database.js';
import { hasBlob, noteBlobMissing } from '../../db/repositories/sync-state-repository.js';
import { blobHashesOf } from '../../shared/sync/blob-refs.js';

/** Marks the database when any of these wire fields names a blob it does not hold. */
export function noteMissingBlobsOf(tx: Executor, fields: Readonly<Record<string, unknown>>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (blobHashesOf(field, value).some((sha) => !hasBlob(tx, sha))) {
      noteBlobMissing(tx);
      return;
    }
  }
}
