import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, HlcError, MAX_CLOCK_DRIFT_MS, parseHlc, receiveHlc, tickHlc, type HlcState } from './hlc.js';

const T0 = Date.parse('2026-11-25T10:00:00.000Z');

describe('hybrid logical clock', () => {
  it('format and parse round-trip, including a node id with dashes', () => {
    const s: HlcState = { millis: T0, counter: 0x2a, node: '3f2b-aa-11' };
    const text = formatHlc(s);
    expect(text).toBe('2026-11-25T10:00:00.000Z-002a-3f2b-aa-11');
    expect(parseHlc(text)).toEqual(s);
    expect(() => parseHlc('yesterday')).toThrow();
  });

  it('tick follows the wall clock, and counts when the clock stands still or goes back', () => {
    const a = tickHlc({ millis: 0, counter: 0, node: 'n' }, T0);
    expect(a).toEqual({ millis: T0, counter: 0, node: 'n' });
    const b = tickHlc(a, T0);
    expect(b).toEqual({ millis: T0, counter: 1, node: 'n' });
    const c = tickHlc(b, T0 - 1000);
    expect(c).toEqual({ millis: T0, counter: 2, node: 'n' });
  });

  it('text forms sort in the order events happened', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 2, maxLength: 60 }), (jitters) => {
        let s: HlcState = { millis: 0, counter: 0, node: 'node-a' };
        const texts: string[] = [];
        for (const j of jitters) {
          s = tickHlc(s, T0 + j);
          texts.push(formatHlc(s));
        }
        expect([...texts].sort()).toEqual(texts);
        expect(new Set(texts).size).toBe(texts.length);
      }),
    );
  });

  it('receive moves past both clocks', () => {
    const local: HlcState = { millis: T0, counter: 3, node: 'a' };
    expect(receiveHlc(local, { millis: T0, counter: 7, node: 'b' }, T0 - 10)).toEqual({ millis: T0, counter: 8, node: 'a' });
    expect(receiveHlc(local, { millis: T0 + 5, counter: 7, node: 'b' }, T0)).toEqual({ millis: T0 + 5, counter: 8, node: 'a' });
    expect(receiveHlc(local, { millis: T0 - 5, counter: 7, node: 'b' }, T0)).toEqual({ millis: T0, counter: 4, node: 'a' });
    expect(receiveHlc(local, { millis: T0 - 5, counter: 7, node: 'b' }, T0 + 100)).toEqual({ millis: T0 + 100, counter: 0, node: 'a' });
  });

  it('refuses a remote clock more than 5 minutes ahead, with a Chinese message', () => {
    const local: HlcState = { millis: T0, counter: 0, node: 'a' };
    expect(() => receiveHlc(local, { millis: T0 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'b' }, T0)).toThrow(HlcError);
    try {
      receiveHlc(local, { millis: T0 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'b' }, T0);
    } catch (e) {
      expect((e as HlcError).kind).toBe('drift');
      expect((e as HlcError).message).toContain('5 分钟');
    }
    expect(() => receiveHlc(local, { millis: T0 + MAX_CLOCK_DRIFT_MS, counter: 0, node: 'b' }, T0)).not.toThrow();
  });

  it('counter overflow is an error, not a wrap-around', () => {
    expect(() => tickHlc({ millis: T0, counter: 0xffff, node: 'a' }, T0)).toThrow(HlcError);
    expect(tickHlc({ millis: T0, counter: 0xffff, node: 'a' }, T0 + 1).counter).toBe(0);
  });
});
