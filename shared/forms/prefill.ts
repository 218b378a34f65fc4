// Values a new document takes from another document of the same incubator (D's 「培育前」 from the diagnosis that
// started the cultivation, docs/evaluation.md). Each prefilled value remembers where it came from and what it was,
// beside the fields in the document's values (`prefill:<key>`, like the verdicts' `verdict:<rule id>`), so the form
// can say 「取自…」 or 「已改（诊断值 …）」, and a later change of the source is offered, never applied silently.
import type { FieldValue } from './field-definition.js';
import type { FieldValues } from './field-engine.js';

/** Where a target field's value comes from in the source document: a field, or a computed value × `scale`. */
export type PrefillSource = { field: string } | { computed: string; scale?: number; decimals?: number };

export interface PrefillBinding<K extends string = string> {
  /** The document kind the values come from (a registry kind, e.g. 'diagnosis'). */
  fromKind: string;
  map: { readonly [T in K]?: PrefillSource };
}

const PREFIX = 'prefill:';
/** The source document's id; '' when there was none to take from (the form says so). */
export const PREFILL_SOURCE = `${PREFIX}@source`;
/** The source document's `updatedAt` when its values were taken: a later one is offered as a refresh. */
export const PREFILL_SOURCE_UPDATED = `${PREFIX}@updatedAt`;
/** The source document's date, for 「取自 2025年3月1日 的诊断意见表」. */
export const PREFILL_SOURCE_DATE = `${PREFIX}@date`;

export const prefillKey = (target: string) => `${PREFIX}${target}`;
export const isPrefillKey = (key: string) => key.startsWith(PREFIX);

/** The source document as the prefill reads it. */
export interface PrefillSourceDocument {
  id: string;
  updatedAt: string;
  date: string | null;
  /** The source's check (document-check.ts), as far as the prefill reads it. */
  check: {
    normalized: Readonly<Record<string, FieldValue | undefined>>;
    numbers: Readonly<Record<string, number | null>>;
    invalid: ReadonlySet<string>;
    computed: Readonly<Record<string, number | null>>;
  };
}

/** A source value, or null when it is empty or failed its check (invalid data is never carried over). */
export function sourceValue(source: PrefillSourceDocument, from: PrefillSource): FieldValue {
  if ('field' in from) {
    if (source.check.invalid.has(from.field)) return null;
    const v = source.check.normalized[from.field] ?? null;
    return v === '' ? null : v;
  }
  const v = source.check.computed[from.computed] ?? null;
  if (v === null) return null;
  const scaled = v * (from.scale ?? 1);
  const f = 10 ** (from.decimals ?? 2);
  return Math.round(scaled * f) / f;
}

/** The values a new document takes: each mapped field with its provenance, or only 「none found」. */
export function prefillValues(binding: PrefillBinding, source: PrefillSourceDocument | null): FieldValues {
  if (!source) return { [PREFILL_SOURCE]: '' };
  const out: FieldValues = { [PREFILL_SOURCE]: source.id, [PREFILL_SOURCE_UPDATED]: source.updatedAt, [PREFILL_SOURCE_DATE]: source.date };
  for (const [target, from] of Object.entries(binding.map)) {
    if (!from) continue;
    const v = sourceValue(source, from);
    if (v === null) continue;
    out[target] = v;
    out[prefillKey(target)] = v;
  }
  return out;
}

export type PrefillOrigin = { state: 'taken'; value: FieldValue } | { state: 'changed'; value: FieldValue } | null;

/** Whether a field holds its prefilled value, a value the consultant typed over it, or was never prefilled. */
export function prefillOrigin(values: Readonly<Record<string, FieldValue | undefined>>, target: string): PrefillOrigin {
  const key = prefillKey(target);
  if (!(key in values)) return null;
  const taken = values[key] ?? null;
  const now = values[target] ?? null;
  return now === taken || (typeof now === 'string' && String(taken) === now.trim()) ? { state: 'taken', value: taken } : { state: 'changed', value: taken };
}

/** The provenance a document's values record: which source (if any), taken when. Null when nothing was asked. */
export function prefillRecord(values: Readonly<Record<string, FieldValue | undefined>>): { sourceId: string; updatedAt: string | null; date: string | null } | null {
  const id = values[PREFILL_SOURCE];
  if (typeof id !== 'string') return null;
  const at = values[PREFILL_SOURCE_UPDATED];
  const date = values[PREFILL_SOURCE_DATE];
  return { sourceId: id, updatedAt: typeof at === 'string' ? at : null, date: typeof date === 'string' ? date : null };
}

/**
 * Takes a newer source: fields still holding their prefilled value get the new one; fields the consultant
 * changed keep what was typed (`kept` names them). The provenance records the new source.
 */
export function refreshedValues(
  binding: PrefillBinding,
  values: Readonly<Record<string, FieldValue | undefined>>,
  source: PrefillSourceDocument,
): { values: FieldValues; kept: string[]; updated: string[] } {
  const fresh = prefillValues(binding, source);
  const out: FieldValues = { [PREFILL_SOURCE]: fresh[PREFILL_SOURCE] ?? '', [PREFILL_SOURCE_UPDATED]: fresh[PREFILL_SOURCE_UPDATED] ?? null, [PREFILL_SOURCE_DATE]: fresh[PREFILL_SOURCE_DATE] ?? null };
  const kept: string[] = [];
  const updated: string[] = [];
  for (const target of Object.keys(binding.map)) {
    const origin = prefillOrigin(values, target);
    const next = fresh[target] ?? null;
    if (origin?.state === 'changed') {
      kept.push(target);
      continue;
    }
    const now = values[target] ?? null;
    if (origin === null && now !== null && now !== '') {
      // Typed by hand where nothing was prefilled: never overwritten.
      kept.push(target);
      continue;
    }
    out[prefillKey(target)] = next;
    if (next !== now) {
      out[target] = next;
      updated.push(target);
    }
  }
  return { values: out, kept, updated };
}
