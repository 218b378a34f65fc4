import { Button, Card, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { countsLine, type EligibilityResult, explainResult, RULE_STATUS_LABELS, type RuleResult, type RuleStatus } from '../../../shared/eligibility/evaluate.js';
import { VERDICT_NOTE_MAX, VERDICTS, type Verdict } from '../../../shared/eligibility/verdicts.js';

export const RULE_STATUS_COLORS: Record<RuleStatus, string> = {
  met: 'green',
  'not-met': 'red',
  insufficient: 'orange',
  invalid: 'volcano',
  consultant: 'blue',
  'not-applicable': 'default',
};

interface Props {
  result: EligibilityResult;
  onInsertGaps?: () => void;
  /** Records the consultant's verdict on a rule the data cannot decide (or a confirm rule met by the data). */
  onVerdict?: (ruleId: string, verdict: Verdict | null, note: string) => void;
  disabled?: boolean;
}

/** The consultant's verdict: 符合 / 不符合 and a note, printed in the comparison table and counted. */
function VerdictInput({ r, disabled, onVerdict }: { r: RuleResult; disabled?: boolean; onVerdict: NonNullable<Props['onVerdict']> }) {
  const name = `${r.clause} 诊断人员判断`;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 4 }} size={4}>
      <Radio.Group
        aria-label={name}
        disabled={disabled}
        value={r.verdict?.verdict}
        onChange={(e) => onVerdict(r.ruleId, e.target.value as Verdict, r.verdict?.note ?? '')}
        options={VERDICTS.map((v) => ({ value: v, label: v }))}
      />
      <Input.TextArea
        aria-label={`${r.clause} 判断说明`}
        placeholder="说明（打印在认定条件对照中）"
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={VERDICT_NOTE_MAX}
        disabled={disabled}
        defaultValue={r.verdict?.note ?? ''}
        onBlur={(e) => onVerdict(r.ruleId, r.verdict?.verdict ?? null, e.target.value)}
      />
    </Space>
  );
}

/** Beside the form: each rule of the chosen set, met / not met / not enough data / in error, with the gap. */
export function EligibilityPanel({ result, onInsertGaps, onVerdict, disabled }: Props) {
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
        {countsLine(result.counts)}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={result.results}
        renderItem={(r) => {
          const explanation = explainResult(r);
          return (
            <List.Item aria-label={`${r.clause} ${r.title}`} style={{ display: 'block' }}>
              <Space size={4} wrap>
                <Tag color={RULE_STATUS_COLORS[r.status]}>{RULE_STATUS_LABELS[r.status]}</Tag>
                <Typography.Text strong>{r.clause}</Typography.Text>
                <Tag>{r.strength}</Tag>
              </Space>
              <div style={{ marginTop: 2 }}>{r.title}</div>
              {r.actual && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  当前：{r.actual}
                </Typography.Text>
              )}
              {explanation && r.status !== 'met' && (
                <div>
                  <Typography.Text type={r.status === 'not-met' || r.status === 'invalid' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                    {explanation}
                  </Typography.Text>
                </div>
              )}
              {onVerdict && (r.needsVerdict || r.verdict) && <VerdictInput r={r} disabled={disabled} onVerdict={onVerdict} />}
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
