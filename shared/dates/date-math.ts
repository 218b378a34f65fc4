// Calendar arithmetic on stored ISO dates (YYYY-MM-DD). In UTC so that a machine's time zone or daylight-saving
// rules can never shift a contract date by a day. ISO dates compare correctly as strings.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

const ISO = 'YYYY-MM-DD';

export function addDays(iso: string, days: number): string {
  return dayjs.utc(iso).add(days, 'day').format(ISO);
}

/** Calendar months; the day is clamped to the month's end (2025-03-31 − 1 month = 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  return dayjs.utc(iso).add(months, 'month').format(ISO);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}
