import { createHash, randomBytes } from 'node:crypto';

/** A device token: 256 random bits. Only its SHA-256 is stored, so a database leak does not leak tokens. */
export function newDeviceToken(): string {
  return `wbd_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
