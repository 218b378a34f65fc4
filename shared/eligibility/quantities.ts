// The quantities a recognition rule can read from a diagnosis (and, later, an evaluation): one registry, so a
// rule file names a quantity by key and the app knows its label, unit and how to read it.
import { fullYearsBetween, isIsoDate } from '../validation/dates.js';
import type { DocumentCheck, HeaderValues } from '../forms/document-values.js';

/** What a rule reads: the checked document, the incubator's header, and the date the diagnosis was made. */
export interface DiagnosisFacts {
  check: Pick<DocumentCheck, 'numbers' | 'computed' | 'normalized'>;
  header: HeaderValues;
  /** ISO date the facts describe; operating years are counted up to it. */
  asOf: string | null;
}

export type QuantityValue = number | boolean | null;

export interface QuantityDefinition {
  label: string;
  kind: 'number' | 'percent' | 'boolean';
  unit: string;
  /** Decimals used when printing values and gaps. */
  decimals: number;
  /** Labels of the inputs it needs: named when the value is missing. */
  needs: readonly string[];
  read(facts: DiagnosisFacts): QuantityValue;
}

const num = (facts: DiagnosisFacts, key: string) => facts.check.numbers[key] ?? null;
const pct = (facts: DiagnosisFacts, key: string) => {
  const f = facts.check.computed[key] ?? null;
  return f === null ? null : Math.round(f * 1000) / 10;
};
const bool = (facts: DiagnosisFacts, key: string) => {
  const v = facts.check.normalized[key];
  return typeof v === 'boolean' ? v : null;
};
const per10 = (facts: DiagnosisFacts, key: string) => {
  const n = num(facts, key);
  const incubatees = num(facts, 'incubatees');
  if (n === null || incubatees === null || incubatees === 0) return null;
  return Math.round(((n * 10) / incubatees) * 100) / 100;
};

export const QUANTITIES = {
  operatingYears: {
    label: '运营时间（年）',
    kind: 'number',
    unit: '年',
    decimals: 0,
    needs: ['运营时间', '诊断日期'],
    read: (f) => {
      const since = f.header.operatingSince;
      if (typeof since !== 'string' || !isIsoDate(since) || !f.asOf || !isIsoDate(f.asOf)) return null;
      return Math.max(0, fullYearsBetween(since, f.asOf));
    },
  },
  registeredInGuangxi: {
    label: '在广西注册（统一社会信用代码行政区划码 45 开头）',
    kind: 'boolean',
    unit: '',
    decimals: 0,
    needs: ['统一社会信用代码'],
    read: (f) => {
      const code = f.header.creditCode;
      if (typeof code !== 'string' || code.trim().length !== 18) return null;
      return code.trim().toUpperCase().slice(2, 4) === '45';
    },
  },
  totalArea: { label: '可自主支配的孵化场地总面积', kind: 'number', unit: 'm²', decimals: 2, needs: ['可自主支配的孵化场地总面积（m²）'], read: (f) => num(f, 'totalArea') },
  areaShare: {
    label: '在孵企业使用面积（含公共服务面积）占总面积比例',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['在孵企业场地面积（m²）', '公共服务场地面积（m²）', '可自主支配的孵化场地总面积（m²）'],
    read: (f) => pct(f, 'areaShare'),
  },
  seedFund: { label: '孵化器自有种子资金或合作孵化资金金额', kind: 'number', unit: '万元', decimals: 2, needs: ['孵化器自有种子资金或合作孵化资金金额（万元）'], read: (f) => num(f, 'seedFund') },
  fundedShare: {
    label: '获得投融资的在孵企业占比',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['获得投融资的在孵企业数（家）', '可自主支配场地内在孵企业数量（家）'],
    read: (f) => pct(f, 'fundedShare'),
  },
  serviceStaffShare: {
    label: '孵化服务人员占机构总人数的比例',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['专业孵化服务人员数量', '孵化器管理机构人员总数'],
    read: (f) => pct(f, 'serviceStaffShare'),
  },
  serviceStaffPer10: {
    label: '每 10 家在孵企业配备的专业孵化服务人员',
    kind: 'number',
    unit: '人',
    decimals: 2,
    needs: ['专业孵化服务人员数量', '可自主支配场地内在孵企业数量（家）'],
    read: (f) => per10(f, 'serviceStaff'),
  },
  mentors: { label: '创业导师数量', kind: 'number', unit: '人', decimals: 0, needs: ['创业导师数量'], read: (f) => num(f, 'mentors') },
  mentorsPer10: {
    label: '每 10 家在孵企业配备的创业导师',
    kind: 'number',
    unit: '人',
    decimals: 2,
    needs: ['创业导师数量', '可自主支配场地内在孵企业数量（家）'],
    read: (f) => per10(f, 'mentors'),
  },
  incubatees: { label: '在孵企业数量', kind: 'number', unit: '家', decimals: 0, needs: ['可自主支配场地内在孵企业数量（家）'], read: (f) => num(f, 'incubatees') },
  perThousandSqm: {
    label: '每千平方米在孵企业数量',
    kind: 'number',
    unit: '家',
    decimals: 2,
    needs: ['可自主支配场地内在孵企业数量（家）', '可自主支配的孵化场地总面积（m²）'],
    read: (f) => f.check.computed.perThousandSqm ?? null,
  },
  graduates: { label: '累计毕业企业数量', kind: 'number', unit: '家', decimals: 0, needs: ['累计毕业企业数量（家）'], read: (f) => num(f, 'graduates') },
  patentShare: {
    label: '已申请专利的在孵企业占比',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['在孵企业知识产权情况（二选一填写）', '已申请专利的在孵企业数量'],
    read: (f) => pct(f, 'patentShare'),
  },
  validIpShare: {
    label: '拥有有效知识产权的在孵企业占比',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['在孵企业知识产权情况（二选一填写）', '拥有有效知识产权的在孵企业数量'],
    read: (f) => pct(f, 'validIpShare'),
  },
  sameIndustryShare: {
    label: '同一产业领域在孵企业占比',
    kind: 'percent',
    unit: '%',
    decimals: 1,
    needs: ['在同一产业领域从事研发、生产的在孵企业数量', '可自主支配场地内在孵企业数量（家）'],
    read: (f) => pct(f, 'sameIndustryShare'),
  },
  hasFacilities: { label: '配备完善的公共服务设施', kind: 'boolean', unit: '', decimals: 0, needs: ['是否配备完善的公共服务设施'], read: (f) => bool(f, 'hasFacilities') },
  hasSystems: { label: '建立完善的运营管理制度', kind: 'boolean', unit: '', decimals: 0, needs: ['是否建立完善的运营管理制度'], read: (f) => bool(f, 'hasSystems') },
} as const satisfies Record<string, QuantityDefinition>;

export type QuantityKey = keyof typeof QUANTITIES;
export const QUANTITY_KEYS = Object.keys(QUANTITIES) as [QuantityKey, ...QuantityKey[]];
