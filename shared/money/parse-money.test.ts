import { describe, expect, it } from 'vitest';
import { MONEY_MESSAGES, parseYuanToFen } from './parse-money.js';
import { MAX_FEN } from './fen.js';

describe('parseYuanToFen', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.5', 123450],
    ['１２３４．５', 123450],
    ['１，２３４．５０', 123450],
    ['¥1,234.50', 123450],
    ['￥ 1 234.50', 123450],
    ['人民币 1234 元', 123400],
    ['1234元', 123400],
    ['  0.05 ', 5],
    ['.5', 50],
    ['12.', 1200],
    ['0', 0],
    ['007', 700],
    ['999,999,999,999.99', MAX_FEN],
  ])('%j → %d 分', (raw, fen) => {
    expect(parseYuanToFen(raw)).toEqual({ ok: true, fen });
  });

  it('never goes through a float: 0.29, 1.15 and 4.35 come out exact', () => {
    expect(parseYuanToFen('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuanToFen('1.15')).toEqual({ ok: true, fen: 115 });
    expect(parseYuanToFen('4.35')).toEqual({ ok: true, fen: 435 });
  });

  it.each([
    ['', MONEY_MESSAGES.empty],
    ['  ', MONEY_MESSAGES.empty],
    ['¥', MONEY_MESSAGES.empty],
    ['1234.567', '金额最多两位小数（精确到分），当前有 3 位小数'],
    ['0.001', '金额最多两位小数（精确到分），当前有 3 位小数'],
    ['-1', MONEY_MESSAGES.negative],
    ['－１００', MONEY_MESSAGES.negative],
    ['1000000000000', MONEY_MESSAGES.tooLarge],
    ['999999999999.999', '金额最多两位小数（精确到分），当前有 3 位小数'],
    ['1000000000000.00', MONEY_MESSAGES.tooLarge],
    ['12345678901234567890123456789', MONEY_MESSAGES.tooLarge],
    ['12a', MONEY_MESSAGES.notANumber],
    ['abc', MONEY_MESSAGES.notANumber],
    ['1e5', MONEY_MESSAGES.notANumber],
    ['1.2.3', MONEY_MESSAGES.notANumber],
    ['.', MONEY_MESSAGES.notANumber],
    ['十万', MONEY_MESSAGES.notANumber],
  ])('%j is refused: %s', (raw, message) => {
    expect(parseYuanToFen(raw)).toEqual({ ok: false, message });
  });
});
