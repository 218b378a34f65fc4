import { describe, expect, it } from 'vitest';
import { plainHttpWarning, readServerConfig } from './config.js';

describe('server config', () => {
  it('warns when plain HTTP listens beyond loopback', () => {
    expect(plainHttpWarning('127.0.0.1')).toBeNull();
    expect(plainHttpWarning('::1')).toBeNull();
    expect(plainHttpWarning('0.0.0.0')).toContain('明文 HTTP');
    expect(plainHttpWarning('192.168.1.5')).toContain('TLS 反向代理');
  });

  it('TRUST_PROXY: unset trusts no proxy; a number is hops; other values are addresses', () => {
    expect(readServerConfig({}).trustProxy).toBe(false);
    expect(readServerConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    const hops = readServerConfig({ TRUST_PROXY: '1' }).trustProxy as (a: string, hop: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.2', 1)]).toEqual([true, false]);
  });
});
