import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard (sync.md §10). OWASP's Password Storage Cheat Sheet lists equal-strength settings; N=2^15,
// r=8, p=3 is one of them and needs 32 MiB per hash (N=2^17, p=1 would need 128 MiB per login on the server).
// Hashes made with other parameters are rehashed at the next successful login (needsRehash).
const PARAMS = { N: 1 << 15, r: 8, p: 3 };
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with other parameters than today's: rehash it when the password is at hand. */
export function needsRehash(stored: string): boolean {
  const [tag, n, r, p] = stored.split('$');
  return tag !== 'scrypt' || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p;
}

/** A password a consultant can type, for `admin reset-password` without --password-stdin. */
export function validatePassword(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位。';
  return null;
}
