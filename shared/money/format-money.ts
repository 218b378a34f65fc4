// Figures as the contract prints them: 「1,234.50」 and 「¥1,234.50」, from integer 分 without a float in between.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 「1,234.50」. Any safe integer of 分, negative ones too (a budget's difference can be). */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`不是整数分：${fen}`);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${groupThousands(String(yuan))}.${cents}`;
}

/** 「¥1,234.50」 (negative: 「-¥1,234.50」). */
export function formatFenWithSymbol(fen: number): string {
  const figure = formatFen(fen);
  return figure.startsWith('-') ? `-¥${figure.slice(1)}` : `¥${figure}`;
}
