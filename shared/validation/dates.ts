// Dates are stored as ISO 8601 (YYYY-MM-DD); exports write 「XXXX年XX月XX日」 and months 「XXXX年XX月」.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function formatChineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return '';
  return `${m[1]}年${m[2]}月${m[3]}日`;
}

export function formatChineseMonth(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return '';
  return `${m[1]}年${m[2]}月`;
}

/** Whole years from `fromIso` to `toIso` (both ISO dates); negative when `to` is earlier. */
export function fullYearsBetween(fromIso: string, toIso: string): number {
  const a = ISO_DATE.exec(fromIso);
  const b = ISO_DATE.exec(toIso);
  if (!a || !b) return Number.NaN;
  let years = Number(b[1]) - Number(a[1]);
  const beforeAnniversary = Number(b[2]) < Number(a[2]) || (Number(b[2]) === Number(a[2]) && Number(b[3]) < Number(a[3]));
  if (beforeAnniversary) years -= 1;
  return years;
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM' with a month 01–12. */
export function isIsoMonth(value: string): boolean {
  const m = ISO_MONTH.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** A month as typed — 「2025年6月」, 「2025年06月」, 2025-6, 2025/06 — as 'YYYY-MM'; null when it is not one. */
export function parseMonthText(text: string): string | null {
  const m = /^\s*(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*月?\s*$/.exec(text);
  if (!m) return null;
  const month = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  return isIsoMonth(month) ? month : null;
}
