// The two rule sets the app ships (docs/domain-rules.md). They are data in the same shape an agency's own file has; the
// unit tests run them through `validateRuleSet` so a typo here fails the build, not a diagnosis.
import type { RuleSetInput } from './rule-set-schema.js';

export const BUILTIN_TGXAS_ID = 'builtin-tgxas-453-4.1';
export const BUILTIN_NATIONAL_ID = 'builtin-gkfq-2018-300-art9';

export const TGXAS_453_RULE_SET: RuleSetInput = {
  id: BUILTIN_TGXAS_ID,
  name: 'T/GXAS 453-2023 培育对象条件（4.1）',
  source: 'T/GXAS 453-2023《科技企业孵化器培育服务规范》4.1',
  level: '团体标准（广西）',
  builtin: true,
  // Version 2: 「70%以上」 includes 70 % (以上 includes the number), and 4.1.2 is evaluated (rule-set-corrections.ts).
  version: 2,
  rules: [
    {
      id: '4.1.1-guangxi',
      clause: '4.1.1',
      title: '在广西注册的独立法人',
      strength: '应',
      anyOf: [{ quantity: 'registeredInGuangxi', op: 'is-true' }],
      note: '依据统一社会信用代码的行政区划码判断；独立法人资格由诊断人员核实',
    },
    {
      id: '4.1.1-years',
      clause: '4.1.1',
      title: '运营时间 1 年及以上',
      strength: '应',
      anyOf: [{ quantity: 'operatingYears', op: '>=', threshold: 1 }],
    },
    {
      id: '4.1.2',
      clause: '4.1.2',
      title: '发展方向明确，运营管理制度和孵化服务机制健全',
      strength: '应',
      judgement: 'confirm',
      anyOf: [{ quantity: 'hasSystems', op: 'is-true' }],
      note: '依据「是否建立完善的运营管理制度」：选“否”为不符合；选“是”由诊断人员核实确认',
    },
    {
      id: '4.1.3',
      clause: '4.1.3',
      title: '可自主支配的孵化场地面积不低于 5 000 m²',
      strength: '宜',
      anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 5000 }],
      note: '场地应在同一区（县）内，且不超过 3 处，由诊断人员核实',
    },
    {
      id: '4.1.4',
      clause: '4.1.4',
      title: '自有种子资金或合作孵化资金不低于 200 万元',
      strength: '宜',
      anyOf: [{ quantity: 'seedFund', op: '>=', threshold: 200 }],
    },
    {
      id: '4.1.5',
      clause: '4.1.5',
      title: '专业孵化服务人员占机构总人数 70% 以上',
      strength: '宜',
      anyOf: [{ quantity: 'serviceStaffShare', op: '>=', threshold: 70 }],
    },
    {
      id: '4.1.6',
      clause: '4.1.6',
      title: '创业导师不少于 3 名',
      strength: '宜',
      anyOf: [{ quantity: 'mentors', op: '>=', threshold: 3 }],
    },
    {
      id: '4.1.7',
      clause: '4.1.7',
      title: '在孵企业不少于 20 家',
      strength: '宜',
      anyOf: [{ quantity: 'incubatees', op: '>=', threshold: 20 }],
      note: '在孵企业应在孵化场地内注册并实际办公，由诊断人员核实',
    },
    {
      id: '4.1.8',
      clause: '4.1.8',
      title: '具备公共活动空间和公共服务设施',
      strength: '应',
      anyOf: [{ quantity: 'hasFacilities', op: 'is-true' }],
    },
    {
      id: '4.1.9',
      clause: '4.1.9',
      title: '在企业培育、投融资、知识产权、技术转移等方面取得成效',
      strength: '应',
      judgement: 'consultant',
      note: '由诊断人员结合各项评估建议判断',
    },
  ],
};

