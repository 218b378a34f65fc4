// Calendar arithmetic on stored ISO dates (YYYY-MM-DD). In UTC so that a machine's time zone or daylight-saving
// rules can never shift a contract date by a day. ISO dates compare correctly as strings.
// Day steps are plain epoch-day arithmetic (reminders for 1 000 contracts call them thousands of times; a dayjs
// object per call was a third of that time); month steps, with their month-end clamping, are dayjs's.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

const DAY_MS = 86_400_000;

function epochDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function addDays(iso: string, days: number): string {
  return new Date((epochDay(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar months; the day is clamped to the month's end (2025-03-31 − 1 month = 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  return dayjs.utc(iso).add(months, 'month').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
