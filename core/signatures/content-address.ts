// Signature and seal images are stored under the SHA-256 of their bytes: the same image signed twice is stored
// once, and a blob's name proves its content when it syncs.
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
