// Numbers typed by consultants: 1,234.5, full-width digits (１２３４．５), surrounding spaces.

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

export function normalizeNumberText(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/[．。]/g, '.')
    .replace(/[，,\s]/g, '')
    .replace(/[－—]/g, '-');
}

/** Parses typed text into a finite number, or null when it is empty or not a number. */
export function parseLooseNumber(raw: string): number | null {
  const text = normalizeNumberText(raw);
  if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
