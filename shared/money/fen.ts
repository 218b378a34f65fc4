// Money is an integer number of 分 (1 元 = 100 分), never a float: the contract prints the figure and the
// 大写 words from this one stored number (docs/money.md).

/** 999 999 999 999.99 元, the largest amount the contract accepts (rules.md: refused above, never truncated). */
export const MAX_FEN = 99_999_999_999_999;

/** An amount a contract can hold: a whole number of 分 from 0 to MAX_FEN. */
export function isValidFen(fen: number): boolean {
  return Number.isSafeInteger(fen) && fen >= 0 && fen <= MAX_FEN;
}

/** Thrown when code (not a user) passes an amount that parsing would have refused. */
export class FenRangeError extends RangeError {
  constructor(fen: number) {
    super(`金额超出范围：${fen} 分（应为 0 至 999,999,999,999.99 元之间、精确到分的金额）`);
    this.name = 'FenRangeError';
  }
}

export function assertValidFen(fen: number): void {
  if (!isValidFen(fen)) throw new FenRangeError(fen);
}
