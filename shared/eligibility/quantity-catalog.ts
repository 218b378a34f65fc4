// The quantities a recognition rule can read (docs/domain-rules.md): one shared vocabulary, so a rule file names a quantity by
// key and the app knows its label, unit and kind. How a quantity is read from a document is the document
// definition's binding (quantity-binding.ts), typed against that definition's own field keys: Appendix A and D
// read the same quantity from different fields, and a renamed field fails the build.

export interface QuantityInfo {
  label: string;
  kind: 'number' | 'percent' | 'boolean';
  unit: string;
  /** Decimals used when printing values and gaps (never when comparing). */
  decimals: number;
}

export const QUANTITY_CATALOG = {
  operatingYears: { label: '运营时间（年）', kind: 'number', unit: '年', decimals: 0 },
  registeredInGuangxi: { label: '在广西注册（统一社会信用代码行政区划码 45 开头）', kind: 'boolean', unit: '', decimals: 0 },
  totalArea: { label: '可自主支配的孵化场地总面积', kind: 'number', unit: 'm²', decimals: 2 },
  areaShare: { label: '在孵企业使用面积（含公共服务面积）占总面积比例', kind: 'percent', unit: '%', decimals: 1 },
  seedFund: { label: '孵化器自有种子资金或合作孵化资金金额', kind: 'number', unit: '万元', decimals: 2 },
  fundedShare: { label: '获得投融资的在孵企业占比', kind: 'percent', unit: '%', decimals: 1 },
  serviceStaffShare: { label: '孵化服务人员占机构总人数的比例', kind: 'percent', unit: '%', decimals: 1 },
  serviceStaffPer10: { label: '每 10 家在孵企业配备的专业孵化服务人员', kind: 'number', unit: '人', decimals: 2 },
  mentors: { label: '创业导师数量', kind: 'number', unit: '人', decimals: 0 },
  mentorsPer10: { label: '每 10 家在孵企业配备的创业导师', kind: 'number', unit: '人', decimals: 2 },
  incubatees: { label: '在孵企业数量', kind: 'number', unit: '家', decimals: 0 },
  perThousandSqm: { label: '每千平方米在孵企业数量', kind: 'number', unit: '家', decimals: 2 },
  graduates: { label: '累计毕业企业数量', kind: 'number', unit: '家', decimals: 0 },
  patentShare: { label: '已申请专利的在孵企业占比', kind: 'percent', unit: '%', decimals: 1 },
  validIpShare: { label: '拥有有效知识产权的在孵企业占比', kind: 'percent', unit: '%', decimals: 1 },
  sameIndustryShare: { label: '同一产业领域在孵企业占比', kind: 'percent', unit: '%', decimals: 1 },
  hasFacilities: { label: '配备完善的公共服务设施', kind: 'boolean', unit: '', decimals: 0 },
  hasSystems: { label: '建立完善的运营管理制度', kind: 'boolean', unit: '', decimals: 0 },
} as const satisfies Record<string, QuantityInfo>;

export type QuantityKey = keyof typeof QUANTITY_CATALOG;
export const QUANTITY_KEYS = Object.keys(QUANTITY_CATALOG) as [QuantityKey, ...QuantityKey[]];

export function quantityInfo(key: QuantityKey): QuantityInfo {
  return QUANTITY_CATALOG[key];
}
