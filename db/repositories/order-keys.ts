// Order keys of list items (fractional indexing, a well-kept library): a move or an insert changes the keys of
// the moved or new items only, so two devices editing one list merge item by item (sync.md §1).
import { generateNKeysBetween } from 'fractional-indexing';

/** Indexes of the longest strictly increasing run of `keys` (null = a new item, never kept). */
function keptIndexes(keys: readonly (string | null)[]): Set<number> {
  // Patience sorting over the keys that exist; `prev` rebuilds the longest run.
  const tails: number[] = [];
  const tailKeys: string[] = [];
  const prev = new Array<number>(keys.length).fill(-1);
  keys.forEach((k, i) => {
    if (k === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tailKeys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
    tailKeys[lo] = k;
  });
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

/**
 * The order keys of items in their new order, given each item's current key (null for a new item): the longest
 * run already in order keeps its keys, every other item gets a key between its neighbours.
 */
export function assignOrderKeys(current: readonly (string | null)[]): string[] {
  const kept = keptIndexes(current);
  const out = new Array<string>(current.length);
  let i = 0;
  let before: string | null = null;
  while (i < current.length) {
    if (kept.has(i)) {
      before = current[i]!;
      out[i] = before;
      i++;
      continue;
    }
    let j = i;
    while (j < current.length && !kept.has(j)) j++;
    const after = j < current.length ? current[j]! : null;
    const keys = generateNKeysBetween(before, after, j - i);
    for (let k = i; k < j; k++) out[k] = keys[k - i]!;
    before = out[j - 1]!;
    i = j;
  }
  return out;
}
