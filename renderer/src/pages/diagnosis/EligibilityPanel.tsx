import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { type EligibilityResult, RULE_STATUS_LABELS, type RuleStatus } from '../../../../shared/eligibility/evaluate.js';

const COLORS: Record<RuleStatus, string> = {
  met: 'green',
  'not-met': 'red',
  insufficient: 'orange',
  consultant: 'blue',
  'not-applicable': 'default',
};

interface Props {
  result: EligibilityResult;
  onInsertGaps?: () => void;
  disabled?: boolean;
}

/** Beside the form: each rule of the chosen set, met / not met / not enough data, with the gap in numbers. */
export function EligibilityPanel({ result, onInsertGaps, disabled }: Props) {
  const { counts } = result;
  return (
    <Card
      size="small"
      title="认定条件对照"
      role="region"
      aria-label="认定条件对照"
      extra={
        onInsertGaps && (
          <Button size="small" onClick={onInsertGaps} disabled={disabled}>
            将差距写入诊断总结
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {result.ruleSetName}
        <br />
        符合 {counts.met} · 不符合 {counts['not-met']} · 数据不足 {counts.insufficient}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={result.results}
        renderItem={(r) => (
          <List.Item data-rule={r.ruleId} data-status={r.status} aria-label={`${r.clause} ${r.title}`} style={{ display: 'block' }}>
            <Space size={4} wrap>
              <Tag color={COLORS[r.status]}>{RULE_STATUS_LABELS[r.status]}</Tag>
              <Typography.Text strong>{r.clause}</Typography.Text>
              <Tag>{r.strength}</Tag>
            </Space>
            <div style={{ marginTop: 2 }}>{r.title}</div>
            {r.actual && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                当前：{r.actual}
              </Typography.Text>
            )}
            {r.gap && (
              <div>
                <Typography.Text type="danger">{r.gap}</Typography.Text>
              </div>
            )}
            {r.status === 'insufficient' && r.missing.length > 0 && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                需补充：{r.missing.map((m) => `「${m}」`).join('、')}
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
