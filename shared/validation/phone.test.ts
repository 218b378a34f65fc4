import { describe, expect, it } from 'vitest';
import { checkMobile, checkTelephone } from './phone.js';

describe('「手机」 checkMobile', () => {
  it.each([
    ['13977100001', '13977100001'],
    ['139 7710 0001', '13977100001'],
    ['139-7710-0001', '13977100001'],
    ['+86 139 7710 0001', '13977100001'],
    ['+8613977100001', '13977100001'],
    ['0086 13977100001', '13977100001'],
    ['0086-139-7710-0001', '13977100001'],
    ['  19177100001  ', '19177100001'],
    ['16677100001', '16677100001'],
  ])('%s → %s', (raw, normalized) => {
    expect(checkMobile(raw)).toEqual({ ok: true, normalized });
  });

  it('any second digit 3–9 is accepted: carrier prefixes are not checked', () => {
    for (let d = 3; d <= 9; d++) expect(checkMobile(`1${d}000000000`).ok).toBe(true);
  });

  it.each([
    ['', '请填写手机号码'],
    ['   ', '请填写手机号码'],
    ['1397710000', '手机号码应为 11 位数字，当前为 10 位'],
    ['139771000012', '手机号码应为 11 位数字，当前为 12 位'],
    ['12977100001', '手机号码应以 13–19 开头'],
    ['10977100001', '手机号码应以 13–19 开头'],
    ['23977100001', '手机号码应以 13–19 开头'],
    ['1397710000a', '手机号码只能包含数字（可带空格、短横线或 +86）'],
    ['+85213977100001', '手机号码只能包含数字（可带空格、短横线或 +86）'],
  ])('%j is refused with a Chinese message', (raw, message) => {
    expect(checkMobile(raw)).toEqual({ ok: false, message });
  });

  it('a +86 followed by a non-mobile is not accepted', () => {
    expect(checkMobile('+86 0771 1234567').ok).toBe(false);
  });
});

describe('「联系电话」/「传真」 checkTelephone', () => {
  it.each([
    ['0771-1234567', '0771-1234567'],
    ['0771 12345678', '0771-12345678'],
    ['077112345678', '0771-12345678'],
    ['010-12345678', '010-12345678'],
    ['  0772-2345678  ', '0772-2345678'],
    ['0771-1234567-801', '0771-1234567-801'],
    ['0771-1234567转801', '0771-1234567-801'],
    ['0771-1234567 ext. 801', '0771-1234567-801'],
    ['0771-1234567#801', '0771-1234567-801'],
    ['+86 0771-1234567', '0771-1234567'],
    ['400-123-4567', '400-123-4567'],
    ['4001234567', '400-123-4567'],
    ['800 123 4567', '800-123-4567'],
  ])('landline / service number %s → %s', (raw, normalized) => {
    expect(checkTelephone(raw)).toEqual({ ok: true, normalized });
  });

  it('a mobile is accepted as a telephone and stored bare', () => {
    expect(checkTelephone('+86 139-7710-0001')).toEqual({ ok: true, normalized: '13977100001' });
  });

  it.each(['771-1234567', '0771-123456', '0771-123456789', '1234567', '500-123-4567', 'abc', '0771-1234567-'])(
    '%j is refused',
    (raw) => {
      const r = checkTelephone(raw);
      expect(r.ok).toBe(false);
    },
  );

  it('an empty telephone asks to be filled in', () => {
    expect(checkTelephone(' ')).toEqual({ ok: false, message: '请填写电话号码' });
  });

  it('a refused telephone explains the accepted forms in Chinese', () => {
    const r = checkTelephone('12345');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('0771-1234567');
  });
});
