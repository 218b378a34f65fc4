// The quantities Appendix A (诊断意见表) and Appendix D (培育效果评价表) both record, described once: type, unit,
// range and 「其中」 limit of each field, and how each shared value is computed. A and D word the labels as their
// own tables do; everything else comes from here, so the two can never disagree about what a quantity is.
// D's 「培育前」 column is prefilled from A through these keys (appendix-d/evaluation-prefill.ts).
import type { ComputedDefinition, FieldDefinition } from './field-definition.js';

export const AREA = { type: 'number', decimals: 2, unit: 'm²', min: 0, max: 100_000_000 } as const;
export const COUNT = { type: 'integer', unit: '家', min: 0, max: 1_000_000 } as const;
export const PEOPLE = { type: 'integer', unit: '人', min: 0, max: 1_000_000 } as const;
export const WAN_YUAN = { type: 'number', decimals: 2, unit: '万元', min: 0, max: 100_000_000 } as const;

/** A field's description without its key and label. */
export type MetricSpec<K extends string = string> = Omit<FieldDefinition<K>, 'key' | 'label'>;

/** The fields both tables hold, by the key both use. `lessOrEqual` names the whole by its shared key. */
export const SHARED_METRICS = {
  totalArea: AREA,
  incubatees: COUNT,
  registeredSmes: { ...COUNT, lessOrEqual: 'incubatees' },
  sameIndustryCount: { ...COUNT, lessOrEqual: 'incubatees' },
  fundedIncubatees: { ...COUNT, lessOrEqual: 'incubatees' },
  patentCount: { ...COUNT, lessOrEqual: 'incubatees' },
  validIpCount: { ...COUNT, lessOrEqual: 'incubatees' },
  graduates: COUNT,
  graduatesHighTech: { ...COUNT, lessOrEqual: 'graduates' },
  graduatesInvested: { ...COUNT, lessOrEqual: 'graduates' },
  graduatesRevenue: { ...COUNT, lessOrEqual: 'graduates' },
  seedFund: WAN_YUAN,
  staffTotal: PEOPLE,
  serviceStaff: { ...PEOPLE, lessOrEqual: 'staffTotal' },
  mentors: PEOPLE,
  hasFacilities: { type: 'yesno' },
} as const satisfies Record<string, MetricSpec>;

export type SharedMetricKey = keyof typeof SHARED_METRICS;

/** Values both tables compute from their shared fields (D computes each in both columns). */
export const SHARED_COMPUTED = {
  serviceStaffShare: { format: 'percent', numerators: ['serviceStaff'], denominator: 'staffTotal' },
  perThousandSqm: { format: 'number', numerators: ['incubatees'], denominator: 'totalArea', factor: 1000, decimals: 2, unit: '家' },
  fundedShare: { format: 'percent', numerators: ['fundedIncubatees'], denominator: 'incubatees' },
} as const satisfies Record<string, Omit<ComputedDefinition<SharedMetricKey>, 'key' | 'label'>>;

export type SharedComputedKey = keyof typeof SHARED_COMPUTED;
