import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignOrderKeys } from './order-keys.js';
import { propertyOptions } from '../../tests/support/property-seed.js';

describe('order keys of list items', () => {
  it('new items get increasing keys; items already in order keep theirs', () => {
    const first = assignOrderKeys([null, null, null]);
    expect([...first].sort()).toEqual(first);
    expect(new Set(first).size).toBe(3);
    const [a, b, c] = first as [string, string, string];
    expect(assignOrderKeys([a, null, b, c])).toEqual([a, expect.any(String), b, c]);
  });

  it('moving one item changes that item\'s key only', () => {
    const [a, b, c, d] = assignOrderKeys([null, null, null, null]) as [string, string, string, string];
    const moved = assignOrderKeys([b, c, a, d]);
    expect(moved.filter((k, i) => k !== [b, c, a, d][i])).toHaveLength(1);
    expect([...moved].sort()).toEqual(moved);
  });

  it('any new order of any items gets strictly increasing keys', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 30 }), (isNew, perm) => {
        const base = assignOrderKeys(isNew.map(() => null));
        const order = base.map((k, i) => ({ k: isNew[i] ? null : k, r: perm[i] ?? i })).sort((x, y) => x.r - y.r);
        const keys = assignOrderKeys(order.map((o) => o.k));
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
      }),
      propertyOptions('ORDER_KEYS_SEED', 200),
    );
  });
});
