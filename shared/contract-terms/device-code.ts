// The two-letter code a device puts into contract numbers ({device}), derived from its sync client id so that it
// is known before any server is reached. Two devices can draw the same code (1 in 576): the sync server, which
// sees every device of the agency at login, hands out the first free candidate instead (docs/contract-numbers.md).

/** Letters only (no I, O): 「KM」 cannot be misread, and a code next to the digits of {seq} stays separable. */
export const DEVICE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const BASE = DEVICE_CODE_ALPHABET.length;
export const DEVICE_CODE_COUNT = BASE * BASE;
export const DEVICE_CODE_PATTERN = /^[A-HJ-NP-Z]{2}$/;

// FNV-1a: a stable, well-spread 32-bit hash; nothing secret depends on it.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function codeAt(index: number): string {
  const i = ((index % DEVICE_CODE_COUNT) + DEVICE_CODE_COUNT) % DEVICE_CODE_COUNT;
  return DEVICE_CODE_ALPHABET[Math.floor(i / BASE)]! + DEVICE_CODE_ALPHABET[i % BASE]!;
}

/** The code this client id prefers: the same on every call, on every machine. */
export function preferredDeviceCode(clientId: string): string {
  return codeAt(fnv1a(clientId));
}

/**
 * The first code in this client's own order that no other device of the agency holds: the preferred one unless
 * taken, then the next ones. Every one of the 576 codes is tried before giving up.
 */
export function chooseDeviceCode(clientId: string, takenByOthers: Iterable<string>): string {
  const taken = new Set(takenByOthers);
  const start = fnv1a(clientId);
  for (let k = 0; k < DEVICE_CODE_COUNT; k++) {
    const code = codeAt(start + k);
    if (!taken.has(code)) return code;
  }
  throw new Error(`本机构的 ${DEVICE_CODE_COUNT} 个设备代码已全部占用，请停用不再使用的设备`);
}
