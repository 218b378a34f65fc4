// 「五、阶段性任务目标」: 「任务N：XXXX年XX月前」. Stored as an ISO month (YYYY-MM), printed as the standard writes it.
import { toHalfWidth } from '../validation/half-width.js';

export type DueMonthParse = { ok: true; month: string } | { ok: false; message: string };

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

/** Accepts 「2025年06月」, 「2025年6月前」, 「2025-06」, 「2025.6」, 「2025/06」, full-width digits. */
export function parseDueMonth(raw: string): DueMonthParse {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { ok: false, message: '请填写完成月份，如 2025年06月' };
  const m = /^(\d{4})(?:年|[-./])(\d{1,2})(?:月)?(?:前|底|末)?$/.exec(text);
  if (!m) return { ok: false, message: '月份格式不对，应为 XXXX年XX月，如 2025年06月' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间` };
  if (month < 1 || month > 12) return { ok: false, message: `月份应为 1–12，「${m[2]}月」不存在` };
  return { ok: true, month: `${m[1]}-${String(month).padStart(2, '0')}` };
}

/** 「2025年06月」 from 「2025-06」 (or from an ISO date's month). */
export function formatDueMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${m[1]}年${m[2]}月` : '';
}

/** 「任务1：2025年06月前」, the line table C.1 prints for each task (index from 0). */
export function formatTaskHeading(index: number, month: string | null): string {
  return `任务${index + 1}：${month ? `${formatDueMonth(month)}前` : 'XXXX年XX月前'}`;
}
