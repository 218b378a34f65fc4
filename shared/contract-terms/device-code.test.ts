import { describe, expect, it } from 'vitest';
import { DEVICE_CODE_ALPHABET, DEVICE_CODE_COUNT, DEVICE_CODE_PATTERN, chooseDeviceCode, preferredDeviceCode } from './device-code.js';

describe('device codes', () => {
  it('are two letters without I and O, stable for a client id', () => {
    const id = '5f0c3d2e-8a51-4c36-9a0e-2a7f1c9b8d11';
    expect(preferredDeviceCode(id)).toMatch(DEVICE_CODE_PATTERN);
    expect(preferredDeviceCode(id)).toBe(preferredDeviceCode(id));
    expect(DEVICE_CODE_ALPHABET).not.toMatch(/[IO]/);
  });

  it('the preferred code is kept when free; a taken one moves to the next free code', () => {
    const id = 'client-1';
    const preferred = preferredDeviceCode(id);
    expect(chooseDeviceCode(id, [])).toBe(preferred);
    const second = chooseDeviceCode(id, [preferred]);
    expect(second).not.toBe(preferred);
    expect(chooseDeviceCode(id, [preferred, second])).not.toBe(second);
  });

  it('tries every code before giving up', () => {
    const all: string[] = [];
    for (const a of DEVICE_CODE_ALPHABET) for (const b of DEVICE_CODE_ALPHABET) all.push(a + b);
    expect(all).toHaveLength(DEVICE_CODE_COUNT);
    const lastFree = all[123]!;
    expect(chooseDeviceCode('x', all.filter((c) => c !== lastFree))).toBe(lastFree);
    expect(() => chooseDeviceCode('x', all)).toThrow(/设备代码已全部占用/);
  });

  it('spreads 1 000 client ids over many codes', () => {
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => preferredDeviceCode(`device-${i}`)));
    expect(seen.size).toBeGreaterThan(400);
  });
});
