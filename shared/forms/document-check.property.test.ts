import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnosisDefinition, diagnosisFields } from './appendix-a/diagnosis-definition.js';
import { checkDocument } from './document-check.js';
import { documentFacts } from '../eligibility/facts.js';
import { propertyOptions } from '../../tests/support/property-seed.js';
import { formatGrouped, formatPercent, formatStoredValue } from './format-values.js';
import { BUILTIN_RULE_SETS } from '../eligibility/builtin-rule-sets.js';
import { ruleSetSchema } from '../eligibility/rule-set-schema.js';
import { evaluateRuleSet, gapsForSummary } from '../eligibility/evaluate.js';

// Whatever arrives in a field — garbage text, NaN, Infinity, negatives, huge numbers, booleans in number fields —
// the check never throws, computed values are finite or blank, and nothing prints NaN or Infinity.
const anyValue = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.boolean(),
  fc.constantFrom('1,234.5', '１２３４．５', '  42 ', '-3', '1e400', '123456789012345', '0', '0.004'),
);
const anyValues = fc.dictionary(fc.constantFrom(...diagnosisFields.map((f) => f.key)), anyValue);
const anyHeader = fc.record({ incubatorType: fc.constantFrom('专业型', '综合型', null, 'x'), operatingSince: fc.constantFrom('2020-01-01', '', null, 'bad'), creditCode: fc.constantFrom('91450107MA5KA3RN4L', '', 'x') });
const sets = BUILTIN_RULE_SETS.map((s) => ruleSetSchema.parse(s));
const checkDiagnosis = (values: Record<string, unknown>, header: Record<string, unknown>) =>
  checkDocument(diagnosisDefinition, { values: values as never, header: header as never });

describe('checkDiagnosis over any input', () => {
  it('never throws, never computes NaN or Infinity, never prints them', () => {
    fc.assert(
      fc.property(anyValues, anyHeader, (values, header) => {
        const r = checkDiagnosis(values, header as never);
        for (const v of Object.values(r.computed)) expect(v === null || Number.isFinite(v)).toBe(true);
        for (const v of Object.values(r.numbers)) expect(v === null || Number.isFinite(v)).toBe(true);
        for (const v of Object.values(r.computed)) {
          expect(formatPercent(v)).not.toMatch(/NaN|Infinity/);
          expect(formatGrouped(v, 2)).not.toMatch(/NaN|Infinity/);
        }
        for (const f of diagnosisFields) expect(formatStoredValue(f, r.normalized[f.key] ?? null)).not.toMatch(/^(NaN|Infinity|-Infinity)$/);
        for (const i of r.issues) expect(i.message).not.toMatch(/NaN|Infinity|undefined/);
        for (const set of sets) {
          const e = evaluateRuleSet(set, documentFacts(diagnosisDefinition, r, header as never));
          for (const x of e.results) expect(`${x.actual} ${x.gap ?? ''} ${x.required}`).not.toMatch(/NaN|Infinity|undefined/);
          expect(gapsForSummary(e)).not.toMatch(/NaN|Infinity|undefined/);
        }
      }),
      propertyOptions('DOCUMENT_CHECK_SEED', 500),
    );
  });

  it('a valid number round-trips: typed with separators or full-width digits, stored as the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const n = cents / 100;
        const typed = formatGrouped(n, 2);
        const fullWidth = typed.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(checkDiagnosis({ totalArea: typed }, {}).normalized.totalArea).toBe(n);
        expect(checkDiagnosis({ totalArea: fullWidth }, {}).normalized.totalArea).toBe(n);
      }),
      propertyOptions('DOCUMENT_NUMBER_SEED', 100),
    );
  });
});
