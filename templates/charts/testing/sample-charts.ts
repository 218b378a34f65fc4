// Sample chart inputs for tests, benches and looking at the result: the shape of a real 附录D evaluation.
import type { BeforeAfterChartInput } from '../../../shared/charts/before-after-chart.js';
import type { RulesMetChartInput } from '../../../shared/charts/rules-met-chart.js';

export const SAMPLE_BEFORE_AFTER: BeforeAfterChartInput = {
  title: '培育前后主要指标对比',
  subtitle: '南宁市邕江科技企业孵化器 · 2024年06月—2025年06月',
  metrics: [
    { label: '可自主支配的孵化场地总面积', unit: 'm²', before: 3200, after: 5200.5, decimals: 2 },
    { label: '孵化服务人员总数', unit: '人', before: 3, after: 6, decimals: 0 },
    { label: '聘请创业导师人数', unit: '人', before: 2, after: 5, decimals: 0 },
    { label: '孵化种子资金设立规模', unit: '万元', before: 0, after: 200, decimals: 2 },
    { label: '孵化器内在孵科技型企业数量', unit: '家', before: 18, after: 31, decimals: 0 },
    { label: '获得投融资的在孵企业总数', unit: '家', before: 2, after: 2, decimals: 0 },
    { label: '已拥有有效知识产权的在孵企业数量', unit: '家', before: 9, after: 7, decimals: 0 },
    { label: '累计孵化毕业企业总数', unit: '家', before: 4, after: null, decimals: 0 },
  ],
};

export const SAMPLE_RULES_MET: RulesMetChartInput = {
  title: '认定条件满足情况（T/GXAS 453-2023 §4.1）',
  rules: [
    { label: '孵化场地面积 ≥ 3000 m²', before: 'met', after: 'met' },
    { label: '在孵企业使用面积占比 ≥ 75%', before: 'unmet', after: 'met' },
    { label: '孵化服务人员占比 ≥ 50%', before: 'unmet', after: 'met' },
    { label: '每 10 家在孵企业至少 1 名创业导师', before: 'met', after: 'met' },
    { label: '种子资金 ≥ 100 万元', before: 'unmet', after: 'met' },
    { label: '在孵企业 ≥ 20 家', before: 'unmet', after: 'met' },
    { label: '获得投融资企业占比 ≥ 10%', before: 'met', after: 'unmet' },
    { label: '知识产权企业占比 ≥ 30%', before: 'met', after: 'unknown' },
    { label: '累计毕业企业 ≥ 3 家', before: 'met', after: 'unknown' },
  ],
};
