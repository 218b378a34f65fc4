/** How long a delete can be undone from the history; a deleted record stays "in the bin" this long. */
export const UNDO_WINDOW_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

export function withinUndoWindow(at: string, now: Date): boolean {
  return now.getTime() - Date.parse(at) <= UNDO_WINDOW_DAYS * DAY_MS;
}

/** The earliest deletion time that is still restorable at `now` (ISO, comparable with stored timestamps). */
export function binCutoff(now: Date): string {
  return new Date(now.getTime() - UNDO_WINDOW_DAYS * DAY_MS).toISOString();
}
