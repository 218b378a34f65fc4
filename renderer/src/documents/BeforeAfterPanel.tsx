import { useMemo } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { EligibilityResult, RuleResult } from '../../../shared/eligibility/evaluate.js';
import { RULE_STATUS_LABELS } from '../../../shared/eligibility/evaluate.js';
import { figureCharts, type FigureModel } from '../../../shared/forms/figure-charts.js';
import { RULE_STATUS_COLORS } from './EligibilityPanel.js';
import { FigureChart } from './FigureChart.js';


interface Row {
  rule: RuleResult;
  before: RuleResult | undefined;
}

/**
 * For documents that compare two moments (D): which recognition rules were met 培育前 and are met 培育后, and the
 * definition's pictures, drawn live from what is typed.
 */
export function BeforeAfterPanel({ model }: { model: FigureModel }) {
  const rows: Row[] = useMemo(
    () => (model.eligibility?.results ?? []).filter((r) => r.status !== 'not-applicable').map((rule) => ({ rule, before: model.baselineEligibility?.results.find((b) => b.ruleId === rule.ruleId) })),
    [model.eligibility, model.baselineEligibility],
  );
  const figures = useMemo(() => figureCharts(model), [model]);
  if (!model.eligibility) return null;
  const met = (r: EligibilityResult | null) => r?.counts.met ?? 0;
  const tag = (r: RuleResult | undefined) => (r ? <Tag color={RULE_STATUS_COLORS[r.status]}>{RULE_STATUS_LABELS[r.status]}</Tag> : <Tag>—</Tag>);
  return (
    <Card size="small" title="培育前后对比" role="region" aria-label="培育前后对比" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>{`满足的认定条件：培育前 ${met(model.baselineEligibility)} 条，培育后 ${met(model.eligibility)} 条（${model.eligibility.ruleSetName}）`}</Typography.Paragraph>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey={(r) => r.rule.ruleId}
        dataSource={rows}
        columns={[
          { title: '认定条件', render: (_, r) => `${r.rule.clause} ${r.rule.title}` },
          { title: '培育前', width: 120, render: (_, r) => tag(r.before) },
          { title: '培育后', width: 120, render: (_, r) => tag(r.rule) },
        ]}
        style={{ marginBottom: 16 }}
      />
      {figures.map((f) => (
        <figure key={f.image} style={{ margin: '0 0 16px' }}>
          <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{f.caption}</figcaption>
          <FigureChart spec={f.spec} label={f.caption} />
        </figure>
      ))}
    </Card>
  );
}
