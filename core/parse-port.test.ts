import { describe, expect, it } from 'vitest';
import { parsePort } from './parse-port.js';
import { resolveDataDir } from './data-paths.js';

describe('WORKBENCH_PORT', () => {
  it('unset or empty means any free port', () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('  ')).toBe(0);
  });
  it('accepts 0–65535', () => {
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('65535')).toBe(65535);
  });
  it.each(['-1', '65536', '80.5', 'abc', '8080x'])('refuses %j with a Chinese message', (raw) => {
    expect(() => parsePort(raw)).toThrow(/WORKBENCH_PORT 应为/);
  });
});

describe('data folder', () => {
  it('WORKBENCH_DATA_DIR wins, otherwise the app folder under the OS data folder', () => {
    const previous = process.env.WORKBENCH_DATA_DIR;
    try {
      process.env.WORKBENCH_DATA_DIR = '/tmp/somewhere';
      expect(resolveDataDir('/appdata')).toBe('/tmp/somewhere');
      process.env.WORKBENCH_DATA_DIR = ' ';
      expect(resolveDataDir('/appdata')).toBe('/appdata/incubator-workbench');
      delete process.env.WORKBENCH_DATA_DIR;
      expect(resolveDataDir('/appdata')).toBe('/appdata/incubator-workbench');
    } finally {
      if (previous === undefined) delete process.env.WORKBENCH_DATA_DIR;
      else process.env.WORKBENCH_DATA_DIR = previous;
    }
  });
});
