import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propertySeed } from '../../tests/support/property-seed.js';
import { parseContractNumberPattern, type ContractNumberPattern } from './contract-number-pattern.js';
import { contractNumberScope, matchContractNumber, nextContractNumber, renderContractNumber } from './contract-number.js';
import { chooseDeviceCode, preferredDeviceCode } from './device-code.js';

function pattern(source: string): ContractNumberPattern {
  const r = parseContractNumberPattern(source);
  if (!r.ok) throw new Error(r.message);
  return r.pattern;
}

const defaultPattern = pattern('GXPY-{yyyy}-{seq:3}');
const devicePattern = pattern('GXPY-{yyyy}-{device}{seq:3}');

describe('renderContractNumber / matchContractNumber', () => {
  it('fills every token', () => {
    const p = pattern('桂孵〔{yyyy}〕{yy}{mm}-{device}{seq:4}号');
    expect(renderContractNumber(p, { date: '2025-06-18', deviceCode: 'KM' }, 7)).toBe('桂孵〔2025〕2506-KM0007号');
  });

  it('a sequence past its width is written in full', () => {
    expect(renderContractNumber(defaultPattern, { date: '2025-01-01' }, 1000)).toBe('GXPY-2025-1000');
    expect(matchContractNumber(defaultPattern, 'GXPY-2025-1000')?.seq).toBe(1000);
  });

  it('reads back the sequence and the scope it was issued in', () => {
    const ctx = { date: '2025-03-01', deviceCode: 'AB' };
    const n = renderContractNumber(devicePattern, ctx, 42);
    expect(n).toBe('GXPY-2025-AB042');
    expect(matchContractNumber(devicePattern, n)).toEqual({ seq: 42, scope: contractNumberScope(devicePattern, ctx) });
  });

  it('a number not made by the pattern reads as null', () => {
    for (const n of ['GXPY-2025-01', 'GXPY-25-001', 'HT-2025-001', 'GXPY-2025-001x', 'GXPY-2025-IO001']) {
      expect(matchContractNumber(n.includes('IO') ? devicePattern : defaultPattern, n)).toBeNull();
    }
  });

  it('refuses a missing or malformed device code and a sequence below 1', () => {
    expect(() => renderContractNumber(devicePattern, { date: '2025-01-01' }, 1)).toThrow(/设备代码/);
    expect(() => renderContractNumber(devicePattern, { date: '2025-01-01', deviceCode: 'io' }, 1)).toThrow(/设备代码/);
    expect(() => renderContractNumber(defaultPattern, { date: '2025-01-01' }, 0)).toThrow(/流水号/);
    expect(() => renderContractNumber(defaultPattern, { date: '20250101' }, 1)).toThrow(/日期/);
  });
});

describe('nextContractNumber', () => {
  it('starts at 001 and counts up within the year', () => {
    const ctx = { date: '2025-06-18' };
    expect(nextContractNumber(defaultPattern, ctx, [])).toBe('GXPY-2025-001');
    expect(nextContractNumber(defaultPattern, ctx, ['GXPY-2025-001', 'GXPY-2025-002'])).toBe('GXPY-2025-003');
  });

  it('never reuses a number: a deleted one still counts, gaps are not filled', () => {
    expect(nextContractNumber(defaultPattern, { date: '2025-06-18' }, ['GXPY-2025-001', 'GXPY-2025-007'])).toBe('GXPY-2025-008');
  });

  it('a new year starts a new count', () => {
    expect(nextContractNumber(defaultPattern, { date: '2026-01-02' }, ['GXPY-2025-041'])).toBe('GXPY-2026-001');
  });

  it('each device counts in its own scope', () => {
    const issued = ['GXPY-2025-AB001', 'GXPY-2025-AB002', 'GXPY-2025-KM001'];
    expect(nextContractNumber(devicePattern, { date: '2025-05-05', deviceCode: 'KM' }, issued)).toBe('GXPY-2025-KM002');
    expect(nextContractNumber(devicePattern, { date: '2025-05-05', deviceCode: 'ZZ' }, issued)).toBe('GXPY-2025-ZZ001');
  });

  it('numbers issued under an older pattern of the agency still count after the pattern changed', () => {
    // Under {seq:2} the old 「GXPY-2025-001」 reads as sequence 1 of the same scope, so the count goes on from it.
    const narrow = pattern('GXPY-{yyyy}-{seq:2}');
    expect(nextContractNumber(narrow, { date: '2025-01-01' }, ['GXPY-2025-001', 'GXPY-2025-002'])).toBe('GXPY-2025-03');
    const padded = pattern('GXPY-{yyyy}-0{seq:2}');
    expect(nextContractNumber(padded, { date: '2025-01-01' }, ['GXPY-2025-001', 'GXPY-2025-012'])).toBe('GXPY-2025-013');
  });
});

describe('two laptops issuing numbers offline', () => {
  it('never issue the same number once each holds a code the server handed out', () => {
    const seed = propertySeed('contract numbers from offline devices');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('2025-03-01', '2025-12-31', '2026-01-01')), { maxLength: 60 }),
        (clientIds, creations) => {
          // Each device logs in once (the server gives it the first code no other device holds), then works offline.
          const codes: string[] = [];
          for (const id of clientIds) codes.push(chooseDeviceCode(id, codes));
          const perDevice = clientIds.map(() => [] as string[]);
          for (const [who, date] of creations) {
            const d = who % clientIds.length;
            perDevice[d]!.push(nextContractNumber(devicePattern, { date, deviceCode: codes[d]! }, perDevice[d]!));
          }
          const all = perDevice.flat();
          expect(new Set(all).size).toBe(all.length);
        },
      ),
      { seed, numRuns: 200 },
    );
  });

  it('with the single-device pattern two laptops would collide — which is why the pattern check asks for {device}', () => {
    const a = nextContractNumber(defaultPattern, { date: '2025-03-01' }, []);
    const b = nextContractNumber(defaultPattern, { date: '2025-03-01' }, []);
    expect(a).toBe(b);
    expect(preferredDeviceCode('laptop-a')).not.toBe(preferredDeviceCode('laptop-b'));
  });
});
