// A consultant's verdict on a rule the data cannot decide (§4.1.9, and 4.1.2's confirmation): 符合 / 不符合 with a
// note. Stored in the document's values under `verdict:<rule id>` and `verdictNote:<rule id>` (rule ids are data of
// the rule set, so these keys are not fields of the definition); synced per key like every value.
import type { FieldValue } from '../forms/field-definition.js';

export const VERDICTS = ['符合', '不符合'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_NOTE_MAX = 2000;

const VERDICT_PREFIX = 'verdict:';
const NOTE_PREFIX = 'verdictNote:';

export function verdictKey(ruleId: string): string {
  return `${VERDICT_PREFIX}${ruleId}`;
}

export function verdictNoteKey(ruleId: string): string {
  return `${NOTE_PREFIX}${ruleId}`;
}

export function isVerdictKey(key: string): boolean {
  return key.startsWith(VERDICT_PREFIX) || key.startsWith(NOTE_PREFIX);
}

export interface RecordedVerdict {
  verdict: Verdict;
  note: string;
}

/** The verdict recorded for a rule, if any. */
export function verdictOf(values: Readonly<Record<string, FieldValue | undefined>>, ruleId: string): RecordedVerdict | null {
  const v = values[verdictKey(ruleId)];
  if (v !== '符合' && v !== '不符合') return null;
  const note = values[verdictNoteKey(ruleId)];
  return { verdict: v, note: typeof note === 'string' ? note : '' };
}

/** A stored verdict value as kept: a verdict or null; a note as text (cut to its limit). */
export function normalizeVerdictValue(key: string, value: FieldValue | undefined): FieldValue {
  if (key.startsWith(VERDICT_PREFIX)) return value === '符合' || value === '不符合' ? value : null;
  return typeof value === 'string' ? value.slice(0, VERDICT_NOTE_MAX) : '';
}