export const NATIONAL_300_RULE_SET: RuleSetInput = {
  id: BUILTIN_NATIONAL_ID,
  name: '国家级科技企业孵化器条件（国科发区〔2018〕300号 第九条）',
  source: '《科技企业孵化器管理办法》（国科发区〔2018〕300号）第九条，据二手资料整理，以正式文本为准',
  level: '国家级',
  builtin: true,
  // Version 2: every 「以上」 includes its number (民法典 第一千二百五十九条).
  version: 2,
  rules: [
    { id: 'area', clause: '第九条', title: '可自主支配的孵化场地面积不低于 10 000 m²', strength: '应', anyOf: [{ quantity: 'totalArea', op: '>=', threshold: 10000 }] },
    { id: 'area-share', clause: '第九条', title: '在孵企业使用面积（含公共服务面积）占 75% 以上', strength: '应', anyOf: [{ quantity: 'areaShare', op: '>=', threshold: 75 }] },
    { id: 'seed-fund', clause: '第九条', title: '自有种子资金或合作孵化资金不低于 500 万元', strength: '应', anyOf: [{ quantity: 'seedFund', op: '>=', threshold: 500 }] },
    { id: 'funded-share', clause: '第九条', title: '获得投融资的在孵企业占比不低于 10%', strength: '应', anyOf: [{ quantity: 'fundedShare', op: '>=', threshold: 10 }] },
    { id: 'staff-share', clause: '第九条', title: '专业孵化服务人员占机构总人数 80% 以上', strength: '应', anyOf: [{ quantity: 'serviceStaffShare', op: '>=', threshold: 80 }] },
    { id: 'staff-per-10', clause: '第九条', title: '每 10 家在孵企业至少配备 1 名专业孵化服务人员', strength: '应', anyOf: [{ quantity: 'serviceStaffPer10', op: '>=', threshold: 1 }] },
    { id: 'mentor-per-10', clause: '第九条', title: '每 10 家在孵企业至少配备 1 名创业导师', strength: '应', anyOf: [{ quantity: 'mentorsPer10', op: '>=', threshold: 1 }] },
    {
      id: 'ip',
      clause: '第九条',
      title: '已申请专利的在孵企业占比不低于 50%，或拥有有效知识产权的在孵企业占比不低于 30%',
      strength: '应',
      anyOf: [
        { quantity: 'patentShare', op: '>=', threshold: 50 },
        { quantity: 'validIpShare', op: '>=', threshold: 30 },
      ],
    },
    { id: 'incubatees', clause: '第九条', title: '在孵企业不少于 50 家', strength: '应', appliesTo: '综合型', anyOf: [{ quantity: 'incubatees', op: '>=', threshold: 50 }] },
    { id: 'density', clause: '第九条', title: '每千平方米平均在孵企业不少于 3 家', strength: '应', appliesTo: '综合型', anyOf: [{ quantity: 'perThousandSqm', op: '>=', threshold: 3 }] },
    { id: 'graduates', clause: '第九条', title: '累计毕业企业达到 20 家以上', strength: '应', appliesTo: '综合型', anyOf: [{ quantity: 'graduates', op: '>=', threshold: 20 }] },
    { id: 'pro-same-industry', clause: '第九条', title: '专业孵化器：同一产业领域的在孵企业占 75% 以上', strength: '应', appliesTo: '专业型', anyOf: [{ quantity: 'sameIndustryShare', op: '>=', threshold: 75 }] },
    { id: 'pro-incubatees', clause: '第九条', title: '专业孵化器：在孵企业不少于 30 家', strength: '应', appliesTo: '专业型', anyOf: [{ quantity: 'incubatees', op: '>=', threshold: 30 }] },
    { id: 'pro-density', clause: '第九条', title: '专业孵化器：每千平方米平均在孵企业不少于 2 家', strength: '应', appliesTo: '专业型', anyOf: [{ quantity: 'perThousandSqm', op: '>=', threshold: 2 }] },
    { id: 'pro-graduates', clause: '第九条', title: '专业孵化器：累计毕业企业达到 15 家以上', strength: '应', appliesTo: '专业型', anyOf: [{ quantity: 'graduates', op: '>=', threshold: 15 }] },
  ],
};

export const BUILTIN_RULE_SETS: readonly RuleSetInput[] = [TGXAS_453_RULE_SET, NATIONAL_300_RULE_SET];
export const DEFAULT_RULE_SET_ID = BUILTIN_TGXAS_ID;
