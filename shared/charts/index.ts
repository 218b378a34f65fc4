export { AFTER_COLOR, BEFORE_COLOR, beforeAfterChartOption, type BeforeAfterChartInput, type BeforeAfterMetric, type ChartSpec } from './before-after-chart.js';
export { countMet, rulesMetChartOption, type RuleOutcome, type RuleOutcomeRow, type RulesMetChartInput } from './rules-met-chart.js';
