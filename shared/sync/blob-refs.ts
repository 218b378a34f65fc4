// The blobs a synced field names (sync.md §8): a `sha256:` reference standing in a field's place (signature images),
// or the entries of a project record's attachment list (docs/process.md §Attachments). The sync client fetches
// every named blob it does not hold.
import { ATTACHMENTS_KEY, attachmentsOf } from '../process/attachments.js';
import { BLOB_REF_PATTERN, BLOB_REF_PREFIX } from './protocol.js';
import { VALUES_PREFIX } from './field-schemas.js';

export function blobHashesOf(field: string, value: unknown): string[] {
  if (typeof value !== 'string') return [];
  if (BLOB_REF_PATTERN.test(value)) return [value.slice(BLOB_REF_PREFIX.length)];
  if (field === `${VALUES_PREFIX}${ATTACHMENTS_KEY}`) return attachmentsOf({ [ATTACHMENTS_KEY]: value }).map((a) => a.sha256);
  return [];
}
