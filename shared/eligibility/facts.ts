// What a rule reads: each quantity of the catalog, read from one checked document through its definition's
// binding, with the state of its inputs — a value that failed validation is never used ('invalid'), and the
// labels of the inputs to fill in or correct are named. Values are never rounded here: rounding is for display.
import type { FieldValue } from '../forms/field-definition.js';
import type { DocumentDefinition } from '../forms/document-definition.js';
import type { DocumentCheck, HeaderValues } from '../forms/document-check.js';
import { fullYearsBetween, isIsoDate } from '../validation/dates.js';
import { checkUscc } from '../validation/uscc.js';
import { type QuantityKey, QUANTITY_CATALOG } from './quantity-catalog.js';
import type { QuantitySource } from './quantity-binding.js';
import { type RecordedVerdict, verdictOf } from './verdicts.js';

export type QuantityValue = number | boolean | null;

export interface QuantityReading {
  value: QuantityValue;
  /** 'missing': an input is empty (or a denominator 0); 'invalid': an input holds a value that failed its check. */
  state: 'ok' | 'missing' | 'invalid';
  /** Labels of the inputs to fill in (missing) or to correct (invalid); empty when ok. */
  inputs: string[];
}

export interface EligibilityFacts {
  /** A quantity as this document supplies it; undefined when the document does not supply it at all. */
  read(quantity: QuantityKey): QuantityReading | undefined;
  incubatorType: FieldValue;
  verdict(ruleId: string): RecordedVerdict | null;
}

type Check = Pick<DocumentCheck, 'numbers' | 'computed' | 'computedState' | 'normalized' | 'invalid'>;

const ok = (value: QuantityValue): QuantityReading => ({ value, state: 'ok', inputs: [] });

/**
 * Builds the facts of one checked document for its definition's eligibility binding (or another binding of the
 * same definition: D reads its 「培育前」 column through `baselineEligibility`).
 */
export function documentFacts(def: DocumentDefinition, check: Check, header: HeaderValues, binding = def.eligibility): EligibilityFacts {
  const label = (key: string) => def.fields.find((f) => f.key === key)?.label ?? key;
  /** A field and the choice that enables it (「二选一」): what to fill in when it is empty. */
  const needs = (key: string): string[] => {
    const f = def.fields.find((x) => x.key === key);
    const gate = f?.enabledWhen?.source === 'values' ? [label(f.enabledWhen.key)] : [];
    return [...gate, label(key)];
  };
  const numberOf = (keys: readonly string[], compute: () => number | null): QuantityReading => {
    const bad = keys.filter((k) => check.invalid.has(k));
    if (bad.length > 0) return { value: null, state: 'invalid', inputs: bad.map(label) };
    const value = compute();
    return value === null || !Number.isFinite(value) ? { value: null, state: 'missing', inputs: [...new Set(keys.flatMap(needs))] } : ok(value);
  };
  const asOfKey = binding?.asOfField;
  const asOf = asOfKey ? check.normalized[asOfKey] : null;

  const readSource = (q: QuantityKey, s: QuantitySource<string, string>): QuantityReading => {
    switch (s.from) {
      case 'field':
        return numberOf([s.field], () => check.numbers[s.field] ?? null);
      case 'yes': {
        const v = check.normalized[s.field];
        if (check.invalid.has(s.field)) return { value: null, state: 'invalid', inputs: [label(s.field)] };
        return typeof v === 'boolean' ? ok(v) : { value: null, state: 'missing', inputs: [label(s.field)] };
      }
      case 'computed': {
        const c = def.computed.find((x) => x.key === s.computed);
        const inputs = c ? [...c.numerators, c.denominator] : [];
        return numberOf(inputs, () => {
          const v = check.computed[s.computed] ?? null;
          return v === null ? null : QUANTITY_CATALOG[q].kind === 'percent' ? v * 100 : v;
        });
      }
      case 'per10':
        return numberOf([s.field, s.of], () => {
          const n = check.numbers[s.field] ?? null;
          const of = check.numbers[s.of] ?? null;
          return n === null || of === null || of === 0 ? null : (n * 10) / of;
        });
      case 'share':
        return numberOf([s.field, s.of], () => {
          const n = check.numbers[s.field] ?? null;
          const of = check.numbers[s.of] ?? null;
          return n === null || of === null || of === 0 ? null : (n * 100) / of;
        });
      case 'allYes': {
        const bad = s.fields.filter((k) => check.invalid.has(k));
        if (bad.length > 0) return { value: null, state: 'invalid', inputs: bad.map(label) };
        const values = s.fields.map((k) => check.normalized[k]);
        // One 否 settles it; otherwise every answer is needed.
        if (values.some((v) => v === false)) return ok(false);
        const missing = s.fields.filter((_k, i) => typeof values[i] !== 'boolean');
        return missing.length > 0 ? { value: null, state: 'missing', inputs: missing.map(label) } : ok(true);
      }
      case 'operatingYears': {
        const since = header.operatingSince;
        if (typeof since !== 'string' || !isIsoDate(since) || typeof asOf !== 'string' || !isIsoDate(asOf)) {
          return { value: null, state: 'missing', inputs: ['运营时间', ...(asOfKey ? [label(asOfKey)] : [])] };
        }
        return ok(Math.max(0, fullYearsBetween(since, asOf)));
      }
      case 'registeredInGuangxi': {
        const code = typeof header.creditCode === 'string' ? checkUscc(header.creditCode) : null;
        if (!code || code.error) return { value: null, state: code && code.normalized ? 'invalid' : 'missing', inputs: ['统一社会信用代码'] };
        return ok(code.normalized.slice(2, 4) === '45');
      }
    }
  };

  return {
    read(q) {
      const source = binding?.quantities[q];
      return source ? readSource(q, source) : undefined;
    },
    incubatorType: header.incubatorType ?? null,
    verdict: (ruleId) => verdictOf(check.normalized, ruleId),
  };
}
